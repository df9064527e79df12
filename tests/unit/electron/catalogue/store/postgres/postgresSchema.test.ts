// A team catalogue's schema on a real PostgreSQL server (tests/support/postgresServer.ts): the
// same columns as SQLite's, row versions, and the change feed another client's search follows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { migratePostgres, PG_MIGRATIONS, PG_SCHEMA_VERSION } from '../../../../../../electron/catalogue/store/postgres/pgMigrations.ts';
import { openTeamPool } from '../../../../../../electron/catalogue/store/postgres/pgLocation.ts';
import { changeCursorNow, changesSince, listenForChanges, type ChangedPhotos, type FeedStatus } from '../../../../../../electron/catalogue/store/postgres/changeFeed.ts';
import { createDatabaseFile } from '../../../../../../electron/catalogue/store/createDatabase.ts';
import { openDatabase } from '../../../../../../electron/catalogue/store/openDatabase.ts';
import { folderOfFile } from '../../../../../../shared/folderPath.ts';

let server: PostgresServer;
let pool: pg.Pool;

before(async () => {
  server = await startPostgres();
  await server.createDatabase('fortepan');
  pool = server.pool('fortepan');
  const client = await pool.connect();
  try {
    await migratePostgres(client);
  } finally {
    client.release();
  }
});
after(() => server?.stop());

