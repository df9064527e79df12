// A full disk or a read-only catalogue while saving: the edit is reported as not saved
// (CatalogueError 'not-saved', which the editor shows while keeping the typed text, see
// tests/e2e/hostile.spec.ts), and nothing already saved is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { runFototar } from '../../../../support/cli.ts';

async function setUp() {
  const dir = await tempDir('fototar-full-');
  for (let i = 1; i <= 3; i++) await writeFixture(path.join(dir, 'photos'), `fortepan_${i}.jpg`, makeJpeg({ colour: `#${i}0${i}0${i}0` }));
  const catalogueDir = path.join(dir, 'cat');
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  await catalogue.ingest.run([path.join(dir, 'photos')]);
  const ids = await catalogue.photos.ids();
  await catalogue.photos.update(ids, { caption: 'már elmentve' });
  return { dir, catalogueDir, catalogue, ids };
}

const notSaved = (error: unknown) => error instanceof CatalogueError && error.code === 'not-saved' && /not saved/.test(error.message);

test('disk full while saving: reported as not saved, nothing half-written, earlier edits kept', async () => {
  const { catalogueDir, catalogue, ids } = await setUp();
  try {
    // SQLite's page limit gives exactly the error a full disk gives (SQLITE_FULL).
    const pages = (catalogue.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    catalogue.db.exec(`PRAGMA max_page_count = ${pages}`);
    const big = 'Ő'.repeat(20_000);
    await assert.rejects(async () => await catalogue.photos.update(ids, { caption: big, notes: big }), (error: unknown) => notSaved(error) && /full/.test((error as Error).message));
    const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
    const envelope = await handle('updatePhotos', { ids, patch: { caption: big, notes: big } });
    assert.equal(envelope.ok, false);
    if (!envelope.ok) assert.equal(envelope.error.code, 'not-saved');
    for (const id of ids) assert.equal((await catalogue.photos.get(id)).caption, 'már elmentve');
    // Space again: the same edit saves.
    catalogue.db.exec('PRAGMA max_page_count = 1073741823');
    await catalogue.photos.update(ids, { caption: 'új' });
  } finally {
    catalogue.close();
  }
  const reopened = Catalogue.open(catalogueDir);
  try {
    assert.equal((reopened.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    for (const id of ids) assert.equal((await reopened.photos.get(id)).caption, 'új');
  } finally {
    reopened.close();
  }
});

test('a database that became read-only while open: the edit is not saved and says so', async () => {
  const { catalogue, ids } = await setUp();
  try {
    catalogue.db.exec('PRAGMA query_only = ON');
    await assert.rejects(async () => await catalogue.photos.update([ids[0]], { caption: 'nem megy' }), (error: unknown) => notSaved(error) && /readonly/.test((error as Error).message));
    assert.equal((await catalogue.photos.get(ids[0])).caption, 'már elmentve');
  } finally {
    catalogue.close();
  }
});

test('a read-only catalogue folder: a clear message, nothing changed', async () => {
  const { catalogueDir, catalogue } = await setUp();
  catalogue.close();
  const before = fs.readFileSync(path.join(catalogueDir, 'catalogue.sqlite'));
  fs.chmodSync(catalogueDir, 0o555);
  try {
    // As root too: the command runs without the capabilities that let root ignore the mode.
    const r = runFototar(['edit', '1', '--caption', 'x', '--catalogue', catalogueDir], { honourFileModes: true });
    assert.equal(r.error, undefined, 'the CLI started');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^fototar edit: Cannot lock the catalogue at .* \((EACCES|EROFS|EPERM)\); is the folder writable\?\n$/);
  } finally {
    fs.chmodSync(catalogueDir, 0o755);
  }
  assert.deepEqual(fs.readFileSync(path.join(catalogueDir, 'catalogue.sqlite')), before);
});
