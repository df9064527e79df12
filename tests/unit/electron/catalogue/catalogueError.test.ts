// Errors the catalogue makes carry their message key and params (for the UI's language) beside
// the English sentence, which is word for word what the CLI has always printed; the API's
// envelope carries all of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createApiHandler } from '../../../../electron/catalogue/apiHandler.ts';
import { CatalogueError } from '../../../../electron/catalogue/catalogueError.ts';
import { listFolders } from '../../../../electron/catalogue/folders/listFolders.ts';
import { archivistCatalogue } from '../../../support/archivistCatalogue.ts';
import { makeJpeg, xmpPacket } from '../../../support/fixtures.ts';
import { assertOneLineFailure, fototar } from '../../../support/cli.ts';

const failure = async (fn: () => Promise<unknown>): Promise<CatalogueError> => {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof CatalogueError, String(error));
    return error;
  }
  throw new Error('did not fail');
};

test('real failures: the English as before, with the key and params beside it', async () => {
  const { catalogue, photos } = await archivistCatalogue(1);
  try {
    const missing = await failure(() => catalogue.photos.get(999_999));
    assert.deepEqual([missing.code, missing.message, missing.key, missing.params], ['not-found', 'No photo with id 999999 in this catalogue.', 'photoNotFound', { ids: 999_999 }]);

    await catalogue.collections.create('3. fejezet');
    const twice = await failure(() => catalogue.collections.create('3. Fejezet'));
    assert.deepEqual([twice.code, twice.message, twice.key, twice.params], ['invalid-input', 'A collection named "3. Fejezet" already exists.', 'collectionExists', { name: '3. Fejezet' }]);

    const refused = await failure(() => catalogue.tags.rename('', 'x'));
    assert.equal(refused.message, 'Give the tag to rename.');

    // The folder browser's reason travels the same way, beside the English.
    const home = path.dirname(photos);
    const listing = await listFolders(path.join(home, 'nincs'), { home });
    assert.equal(listing.error, `There is no folder “${path.join(home, 'nincs')}”.`);
    assert.deepEqual(listing.errorRef, { key: 'folderMissing', params: { path: path.join(home, 'nincs') } });
  } finally {
    catalogue.close();
  }
});

test('the envelope carries code, English message, key and params; a validation error too', async () => {
  const { catalogue, photos } = await archivistCatalogue(1);
  const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
  try {
    const created = await handle('createCollection', { name: 'Válogatás' });
    assert.ok(created.ok);
    const again = await handle('createCollection', { name: 'válogatás' });
    assert.deepEqual(again, {
      ok: false,
      error: { code: 'invalid-input', message: 'A collection named "válogatás" already exists.', key: 'collectionExists', params: { name: 'válogatás' } },
    });
    const unchosen = await handle('startIngest', { paths: [photos] });
    assert.ok(!unchosen.ok);
    assert.deepEqual([unchosen.error.code, unchosen.error.key, unchosen.error.params], ['not-chosen', 'notChosenIngest', { path: photos }]);
    assert.equal(unchosen.error.message, `${photos} was not chosen to add in this session; choose it with Add folder first.`);
    const invalid = await handle('getPhoto', { id: 'five' });
    assert.ok(!invalid.ok);
    assert.equal(invalid.error.key, 'invalidParameters');
    assert.match(invalid.error.message, /^getPhoto: id: /);
    // An export of an empty collection: refused before anything is written.
    const id = (created as { ok: true; value: { id: number } }).value.id;
    await handle('chooseFolder', { path: photos, purpose: 'export' });
    const empty = await handle('startExport', { id, outDir: photos, format: 'jpeg', style: 'fortepan', lang: 'hu', overwrite: false });
    assert.ok(!empty.ok);
    assert.deepEqual([empty.error.key, empty.error.params], ['collectionEmpty', { name: 'Válogatás' }]);
    assert.equal(empty.error.message, 'The collection "Válogatás" is empty: add photos before exporting.');
  } finally {
    catalogue.close();
  }
});

test('the CLI prints the English sentence, as before', async () => {
  const { catalogue, dir } = await archivistCatalogue(1);
  catalogue.close();
  const cat = path.join(dir, 'cat');
  assert.equal(fototar('collection', 'create', 'Képek', '--catalogue', cat).status, 0);
  assert.equal(assertOneLineFailure(fototar('collection', 'create', 'képek', '--catalogue', cat), 'collection'), 'fototar collection: A collection named "képek" already exists.');
  assert.equal(assertOneLineFailure(fototar('show', '424242', '--catalogue', cat), 'show'), 'fototar show: No photo with id 424242 in this catalogue.');
  // An import's refused rows: the English reason, and the JSON as it always was (no message keys).
  const csv = path.join(dir, 'lista.csv');
  fs.writeFileSync(csv, 'fortepan_id,title\n424242,Nincs\n1000,Van\n1000,Megint\n');
  const preview = fototar('import', csv, '--dry-run', '--catalogue', cat);
  assert.match(preview.stdout, /^line 2: rejected: no photo in the catalogue with Fortepan number 424242$/m);
  assert.match(preview.stdout, /^line 4: rejected: the same photo as line 3 \(Fortepan 1000\)$/m);
  const json = JSON.parse(fototar('import', csv, '--dry-run', '--json', '--catalogue', cat).stdout);
  // An ingest's warnings: English, and the JSON without message keys.
  const more = path.join(dir, 'tovabbi');
  fs.mkdirSync(more);
  fs.writeFileSync(path.join(more, 'fortepan_2000.jpg'), await makeJpeg());
  fs.writeFileSync(path.join(more, 'fortepan_2000.jpg.xmp'), xmpPacket({ title: 'Ü'.repeat(2001) }));
  const ingested = JSON.parse(fototar('ingest', more, '--json', '--catalogue', cat).stdout);
  assert.deepEqual(ingested.warnings, [{ path: path.join(more, 'fortepan_2000.jpg'), message: 'title cut to 2,000 characters (it had 2,001)' }]);
  assert.deepEqual(json.rejected, [
    { line: 2, reason: 'no photo in the catalogue with Fortepan number 424242' },
    { line: 4, reason: 'the same photo as line 3 (Fortepan 1000)' },
  ]);
});
