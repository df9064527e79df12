// `fototar migrate --from <folder> --to postgres://…`: a folder catalogue copied into an empty
// PostgreSQL database, for a team to work on together (issue 18). Everything that is the
// catalogue's is copied with its ids: photos with their edits, the edit history, collections,
// settings, and the thumbnails (into the database, so other archivists need no re-ingest).
//
// What makes it safe:
// - the source is read under the catalogue's lock (the app cannot have it open meanwhile), through
//   a read-only connection in one read transaction, and nothing is written into its folder;
// - the target is written in one transaction that is committed only after every table has been
//   read back and its rows' digest and count matched the source's (catalogueTables.ts): a
//   failure, a mismatch or a killed process leaves the database as empty as it was;
// - a database that already holds photos is refused, so two catalogues are never mixed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import { CatalogueError } from '../../catalogueError.ts';
import { cataloguePaths, thumbnailPath, type ThumbnailSize } from '../../cataloguePaths.ts';
import { faultPoint } from '../../faultInjection.ts';
import { SCHEMA_VERSION } from '../migrations.ts';
import { acquireCatalogueLock } from '../catalogueLock.ts';
import { isWholeFile, openDatabase, readSnapshotAsync } from '../openDatabase.ts';
import { CATALOGUE_TABLES, copiedColumns, IDENTITY_TABLES, postgresRows, RowDigest, sqliteColumns, type CatalogueTable } from './catalogueTables.ts';
import { connectTo, postgresPoolConfig, teamPool } from './pgLocation.ts';
import { migratePostgres } from './pgMigrations.ts';

export type MigrationPhase = 'settings' | 'photos' | 'edit_history' | 'collections' | 'collection_items' | 'thumbnails' | 'verifying';

export interface MigrationProgress {
  phase: MigrationPhase;
  done: number;
  total: number;
}

export interface MigrationReport {
  /** Rows copied per table, each checked against the source by count and digest. */
  tables: Record<string, { rows: number; digest: string }>;
  thumbnails: { copied: number; bytes: number; digest: string };
  /** Photos whose thumbnail files were not in the catalogue (never made, or deleted): made again on demand. */
  thumbnailsAbsent: number;
  /**
   * Back into a folder: the team's record of who changed which field (photo_changes), which a
   * folder catalogue, having one user, does not keep. Its undo steps are copied all the same.
   */
  authoredChangesLeft?: number;
}

