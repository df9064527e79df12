// One Fototar at a time per catalogue. SQLite's own locking already keeps the database file
// consistent when two processes write (WAL, busy timeout), but each running Fototar also holds
// state SQLite cannot share: its search index worker, its undo history, a running ingest. Two
// of them on one catalogue would show each other stale search results and could ingest the same
// folder twice.
//
// The lock itself is an operating-system lock, taken through SQLite on a small file of its own
// (`catalogue.lock.db`, an exclusive transaction held open for as long as the catalogue is): the
// kernel grants it to exactly one process however many race for it, and releases it the moment
// that process ends, however it ends (killed, crashed). So there is no stale lock to judge, and
// no process id that could have been reused by another program. A pid file cannot promise either:
// "is it stale?" and "replace it" are two steps, and between them another process can win.
//
// Beside it, `catalogue.lock` names the owner (pid, process start time, host, purpose, since, a
// token), written after the lock is won, so a second instance can say who holds the catalogue.
// An owner file written by an older Fototar (which had no OS lock) is still respected while its
// process runs; it counts as gone when that pid has died or now belongs to a process that started
// after the lock was written (pid reuse), and one from another host (a network share) is
// respected with a message saying how to remove it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { CatalogueError } from '../catalogueError.ts';
import { isProcessAlive, processStartTime, startedAfter } from './processIdentity.ts';

export { isProcessAlive } from './processIdentity.ts';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  purpose: string;
  token: string;
  /** The owner process's start time as the OS reports it (Linux: clock ticks since boot), or null. */
  startTime: string | null;
  /** Written by a Fototar holding the OS lock (false: an older Fototar's owner file). */
  osLock: boolean;
}

export interface CatalogueLock {
  readonly file: string;
  readonly owner: LockOwner;
  release(): void;
}

/** How long a contender waits for the OS lock while others race for it (not while it is held). */
const RACE_WAIT_MS = 1000;

/** Locks held by this process, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

export function osLockFile(ownerFile: string): string {
  return `${ownerFile}.db`;
}

export function readLockOwner(file: string): LockOwner | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return {
      pid: value.pid,
      host: value.host,
      since: String(value.since ?? ''),
      purpose: String(value.purpose ?? ''),
      token: String(value.token ?? ''),
      startTime: typeof value.startTime === 'string' ? value.startTime : null,
      osLock: value.osLock === true,
    };
  } catch {
    return null;
  }
}

/**
 * Is the process an older Fototar's owner file names still that process? Only for owner files
 * without the OS lock; on another host nothing can be checked, so it is presumed running.
 */
function legacyOwnerRunning(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (!isProcessAlive(owner.pid)) return false;
  const now = processStartTime(owner.pid);
  if (owner.startTime !== null && now !== null) return owner.startTime === now;
  // A process that started after the lock was written cannot be the one that wrote it.
  return !startedAfter(owner.pid, Date.parse(owner.since));
}

function inUse(catalogueRoot: string, ownerFile: string, current: LockOwner | null, host: string): CatalogueError {
  if (!current) {
    return new CatalogueError('catalogue-in-use', 'inUse', { root: catalogueRoot });
  }
  const owner = { root: catalogueRoot, purpose: current.purpose || 'app', pid: current.pid, since: current.since };
  return current.host === host
    ? new CatalogueError('catalogue-in-use', 'inUseHere', owner)
    : new CatalogueError('catalogue-in-use', 'inUseElsewhere', { ...owner, host: current.host, ownerFile });
}

function unwritable(catalogueRoot: string, error: unknown): CatalogueError {
  let code = (error as NodeJS.ErrnoException).code;
  if (!code || code.startsWith('ERR_SQLITE')) {
    try {
      fs.accessSync(catalogueRoot, fs.constants.W_OK);
      code = (error as Error).message;
    } catch (access) {
      code = (access as NodeJS.ErrnoException).code ?? (access as Error).message;
    }
  }
  return new CatalogueError('catalogue-unreadable', 'lockFailed', { root: catalogueRoot, reason: code });
}

/** Takes the catalogue's lock or throws CatalogueError('catalogue-in-use') naming the owner. */
export function acquireCatalogueLock(file: string, catalogueRoot: string, purpose: string): CatalogueLock {
  const host = os.hostname();
  if (heldHere.has(file)) throw inUse(catalogueRoot, file, readLockOwner(file), host);
  let held: DatabaseSync | null = null;
  try {
    held = new DatabaseSync(osLockFile(file), { timeout: RACE_WAIT_MS });
    // EXCLUSIVE at once: readers and writers of this file are shut out until it is closed. While
    // several race, SQLite's busy handling lets exactly one through; a holder keeps it.
    held.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    held?.close();
    if ((error as { errcode?: number }).errcode === 5) throw inUse(catalogueRoot, file, readLockOwner(file), host);
    throw unwritable(catalogueRoot, error);
  }
  const release = () => {
    try {
      if (held!.isOpen) held!.close();
    } catch {
      // closing releases the OS lock whatever else happens
    }
  };
  const previous = readLockOwner(file);
  if (previous && !previous.osLock && legacyOwnerRunning(previous)) {
    release();
    throw inUse(catalogueRoot, file, previous, host);
  }
  const owner: LockOwner = {
    pid: process.pid,
    host,
    since: new Date().toISOString(),
    purpose,
    token: crypto.randomBytes(8).toString('hex'),
    startTime: processStartTime(process.pid),
    osLock: true,
  };
  const temp = `${file}.${owner.token}.tmp`;
  try {
    removeOwnerTemps(file);
    fs.writeFileSync(temp, `${JSON.stringify(owner)}\n`);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    release();
    throw unwritable(catalogueRoot, error);
  }
  heldHere.add(file);
  return {
    file,
    owner,
    release: () => {
      if (!heldHere.delete(file)) return;
      // The owner file goes first, while the OS lock still keeps every other Fototar out, so a
      // successor's fresh owner file is never removed.
      if (readLockOwner(file)?.token === owner.token) fs.rmSync(file, { force: true });
      release();
    },
  };
}

/** Owner files half-written by a process that died while writing one. */
function removeOwnerTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
}
