// Where a team catalogue is: `postgres://user@host:port/database` (or postgresql://), given to
// --catalogue or "Open catalogue…" where a folder would be. The password is never part of what
// Fototar keeps: it comes from PGPASSWORD or ~/.pgpass (pg reads both), or, in the app, from the
// OS keychain. A password written into the address is refused, so it cannot end up in the
// recent-catalogues list, a shell history or a log.
import os from 'node:os';
import type { PoolConfig } from 'pg';
import { parse } from 'pg-connection-string';
import { CatalogueError } from '../../catalogueError.ts';

const SCHEMES = /^postgres(ql)?:\/\//i;

/** Whether a --catalogue value names a PostgreSQL catalogue rather than a folder. */
export function isPostgresLocation(location: string): boolean {
  return SCHEMES.test(location.trim());
}

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
