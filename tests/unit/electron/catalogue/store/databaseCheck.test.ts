// A damaged database is found before anything edits it (item 5): the catalogue opens at once and
// checks itself in the background (quick_check); edits wait for the check; a damaged one stays
// read-only, says so in one line and offers the latest good backup; the API exposes the state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { damageIndex, integrity, recordCatalogue, waitFor } from '../../../../support/storeFixtures.ts';
import { assertOneLineFailure, runFototar } from '../../../../support/cli.ts';
import { HealthMonitor } from '../../../../../electron/catalogue/store/healthMonitor.ts';
import { openDatabase } from '../../../../../electron/catalogue/store/openDatabase.ts';
import { cataloguePaths } from '../../../../../electron/catalogue/cataloguePaths.ts';

test('a healthy catalogue: checking, then ok; an edit made at once waits for the check and is saved', async () => {
  const { catalogueDir } = await recordCatalogue(2, 'régi');
  const catalogue = Catalogue.open(catalogueDir);
  try {
    assert.match(catalogue.health().state, /^(checking|ok)$/);
    const [photo] = await catalogue.photos.update([(await catalogue.photos.ids())[0]], { caption: 'új' });
    assert.equal(photo.caption, 'új');
    assert.deepEqual(catalogue.health(), { state: 'ok' });
    const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
    assert.deepEqual(await handle('catalogueHealth', {}), { ok: true, value: { state: 'ok' } });
  } finally {
    catalogue.close();
  }
});

test('a damaged catalogue opens read-only with one line offering the latest backup; fototar edit refuses', async () => {
  const { catalogueDir } = await recordCatalogue(3, 'eredeti');
  const backup = runFototar(['backup', '--catalogue', catalogueDir, '--json']);
  assert.equal(backup.status, 0, backup.stderr);
  const database = path.join(catalogueDir, 'catalogue.sqlite');
  damageIndex(database);
  assert.notEqual(integrity(database), 'ok');
  const before = fs.readFileSync(database);

  // The command line: one line, exit 1, nothing written.
  const edit = runFototar(['edit', '1', '--caption', 'elveszne', '--catalogue', catalogueDir]);
  const line = assertOneLineFailure(edit, 'edit');
  assert.match(line, /The catalogue database is damaged \(.+\); it is open read-only .*fototar restore latest --catalogue /);
  assert.deepEqual(fs.readFileSync(database), before, 'fototar edit changed nothing');

  // The app: the catalogue opens (the grid can show), the state says damaged, edits are refused.
  const catalogue = Catalogue.open(catalogueDir);
  try {
    assert.equal((await catalogue.photos.list(0, 10)).total, 3, 'browsing works');
    await waitFor(() => catalogue.health().state !== 'checking', 'the opening check');
    const health = catalogue.health();
    assert.equal(health.state, 'damaged');
    assert.match(health.message!, /^The catalogue database is damaged .*fototar restore latest/);
    assert.ok(!health.message!.includes('\n'));
    assert.equal(health.latestBackup, JSON.parse(backup.stdout).file);
    await assert.rejects(async () => await catalogue.photos.update([1], { caption: 'x' }), (error: unknown) => error instanceof CatalogueError && error.code === 'catalogue-corrupt');
    const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
    const answer = await handle('catalogueHealth', {});
    assert.ok(answer.ok && (answer.value as { state: string }).state === 'damaged');
    const refused = await handle('createCollection', { name: 'Könyv' });
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.equal(refused.error.code, 'catalogue-corrupt');
  } finally {
    catalogue.close();
  }
  assert.deepEqual(fs.readFileSync(database), before, 'the app changed nothing either');

  // The way back the message offers.
  const restored = runFototar(['restore', 'latest', '--catalogue', catalogueDir]);
  assert.equal(restored.status, 0, restored.stderr);
  assert.equal(integrity(database), 'ok');
  const saved = runFototar(['edit', '1', '--caption', 'megmentve', '--catalogue', catalogueDir]);
  assert.equal(saved.status, 0, saved.stderr);
});

test('a small database is checked as it opens (no worker to wait for); a large one in a worker, edits waiting for it', async () => {
  const { catalogueDir } = await recordCatalogue(3, 'kicsi');
  const catalogue = Catalogue.open(catalogueDir);
  try {
    assert.deepEqual(catalogue.health(), { state: 'ok' }, 'settled before open returned');
  } finally {
    catalogue.close();
  }

  // The same database, damaged, as if it were above the size checked inline (limit 0 bytes).
  const paths = cataloguePaths(catalogueDir);
  damageIndex(paths.database);
  const db = openDatabase(paths.database);
  const monitor = new HealthMonitor(db, paths, 0);
  try {
    assert.equal(monitor.health().state, 'checking', 'the worker has not answered yet');
    assert.throws(() => monitor.assertWritable(), (error: unknown) => error instanceof CatalogueError && error.code === 'catalogue-corrupt', 'an edit waits for the worker, then is refused');
    assert.equal((await monitor.done).state, 'damaged');
  } finally {
    monitor.stop();
    db.close();
  }
  const again = openDatabase(paths.database);
  try {
    assert.equal(new HealthMonitor(again, paths).health().state, 'damaged', 'checked inline: damaged at once');
  } finally {
    again.close();
  }
});
