// The catalogue's outgoing events (shared/events.ts): writers emit, hosts (Electron's main
// process, the browser-mode server) subscribe and push them to the renderer. While anyone
// listens, writes by other processes (the CLI, a script on the database) are watched for too.
import type { DatabaseSync } from 'node:sqlite';
import { MAX_EVENT_IDS, type CatalogueEvent } from '../../../shared/events.ts';
import { watchExternalWrites } from './externalWrites.ts';

export type CatalogueListener = (event: CatalogueEvent) => void;

export class CatalogueEvents {
  readonly #listeners = new Set<CatalogueListener>();
  readonly #db: DatabaseSync;
  #stopWatching: (() => void) | null = null;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Subscribes; the answer unsubscribes. */
  on(listener: CatalogueListener): () => void {
    this.#listeners.add(listener);
    if (!this.#stopWatching && this.#db.isOpen) {
      // Another process's commit changes nothing this process knows of: say everything may have changed.
      this.#stopWatching = watchExternalWrites(this.#db, () => {
        this.emit({ type: 'photosChanged', ids: 'all' });
        this.emit({ type: 'collectionsChanged' });
        this.emit({ type: 'historyChanged' });
      });
    }
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

  /** photosChanged for these ids, or for 'all' when the list would be long. */
  photosChanged(ids: readonly number[] | 'all'): void {
    if (ids !== 'all' && ids.length === 0) return;
    this.emit({ type: 'photosChanged', ids: ids === 'all' || ids.length > MAX_EVENT_IDS ? 'all' : [...ids] });
  }

  stop(): void {
    this.#stopWatching?.();
    this.#stopWatching = null;
  }
}
