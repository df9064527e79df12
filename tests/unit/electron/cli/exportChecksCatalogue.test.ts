// `fototar export` starts making pictures while the catalogue's opening check runs (an export
// writes nothing into the catalogue), but publishes nothing unless the check passes: a damaged
// catalogue fails the export with the check's one line and leaves the output folder without a
// picture or a list; a healthy one exports as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../electron/catalogue/catalogue.ts';
import { damageIndex, integrity } from '../../../support/storeFixtures.ts';
import { assertOneLineFailure, runFototar } from '../../../support/cli.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';

async function catalogueWithCollection(): Promise<string> {
  const dir = await tempDir('fototar-export-check-');
  const originals = path.join(dir, 'photos');
  for (let i = 0; i < 3; i++) await writeFixture(originals, `fortepan_${7000 + i}.jpg`, makeJpeg({ width: 60, height: 40 }));
  const catalogueDir = path.join(dir, 'cat');
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  try {
    await catalogue.ingest.run([originals]);
    const collection = await catalogue.collections.create('Könyv');
    await catalogue.collections.add(collection.id, await catalogue.photos.ids());
  } finally {
    catalogue.close();
  }
  return catalogueDir;
}

test('a damaged catalogue: the export fails with the check\'s line and publishes nothing', async () => {
  const catalogueDir = await catalogueWithCollection();
  const database = path.join(catalogueDir, 'catalogue.sqlite');
  damageIndex(database);
  assert.notEqual(integrity(database), 'ok');
  const out = path.join(path.dirname(catalogueDir), 'out');
  const r = runFototar(['export', '--collection', 'Könyv', '--out', out, '--catalogue', catalogueDir]);
  assert.match(assertOneLineFailure(r, 'export'), /The catalogue database is damaged/);
  const left = fs.existsSync(out) ? fs.readdirSync(out) : [];
  assert.deepEqual(left.filter((name) => !name.startsWith('.')), [], 'no picture, list or manifest');
});

test('a healthy catalogue: the export publishes every picture and the lists', async () => {
  const catalogueDir = await catalogueWithCollection();
  const out = path.join(path.dirname(catalogueDir), 'out');
  const r = runFototar(['export', '--collection', 'Könyv', '--out', out, '--catalogue', catalogueDir, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(fs.readdirSync(out).filter((name) => name.endsWith('.jpg')).length, 3);
  for (const list of ['credits.txt', 'credits.docx', 'manifest.csv']) assert.ok(fs.existsSync(path.join(out, list)), list);
});
