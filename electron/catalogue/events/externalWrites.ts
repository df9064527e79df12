// Notices commits made to the database by other connections: the CLI, another tool, a script.
// SQLite's `PRAGMA data_version` changes exactly when another connection has committed since
// this connection last looked, and never for this connection's own writes, so one cheap read on
// a short timer in the host process tells "someone else wrote" without reading any table.
import type { DatabaseSync } from 'node:sqlite';
import { dataVersionReader } from '../store/openDatabase.ts';

export const EXTERNAL_WRITE_CHECK_MS = 50;

export function watchExternalWrites(db: DatabaseSync, onWrite: () => void, intervalMs = EXTERNAL_WRITE_CHECK_MS): () => void {
  const read = dataVersionReader(db);
  let last = read();
  const timer = setInterval(() => {
    if (!db.isOpen) return stop();
    let now: number;
    try {
      now = read();
    } catch {
      return; // Busy or closing: the next tick looks again.
    }
    if (now !== last) {
      last = now;
      onWrite();
    }
  }, intervalMs);
  // The watcher alone never keeps a process alive.
  timer.unref();
  const stop = () => clearInterval(timer);
  return stop;
}
