// SQLite's own checks of a database file: `quick_check` (every page and b-tree, in about the time
// of reading the file) and `integrity_check` (also every index against its table). Both read the
// whole file, so for the app they run in a worker thread on a connection of their own, and the
// app stays responsive; a caller that must not go on without the answer (a sync edit path) can
// wait for it through shared memory.
import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { LOWER_THREAD_PRIORITY_SOURCE } from '../workers/threadPriority.ts';

export type CheckKind = 'quick_check' | 'integrity_check';

/** 'ok', or SQLite's first complaint (or why the file could not be read at all). */
export interface CheckResult {
  ok: boolean;
  detail: string;
}

/**
 * The page cache an integrity_check may fill, in KiB (SQLite's default is 2 MB). It looks every
 * row up in each of its table's indexes, so with the default cache it re-reads index pages
 * over and over: at a million photos (a 1.5 GB file) the check took 29–44 s with the default
 * and 19 s with 256 MB. The cache is allocated only as pages are read and freed when the check's
 * connection closes.
 */
export const INTEGRITY_CHECK_CACHE_KIB = 262_144;

/** The statement that sizes a check connection's page cache. */
export function checkCachePragma(kind: CheckKind): string {
  return kind === 'integrity_check' ? `PRAGMA cache_size = -${INTEGRITY_CHECK_CACHE_KIB}` : '';
}

/** Runs the check here, now. Opens the file read-only; never changes it. */
export function checkDatabaseFile(file: string, kind: CheckKind): CheckResult {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const cache = checkCachePragma(kind);
    if (cache) db.exec(cache);
    const rows = db.prepare(`PRAGMA ${kind}`).all() as Record<string, unknown>[];
    const lines = rows.map((row) => oneLine(String(Object.values(row)[0])));
    return lines.length === 1 && lines[0] === 'ok' ? { ok: true, detail: 'ok' } : { ok: false, detail: lines.slice(0, 3).join('; ') || 'no answer' };
  } catch (error) {
    return { ok: false, detail: oneLine((error as Error).message) };
  } finally {
    db?.close();
  }
}

/** SQLite's reports span lines ("*** in database main ***\n…"); messages here are one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

// The worker's code, self-contained (eval) so it needs no separate file in the Electron bundle.
// Nobody waits on a check but an edit made in its first moments: the worker yields the CPU to the
// window and the server (workers/threadPriority.ts).
const WORKER_CODE = `${LOWER_THREAD_PRIORITY_SOURCE}
const { workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const { file, kind, cache, shared } = workerData;
let ok = false, detail;
let db = null;
try {
  db = new DatabaseSync(file, { readOnly: true });
  if (cache) db.exec(cache);
  const lines = db.prepare('PRAGMA ' + kind).all().map((row) => String(Object.values(row)[0]));
  ok = lines.length === 1 && lines[0] === 'ok';
  detail = ok ? 'ok' : lines.slice(0, 3).join('; ') || 'no answer';
} catch (error) {
  detail = String((error && error.message) || error);
} finally {
  try { if (db) db.close(); } catch {}
}
const state = new Int32Array(shared, 0, 2);
const text = new Uint8Array(shared, 8);
const bytes = new TextEncoder().encode(detail).subarray(0, text.length);
text.set(bytes);
state[1] = bytes.length;
Atomics.store(state, 0, ok ? 1 : 2);
Atomics.notify(state, 0);
`;

const DETAIL_BYTES = 2048;

/**
 * The largest database (with its write-ahead log) checked on the calling thread (startCheck).
 * Starting a worker costs about 0.3 s of CPU, which every command paid. Measured on the
 * 200,000-photo benchmark catalogue's 300 MB: quick_check 0.75–1.3 s (about 4 ms per MB),
 * integrity_check 5.5 s (about 18 ms per MB); a 20-photo catalogue's quick_check, 2–9 ms. Up to
 * these sizes a check is over in well under 0.2 s, before a worker would have started.
 */
export const INLINE_CHECK_BYTES: Record<CheckKind, number> = {
  quick_check: 8 * 1024 * 1024,
  integrity_check: 2 * 1024 * 1024,
};

/** The database file and its write-ahead log, in bytes. */
export function databaseBytes(file: string): number {
  const size = (f: string) => fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  return size(file) + size(`${file}-wal`);
}

/**
 * Checks a database: a small one here and now, a larger one in a worker thread.
 * `inlineBytes`: the largest checked here (a test sets it to force the worker).
 */
export function startCheck(file: string, kind: CheckKind, inlineBytes = INLINE_CHECK_BYTES[kind]): RunningCheck {
  return databaseBytes(file) <= inlineBytes ? new CheckDone(file, kind) : new BackgroundCheck(file, kind);
}

/** A check under way or done: in a worker thread (BackgroundCheck) or already run here (CheckDone). */
export interface RunningCheck {
  readonly done: Promise<CheckResult>;
  /** The answer, or null while the check runs. */
  result(): CheckResult | null;
  /** Blocks this thread until the answer is there (or `timeoutMs` passed: null). */
  waitSync(timeoutMs: number): CheckResult | null;
  stop(): void;
}

/** A check that was run on this thread: its answer is there at once. */
class CheckDone implements RunningCheck {
  readonly #result: CheckResult;
  readonly done: Promise<CheckResult>;

  constructor(file: string, kind: CheckKind) {
    this.#result = checkDatabaseFile(file, kind);
    this.done = Promise.resolve(this.#result);
  }

  result(): CheckResult {
    return this.#result;
  }

  waitSync(): CheckResult {
    return this.#result;
  }

  stop(): void {}
}

/** A check running in a worker thread. */
class BackgroundCheck implements RunningCheck {
  readonly #shared = new SharedArrayBuffer(8 + DETAIL_BYTES);
  readonly #state = new Int32Array(this.#shared, 0, 2);
  readonly #worker: Worker;
  readonly done: Promise<CheckResult>;

  constructor(file: string, kind: CheckKind) {
    this.#worker = new Worker(WORKER_CODE, { eval: true, workerData: { file, kind, cache: checkCachePragma(kind), shared: this.#shared } });
    this.done = new Promise((resolve) => {
      this.#worker.once('exit', () => resolve(this.result() ?? { ok: false, detail: 'the check stopped before it finished' }));
      this.#worker.once('error', (error) => resolve({ ok: false, detail: error.message }));
    });
  }

  result(): CheckResult | null {
    const state = Atomics.load(this.#state, 0);
    if (state === 0) return null;
    const detail = new TextDecoder().decode(new Uint8Array(this.#shared, 8, this.#state[1]));
    return { ok: state === 1, detail: oneLine(detail) };
  }

  waitSync(timeoutMs: number): CheckResult | null {
    Atomics.wait(this.#state, 0, 0, timeoutMs);
    return this.result();
  }

  stop(): void {
    void this.#worker.terminate();
  }
}
