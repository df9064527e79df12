// Where a team catalogue's password comes from, in libpq's order: the one the person typed (or the
// app's keychain gave) for this opening, else PGPASSWORD, else ~/.pgpass (PGPASSFILE). Given to pg
// as a function, so it is asked only when the server wants a password, is never part of the
// address, and pg's own reading of .pgpass (deprecated, with a warning printed on every use) is
// not needed. `supplied` says afterwards whether any was found: a refusal then means a wrong one,
// not a missing one.
import pgpass from 'pgpass';

/** The server and database a password is looked up for in ~/.pgpass. */
export interface PasswordFor {
  host?: string | undefined;
  port?: number | undefined;
  database?: string | undefined;
  user?: string | undefined;
}

export interface PasswordSource {
  /** For pg's PoolConfig.password (pg takes undefined as "no password"; its types say string only). */
  password(): Promise<string | undefined>;
  /** Whether a password was found the last time the server asked. */
  readonly supplied: boolean;
}

export function passwordSource(connection: PasswordFor, given?: string, env: NodeJS.ProcessEnv = process.env): PasswordSource {
  let supplied = false;
  return {
    get supplied() {
      return supplied;
    },
    async password() {
      const found = given ?? (env.PGPASSWORD || undefined) ?? (await fromPgpass(connection));
      supplied = found !== undefined;
      return found;
    },
  };
}

function fromPgpass(connection: PasswordFor): Promise<string | undefined> {
  return new Promise((resolve) => {
    // pgpass matches host, port, database and user against each line (`*` for any); a socket
    // folder is "localhost" to it, as to libpq.
    const host = !connection.host || connection.host.startsWith('/') ? 'localhost' : connection.host;
    pgpass({ host, port: connection.port ?? 5432, database: connection.database, user: connection.user }, (pass: string | undefined) => resolve(pass));
  });
}
