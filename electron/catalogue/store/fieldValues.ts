// The values a text field holds, most used first: the editor's pick lists (donors, places,
// licences…). Counting them reads every photo, about 1.8 s per field at 1,000,000 photos, so on a
// large database they are read in a worker thread on a read-only connection of its own: the
// thread that answers the grid and serves its thumbnails is never held by them.
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { databaseBytes } from './databaseCheck.ts';

/** The largest database (with its WAL) read on the calling thread: under about 20 ms a field. */
export const INLINE_FIELD_VALUES_BYTES = 8 * 1024 * 1024;

/** A column's values, most used first, then in SQLite's order; empty values left out. */
export function fieldValuesSql(column: string): string {
  return `SELECT ${column} AS v, count(*) AS n FROM photos WHERE ${column} != '' GROUP BY ${column} ORDER BY n DESC, v LIMIT ?`;
}

// The worker's code, self-contained (eval), so the bundled app needs no extra file.
const WORKER_CODE = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const { file, queries, limit } = workerData;
let db = null;
try {
  db = new DatabaseSync(file, { readOnly: true });
  db.exec('PRAGMA busy_timeout = 5000');
  const values = {};
  for (const [column, sql] of queries) values[column] = db.prepare(sql).all(limit).map((row) => String(row.v));
  parentPort.postMessage({ ok: true, values });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
} finally {
  try { if (db) db.close(); } catch {}
}
`;

/**
 * Each column's values (fieldValuesSql), read here when the database is small and in a worker
 * thread otherwise. `inlineBytes`: the largest read here (a test sets it to force the worker).
 */
export function readFieldValues(db: DatabaseSync, file: string, columns: readonly string[], limit: number, inlineBytes = INLINE_FIELD_VALUES_BYTES): Promise<Record<string, string[]>> {
  if (databaseBytes(file) <= inlineBytes) {
    const values: Record<string, string[]> = {};
    for (const column of columns) values[column] = (db.prepare(fieldValuesSql(column)).all(limit) as { v: string }[]).map((row) => String(row.v));
    return Promise.resolve(values);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { file, queries: columns.map((c) => [c, fieldValuesSql(c)]), limit } });
    worker.once('message', (answer: { ok: true; values: Record<string, string[]> } | { ok: false; message: string }) => {
      if (answer.ok) resolve(answer.values);
      else reject(new Error(answer.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the pick-list reader stopped (${code})`)));
  });
}
