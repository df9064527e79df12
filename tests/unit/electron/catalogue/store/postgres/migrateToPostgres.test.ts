// `fototar migrate --from <folder> --to postgres://…` against a real PostgreSQL server
// (tests/support/postgresServer.ts): a folder catalogue with edits, history, a collection,
// settings and thumbnails arrives whole with its ids; the folder is left exactly as it was; a
// database that holds a catalogue is refused; a migration killed half-way leaves nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { Catalogue } from '../../../../../../electron/catalogue/catalogue.ts';
import { cataloguePaths, thumbnailPath } from '../../../../../../electron/catalogue/cataloguePaths.ts';
import { migratePostgres } from '../../../../../../electron/catalogue/store/postgres/pgMigrations.ts';
import { assertOneLineFailure, runFototar, startFototar } from '../../../../../support/cli.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../../support/fixtures.ts';

const TITLE = 'Árvíztűrő tükörfúrógép, ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP — „Őrség” 𝄞';

let server: PostgresServer;
let catalogueDir: string;

before(async () => {
  server = await startPostgres();
  const dir = await tempDir('fototar-migrate-');
  const originals = path.join(dir, 'photos');
  for (let i = 0; i < 4; i++) await writeFixture(originals, `fortepan_${8100 + i}.jpg`, makeJpeg({ width: 80 + i, height: 60 }));
  catalogueDir = path.join(dir, 'cat');
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  try {
    await catalogue.ingest.run([originals]);
    const ids = await catalogue.photos.ids();
    await catalogue.photos.update([ids[0]!], { title: TITLE, tags: ['Őrség', 'vasút'], date: '1956-10~', rating: 4, flag: 'pick' });
    await catalogue.photos.update([ids[1]!], { caption: 'undone' });
    await catalogue.history.undo();
    const collection = await catalogue.collections.create('Könyv – 1. fejezet');
    await catalogue.collections.add(collection.id, [ids[2]!, ids[0]!]);
    await catalogue.photos.setSort({ field: 'title', direction: 'desc' });
  } finally {
    catalogue.close();
  }
});
after(() => server?.stop());

/** Every file in a folder, with its size and content hash: what "the folder is unchanged" means. */
function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    state[path.relative(dir, file)] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return state;
}

async function count(pool: pg.Pool, table: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]!.n);
}

