// `fototar migrate --from postgres://… --to <folder>`: a team catalogue copied back into a folder
// catalogue (issue 18: "and back"), for one archivist to take it away, or to leave PostgreSQL.
// The mirror of migrateToPostgres.ts, with the same guarantees:
// - the database is only read, in one read-only transaction (one snapshot of every table, while
//   colleagues go on editing);
// - the folder catalogue is made whole in a hidden folder beside the target and renamed into place
//   only after every table was read back from SQLite and matched what PostgreSQL sent (count and
//   digest) and every thumbnail's bytes matched the server's SHA-256 of them: a failure or a
//   killed process leaves no catalogue at the target, never a part of one;
// - a folder that holds a catalogue, or anything else, is refused.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { CatalogueError } from '../../catalogueError.ts';
import { cataloguePaths, thumbnailPath, type CataloguePaths, type ThumbnailSize } from '../../cataloguePaths.ts';
import { faultPoint } from '../../faultInjection.ts';
import { syncDirectory } from '../catalogueBackup.ts';
import { createDatabaseFile } from '../createDatabase.ts';
import { openDatabase } from '../openDatabase.ts';
import { CATALOGUE_TABLES, copiedColumns, postgresRows, RowDigest, sqliteColumns, type CatalogueTable } from './catalogueTables.ts';
import type { MigrateOptions, MigrationPhase, MigrationProgress, MigrationReport } from './migrateToPostgres.ts';
import { connectTo, teamPool } from './pgLocation.ts';
import { PG_SCHEMA_VERSION } from './pgMigrations.ts';

/** A thumbnail as the server sends it, with the server's own SHA-256 of its bytes. */
interface StoredThumbnail {
  hash: string;
  size: ThumbnailSize;
  data: Buffer;
  sha256: string;
}

/** Thumbnails per read: a few MB of previews at a time. */
const THUMBNAILS_PER_READ = 100;

export async function migratePostgresToFolder(location: string, folder: string, options: MigrateOptions = {}): Promise<MigrationReport> {
  const target = path.resolve(folder);
  refuseUnlessEmpty(target);
  const progress = options.onProgress ?? (() => {});
  const pool = teamPool(location, 1);
  const stagingPrefix = `.${path.basename(target)}.migrating-`;
  removeKilledStagings(path.dirname(target), stagingPrefix);
  const staging = path.join(path.dirname(target), `${stagingPrefix}${randomBytes(4).toString('hex')}`);
  try {
    const client = await connectTo(pool, location);
    try {
      // One snapshot of every table; READ ONLY: this side is never written.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        await refuseUnlessCatalogue(client, location);
        fs.mkdirSync(staging, { recursive: true });
        const paths = cataloguePaths(staging);
        createDatabaseFile(paths.database);
        const db = openDatabase(paths.database);
        let report: MigrationReport;
        try {
          report = await copyIntoFolder(client, db, paths, location, progress);
        } finally {
          db.close();
        }
        faultPoint('migrate:rename');
        refuseUnlessEmpty(target);
        if (fs.existsSync(target)) fs.rmdirSync(target);
        fs.renameSync(staging, target);
        syncDirectory(path.dirname(target));
        return report;
      } finally {
        await client.query('ROLLBACK').catch(() => {});
      }
    } finally {
      client.release();
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    await pool.end();
  }
}

/** What an earlier migration to the same folder left when it was killed (a failed one removes its own). */
function removeKilledStagings(parent: string, prefix: string): void {
  let names: string[] = [];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
}

/** The target must be new or an empty folder: a migration never mixes into what is there. */
function refuseUnlessEmpty(target: string): void {
  if (!fs.existsSync(target)) return;
  if (fs.existsSync(cataloguePaths(target).database)) throw new CatalogueError('invalid-input', 'migrateFolderHasCatalogue', { folder: target });
  if (!fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0) throw new CatalogueError('invalid-input', 'migrateFolderNotEmpty', { folder: target });
}

async function refuseUnlessCatalogue(client: pg.PoolClient, location: string): Promise<void> {
  const { rows: present } = await client.query<{ present: boolean }>("SELECT to_regclass('fototar_schema') IS NOT NULL AS present");
  if (!present[0]?.present) throw new CatalogueError('invalid-input', 'migrateNoCatalogue', { location });
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM fototar_schema');
  const version = rows[0]?.version ?? null;
  if (version === null) throw new CatalogueError('invalid-input', 'migrateNoCatalogue', { location });
  // Read as it is: migrating the server's schema would write to the side that is only read.
  if (version !== PG_SCHEMA_VERSION) throw new CatalogueError('invalid-input', 'migrateSchemaDiffers', { location, schema: version, supported: PG_SCHEMA_VERSION });
}

