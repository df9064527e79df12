// A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, reached only
// through its Unix socket there (no TCP port, so parallel runs never collide), fsync off. Real
// PostgreSQL, Debian's (scripts/install-system-deps.sh installs it). PostgreSQL refuses to run
// as root, so under root (CI) the cluster belongs to the `postgres` user and its programs run
// as that user.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** The folder of its socket: a pg `host`, and ?host= in an address. */
  readonly socketDir: string;
  readonly port: number;
  /** The address of a database on this server (made with createDatabase). */
  url(database: string): string;
  /** A pool on a database of this server. */
  pool(database: string): pg.Pool;
  createDatabase(name: string): Promise<void>;
  /**
   * A login `user` (superuser, for the tests' catalogues) whom the server asks for `password`
   * (SCRAM), as a real team server asks each archivist; everyone else stays trusted.
   */
  requirePassword(user: string, password: string): Promise<void>;
  /** The address of `database` as `user` (no password in it, as Fototar requires). */
  urlAs(user: string, database: string): string;
  /** Stops and starts the server again (clients lose their connections). */
  restart(): Promise<void>;
  /** Stops the server, as a crash or a maintenance window does, until `resume`. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** Where Debian keeps the server's programs: the newest version's bin folder (or $FOTOTAR_PG_BIN). */
function binDir(): string {
  if (process.env.FOTOTAR_PG_BIN) return process.env.FOTOTAR_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('PostgreSQL is not installed: run scripts/install-system-deps.sh (Debian package postgresql)');
  return path.join(root, versions[0]!, 'bin');
}

const asRoot = process.getuid?.() === 0;

function run(program: string, args: string[], cwd: string): void {
  const file = path.join(binDir(), program);
  // runuser: as root, run the server's programs as `postgres`, from a folder that user may enter.
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe', cwd });
  else execFileSync(file, args, { stdio: 'pipe', cwd });
}

/**
 * `durable`: keep PostgreSQL's own settings (fsync, synchronous commit), as a real server runs,
 * for a benchmark's figures; the tests turn both off, since a throwaway cluster needs neither.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  // A port number only names the socket file; nothing listens on TCP.
  const port = 40000 + Math.floor(Math.random() * 20000);
  run('initdb', ['-D', data, '-U', 'fototar', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N'], dir);
  const start = () =>
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', `-k ${dir} -p ${port} -c listen_addresses=''${options.durable ? '' : ' -c fsync=off -c synchronous_commit=off'}`, 'start'], dir);
  start();
  const pools: pg.Pool[] = [];
  const server: PostgresServer = {
    socketDir: dir,
    port,
    url: (database) => `postgres://fototar@/${database}?host=${encodeURIComponent(dir)}&port=${port}`,
    pool(database) {
      const pool = new pg.Pool({ host: dir, port, user: 'fototar', database, max: 4 });
      // A test that restarts the server sees its clients' connections end: not a crash.
      pool.on('error', () => {});
      pools.push(pool);
      return pool;
    },
    async createDatabase(name) {
      const admin = new pg.Client({ host: dir, port, user: 'fototar', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await admin.end();
      }
    },
    async requirePassword(user, password) {
      const admin = new pg.Client({ host: dir, port, user: 'fototar', database: 'postgres' });
      await admin.connect();
      try {
        const role = `"${user.replace(/"/g, '""')}"`;
        await admin.query(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password.replace(/'/g, "''")}'`);
      } finally {
        await admin.end();
      }
      // First match wins: this user's line goes before initdb's "trust everyone".
      const hba = path.join(data, 'pg_hba.conf');
      fs.writeFileSync(hba, `local all ${user} scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
      run('pg_ctl', ['-D', data, '-w', 'reload'], dir);
    },
    urlAs: (user, database) => `postgres://${encodeURIComponent(user)}@/${database}?host=${encodeURIComponent(dir)}&port=${port}`,
    async restart() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], dir);
      start();
    },
    async halt() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], dir);
    },
    async resume() {
      start();
    },
    async stop() {
      await Promise.all(pools.map((p) => p.end().catch(() => {})));
      try {
        // A test that failed with the server halted leaves nothing to stop.
        if (fs.existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], dir);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return server;
}
