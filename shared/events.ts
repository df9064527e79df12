// What changed in the catalogue, pushed to the renderer as it happens (Electron: IPC from the
// main process; browser mode: Server-Sent Events on `events`). One declaration beside the API
// contract: every writer (the app's own edits, batch edits, undo/redo, CSV import, tag rename,
// ingest, export, and other processes writing the database) reaches every panel through these,
// so a panel subscribes to what it shows instead of polling or being told by a counter.
// Plain types and a hand-written guard (no zod), so the sandboxed preload stays small.
import type { IngestProgress } from './types.ts';
import type { ExportProgress } from './collections.ts';
import type { HistoryState } from './editHistory.ts';

export type CatalogueEvent =
  /**
   * Photos' fields changed, or photos were added or removed ('all': re-read whatever you show).
   * `total`, the number of photos now, spares a panel showing the count a request.
   */
  | { type: 'photosChanged'; ids: number[] | 'all'; total?: number }
  /** A collection was created, renamed, deleted, or its picks changed. */
  | { type: 'collectionsChanged' }
  /**
   * The undo/redo history moved (an edit, an undo, a redo). `history` is where it is now; without
   * it (a reconnect), re-read it. Sent along so that a change costs the renderer one request fewer:
   * a browser opens at most six connections to the server, and the event stream holds one.
   */
  | { type: 'historyChanged'; history?: HistoryState }
  /**
   * A team catalogue's server went away ('lost': saves and colleagues' changes wait) or is back
   * ('back': what changed meanwhile has been read; panels re-read what they show).
   */
  | { type: 'connection'; state: 'lost' | 'back' }
  | { type: 'ingestProgress'; progress: IngestProgress }
  | { type: 'exportProgress'; progress: ExportProgress }
  /**
   * Another catalogue is open now (Open catalogue…, from this window or another): every window
   * loads afresh, so nothing of the one before stays on show.
   */
  | { type: 'catalogueOpened'; location: string }
  /** The app's menu asked for "Open catalogue…" (File > Open Catalogue…, Ctrl+O): the window shows it. */
  | { type: 'openCatalogueAsked' };

export type CatalogueEventType = CatalogueEvent['type'];
export type CatalogueEventOf<T extends CatalogueEventType> = Extract<CatalogueEvent, { type: T }>;

/** More changed ids than this travel as 'all': re-reading what is shown is cheaper than the list. */
export const MAX_EVENT_IDS = 5000;

/** The Electron IPC channel the main process pushes events on (the preload listens). */
export const EVENTS_CHANNEL = 'fototar:events';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isHistoryState(value: unknown): value is HistoryState {
  const label = (x: unknown) => x === null || typeof x === 'string';
  return isObject(value) && typeof value.canUndo === 'boolean' && typeof value.canRedo === 'boolean' && label(value.undoLabel) && label(value.redoLabel);
}

/** Checks an event that crossed a process boundary before any panel sees it. */
export function isCatalogueEvent(value: unknown): value is CatalogueEvent {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'photosChanged':
      return (
        (value.total === undefined || (Number.isInteger(value.total) && (value.total as number) >= 0)) &&
        (value.ids === 'all' || (Array.isArray(value.ids) && value.ids.every((id) => Number.isInteger(id))))
      );
    case 'collectionsChanged':
      return true;
    case 'connection':
      return value.state === 'lost' || value.state === 'back';
    case 'historyChanged':
      return value.history === undefined || isHistoryState(value.history);
    case 'catalogueOpened':
      return typeof value.location === 'string';
    case 'openCatalogueAsked':
      return true;
    case 'ingestProgress':
    case 'exportProgress':
      return isObject(value.progress) && typeof value.progress.state === 'string';
    default:
      return false;
  }
}

/** Whether a photosChanged event touches any of `ids`. */
export function touches(event: CatalogueEventOf<'photosChanged'>, ids: Iterable<number>): boolean {
  if (event.ids === 'all') return true;
  const changed = new Set(event.ids);
  for (const id of ids) if (changed.has(id)) return true;
  return false;
}