test('a folder catalogue arrives in PostgreSQL whole, with its ids, edits, history, collections, settings and thumbnails; the folder is untouched', async () => {
  await server.createDatabase('team');
  const before = folderState(catalogueDir);
  const r = runFototar(['migrate', '--from', catalogueDir, '--to', server.url('team'), '--json']);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.tables.photos.rows, 4);
  assert.equal(report.tables.collections.rows, 1);
  assert.equal(report.tables.collection_items.rows, 2);
  assert.ok(report.tables.edit_history.rows >= 2, 'the edit and the undone edit');
  assert.equal(report.thumbnails.copied, 8, 'a grid and a preview thumbnail per photo');
  assert.equal(report.thumbnailsAbsent, 0);
  assert.deepEqual(folderState(catalogueDir), before, 'no file of the catalogue folder was added, removed or changed');

  const source = Catalogue.open(catalogueDir, { readOnly: true });
  const pool = server.pool('team');
  try {
    const photos = await Promise.all((await source.photos.ids()).map((id) => source.photos.get(id)));
    const { rows } = await pool.query('SELECT id, file, hash, title, tags, date, date_from, date_to, rating, flag, folder, file_mtime_ms, width, version FROM photos ORDER BY id');
    assert.deepEqual(
      rows.map((row) => ({ id: Number(row.id), file: row.file, title: row.title, tags: JSON.parse(row.tags), date: row.date, rating: row.rating, flag: row.flag, width: row.width })),
      photos.map((p) => ({ id: p.id, file: p.file, title: p.title, tags: p.tags, date: p.date, rating: p.rating, flag: p.flag, width: p.width })),
    );
    const edited = rows.find((row) => row.title === TITLE)!;
    assert.ok(edited, 'the Hungarian title, every accent and a 4-byte character intact');
    assert.equal(edited.date_from, '1956-10-01');
    assert.equal(edited.folder, path.dirname(edited.file) + path.sep, 'the folder PostgreSQL derives from the path');

    const history = await pool.query('SELECT label, undone FROM edit_history ORDER BY id');
    assert.deepEqual(history.rows.map((h) => h.undone), [0, 1], 'the undone step stays undone (redo still possible)');
    const items = await pool.query('SELECT photo_id FROM collection_items ORDER BY position');
    const collection = (await source.collections.list())[0]!;
    assert.deepEqual(items.rows.map((i) => Number(i.photo_id)), (await source.collections.items(collection.id)).map((i) => i.photoId));
    const named = await pool.query('SELECT name FROM collections');
    assert.equal(named.rows[0].name, 'Könyv – 1. fejezet');
    const sort = await pool.query("SELECT value FROM settings WHERE key LIKE '%sort%'");
    assert.match(sort.rows[0]?.value ?? '', /title/);

    // Every thumbnail byte for byte, read back from the database.
    const paths = cataloguePaths(catalogueDir);
    for (const photo of photos) {
      for (const size of ['grid', 'preview'] as const) {
        const { rows: thumbs } = await pool.query<{ data: Buffer }>('SELECT data FROM thumbnails WHERE hash = $1 AND size = $2', [photo.hash, size]);
        assert.ok(thumbs[0]!.data.equals(fs.readFileSync(thumbnailPath(paths, photo.hash, size))), `${size} thumbnail of photo ${photo.id}`);
      }
    }
    // New rows continue after the copied ids, and the change feed runs again.
    const added = await pool.query<{ id: string }>("INSERT INTO photos (hash, file, file_size, file_mtime_ms, added_at, updated_at) VALUES ('h', '/x/new.jpg', 1, 0, '', '') RETURNING id");
    assert.equal(Number(added.rows[0]!.id), Math.max(...photos.map((p) => p.id)) + 1);
    assert.equal(await count(pool, 'search_changes'), 1, 'only the new photo was logged: the migration itself logs nothing');
  } finally {
    source.close();
  }
});

test('a database that already holds a catalogue is refused in one line, and keeps what it holds', async () => {
  await server.createDatabase('taken');
  assert.equal(runFototar(['migrate', '--from', catalogueDir, '--to', server.url('taken'), '--json']).status, 0);
  const pool = server.pool('taken');
  await pool.query("UPDATE photos SET title = 'a colleague''s edit' WHERE id = (SELECT min(id) FROM photos)");
  const again = runFototar(['migrate', '--from', catalogueDir, '--to', server.url('taken')]);
  assert.match(assertOneLineFailure(again, 'migrate'), /already holds a catalogue \(4 photos\): migrate into an empty database/);
  assert.equal(await count(pool, 'photos'), 4);
  const { rows } = await pool.query("SELECT count(*) AS n FROM photos WHERE title = 'a colleague''s edit'");
  assert.equal(Number(rows[0].n), 1);
});

