// Automatic, rotating backups of the catalogue database, and restoring one.
// Copies are made with SQLite's online backup (node:sqlite `backup()`), which copies pages
// through SQLite itself: a consistent snapshot even while the app keeps editing, with WAL
// content included, unlike copying the file. Each copy is written under a temporary name,
// checked (`PRAGMA quick_check`) and only then renamed into catalogue-<time>.sqlite, so a crash
// mid-backup never leaves a damaged file that looks like a backup. The newest KEEP are kept.
// Thumbnails and the search index are not backed up: both are rebuilt from the database and
// the originals.
import fs from 'node:fs';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import type { CataloguePaths } from '../cataloguePaths.ts';
import { CatalogueError } from '../catalogueError.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { acquireCatalogueLock } from './catalogueLock.ts';

export const BACKUP_KEEP = 10;
export const BACKUP_INTERVAL_HOURS = 6;
const NAME = /^catalogue-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-[a-z-]+)?\.sqlite$/;

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
}

export function backupDirectory(paths: CataloguePaths): string {
  return path.join(paths.root, 'backups');
}

/** Backups of this catalogue, newest first. */
export function listBackups(paths: CataloguePaths): BackupInfo[] {
  const dir = backupDirectory(paths);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match) continue;
    const stamp = match[1].replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, 'T$1:$2:$3.$4Z');
    try {
      out.push({ file: path.join(dir, name), createdAt: stamp, bytes: fs.statSync(path.join(dir, name)).size });
    } catch {
      // removed meanwhile
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.file < b.file ? 1 : -1));
}

/** Makes one backup of the open database now; keeps the newest `keep`. */
export async function makeBackup(db: DatabaseSync, paths: CataloguePaths, options: { keep?: number; label?: string } = {}): Promise<BackupInfo> {
  const dir = backupDirectory(paths);
  const now = new Date();
  const name = `catalogue-${now.toISOString().replace(/[:.]/g, '-')}${options.label ? `-${options.label}` : ''}.sqlite`;
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.rmSync(partial, { force: true });
    await backup(db, partial);
    verifyDatabaseFile(partial);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new CatalogueError('not-saved', `The backup was not made: ${(error as Error).message}`);
  }
  pruneBackups(paths, options.keep ?? BACKUP_KEEP);
  return { file, createdAt: now.toISOString(), bytes: fs.statSync(file).size };
}

export function pruneBackups(paths: CataloguePaths, keep: number): void {
  // Copies taken just before a restore are never pruned automatically.
  for (const old of listBackups(paths).filter((b) => !b.file.endsWith('-before-restore.sqlite')).slice(Math.max(1, keep))) {
    fs.rmSync(old.file, { force: true });
  }
}

/** True when the newest backup is older than `hours` (or there is none). */
export function backupDue(paths: CataloguePaths, hours = BACKUP_INTERVAL_HOURS, now = Date.now()): boolean {
  const newest = listBackups(paths)[0];
  return !newest || now - Date.parse(newest.createdAt) >= hours * 3600_000;
}

/**
 * Backs up when one is due: at once (on open) and then every hour checks again, so a
 * long-running app has a copy at most `hours` old. Failures are reported, never thrown: a
 * failed backup must not stop anyone from working. Returns a stop function.
 */
export function startAutomaticBackups(
  db: DatabaseSync,
  paths: CataloguePaths,
  options: { hours?: number; keep?: number; onError?: (error: Error) => void; onBackup?: (info: BackupInfo) => void } = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running || !db.isOpen || !backupDue(paths, options.hours)) return;
    running = true;
    try {
      options.onBackup?.(await makeBackup(db, paths, { keep: options.keep }));
    } catch (error) {
      (options.onError ?? ((e: Error) => console.error(e.message)))(error as Error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Opens a database file read-only and checks it is whole and not from a newer Fototar. */
export function verifyDatabaseFile(file: string): { schema: number; photos: number } {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    throw new CatalogueError('catalogue-corrupt', `${file} cannot be opened as a catalogue database (${(error as Error).message}).`);
  }
  try {
    const check = (db.prepare('PRAGMA quick_check').get() as { quick_check: string }).quick_check;
    if (check !== 'ok') throw new CatalogueError('catalogue-corrupt', `${file} is damaged (${check}).`);
    const schema = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (schema > SCHEMA_VERSION) throw new CatalogueError('catalogue-too-new', `${file} was written by a newer Fototar (schema ${schema}); this version reads up to schema ${SCHEMA_VERSION}.`);
    const photos = schema > 0 ? Number((db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n) : 0;
    return { schema, photos };
  } catch (error) {
    if (error instanceof CatalogueError) throw error;
    throw new CatalogueError('catalogue-corrupt', `${file} is not a usable catalogue database (${(error as Error).message}).`);
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the catalogue's database. The catalogue must not be open anywhere
 * (its lock is taken). The current database is first saved as a backup itself ("-before-restore"),
 * or, if it is too damaged to back up, moved aside as catalogue-damaged-<time>.sqlite: a restore
 * never destroys anything. The search index is dropped so it is rebuilt from the restored data.
 */
export async function restoreBackup(backupFile: string, paths: CataloguePaths): Promise<{ restored: string; previous: string | null; photos: number }> {
  const source = path.resolve(backupFile);
  if (!fs.existsSync(source)) throw new CatalogueError('not-found', `No backup file at ${source}.`);
  const { photos } = verifyDatabaseFile(source);
  fs.mkdirSync(paths.root, { recursive: true });
  const lock = acquireCatalogueLock(paths.lock, paths.root, 'restore');
  try {
    let previous: string | null = null;
    if (fs.existsSync(paths.database)) {
      try {
        const current = new DatabaseSync(paths.database);
        try {
          previous = (await makeBackup(current, paths, { keep: Number.MAX_SAFE_INTEGER, label: 'before-restore' })).file;
        } finally {
          current.close();
        }
      } catch {
        previous = path.join(paths.root, `catalogue-damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
        fs.renameSync(paths.database, previous);
      }
    }
    const incoming = `${paths.database}.restoring`;
    fs.copyFileSync(source, incoming);
    const fd = fs.openSync(incoming, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    // The old database's WAL and shared memory belong to the old file: they must go with it.
    for (const extra of ['-wal', '-shm', '-journal']) fs.rmSync(`${paths.database}${extra}`, { force: true });
    fs.renameSync(incoming, paths.database);
    fs.rmSync(paths.searchIndex, { force: true });
    return { restored: source, previous, photos };
  } finally {
    lock.release();
  }
}
