// One Fototar at a time per catalogue. SQLite's own locking already keeps the database file
// consistent when two processes write (WAL, busy timeout), but each running Fototar also holds
// state SQLite cannot share: its search index worker, its undo history, a running ingest. Two
// of them on one catalogue would show each other stale search results and could ingest the same
// folder twice. So the catalogue folder holds a lock file naming the owner (pid, host, start
// time); a second app, server or CLI command is told plainly that the catalogue is in use.
// A lock whose process is gone (killed, crashed, power cut) is stale and is taken over: the
// liveness check is `kill(pid, 0)` on the same host. A lock from another host (a catalogue on a
// network share) cannot be checked and is respected; its message says which host holds it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { CatalogueError } from '../catalogueError.ts';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  purpose: string;
  token: string;
}

export interface CatalogueLock {
  readonly file: string;
  readonly owner: LockOwner;
  release(): void;
}

/** Locks held by this process, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

export function readLockOwner(file: string): LockOwner | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return { pid: value.pid, host: value.host, since: String(value.since ?? ''), purpose: String(value.purpose ?? ''), token: String(value.token ?? '') };
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the catalogue's lock or throws CatalogueError('catalogue-in-use') naming the owner. */
export function acquireCatalogueLock(file: string, catalogueRoot: string, purpose: string): CatalogueLock {
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), purpose, token: crypto.randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!heldHere.has(file)) {
      try {
        fs.writeFileSync(file, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
        heldHere.add(file);
        return { file, owner, release: () => release(file, owner.token) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') {
          // A read-only catalogue folder: no lock can be taken, and no edit could be saved.
          throw new CatalogueError('catalogue-unreadable', `Cannot lock the catalogue at ${catalogueRoot} (${code ?? (error as Error).message}); is the folder writable?`);
        }
      }
    }
    const current = readLockOwner(file);
    if (current && (current.pid === process.pid ? heldHere.has(file) : current.host !== owner.host || isProcessAlive(current.pid))) {
      const where = current.host === owner.host ? `process ${current.pid}` : `process ${current.pid} on ${current.host}`;
      throw new CatalogueError(
        'catalogue-in-use',
        `The catalogue at ${catalogueRoot} is in use by another Fototar (${current.purpose || 'app'}, ${where}, since ${current.since}). Close it first, or open another catalogue.`,
      );
    }
    if (!current) {
      // Unreadable: half-written by a process that died while writing it, or being written
      // right now. Give a live writer a moment before treating it as stale.
      const age = Date.now() - safeMtime(file);
      if (age < 2000 && attempt < 2) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
    }
    // Stale (its process is gone): remove it and try again.
    try {
      fs.unlinkSync(file);
    } catch {
      // someone else removed it first
    }
  }
  throw new CatalogueError('catalogue-in-use', `The catalogue at ${catalogueRoot} is being opened by another Fototar right now; try again.`);
}

function safeMtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function release(file: string, token: string): void {
  if (!heldHere.delete(file)) return;
  // Remove the file only if it is still ours (never another instance's fresh lock).
  if (readLockOwner(file)?.token === token) {
    try {
      fs.unlinkSync(file);
    } catch {
      // already gone
    }
  }
}
