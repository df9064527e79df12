// Automatic, rotating backups of the catalogue database.
// Copies are made with SQLite's online backup (node:sqlite `backup()`), which copies pages
// through SQLite itself: a consistent snapshot even while the app keeps editing, with WAL
// content included, unlike copying the file; it needs no lock, so `fototar backup` works while
// the app has the catalogue open. Each copy is written under a temporary name (`.partial`), then
// checked with `PRAGMA integrity_check` and only then renamed into catalogue-<time>.sqlite. The
// copy holds the source's pages as they are, so checking it checks the source as well, without
// loading the live database: a damaged catalogue gives no backup (and an error saying why), so
// a good backup is never rotated out in favour of a damaged one, and a crash mid-backup never
// leaves a file that looks like a backup. The newest KEEP are kept.
// Thumbnails and the search index are not backed up: both are rebuilt from the database and
// the originals.
import fs from 'node:fs';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import type { CataloguePaths } from '../cataloguePaths.ts';
import { CatalogueError } from '../catalogueError.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { checkDatabaseFile, startCheck, type CheckResult } from './databaseCheck.ts';
import { faultPoint } from '../faultInjection.ts';
import { partialName, removePartial } from './catalogueLeftovers.ts';

export const BACKUP_KEEP = 10;
export const BACKUP_INTERVAL_HOURS = 6;
const NAME = /^catalogue-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-[a-z-]+)?\.sqlite$/;
const BEFORE_RESTORE = '-before-restore.sqlite';

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

/** The newest backup `fototar restore latest` would put back (copies taken before a restore excluded). */
export function latestBackup(paths: CataloguePaths): BackupInfo | null {
  return listBackups(paths).find((b) => !b.file.endsWith(BEFORE_RESTORE)) ?? null;
}

function backupTarget(paths: CataloguePaths, label: string | undefined): { file: string; partial: string; createdAt: string } {
  const dir = backupDirectory(paths);
  fs.mkdirSync(dir, { recursive: true });
  const now = new Date();
  const file = path.join(dir, `catalogue-${now.toISOString().replace(/[:.]/g, '-')}${label ? `-${label}` : ''}.sqlite`);
  return { file, partial: partialName(file), createdAt: now.toISOString() };
}

/** Publishes a checked copy: fsync, then one atomic rename, then the folder entry made durable. */
function publish(partial: string, file: string, check: CheckResult, paths: CataloguePaths, keep: number | undefined, createdAt: string): BackupInfo {
  if (!check.ok) {
    throw new CatalogueError('catalogue-corrupt', 'backupDamaged', { detail: check.detail });
  }
  faultPoint('backup:checked');
  const fd = fs.openSync(partial, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
  syncDirectory(path.dirname(file));
  faultPoint('backup:renamed');
  pruneBackups(paths, keep ?? BACKUP_KEEP);
  return { file, createdAt, bytes: fs.statSync(file).size };
}

function failed(error: unknown, partial: string): CatalogueError {
  removePartial(partial);
  if (error instanceof CatalogueError) return error;
  return new CatalogueError('not-saved', 'backupNotMade', { reason: (error as Error).message });
}

/** Makes one backup of the open database now (without blocking); keeps the newest `keep`. */
export async function makeBackup(db: DatabaseSync, paths: CataloguePaths, options: { keep?: number; label?: string } = {}): Promise<BackupInfo> {
  const { file, partial, createdAt } = backupTarget(paths, options.label);
  try {
    faultPoint('backup:start');
    await backup(db, partial);
    standalone(partial);
    faultPoint('backup:copied');
    const check = await startCheck(partial, 'integrity_check').done;
    return publish(partial, file, check, paths, options.keep, createdAt);
  } catch (error) {
    throw failed(error, partial);
  }
}

/**
 * The same, blocking (VACUUM INTO writes a consistent copy in one statement): for closing, when
 * there is no later to wait for.
 */
export function makeBackupSync(db: DatabaseSync, paths: CataloguePaths, options: { keep?: number; label?: string } = {}): BackupInfo {
  const { file, partial, createdAt } = backupTarget(paths, options.label);
  try {
    faultPoint('backup:start');
    db.prepare('VACUUM INTO ?').run(partial);
    standalone(partial);
    faultPoint('backup:copied');
    return publish(partial, file, checkDatabaseFile(partial, 'integrity_check'), paths, options.keep, createdAt);
  } catch (error) {
    throw failed(error, partial);
  }
}

/**
 * Makes a copy a single self-contained file: the online backup keeps the source's WAL mode, and a
 * WAL database makes every reader (a check, `fototar restore`) create -wal and -shm files beside it.
 */
function standalone(file: string): void {
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = DELETE');
  } finally {
    db.close();
  }
  for (const extra of ['-wal', '-shm']) fs.rmSync(`${file}${extra}`, { force: true });
}

