// The catalogue's outgoing events (shared/events.ts): writers emit, hosts (Electron's main
// process, the browser-mode server) subscribe and push them to the renderer. While anyone
// listens, writes by other processes (the CLI, a script on the database) are watched for too.
import type { DatabaseSync } from 'node:sqlite';
import { MAX_EVENT_IDS, type CatalogueEvent } from '../../../shared/events.ts';
import type { HistoryState } from '../../../shared/editHistory.ts';
import { watchExternalWrites } from './externalWrites.ts';

export type CatalogueListener = (event: CatalogueEvent) => void;

// Undo, redo, a new step and a save folded into the last one each change one of these.
const HISTORY_SIGNATURE = 'SELECT count(*) AS n, max(id) AS last, total(undone * id) AS undone, max(created_at) AS at FROM edit_history';
// A new, renamed or deleted collection, a pick added, removed, moved or marked modified.
const COLLECTIONS_SIGNATURE = `SELECT
  (SELECT count(*) || '|' || ifnull(max(updated_at), '') || '|' || ifnull(group_concat(id || ':' || name, '/'), '') FROM collections) AS collections,
  (SELECT count(*) || '|' || ifnull(max(id), 0) || '|' || total(position * photo_id) || '|' || total(position * id) || '|' || total(collection_id * id) || '|' || total(modified * id) FROM collection_items) AS items`;

/** What the events carry along, read when they are sent (null: could not be read, leave it out). */
export interface EventFacts {
  photoCount(): number | null;
  historyState(): HistoryState | null;
}

export class CatalogueEvents {
  readonly #listeners = new Set<CatalogueListener>();
  readonly #db: DatabaseSync;
  readonly #facts: EventFacts | null;
  #stopWatching: (() => void) | null = null;

  constructor(db: DatabaseSync, facts: EventFacts | null = null) {
    this.#db = db;
    this.#facts = facts;
  }

  /** Subscribes; the answer unsubscribes. */
  on(listener: CatalogueListener): () => void {
    this.#listeners.add(listener);
    if (!this.#stopWatching && this.#db.isOpen) {
      // Another process's commit: which photos it changed is unknown, so every photo may have;
      // the history and the collections are compared with what they were (a few aggregates), so
      // panels showing them are not re-read for a write that left them alone (fewer requests
      // compete with the ones showing the change).
      let history = this.#signature(HISTORY_SIGNATURE);
      let collections = this.#signature(COLLECTIONS_SIGNATURE);
      this.#stopWatching = watchExternalWrites(this.#db, () => {
        this.photosChanged('all');
        const [nextCollections, nextHistory] = [this.#signature(COLLECTIONS_SIGNATURE), this.#signature(HISTORY_SIGNATURE)];
        if (nextCollections === null || nextCollections !== collections) this.emit({ type: 'collectionsChanged' });
        if (nextHistory === null || nextHistory !== history) this.historyChanged();
        [collections, history] = [nextCollections, nextHistory];
      });
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  /** A short text that changes whenever the rows it sums up change; null when it cannot be read. */
  #signature(sql: string): string | null {
    try {
      return JSON.stringify(this.#db.prepare(sql).get());
    } catch {
      return null; // Busy, or an older schema: say it changed.
    }
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
      return this.#db.isOpen ? read() : null;
    } catch {
      return null;
    }
  }

  stop(): void {
    this.#stopWatching?.();
    this.#stopWatching = null;
  }
}
