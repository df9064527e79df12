// Opens a catalogue database: WAL for readers during writes, FULL sync so an edit reported
// saved survives a power cut, and migrations to the current schema.
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.ts';
import { CatalogueError } from '../catalogueError.ts';

export function openDatabase(file: string, options: { readOnly?: boolean } = {}): DatabaseSync {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: options.readOnly ?? false, timeout: 5000 });
  } catch (error) {
    throw new CatalogueError('catalogue-unreadable', `Cannot open the catalogue database ${file}: ${(error as Error).message}`);
  }
  try {
    // A corrupt file fails on the first read; say so instead of resetting anything.
    const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (version > SCHEMA_VERSION) {
      throw new CatalogueError(
        'catalogue-too-new',
        `This catalogue was written by a newer Fototar (schema ${version}); this version reads up to schema ${SCHEMA_VERSION}. Update Fototar to open it.`,
      );
    }
    if (!options.readOnly) {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA foreign_keys = ON');
      migrate(db, version);
    }
  } catch (error) {
    db.close();
    if (error instanceof CatalogueError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new CatalogueError('catalogue-corrupt', `The catalogue database ${file} is damaged (${message}). Restore it from a backup; nothing was changed.`);
    }
    throw error;
  }
  return db;
}

function migrate(db: DatabaseSync, from: number): void {
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