async function insertPhoto(db: pg.Pool | pg.PoolClient, file: string, title = ''): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO photos (hash, file, file_size, file_mtime_ms, title, added_at, updated_at) VALUES ($1, $2, 1, 0, $3, now()::text, now()::text) RETURNING id`,
    [`hash-${file}`, file, title],
  );
  return Number(rows[0]!.id);
}

test("every column of SQLite's photos table is in PostgreSQL's, plus the row version; migrating again changes nothing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-sqlite-'));
  try {
    const file = path.join(dir, 'catalogue.db');
    createDatabaseFile(file);
    const sqlite = openDatabase(file);
    const sqliteColumns = (sqlite.prepare('PRAGMA table_info(photos)').all() as { name: string }[]).map((c) => c.name).sort();
    const sqliteTables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name).sort();
    sqlite.close();
    const { rows } = await pool.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'photos'");
    const pgColumns = rows.map((r) => r.column_name).sort();
    assert.deepEqual(pgColumns, [...sqliteColumns, 'version'].sort());
    const tables = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    assert.deepEqual(tables.rows.map((t) => t.table_name).filter((t) => !['fototar_schema', 'fototar_catalogue', 'fototar_log_horizon', 'thumbnails', 'photo_changes', 'original_roots'].includes(t)).sort(), sqliteTables.filter((t) => t !== 'folders_fts' && !t.startsWith('search_index')).sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const client = await pool.connect();
  try {
    assert.equal(await migratePostgres(client), PG_SCHEMA_VERSION);
    const { rows } = await client.query('SELECT version FROM fototar_schema');
    assert.deepEqual(rows, [{ version: PG_SCHEMA_VERSION }]);
  } finally {
    client.release();
  }
});

test('a catalogue a newer Fototar made is refused, and left as it is', async () => {
  await server.createDatabase('newer');
  const newer = server.pool('newer');
  const client = await newer.connect();
  try {
    await client.query('CREATE TABLE fototar_schema (version INTEGER NOT NULL); INSERT INTO fototar_schema VALUES (999)');
    await assert.rejects(migratePostgres(client), /newer Fototar/);
    const { rows } = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'photos'");
    assert.equal(rows[0].n, 0);
  } finally {
    client.release();
  }
});

test("the folder column follows shared/folderPath.ts's rule, as SQLite's does", async () => {
  for (const file of ['/scans/Doboz 12/fortepan_1.jpg', 'C:\\scans\\Doboz 12\\fortepan_2.jpg', 'C:/scans/x/fortepan_3.jpg', '\\\\nas\\scans\\fortepan_4.jpg', '/a\\b/fortepan_5.jpg', 'fortepan_6.jpg']) {
    const id = await insertPhoto(pool, file);
    const { rows } = await pool.query<{ folder: string }>('SELECT folder FROM photos WHERE id = $1', [id]);
    assert.equal(rows[0]!.folder, folderOfFile(file), file);
  }
});

test('every update raises the row version, whoever writes', async () => {
  const id = await insertPhoto(pool, '/verziók/fortepan_10.jpg', 'Első');
  const version = async () => Number((await pool.query<{ version: string }>('SELECT version FROM photos WHERE id = $1', [id])).rows[0]!.version);
  assert.equal(await version(), 1);
  await pool.query("UPDATE photos SET title = 'Második' WHERE id = $1", [id]);
  await pool.query("UPDATE photos SET notes = 'megjegyzés' WHERE id = $1", [id]);
  assert.equal(await version(), 3);
});

test("another client's edit reaches a listener after its commit; an offline client catches up from where it last read", async () => {
  const start = await changeCursorNow(pool);
  const heard: ChangedPhotos[] = [];
  const statuses: FeedStatus[] = [];
  const other = server.pool('fortepan');
  const stop = await listenForChanges(other, start, (changes) => heard.push(changes), (status) => statuses.push(status));
  try {
    const heardWithin2s = async (count: number) => {
      const deadline = Date.now() + 2000;
      while (heard.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(heard.length, count, 'heard within 2 s of the commit');
    };
    const id = await insertPhoto(pool, '/hír/fortepan_20.jpg', 'Lánchíd');
    await heardWithin2s(1);
    assert.deepEqual(heard[0]!.ids, [id]);
    // Inside a transaction nothing is announced until the commit.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("UPDATE photos SET caption = 'Árvíztűrő tükörfúrógép' WHERE id = $1", [id]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(heard.length, 1, 'the insert only: the update is not committed yet');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await heardWithin2s(2);
    assert.deepEqual(heard[1]!.ids, [id]);
    // A change to a column the search does not index (notes) is not logged.
    await pool.query("UPDATE photos SET notes = 'csak megjegyzés' WHERE id = $1", [id]);
    // A client that was away reads everything after where it last read, each photo once.
    const missed = await changesSince(pool, start);
    assert.deepEqual(missed.ids, [id]);
    assert.deepEqual((await changesSince(pool, missed.cursor)).ids, [], 'and nothing twice');
    assert.deepEqual(statuses, [], 'the connection was never lost');
  } finally {
    await stop();
  }
});

test('a change that commits after a later-logged one is still read: the log is read in commit order, not by sequence number', async () => {
  const early = await insertPhoto(pool, '/sorrend/fortepan_30.jpg', 'Korábban naplózott');
  const late = await insertPhoto(pool, '/sorrend/fortepan_31.jpg', 'Később naplózott');
  let cursor = await changeCursorNow(pool);
  // Anna's save logs its change first and is still running when Béla's, logged after it, commits.
  const anna = await pool.connect();
  try {
    await anna.query('BEGIN');
    await anna.query("UPDATE photos SET caption = 'Anna' WHERE id = $1", [early]);
    await pool.query("UPDATE photos SET caption = 'Béla' WHERE id = $1", [late]);
    const first = await changesSince(pool, cursor);
    assert.deepEqual(first.ids, [late], "only Béla's change is committed");
    cursor = first.cursor;
    await anna.query('COMMIT');
  } finally {
    anna.release();
  }
  const second = await changesSince(pool, cursor);
  assert.deepEqual(second.ids, [early], "Anna's change, logged before Béla's but committed after it, is read now");
  assert.deepEqual((await changesSince(pool, second.cursor)).ids, []);
  // A rolled-back change is never read, and does not hold the reader back.
  const rolledBack = await pool.connect();
  try {
    await rolledBack.query('BEGIN');
    await rolledBack.query("UPDATE photos SET caption = 'soha' WHERE id = $1", [early]);
    await rolledBack.query('ROLLBACK');
  } finally {
    rolledBack.release();
  }
  await pool.query("UPDATE photos SET caption = 'Anna újra' WHERE id = $1", [early]);
  const third = await changesSince(pool, second.cursor);
  assert.deepEqual(third.ids, [early]);
  assert.deepEqual((await changesSince(pool, third.cursor)).ids, []);
});

test('a team catalogue an older Fototar made is brought to this schema when a client opens it, its photos kept', async () => {
  await server.createDatabase('regebbi');
  const old = server.pool('regebbi');
  // The schema as the release before named folders of originals left it (migrations 1–6).
  await old.query('CREATE TABLE fototar_schema (version INTEGER NOT NULL)');
  for (const [i, sql] of PG_MIGRATIONS.slice(0, 6).entries()) {
    await old.query(sql);
    await old.query(i === 0 ? 'INSERT INTO fototar_schema (version) VALUES (1)' : `UPDATE fototar_schema SET version = ${i + 1}`);
  }
  const id = await insertPhoto(old, '/mnt/scans/regi.jpg', 'Régi kép');
  assert.equal((await old.query("SELECT to_regclass('original_roots') AS t")).rows[0].t, null);
  const opened = await openTeamPool(server.url('regebbi'), 2);
  try {
    assert.deepEqual((await opened.query('SELECT version FROM fototar_schema')).rows, [{ version: PG_SCHEMA_VERSION }]);
    assert.deepEqual((await opened.query('SELECT name FROM original_roots')).rows, []);
    assert.equal((await opened.query('SELECT title FROM photos WHERE id = $1', [id])).rows[0].title, 'Régi kép');
  } finally {
    await opened.end();
  }
});
