// Notices commits made to the database by other connections: the CLI, another tool, a script.
// SQLite's `PRAGMA data_version` changes exactly when another connection has committed since
// this connection last looked, and never for this connection's own writes, so one cheap read
// tells "someone else wrote" without reading any table. It is read when the catalogue folder
// says a file changed (a commit writes the -wal file: the write is seen within a millisecond or
// two instead of half a poll interval later) and on a short timer, for file systems whose
// change notices are late or missing (network shares).
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { dataVersionReader } from '../store/openDatabase.ts';
import type { WriteWatch } from './catalogueEvents.ts';

export const EXTERNAL_WRITE_CHECK_MS = 50;

export function watchExternalWrites(db: DatabaseSync, onWrite: () => void, intervalMs = EXTERNAL_WRITE_CHECK_MS): () => void {
  const read = dataVersionReader(db);
  let last = read();
  const check = () => {
    if (!db.isOpen) return stop();
    let now: number;
    try {
      now = read();
    } catch {
      return; // Busy or closing: the next notice or tick looks again.
    }
    if (now !== last) {
      last = now;
      onWrite();
    }
  };
  const timer = setInterval(check, intervalMs);
  // The watcher alone never keeps a process alive.
  timer.unref();
  let watcher: fs.FSWatcher | null = null;
  const file = db.location();
  if (file) {
    const base = path.basename(file);
    try {
      let queued = false;
      watcher = fs.watch(path.dirname(file), { persistent: false }, (_event, name) => {
        // The database and its -wal/-shm files (the thumbnails and backups are none of this);
        // a burst of notices (one per write) is one look.
        if (queued || (name !== null && !String(name).startsWith(base))) return;
        queued = true;
        setImmediate(() => {
          queued = false;
          check();
        });
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      watcher = null; // No change notices here: the timer alone looks.
    }
  }
  const stop = () => {
    clearInterval(timer);
    watcher?.close();
    watcher = null;
  };
  return stop;
}

// Undo, redo, a new step and a save folded into the last one each change one of these.
const HISTORY_SIGNATURE = 'SELECT count(*) AS n, max(id) AS last, total(undone * id) AS undone, max(created_at) AS at FROM edit_history';
// A new, renamed or deleted collection, a pick added, removed, moved or marked modified.
const COLLECTIONS_SIGNATURE = `SELECT
  (SELECT count(*) || '|' || ifnull(max(updated_at), '') || '|' || ifnull(group_concat(id || ':' || name, '/'), '') FROM collections) AS collections,
  (SELECT count(*) || '|' || ifnull(max(id), 0) || '|' || total(position * photo_id) || '|' || total(position * id) || '|' || total(collection_id * id) || '|' || total(modified * id) FROM collection_items) AS items`;

/**
 * A folder catalogue's watch for other processes' commits (CatalogueEvents): which photos one
 * changed is unknown, so every photo may have; the history and the collections are compared with
 * what they were (a few aggregates), so panels showing them are not re-read for a write that left
 * them alone (fewer requests compete with the ones showing the change).
 */
export function folderWriteWatch(db: DatabaseSync): WriteWatch {
  return (events) => {
    if (!db.isOpen) return () => {};
    const signature = (sql: string): string | null => {
      try {
        return JSON.stringify(db.prepare(sql).get());
      } catch {
        return null; // Busy, or an older schema: say it changed.
      }
    };
    let history = signature(HISTORY_SIGNATURE);
    let collections = signature(COLLECTIONS_SIGNATURE);
    return watchExternalWrites(db, () => {
      events.photosChanged('all');
      const [nextCollections, nextHistory] = [signature(COLLECTIONS_SIGNATURE), signature(HISTORY_SIGNATURE)];
      if (nextCollections === null || nextCollections !== collections) events.emit({ type: 'collectionsChanged' });
      if (nextHistory === null || nextHistory !== history) events.historyChanged();
      [collections, history] = [nextCollections, nextHistory];
    });
  };
}