async function copyIntoFolder(
  client: pg.PoolClient,
  db: DatabaseSync,
  paths: CataloguePaths,
  location: string,
  progress: (p: MigrationProgress) => void,
): Promise<MigrationReport> {
  const tables: MigrationReport['tables'] = {};
  for (const table of CATALOGUE_TABLES) {
    const copied = await copyTable(client, db, table, progress);
    faultPoint(`migrate:${table.name}`);
    const arrived = new RowDigest();
    const read = db.prepare(`SELECT ${copied.columns.join(', ')} FROM ${table.name} ORDER BY ${table.orderBy}`);
    read.setReturnArrays(true);
    for (const row of read.iterate() as Iterable<unknown[]>) arrived.add(row);
    if (arrived.rows !== copied.rows || arrived.digest() !== copied.digest) {
      throw new CatalogueError('not-saved', 'migrateVerifyFailed', { table: table.name, expected: copied.rows, found: arrived.rows, location: paths.root });
    }
    tables[table.name] = { rows: copied.rows, digest: copied.digest };
  }
  const thumbnails = await copyThumbnails(client, paths, location, progress);
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM photo_changes');
  return { tables, thumbnails, thumbnailsAbsent: 0, authoredChangesLeft: Number(rows[0]!.n) };
}

async function copyTable(
  client: pg.PoolClient,
  db: DatabaseSync,
  table: CatalogueTable,
  progress: (p: MigrationProgress) => void,
): Promise<{ rows: number; digest: string; columns: string[] }> {
  const columns = copiedColumns(sqliteColumns(db, table.name), table);
  const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table.name}`);
  const total = Number(counted[0]!.n);
  const phase = table.name as MigrationPhase;
  progress({ phase, done: 0, total });
  const digest = new RowDigest();
  // A new, empty database: made whole in one transaction, its change log emptied after (the
  // search index is built from the rows when the catalogue is first opened).
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`DELETE FROM ${table.name}`);
    const insert = db.prepare(`INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    for await (const row of postgresRows(client, table, columns)) {
      digest.add(row);
      insert.run(...(row as (string | number | null)[]));
      if (digest.rows % 5000 === 0) progress({ phase, done: digest.rows, total });
    }
    db.exec('DELETE FROM search_changes');
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  progress({ phase, done: digest.rows, total });
  return { rows: digest.rows, digest: digest.digest(), columns };
}

async function copyThumbnails(client: pg.PoolClient, paths: CataloguePaths, location: string, progress: (p: MigrationProgress) => void): Promise<MigrationReport['thumbnails']> {
  const { rows: counted } = await client.query<{ n: string }>('SELECT count(*) AS n FROM thumbnails');
  const total = Number(counted[0]!.n);
  const digest = new RowDigest();
  let bytes = 0;
  let after: [string, string] | null = null;
  progress({ phase: 'thumbnails', done: 0, total });
  for (;;) {
    const { rows }: pg.QueryResult<StoredThumbnail> = await client.query<StoredThumbnail>({
      text: `SELECT hash, size, data, encode(sha256(data), 'hex') AS sha256 FROM thumbnails
        ${after ? 'WHERE (hash COLLATE "C", size) > ($1, $2)' : ''} ORDER BY hash COLLATE "C", size LIMIT ${THUMBNAILS_PER_READ}`,
      values: after ? [...after] : [],
    });
    for (const row of rows) {
      const sha = createHash('sha256').update(row.data).digest('hex');
      if (sha !== row.sha256) throw new CatalogueError('not-saved', 'migrateVerifyFailed', { table: 'thumbnails', expected: total, found: digest.rows, location });
      const file = thumbnailPath(paths, row.hash, row.size);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.writeFile(file, row.data);
      digest.add([row.hash, row.size, sha]);
      bytes += row.data.length;
    }
    progress({ phase: 'thumbnails', done: digest.rows, total });
    if (rows.length < THUMBNAILS_PER_READ) break;
    after = [rows[rows.length - 1]!.hash, rows[rows.length - 1]!.size];
  }
  return { copied: digest.rows, bytes, digest: digest.digest() };
}
