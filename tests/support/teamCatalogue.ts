// A team catalogue for a test: a new database on a throwaway server (postgresServer.ts) with the
// team schema (pgMigrations.ts) and, if asked, `photos` bare rows named fortepan_<n>.jpg; or the
// real Fortepan records migrated from a folder catalogue.
import path from 'node:path';
import type pg from 'pg';
import type { PostgresServer } from './postgresServer.ts';
import { tempDir } from './fixtures.ts';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { migratePostgres } from '../../electron/catalogue/store/postgres/pgMigrations.ts';
import { migrateFolderToPostgres } from '../../electron/catalogue/store/postgres/migrateToPostgres.ts';
import { insertCorpusRecords } from '../../scripts/huQuerySet.ts';

export async function createTeamCatalogue(server: PostgresServer, name: string, photos = 0): Promise<{ pool: pg.Pool; ids: number[] }> {
  await server.createDatabase(name);
  const pool = server.pool(name);
  const client = await pool.connect();
  try {
    await migratePostgres(client);
  } finally {
    client.release();
  }
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO photos (hash, file, file_size, file_mtime_ms, fortepan_id, added_at, updated_at)
     SELECT 'h' || n, '/scans/fortepan_' || n || '.jpg', 1, 0, n, now()::text, now()::text FROM generate_series(1, $1::int) AS n RETURNING id`,
    [photos],
  );
  return { pool, ids: rows.map((r) => Number(r.id)).sort((a, b) => a - b) };
}

/**
 * The 1,124 real Fortepan records (scripts/huQuerySet.ts) in a new folder catalogue, `adjust`ed
 * there if asked (marks, empty fields: SQL on the folder's database), then migrated into a new
 * database `name`: the same catalogue on both engines, for comparing them.
 */
export async function migratedCorpusCatalogue(server: PostgresServer, name: string, adjust?: (catalogue: Catalogue) => void): Promise<{ folder: string; pool: pg.Pool }> {
  const folder = path.join(await tempDir(`fototar-${name}-`), 'cat');
  const catalogue = Catalogue.open(folder, { create: true });
  try {
    insertCorpusRecords(catalogue);
    adjust?.(catalogue);
  } finally {
    catalogue.close();
  }
  await server.createDatabase(name);
  await migrateFolderToPostgres(folder, server.url(name));
  return { folder, pool: server.pool(name) };
}
