// Puts a backup in place of the catalogue's database, all or nothing: killed at any moment, the
// catalogue holds either its old database or the restored one, and opens.
//   1. the backup is checked (integrity_check, schema) and the catalogue's lock taken;
//   2. the current database is saved as a backup itself ("-before-restore"), or, if it is too
//      damaged for that, copied aside as backups/damaged-<time>.sqlite: nothing is destroyed;
//   3. the backup is copied next to the database as catalogue.sqlite.restoring and fsynced;
//   4. the current database's WAL is checkpointed into it and emptied, so the old WAL can go
//      without losing anything (a WAL left beside the new file would be replayed into it);
//   5. the search index is dropped (it is rebuilt from whichever database is there);
//   6. one rename puts the new file in place, and the folder entry is made durable.
// Before 6 the old database is whole; after it the new one is. What a kill leaves (the
// `.restoring` copy, a partial backup) is removed on the next open (catalogueLeftovers.ts).
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { CataloguePaths } from '../cataloguePaths.ts';
import { CatalogueError } from '../catalogueError.ts';
import { acquireCatalogueLock } from './catalogueLock.ts';
import { backupDirectory, makeBackup, syncDirectory, verifyDatabaseFile } from './catalogueBackup.ts';
import { partialName, removeLeftovers, removePartial, restoringName } from './catalogueLeftovers.ts';
import { faultPoint } from '../faultInjection.ts';

export async function restoreBackup(backupFile: string, paths: CataloguePaths): Promise<{ restored: string; previous: string | null; photos: number }> {
  const source = path.resolve(backupFile);
  if (!fs.existsSync(source)) throw new CatalogueError('not-found', 'noBackupFile', { file: source });
  const { photos } = verifyDatabaseFile(source);
  fs.mkdirSync(paths.root, { recursive: true });
  const lock = acquireCatalogueLock(paths.lock, paths.root, 'restore');
  const incoming = restoringName(paths);
  try {
    removeLeftovers(paths);
    faultPoint('restore:locked');
    const previous = fs.existsSync(paths.database) ? await keepCurrent(paths) : null;
    faultPoint('restore:kept');
    copyDurably(source, incoming, false);
    faultPoint('restore:copied');
    if (fs.existsSync(paths.database)) emptyWal(paths, previous);
    faultPoint('restore:checkpointed');
    fs.rmSync(paths.searchIndex, { force: true });
    faultPoint('restore:index-dropped');
    fs.renameSync(incoming, paths.database);
    syncDirectory(paths.root);
    faultPoint('restore:renamed');
    return { restored: source, previous, photos };
  } catch (error) {
    removePartial(incoming);
    if (error instanceof CatalogueError) throw error;
    throw new CatalogueError('not-saved', 'restoreFailed', { reason: (error as Error).message });
  } finally {
    lock.release();
  }
}

/** The current database as a backup, or (too damaged to back up) a plain copy aside. */
async function keepCurrent(paths: CataloguePaths): Promise<string> {
  try {
    const current = new DatabaseSync(paths.database);
    try {
      return (await makeBackup(current, paths, { keep: Number.MAX_SAFE_INTEGER, label: 'before-restore' })).file;
    } finally {
      current.close();
    }
  } catch {
    const aside = path.join(backupDirectory(paths), `damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    fs.mkdirSync(path.dirname(aside), { recursive: true });
    copyDurably(paths.database, aside);
    if (fs.existsSync(`${paths.database}-wal`)) copyDurably(`${paths.database}-wal`, `${aside}-wal`);
    return aside;
  }
}

/** Copies and fsyncs; under a partial name then renamed, so `target` is whole or absent. */
function copyDurably(from: string, target: string, viaPartial = true): void {
  const partial = viaPartial ? partialName(target) : target;
  fs.copyFileSync(from, partial);
  const fd = fs.openSync(partial, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (partial !== target) fs.renameSync(partial, target);
}

/**
 * Moves everything in the current database's WAL into the database file and removes the WAL
 * and its index, so that the file alone is the whole old state.
 */
function emptyWal(paths: CataloguePaths, previous: string | null): void {
  const wal = `${paths.database}-wal`;
  let busy = false;
  try {
    const db = new DatabaseSync(paths.database, { timeout: 5000 });
    try {
      const row = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number } | undefined;
      busy = Number(row?.busy ?? 0) !== 0;
    } finally {
      db.close();
    }
  } catch {
    // A damaged database may not checkpoint; it was copied aside whole (with its WAL) above.
    if (!previous?.includes(`${path.sep}damaged-`)) throw new CatalogueError('not-saved', 'restoreNotPrepared');
  }
  const pending = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
  if ((busy || pending > 0) && !previous?.includes(`${path.sep}damaged-`)) {
    throw new CatalogueError('busy', 'restoreBusy');
  }
  for (const extra of ['-wal', '-shm', '-journal']) fs.rmSync(`${paths.database}${extra}`, { force: true });
}
