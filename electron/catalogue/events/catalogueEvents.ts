// The catalogue's outgoing events (shared/events.ts): writers emit, hosts (Electron's main
// process, the browser-mode server) subscribe and push them to the renderer. While anyone
// listens, writes made elsewhere are watched for too: by other processes on a folder catalogue's
// database (externalWrites.ts), by colleagues on a team catalogue's server (its change feed).
import { MAX_EVENT_IDS, type CatalogueEvent } from '../../../shared/events.ts';
import type { HistoryState } from '../../../shared/editHistory.ts';

export type CatalogueListener = (event: CatalogueEvent) => void;

/** Starts telling `events` of writes made elsewhere; the answer stops it. */
export type WriteWatch = (events: CatalogueEvents) => () => void;

/** What the events carry along, read when they are sent (null: could not be read, leave it out). */
export interface EventFacts {
  photoCount(): number | null;
  historyState(): HistoryState | null;
}

export class CatalogueEvents {
  readonly #listeners = new Set<CatalogueListener>();
  readonly #watch: WriteWatch | null;
  readonly #facts: EventFacts | null;
  #stopWatching: (() => void) | null = null;

  constructor(watch: WriteWatch | null, facts: EventFacts | null = null) {
    this.#watch = watch;
    this.#facts = facts;
  }

  /** Subscribes; the answer unsubscribes. */
  on(listener: CatalogueListener): () => void {
    this.#listeners.add(listener);
    if (!this.#stopWatching && this.#watch) this.#stopWatching = this.#watch(this);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  emit(event: CatalogueEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A listener that fails (a closed window) must not stop the writer or the other listeners.
        console.error(error);
      }
    }
  }

  /** photosChanged for these ids, or for 'all' when the list would be long; with the count now. */
  photosChanged(ids: readonly number[] | 'all'): void {
    if (ids !== 'all' && ids.length === 0) return;
    const total = this.#read(() => this.#facts?.photoCount() ?? null);
    this.emit({ type: 'photosChanged', ids: ids === 'all' || ids.length > MAX_EVENT_IDS ? 'all' : [...ids], ...(total === null ? {} : { total }) });
  }

  /** historyChanged, with where the history is now. */
  historyChanged(): void {
    const history = this.#read(() => this.#facts?.historyState() ?? null);
    this.emit({ type: 'historyChanged', ...(history === null ? {} : { history }) });
  }

  /** A fact for an event, or null when it cannot be read now (the event goes without it). */
  #read<T>(read: () => T | null): T | null {
    try {
      return read();
    } catch {
      return null;
    }
  }

  stop(): void {
    this.#stopWatching?.();
    this.#stopWatching = null;
  }
}
