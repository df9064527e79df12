// The collection methods through the one API handler the UI uses (both transports): validation,
// answers, errors as envelopes, the export's background run with progress and the ask-first
// answer for existing files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../electron/catalogue/apiHandler.ts';
import { apiCaller } from '../../../support/apiCaller.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';

let dir: string;
let catalogue: Catalogue;
let handle: ReturnType<typeof createApiHandler>;
let photoIds: number[];

before(async () => {
  dir = await tempDir('fototar-collections-api-');
  await writeFixture(path.join(dir, 'photos'), 'fortepan_1.jpg', makeJpeg({ xmp: { credit: 'Fortepan / Ebner' } }));
  await writeFixture(path.join(dir, 'photos'), 'fortepan_2.jpg', makeJpeg({ xmp: { credit: 'Fortepan / Kurutz Márton' } }));
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([path.join(dir, 'photos')]);
  // By Fortepan number, whatever order the ingest's workers finished in.
  photoIds = (await Array.fromAsync(catalogue.photos.iterateAll())).sort((a, b) => (a.fortepanId ?? 0) - (b.fortepanId ?? 0)).map((p) => p.id);
  handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
});

after(() => catalogue.close());

const call = apiCaller(() => handle);

test('create, add (twice is allowed and reported), move, mark modified, credits', async () => {
  const created = await call('createCollection', { name: 'Cikk 1956-ról' });
  const added = await call('addToCollection', { id: created.id, photoIds: [photoIds[0], photoIds[1], photoIds[0]] });
  assert.deepEqual(added.duplicates, [photoIds[0]]);
  assert.deepEqual(added.collection.items.map((i) => i.photo.id), [photoIds[0], photoIds[1], photoIds[0]]);
  const moved = await call('moveInCollection', { id: created.id, itemId: added.collection.items[1].itemId, position: 0 });
  assert.deepEqual(moved.items.map((i) => i.photo.id), [photoIds[1], photoIds[0], photoIds[0]]);
  const removed = await call('removeFromCollection', { id: created.id, itemIds: [moved.items[2].itemId] });
  assert.equal(removed.count, 2);
  const marked = await call('setPickModified', { id: created.id, itemId: removed.items[0].itemId, modified: true });
  assert.equal(marked.items[0].modified, true);
  const credits = await call('collectionCredits', { id: created.id, style: 'tasl', lang: 'en', format: 'txt' });
  // Kurutz Márton gave the photo: TASL names him in the source, the author is unknown.
  assert.match(credits.text, /^Figure 1: “Fortepan 2” by unknown; source: Fortepan \/ Kurutz Márton, .*; modified$/m);
  assert.equal(credits.entries.length, 2);
  const file = await call('collectionCreditsFile', { id: created.id, style: 'press', lang: 'hu', format: 'docx' });
  assert.equal(file.fileName, 'Cikk_1956-rol_credits.docx');
  assert.equal(Buffer.from(file.base64, 'base64').subarray(0, 2).toString('latin1'), 'PK');
  assert.deepEqual((await call('listCollections', {})).collections.map((c) => [c.name, c.count]), [['Cikk 1956-ról', 2]]);
});

test('bad parameters and unknown collections come back as messages', async () => {
  for (const [method, params] of [
    ['createCollection', { name: '' }],
    ['collectionCredits', { id: 1, style: 'chicago', lang: 'en', format: 'txt' }],
    ['collectionCredits', { id: 1, style: 'tasl', lang: 'de', format: 'txt' }],
    ['startExport', { id: 1, outDir: '/tmp/x', format: 'png', style: 'tasl', lang: 'en', overwrite: false }],
    ['startExport', { id: 1, outDir: '/tmp/x', size: 2, format: 'jpeg', style: 'tasl', lang: 'en', overwrite: false }],
  ] as const) {
    const envelope = await handle(method, params);
    assert.equal(envelope.ok, false, `${method} ${JSON.stringify(params)}`);
    if (!envelope.ok) assert.equal(envelope.error.code, 'invalid-input');
  }
  const missing = await handle('getCollection', { id: 9999 });
  assert.ok(!missing.ok && missing.error.code === 'not-found');
});

test('export in the background: progress to done, then "output-exists" until overwrite is given', async () => {
  const [c] = (await call('listCollections', {})).collections;
  const out = path.join(dir, 'out');
  const request = { id: c.id, outDir: out, size: 32, format: 'jpeg', style: 'fortepan', lang: 'hu', overwrite: false };
  await call('chooseFolder', { path: out, purpose: 'export' });
  await call('startExport', request);
  let progress = await call('exportProgress', {});
  for (let i = 0; i < 200 && progress.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    progress = await call('exportProgress', {});
  }
  assert.equal(progress.state, 'done', progress.error ?? '');
  assert.equal(progress.done, progress.total);
  assert.deepEqual(progress.report?.files, ['01_fortepan_2.jpg', '02_fortepan_1.jpg', 'credits.txt', 'credits.docx', 'manifest.csv']);
  const envelope = await handle('startExport', request);
  assert.ok(!envelope.ok && envelope.error.code === 'output-exists', JSON.stringify(envelope));
  assert.equal((await call('exportProgress', {})).state, 'idle', 'a refused start leaves no export running');
  await call('startExport', { ...request, overwrite: true });
  for (let i = 0; i < 200 && (await call('exportProgress', {})).state === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
  assert.equal((await call('exportProgress', {})).state, 'done');
  assert.equal(fs.readdirSync(out).length, 5);
});
