// A team catalogue for a test: a new database on a throwaway server (postgresServer.ts) with the
// team schema (pgMigrations.ts) and, if asked, `photos` bare rows named fortepan_<n>.jpg.
import type pg from 'pg';
import type { PostgresServer } from './postgresServer.ts';
import { migratePostgres } from '../../electron/catalogue/store/postgres/pgMigrations.ts';

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