export interface MigrateOptions {
  onProgress?: (progress: MigrationProgress) => void;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table (photos, ~60 columns). */
const ROWS_PER_INSERT = 500;
/** Thumbnails per INSERT: a few MB of previews at a time. */
const THUMBNAILS_PER_INSERT = 50;

export async function migrateFolderToPostgres(folder: string, location: string, options: MigrateOptions = {}): Promise<MigrationReport> {
  const paths = cataloguePaths(folder);
  if (!fs.existsSync(paths.database)) {
    throw new CatalogueError('catalogue-missing', 'catalogueMissing', { root: paths.root, directory: folder });
  }
  // An address that cannot be used is refused before the catalogue's lock is taken.
  postgresPoolConfig(location);
  // The catalogue's lock, as the app takes it: edits made in the app during the copy would be
  // missing from the team's catalogue, so an open catalogue is refused ("in use by …"), and no
  // Fototar can start writing while it is read. Holding it, a cleanly closed catalogue is read
  // as an immutable file: SQLite creates no -wal or -shm beside it.
  const lock = acquireCatalogueLock(paths.lock, paths.root, 'migrate');
  let source: DatabaseSync;
  try {
    source = openDatabase(paths.database, { readOnly: true, immutable: isWholeFile(paths.database) });
  } catch (error) {
    lock.release();
    throw error;
  }
  const pool = teamPool(location, 1);
  try {
    const schema = Number((source.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (schema < SCHEMA_VERSION) throw new CatalogueError('invalid-input', 'migrateSourceOld', { root: paths.root, schema, current: SCHEMA_VERSION });
    const client = await connectTo(pool, location);
    try {
      await migratePostgres(client);
      return await readSnapshotAsync(source, () => copyInOneTransaction(source, client, paths, location, options));
    } finally {
      client.release();
    }
  } finally {
    source.close();
    lock.release();
    await pool.end();
  }
}

async function copyInOneTransaction(
  source: DatabaseSync,
  client: pg.PoolClient,
  paths: ReturnType<typeof cataloguePaths>,
  location: string,
  options: MigrateOptions,
): Promise<MigrationReport> {
  const progress = options.onProgress ?? (() => {});
  await client.query('BEGIN');
  try {
    // Nobody else may add photos between the emptiness check and the commit.
    await client.query('LOCK TABLE photos, collections, edit_history, settings IN ACCESS EXCLUSIVE MODE');
    const { rows } = await client.query<{ photos: string; collections: string; history: string }>(
      'SELECT (SELECT count(*) FROM photos) AS photos, (SELECT count(*) FROM collections) AS collections, (SELECT count(*) FROM edit_history) AS history',
    );
    const present = rows[0]!;
    if (Number(present.photos) + Number(present.collections) + Number(present.history) > 0) {
      throw new CatalogueError('invalid-input', 'migrateTargetNotEmpty', { location, photos: Number(present.photos) });
    }
    // The rows arrive as a whole catalogue, not as edits: the change log and its NOTIFYs would
    // only tell clients (there are none yet) to index what they index when they first open it.
    await client.query('ALTER TABLE photos DISABLE TRIGGER search_changes_insert');
    // Settings may hold defaults the migration wrote: the source's replace them.
    await client.query('DELETE FROM settings');

    const tables: MigrationReport['tables'] = {};
    for (const table of CATALOGUE_TABLES) {
      const copied = await copyTable(source, client, table, progress);
      faultPoint(`migrate:${table.name}`);
      progress({ phase: 'verifying', done: 0, total: copied.rows });
      const arrived = new RowDigest();
      for await (const row of postgresRows(client, table, copied.columns)) arrived.add(row);
      if (arrived.rows !== copied.rows || arrived.digest() !== copied.digest) {
        throw new CatalogueError('not-saved', 'migrateVerifyFailed', { table: table.name, expected: copied.rows, found: arrived.rows, location });
      }
      tables[table.name] = { rows: copied.rows, digest: copied.digest };
    }
    for (const name of IDENTITY_TABLES) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${name}', 'id'), coalesce((SELECT max(id) FROM ${name}), 1), (SELECT max(id) FROM ${name}) IS NOT NULL)`,
      );
    }
    const thumbnails = await copyThumbnails(source, client, paths, location, progress);
    await client.query('ALTER TABLE photos ENABLE TRIGGER search_changes_insert');
    faultPoint('migrate:commit');
    await client.query('COMMIT');
    return { tables, thumbnails: thumbnails.copied, thumbnailsAbsent: thumbnails.absent };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function copyTable(
  source: DatabaseSync,
  client: pg.PoolClient,
  table: CatalogueTable,
  progress: (p: MigrationProgress) => void,
): Promise<{ rows: number; digest: string; columns: string[] }> {
  const columns = copiedColumns(sqliteColumns(source, table.name), table);
  const total = Number((source.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as { n: number }).n);
  const statement = source.prepare(`SELECT ${columns.join(', ')} FROM ${table.name} ORDER BY ${table.orderBy}`);
  statement.setReturnArrays(true);
  const digest = new RowDigest();
  let batch: unknown[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const placeholders = batch.map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(', ')})`);
    // OVERRIDING SYSTEM VALUE: the ids are the catalogue's (history and collections refer to them).
    const overriding = table.orderBy === 'id' ? ' OVERRIDING SYSTEM VALUE' : '';
    await client.query(`INSERT INTO ${table.name} (${columns.join(', ')})${overriding} VALUES ${placeholders.join(', ')}`, batch.flat());
    batch = [];
    progress({ phase: table.name as MigrationPhase, done: digest.rows, total });
  };
  progress({ phase: table.name as MigrationPhase, done: 0, total });
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    digest.add(row);
    batch.push(row);
    if (batch.length === ROWS_PER_INSERT) await flush();
  }
  await flush();
  return { rows: digest.rows, digest: digest.digest(), columns };
}

const SIZES: readonly ThumbnailSize[] = ['grid', 'preview'];

async function copyThumbnails(
  source: DatabaseSync,
  client: pg.PoolClient,
  paths: ReturnType<typeof cataloguePaths>,
  location: string,
  progress: (p: MigrationProgress) => void,
): Promise<{ copied: MigrationReport['thumbnails']; absent: number }> {
  const hashes = (source.prepare('SELECT DISTINCT hash FROM photos WHERE preview_error IS NULL ORDER BY hash').all() as { hash: string }[])
    .map((row) => row.hash)
    .filter((hash) => /^[0-9a-f]{64}$/.test(hash));
  const digest = new RowDigest();
  let bytes = 0;
  let absent = 0;
  let batch: [string, ThumbnailSize, Buffer][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const placeholders = batch.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`);
    await client.query(`INSERT INTO thumbnails (hash, size, data) VALUES ${placeholders.join(', ')}`, batch.flat());
    batch = [];
  };
  let done = 0;
  progress({ phase: 'thumbnails', done, total: hashes.length });
  for (const hash of hashes) {
    let found = false;
    for (const size of SIZES) {
      let data: Buffer;
      try {
        data = await fs.promises.readFile(thumbnailPath(paths, hash, size));
      } catch {
        continue;
      }
      found = true;
      bytes += data.length;
      digest.add([hash, size, sha256(data)]);
      batch.push([hash, size, data]);
      if (batch.length >= THUMBNAILS_PER_INSERT) await flush();
    }
    if (!found) absent++;
    if (++done % 500 === 0) progress({ phase: 'thumbnails', done, total: hashes.length });
  }
  await flush();
  progress({ phase: 'verifying', done: 0, total: digest.rows });
  const arrived = new RowDigest();
  const { rows } = await client.query<unknown[]>({ text: "SELECT hash, size, encode(sha256(data), 'hex') FROM thumbnails ORDER BY hash COLLATE \"C\", size", rowMode: 'array' });
  for (const row of rows) arrived.add(row);
  const copied = { copied: digest.rows, bytes, digest: digest.digest() };
  if (arrived.rows !== copied.copied || arrived.digest() !== copied.digest) {
    throw new CatalogueError('not-saved', 'migrateVerifyFailed', { table: 'thumbnails', expected: copied.copied, found: arrived.rows, location });
  }
  return { copied, absent };
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
