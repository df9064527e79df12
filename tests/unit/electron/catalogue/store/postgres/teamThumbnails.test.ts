// A team catalogue's thumbnails reach a client as files: copied from the server the first time
// one is shown (two asking at once read it once), then served from the client's own cache even
// when the server is not asked again; a thumbnail the server does not have is none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import crypto from 'node:crypto';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { createTeamCatalogue } from '../../../../../support/teamCatalogue.ts';
import { makeJpeg, tempDir } from '../../../../../support/fixtures.ts';
import { TeamThumbnails } from '../../../../../../electron/catalogue/store/postgres/teamThumbnails.ts';
import type pg from 'pg';

let server: PostgresServer;
let pool: pg.Pool;

before(async () => {
  server = await startPostgres();
  ({ pool } = await createTeamCatalogue(server, 'belyegkepek'));
});
after(() => server?.stop());

test("a colleague's thumbnail is copied once into this client's cache and served from there", async () => {
  const picture = await makeJpeg({ colour: '#336699' });
  const hash = crypto.createHash('sha256').update('a scan').digest('hex');
  await pool.query("INSERT INTO thumbnails (hash, size, data) VALUES ($1, 'grid', $2)", [hash, picture]);
  const cache = await tempDir('fototar-team-thumbs-');
  const thumbnails = new TeamThumbnails(pool, cache);

  const [first, second] = await Promise.all([thumbnails.file(hash, 'grid'), thumbnails.file(hash, 'grid')]);
  assert.ok(first && first.startsWith(cache), `${first} is in the cache folder`);
  assert.equal(second, first);
  assert.deepEqual(fs.readFileSync(first), picture);
  assert.deepEqual(fs.readdirSync(fs.realpathSync(`${first}/..`)), [`${hash}.grid.jpg`], 'one file, no partial left');

  // Served from the cache from now on: the server is not needed for it.
  await pool.query('DELETE FROM thumbnails');
  assert.equal(await new TeamThumbnails(pool, cache).file(hash, 'grid'), first);
  assert.equal(await thumbnails.file(hash, 'preview'), null, 'a size the server does not have');
  assert.equal(await thumbnails.file(crypto.createHash('sha256').update('other').digest('hex'), 'grid'), null);
  await assert.rejects(thumbnails.file('../../etc/passwd', 'grid'), /not a content hash/);
});