export function pruneBackups(paths: CataloguePaths, keep: number): void {
  // Copies taken just before a restore are never pruned automatically.
  for (const old of listBackups(paths).filter((b) => !b.file.endsWith(BEFORE_RESTORE)).slice(Math.max(1, keep))) {
    fs.rmSync(old.file, { force: true });
  }
}

/** True when the newest backup is older than `hours` (or there is none). */
export function backupDue(paths: CataloguePaths, hours = BACKUP_INTERVAL_HOURS, now = Date.now()): boolean {
  const newest = latestBackup(paths);
  return !newest || now - Date.parse(newest.createdAt) >= hours * 3600_000;
}

export interface AutomaticBackups {
  stop(): void;
  /** A last backup at close when anything changed since the last one (blocking). */
  backupOnClose(): BackupInfo | null;
}

/**
 * Backs up when one is due: at once (on open) and then checks every hour, so a long-running app
 * has a copy at most `hours` old; and at close when anything was saved since the last backup.
 * `beforeBackup`: awaited before a due copy starts (the host waits there while the person is
 * browsing); the close's copy never waits. Failures are reported, never thrown: a failed backup
 * must not stop anyone from working.
 */
export function startAutomaticBackups(
  db: DatabaseSync,
  paths: CataloguePaths,
  options: { hours?: number; keep?: number; onError?: (error: Error) => void; onBackup?: (info: BackupInfo) => void; beforeBackup?: () => Promise<void> } = {},
): AutomaticBackups {
  const report = options.onError ?? ((e: Error) => console.error(e.message));
  /** A due backup waiting for its moment or being copied. */
  let due = false;
  /** The copy itself running (the close's copy would be a second one). */
  let copying = false;
  let stopped = false;
  // Changes made through this connection (SQLite's count), as of the last backup.
  const changes = () => Number((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n);
  let changesAtBackup = changes();
  const tick = async () => {
    if (due || stopped || !db.isOpen || !backupDue(paths, options.hours)) return;
    due = true;
    try {
      await options.beforeBackup?.();
      if (stopped || !db.isOpen) return;
      copying = true;
      const at = changes();
      const made = await makeBackup(db, paths, { keep: options.keep });
      changesAtBackup = at;
      options.onBackup?.(made);
    } catch (error) {
      report(error as Error);
    } finally {
      due = false;
      copying = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), 3600_000);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    backupOnClose: () => {
      stopped = true;
      clearInterval(timer);
      if (copying || !db.isOpen || changes() === changesAtBackup) return null;
      try {
        const made = makeBackupSync(db, paths, { keep: options.keep });
        options.onBackup?.(made);
        return made;
      } catch (error) {
        report(error as Error);
        return null;
      }
    },
  };
}

/** Opens a database file read-only and checks it is whole and not from a newer Fototar. */
export function verifyDatabaseFile(file: string): { schema: number; photos: number } {
  const check = checkDatabaseFile(file, 'integrity_check');
  if (!check.ok) {
    const unreadable = /not a database|unable to open|file is encrypted/i.test(check.detail);
    throw new CatalogueError('catalogue-corrupt', unreadable ? 'fileNotDatabase' : 'fileDamaged', { file, detail: check.detail });
  }
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const schema = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (schema > SCHEMA_VERSION) throw new CatalogueError('catalogue-too-new', 'fileTooNew', { file, schema, supported: SCHEMA_VERSION });
    const photos = schema > 0 ? Number((db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n) : 0;
    return { schema, photos };
  } catch (error) {
    if (error instanceof CatalogueError) throw error;
    throw new CatalogueError('catalogue-corrupt', 'fileNotUsable', { file, reason: (error as Error).message });
  } finally {
    db.close();
  }
}

/** Makes a rename or a new file in `dir` durable (a no-op where directories cannot be opened). */
export function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; its renames are durable as they are.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
