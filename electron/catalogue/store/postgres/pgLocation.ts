// Where a team catalogue is: `postgres://user@host:port/database` (or postgresql://), given to
// --catalogue or "Open catalogue…" where a folder would be. The password is never part of the
// address: it is typed in "Open catalogue…" (kept, if asked, in the OS keychain), or comes from
// PGPASSWORD or ~/.pgpass (pgPassword.ts). A password written into the address is refused, so it
// cannot end up in the recent-catalogues list, a shell history or a log.
import os from 'node:os';
import pg, { type PoolClient, type PoolConfig } from 'pg';
import { parse } from 'pg-connection-string';
import { CatalogueError } from '../../catalogueError.ts';
import { migratePostgres } from './pgMigrations.ts';
import { passwordSource, type PasswordSource } from './pgPassword.ts';

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
 * One server and database as a person would name it, `user@host:port/database`: the same for
 * every way of writing the address (postgresql://, a default port left out), so a remembered
 * password and the recent-catalogues list find it again.
 */
export function postgresAddressKey(location: string): string {
  const config = postgresPoolConfig(location);
  return `${config.user}@${config.host ?? 'localhost'}:${config.port ?? 5432}/${config.database}`;
}

/**
 * pg's client, ending its socket when connecting fails on this side: pg gives up on a server that
 * asks for a password when it has none to give, but leaves the socket open, and the pool drops
 * the client without ending it — the server then holds it until its authentication timeout (a
 * minute), and a command that said "asks for a password" could not exit until then.
 */
class TeamClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): void;
  override connect(callback?: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): Promise<pg.Client> | void {
    const endSocket = () => (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    if (!callback) {
      return super.connect().catch((error: unknown) => {
        endSocket();
        throw error;
      });
    }
    const answer = callback as (error: Error | null, client?: pg.Client) => void;
    super.connect(((error: Error | null, client?: pg.Client) => {
      if (error) endSocket();
      answer(error, client);
    }) as (err: Error) => void);
  }
}

/** The pool's password source, kept beside it so a refusal can say whether one was given. */
const passwords = new WeakMap<pg.Pool, PasswordSource>();

/**
 * A pool of connections to a team catalogue. An idle connection the server dropped (a restart, a
 * network gone) is only reported to the pool, which then connects afresh for the next query;
 * without a listener Node would end the process on it. The query that meets a dropped
 * connection reports it itself. `password`: one typed for this opening (else PGPASSWORD, ~/.pgpass).
 */
export function teamPool(location: string, max: number, password?: string): pg.Pool {
  const config = postgresPoolConfig(location);
  const source = passwordSource(config, password);
  const pool = new pg.Pool({ ...config, max, password: source.password as () => Promise<string>, Client: TeamClient });
  passwords.set(pool, source);
  pool.on('error', () => {});
  return pool;
}

/** 28P01: the server refused the password (or, none given, the empty one pg sends). */
const PASSWORD_REFUSED = '28P01';

/**
 * A connection from the pool, or what stands in the way in the person's words: the server wants a
 * password none was given for, refused the one given, or cannot be reached ("Cannot reach the
 * PostgreSQL database …" naming the address).
 */
export async function connectTo(pool: pg.Pool, location: string): Promise<PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const user = String(postgresPoolConfig(location).user);
    // pg's own words when the server asks (SCRAM) and there is no password to give.
    const noneGiven = /client password must be a string/i.test(message);
    if (code === PASSWORD_REFUSED || noneGiven) {
      const given = !noneGiven && passwords.get(pool)?.supplied === true;
      throw new CatalogueError('password-needed', given ? 'postgresPasswordWrong' : 'postgresPasswordNeeded', { location, user });
    }
    throw new CatalogueError('catalogue-unreadable', 'postgresUnreachable', { location, reason: message });
  }
}

/**
 * A pool of the team catalogue at `location`, once a connection has shown the server reachable
 * and the database a team catalogue ("… holds no Fototar catalogue" otherwise); ended on failure.
 */
export async function openTeamPool(location: string, max: number, password?: string): Promise<pg.Pool> {
  const pool = teamPool(location, max, password);
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