test('a migration killed half-way leaves the database empty, and the next one completes', async () => {
  await server.createDatabase('killed');
  const run = startFototar(['migrate', '--from', catalogueDir, '--to', server.url('killed')], { FOTOTAR_FAULT: 'pause:migrate:collections' }, (line) => line.startsWith('fault-pause'));
  assert.equal(await run.reached, true, run.stderr());
  const pool = server.pool('killed');
  run.proc.kill('SIGKILL');
  await run.exited;
  // The server ends the killed client's transaction when it sees the connection gone.
  for (let i = 0; i < 100 && (await pool.query("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'Fototar'")).rows[0].n !== '0'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(await count(pool, 'photos'), 0, 'the photos copied before the kill were never committed');
  assert.equal(await count(pool, 'edit_history'), 0);
  const r = runFototar(['migrate', '--from', catalogueDir, '--to', server.url('killed'), '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(await count(pool, 'photos'), 4);
  assert.equal(await count(pool, 'collection_items'), 2);
});

test('rows that arrive changed (here a trigger of the server alters titles) fail the check: nothing is kept, one line says which table', async () => {
  await server.createDatabase('mangled');
  const pool = server.pool('mangled');
  const client = await pool.connect();
  try {
    await migratePostgres(client);
  } finally {
    client.release();
  }
  await pool.query(`CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.title := upper(NEW.title); RETURN NEW; END $$;
    CREATE TRIGGER shout BEFORE INSERT ON photos FOR EACH ROW EXECUTE FUNCTION shout();`);
  const r = runFototar(['migrate', '--from', catalogueDir, '--to', server.url('mangled')]);
  assert.match(assertOneLineFailure(r, 'migrate'), /The copy of photos did not match the catalogue \(4 rows sent, 4 read back\): nothing was kept/);
  assert.equal(await count(pool, 'photos'), 0);
  assert.equal(await count(pool, 'settings'), 0);
});

test('and back: a team catalogue migrated into a new folder is the same catalogue (photos, history, collections, thumbnails), searches and credits alike; the database is only read', async () => {
  await server.createDatabase('round');
  assert.equal(runFototar(['migrate', '--from', catalogueDir, '--to', server.url('round'), '--json']).status, 0);
  const pool = server.pool('round');
  const state = async () => (await pool.query('SELECT (SELECT count(*) FROM photos) AS photos, (SELECT sum(version) FROM photos) AS versions, (SELECT count(*) FROM search_changes) AS changes, (SELECT count(*) FROM edit_history) AS history')).rows[0];
  const before = await state();
  const back = path.join(path.dirname(catalogueDir), 'back', 'again');
  const r = runFototar(['migrate', '--from', server.url('round'), '--to', back, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).thumbnails.copied, 8);
  assert.deepEqual(await state(), before, 'nothing written to the database');
  assert.deepEqual(fs.readdirSync(path.dirname(back)), ['again'], 'no staging folder left beside it');

  const original = Catalogue.open(catalogueDir, { readOnly: true });
  const copy = Catalogue.open(back);
  try {
    const ids = await original.photos.ids();
    assert.deepEqual(await copy.photos.ids(), ids);
    assert.deepEqual(await copy.photos.getMany(ids), await original.photos.getMany(ids));
    assert.deepEqual(await copy.history.state(), await original.history.state(), 'undo and redo stand where they stood');
    const [collection] = await original.collections.list();
    assert.deepEqual(await copy.collections.get(collection!.id), await original.collections.get(collection!.id));
    assert.deepEqual(await copy.photos.sort(), await original.photos.sort());
    for (const query of ['tükörfúrógép', 'Őrség', 'fortepan']) {
      const found = await copy.search.resultIds(query);
      assert.deepEqual(found, await original.search.resultIds(query), query);
    }
    const credited = await original.search.resultIds('Őrség');
    assert.ok(credited.total > 0);
    for (const lang of ['hu', 'en'] as const) {
      assert.equal(await copy.photos.creditList(ids, 'txt', lang), await original.photos.creditList(ids, 'txt', lang));
    }
    const photo = (await original.photos.getMany(ids))[0]!;
    for (const size of ['grid', 'preview'] as const) {
      assert.ok(fs.readFileSync(thumbnailPath(cataloguePaths(back), photo.hash, size)).equals(fs.readFileSync(thumbnailPath(cataloguePaths(catalogueDir), photo.hash, size))));
    }
  } finally {
    original.close();
    copy.close();
  }

  // A folder that holds a catalogue, or anything else, is refused; so is a database without one.
  assert.match(assertOneLineFailure(runFototar(['migrate', '--from', server.url('round'), '--to', back]), 'migrate'), /already holds a catalogue: migrate into a new or empty folder/);
  const busy = await tempDir('fototar-migrate-busy-');
  fs.writeFileSync(path.join(busy, 'notes.txt'), 'mine');
  assert.match(assertOneLineFailure(runFototar(['migrate', '--from', server.url('round'), '--to', busy]), 'migrate'), /is not empty/);
  assert.deepEqual(fs.readdirSync(busy), ['notes.txt']);
  await server.createDatabase('nothing');
  assert.match(assertOneLineFailure(runFototar(['migrate', '--from', server.url('nothing'), '--to', path.join(busy, 'x')]), 'migrate'), /holds no Fototar catalogue/);

  // Who changed what is the team's record: going back to a folder says it stays behind.
  assert.equal(JSON.parse(r.stdout).authoredChangesLeft, 0);
  const [first] = (await pool.query<{ id: string }>('SELECT id FROM photos ORDER BY id LIMIT 1')).rows;
  assert.equal(runFototar(['edit', first!.id, '--place', 'Őrség', '--city', 'Szeged', '--as', 'Kovács Anna', '--catalogue', server.url('round')]).status, 0);
  const told = runFototar(['migrate', '--from', server.url('round'), '--to', path.join(path.dirname(catalogueDir), 'back', 'third')]);
  assert.equal(told.status, 0, told.stderr);
  assert.match(told.stdout, /^2 recorded changes with their authors stay in the team catalogue only: a folder catalogue has one user \(its undo history was copied\)$/m);
});

test('a migration back killed half-way leaves no catalogue at the target; the next one completes', async () => {
  await server.createDatabase('kill_back');
  assert.equal(runFototar(['migrate', '--from', catalogueDir, '--to', server.url('kill_back'), '--json']).status, 0);
  const target = path.join(await tempDir('fototar-migrate-back-'), 'taken-home');
  const run = startFototar(['migrate', '--from', server.url('kill_back'), '--to', target], { FOTOTAR_FAULT: 'pause:migrate:collections' }, (line) => line.startsWith('fault-pause'));
  assert.equal(await run.reached, true, run.stderr());
  run.proc.kill('SIGKILL');
  await run.exited;
  assert.equal(fs.existsSync(target), false);
  const r = runFototar(['migrate', '--from', server.url('kill_back'), '--to', target, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(fs.readdirSync(path.dirname(target)), ['taken-home'], 'the killed run\'s staging folder was cleared');
  const copy = Catalogue.open(target, { readOnly: true });
  try {
    assert.equal(await copy.photos.count(), 4);
  } finally {
    copy.close();
  }
});

test('migrate says what it needs: both places, a folder that is a catalogue, an address without a password', async () => {
  assert.match(assertOneLineFailure(runFototar(['migrate', '--from', catalogueDir]), 'migrate'), /give --from <catalogue folder> and --to postgres:/);
  assert.match(assertOneLineFailure(runFototar(['migrate', '--from', catalogueDir, '--to', '/tmp/elsewhere']), 'migrate'), /one of --from and --to must be a catalogue folder and the other a PostgreSQL address/);
  const empty = await tempDir('fototar-migrate-none-');
  assert.match(assertOneLineFailure(runFototar(['migrate', '--from', empty, '--to', server.url('team')]), 'migrate'), /No catalogue at/);
  assert.match(assertOneLineFailure(runFototar(['migrate', '--from', catalogueDir, '--to', 'postgres://archivist:titok@localhost/team']), 'migrate'), /Leave the password out/);
});

test('a catalogue open in the app is not migrated (its later edits would be missing): "in use", and the database stays empty', async () => {
  await server.createDatabase('while_open');
  const open = Catalogue.open(catalogueDir);
  try {
    const r = runFototar(['migrate', '--from', catalogueDir, '--to', server.url('while_open')]);
    assert.match(assertOneLineFailure(r, 'migrate'), /is in use by another Fototar/);
  } finally {
    open.close();
  }
  const pool = server.pool('while_open');
  const { rows } = await pool.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'photos'");
  assert.equal(Number(rows[0].n), 0, 'not even the schema was made');
});
