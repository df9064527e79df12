// Opens a catalogue database: WAL for readers during writes, FULL sync so an edit reported
// saved survives a power cut, and migrations to the current schema.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.ts';
import { registerSortKeyFunction } from './sortColumns.ts';
import { CatalogueError } from '../catalogueError.ts';
import { checkDatabaseFile } from './databaseCheck.ts';

/**
 * A read-only connection. A WAL database needs its `-shm` index file, which SQLite creates beside
 * it; in a folder nobody may write to (a read-only disk, an archive's DVD, another user's folder)
 * that fails with "unable to open database file". When the app closed cleanly there is no WAL to
 * read, so the file alone is the whole catalogue and SQLite may read it as immutable.
 */
function openReadOnly(file: string, immutable: boolean): DatabaseSync {
  if (immutable) return openImmutable(file);
  try {
    const db = new DatabaseSync(file, { readOnly: true, timeout: 5000 });
    db.prepare('PRAGMA user_version').get();
    return db;
  } catch (error) {
    const wal = `${file}-wal`;
    const writable = (() => {
      try {
        fs.accessSync(path.dirname(file), fs.constants.W_OK);
        return true;
      } catch {
        return false;
      }
    })();
    if (writable || (fs.existsSync(wal) && fs.statSync(wal).size > 0)) {
      if (!writable) {
        throw new CatalogueError('catalogue-unreadable', 'readOnlyUnclean', { folder: path.dirname(file), wal: path.basename(wal) });
      }
      throw error;
    }
    return openImmutable(file);
  }
}

function openImmutable(file: string): DatabaseSync {
  const url = pathToFileURL(file);
  url.search = '?immutable=1';
  return new DatabaseSync(url, { readOnly: true });
}

/**
 * Whether a catalogue database can be read as immutable: the file alone is the whole catalogue
 * (no write-ahead log holds changes not yet in it). Only for a caller that holds the catalogue's
 * lock, so no writer can appear while it reads; SQLite then creates nothing beside the file.
 */
export function isWholeFile(file: string): boolean {
  const wal = `${file}-wal`;
  return !fs.existsSync(wal) || fs.statSync(wal).size === 0;
}

/** Each connection's page cache, in KiB. */
const PAGE_CACHE_KIB = 32768;

export function openDatabase(file: string, options: { readOnly?: boolean; immutable?: boolean } = {}): DatabaseSync {
  let db: DatabaseSync;
  try {
    db = options.readOnly ? openReadOnly(file, options.immutable === true) : new DatabaseSync(file, { readOnly: false, timeout: 5000 });
  } catch (error) {
    if (error instanceof CatalogueError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new CatalogueError('catalogue-corrupt', 'databaseDamaged', { file, detail: message });
    }
    throw new CatalogueError('catalogue-unreadable', 'databaseUnopenable', { file, reason: message });
  }
  try {
    // A corrupt file fails on the first read; say so instead of resetting anything.
    const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (version > SCHEMA_VERSION) {
      throw new CatalogueError('catalogue-too-new', 'catalogueTooNew', { schema: version, supported: SCHEMA_VERSION });
    }
    if (options.readOnly && version === 0) {
      throw new CatalogueError('catalogue-corrupt', 'noTables', { file });
    }
    if (!options.readOnly) {
      // Changing the schema of a damaged database would damage it further: check it first.
      if (version > 0 && version < SCHEMA_VERSION) {
        const check = checkDatabaseFile(file, 'quick_check');
        if (!check.ok) throw new CatalogueError('catalogue-corrupt', 'databaseDamaged', { file, detail: check.detail });
      }
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA foreign_keys = ON');
      migrate(db, version);
    }
    // The grid reads pages of rows anywhere in the table (a sort scatters them): SQLite's default
    // 2 MB page cache holds a few pages of them; 32 MB keeps the pages a person moves among
    // (and the sort indexes' upper levels) in memory rather than re-read from the file.
    db.exec(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
  } catch (error) {
    db.close();
    if (error instanceof CatalogueError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new CatalogueError('catalogue-corrupt', 'databaseDamaged', { file, detail: message });
    }
    throw error;
  }
  return db;
}

function migrate(db: DatabaseSync, from: number): void {
  if (from < SCHEMA_VERSION) registerSortKeyFunction(db);
  for (let version = from; version < SCHEMA_VERSION; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[version]);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Runs `work` in one transaction: all of it is saved, or none. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * `inTransaction` without an fsync at commit (synchronous=NORMAL): WAL stays consistent after a
 * crash or power cut and may only lose the last such transactions, so this is for work that can
 * be redone (an ingest's batches). FULL is restored before anything else can run.
 */
export function inTransactionWithoutSync<T>(db: DatabaseSync, work: () => T): T {
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    return inTransaction(db, work);
  } finally {
    db.exec('PRAGMA synchronous = FULL');
  }
}

/** Runs `read` inside one read transaction: everything it reads is one consistent snapshot. */
export function readSnapshot<T>(db: DatabaseSync, read: () => T): T {
  db.exec('BEGIN');
  try {
    return read();
  } finally {
    db.exec('COMMIT');
  }
}

/** readSnapshot for a read that awaits (a build whose segments are prepared in worker threads). */
export async function readSnapshotAsync<T>(db: DatabaseSync, read: () => Promise<T>): Promise<T> {
  db.exec('BEGIN');
  try {
    return await read();
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * A reader of SQLite's `PRAGMA data_version`, which changes exactly when another connection has
 * committed since this one last looked (never for this connection's own writes).
 */
export function dataVersionReader(db: DatabaseSync): () => number {
  const statement = db.prepare('PRAGMA data_version');
  return () => (statement.get() as { data_version: number }).data_version;
}
