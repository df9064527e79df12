// Where a team catalogue is: `postgres://user@host:port/database` (or postgresql://), given to
// --catalogue or "Open catalogue…" where a folder would be. The password is never part of what
// Fototar keeps: it comes from PGPASSWORD or ~/.pgpass (pg reads both), or, in the app, from the
// OS keychain. A password written into the address is refused, so it cannot end up in the
// recent-catalogues list, a shell history or a log.
import os from 'node:os';
import pg, { type PoolClient, type PoolConfig } from 'pg';
import { parse } from 'pg-connection-string';
import { CatalogueError } from '../../catalogueError.ts';
import { migratePostgres } from './pgMigrations.ts';

export { isPostgresLocation } from '../../catalogueLocation.ts';

/** The pool's settings for a PostgreSQL address; a CatalogueError for one that cannot be used. */
export function postgresPoolConfig(location: string): PoolConfig {
  let parsed: ReturnType<typeof parse>;
  try {
    // pg's own reading of an address (libpq's forms: ?host=/run/postgresql for a socket folder).
    parsed = parse(location.trim());
  } catch {
    throw new CatalogueError('invalid-input', 'postgresAddressUnreadable', { location });
  }
  if (parsed.password) throw new CatalogueError('invalid-input', 'postgresPasswordInAddress');
  if (!parsed.database) throw new CatalogueError('invalid-input', 'postgresNoDatabase', { location });
  return {
    host: parsed.host || undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    // As libpq: no user in the address means the operating system's user (pg alone reads only $USER).
    user: parsed.user || process.env.PGUSER || os.userInfo().username,
    database: parsed.database,
    application_name: 'Fototar',
  };
}

/**
 * A pool of connections to a team catalogue. An idle connection the server dropped (a restart, a
 * network gone) is only reported to the pool, which then connects afresh for the next query;
 * without a listener Node would end the process on it. The query that meets a dropped
 * connection reports it itself.
 */
export function teamPool(location: string, max: number): pg.Pool {
  const pool = new pg.Pool({ ...postgresPoolConfig(location), max });
  pool.on('error', () => {});
  return pool;
}

/** A connection from the pool, or "Cannot reach the PostgreSQL database …" naming the address. */
export async function connectTo(pool: pg.Pool, location: string): Promise<PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw new CatalogueError('catalogue-unreadable', 'postgresUnreachable', { location, reason: (error as Error).message });
  }
}

/**
 * A pool of the team catalogue at `location`, once a connection has shown the server reachable
 * and the database a team catalogue ("… holds no Fototar catalogue" otherwise); ended on failure.
 */
export async function openTeamPool(location: string, max: number): Promise<pg.Pool> {
  const pool = teamPool(location, max);
  try {
    const client = await connectTo(pool, location);
    try {
      const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('photo_changes') IS NOT NULL AS present");
      if (!rows[0]?.present) throw new CatalogueError('invalid-input', 'migrateNoCatalogue', { location });
      // A catalogue an older Fototar made is brought up to this one's schema (one client at a
      // time; a newer one's is refused, saying so).
      await migratePostgres(client).catch((error: Error) => {
        throw error instanceof CatalogueError ? error : new CatalogueError('catalogue-unreadable', 'postgresUnreachable', { location, reason: error.message });
      });
    } finally {
      client.release();
    }
    return pool;
  } catch (error) {
    await pool.end();
    throw error;
  }
}

export { isConnectionError } from './connectionErrors.ts';
