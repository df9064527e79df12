// What the services ask of a catalogue's database beyond its photo and collection rows: the one
// edit path's writes, the edit history, the catalogue's settings, folder counts, pick-list values
// and backups. An interface with promises, so an engine that answers over a connection
// (PostgreSQL, for a team) can stand where SQLite stands; SqliteStore (sqliteStore.ts) is the
// single-user catalogue's, synchronous inside.
import type { HistoryState, PhotoHistoryEntry } from '../../../shared/editHistory.ts';
import type { PhotoSort } from '../../../shared/photoSort.ts';
import type { SidecarSettings } from '../../../shared/sidecars.ts';
import type { TurnRequest } from '../../../shared/orientation.ts';
import type { PlannedEdit } from '../editing/recordedEdit.ts';
import type { AutomaticBackups, BackupInfo } from './catalogueBackup.ts';
import type { CollectionRecords } from './collectionRecords.ts';
import type { PhotoReads } from './photoReads.ts';
import type { OriginalsRecords } from './originalsRecords.ts';
import type { IngestContext, IngestOptions } from '../ingest/ingestRunner.ts';
import type { IngestReport } from '../../../shared/types.ts';

/** What an ingest is told besides where it writes: the catalogue's folder (thumbnails), and whom to tell of changed photos. */
export type IngestTarget = Pick<IngestContext, 'catalogueRoot' | 'onPhotosChanged'>;

/** A history step undone or redone: its label and the photos it changed. */
export type HistoryStep = { label: string; ids: number[] } | null;

export interface CatalogueStore {
  /** The photos, read (photoReads.ts); they are written only through the methods below. */
  readonly photoReads: PhotoReads;
  /** Where each original is and whether it is missing (originals/originalFiles.ts). */
  readonly originals: OriginalsRecords;
  readonly collections: CollectionRecords;

  /** Edits as one undoable step (validated, recorded, in one transaction); the ids that changed. */
  applyEdit(edits: readonly PlannedEdit[], label?: string, options?: { coalesce?: boolean }): Promise<number[]>;
  /** Rotates and/or flips photos as displayed, one step; the ids that changed. */
  turn(ids: readonly number[], request: TurnRequest): Promise<number[]>;
  /** Undoes (or redoes) the last step in one transaction; null when there is none. */
  undo(): Promise<HistoryStep>;
  redo(): Promise<HistoryStep>;
  historyState(): Promise<HistoryState>;
  /** Every recorded change to one photo's fields, newest first. */
  photoHistory(id: number): Promise<PhotoHistoryEntry[]>;

  sort(): Promise<PhotoSort>;
  setSort(sort: PhotoSort): Promise<PhotoSort>;
  sidecarSettings(): Promise<SidecarSettings>;
  setSidecarSettings(settings: Partial<SidecarSettings>): Promise<SidecarSettings>;

  /** Photos per folder they came from (the folder browser's tree). */
  folderCounts(): Promise<{ folder: string; count: number }[]>;
  /** The photos from a folder (by its key) and its subfolders, for a relink. */
  photosInFolder(key: string): Promise<{ id: number; file: string; hash: string; fileSize: number }[]>;
  /** Each column's values, most used first, up to `limit` each (the editor's pick lists). */
  fieldValues(columns: readonly string[], limit: number): Promise<Record<string, string[]>>;

  /** A backup now, kept with the newest `keep`. */
  backup(options?: { keep?: number; label?: string }): Promise<BackupInfo>;
  /** Backups when due and at close, for a long-running host. */
  startAutomaticBackups(options: { onError?: (error: Error) => void; beforeBackup?: () => Promise<void> }): AutomaticBackups;
  /** Adds files and folders (ingest/ingestRunner.ts; a team's: postgres/teamIngest.ts). */
  ingest(context: IngestTarget, inputs: readonly string[], options: IngestOptions): Promise<IngestReport>;
}
