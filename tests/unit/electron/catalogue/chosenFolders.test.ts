// The API reads in and writes out only where the person chose in this session (chooseFolder or
// the native dialog): not a private folder, not through a symbolic link out of a chosen one, and
// sidecars only next to originals that are there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../electron/catalogue/apiHandler.ts';
import type { ApiEnvelope } from '../../../../shared/api.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';

let dir: string;
let catalogue: Catalogue;
let handle: ReturnType<typeof createApiHandler>;

before(async () => {
  dir = await tempDir('fototar-chosen-');
  await writeFixture(path.join(dir, 'chosen'), 'fortepan_1.jpg', makeJpeg({ colour: '#203040' }));
  await writeFixture(path.join(dir, 'private'), 'fortepan_2.jpg', makeJpeg({ colour: '#402030' }));
  fs.mkdirSync(path.join(dir, 'exports'));
  fs.symlinkSync(path.join(dir, 'private'), path.join(dir, 'exports', 'link-out'));
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
});
after(() => catalogue.close());

const refusal = (envelope: ApiEnvelope<unknown>) => (envelope.ok ? null : envelope.error);

async function waitForIngest() {
  for (let i = 0; i < 400; i++) {
    const progress = await handle('ingestProgress', {});
    if (progress.ok && !['scanning', 'running'].includes((progress.value as { state: string }).state)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('startIngest refuses a folder nobody chose, in one sentence; a chosen one is added', async () => {
  const refused = refusal(await handle('startIngest', { paths: [path.join(dir, 'private')] }));
  assert.equal(refused?.code, 'not-chosen');
  assert.match(refused!.message, /private was not chosen to add in this session/);
  assert.doesNotMatch(refused!.message, /\n/);
  // A file inside a chosen folder, and a chosen folder reached through its parent's link, are fine.
  assert.equal((await handle('chooseFolder', { path: path.join(dir, 'chosen'), purpose: 'ingest' })).ok, true);
  assert.equal(refusal(await handle('startIngest', { paths: [path.join(dir, 'chosen', '..', 'private')] }))?.code, 'not-chosen');
  assert.equal((await handle('startIngest', { paths: [path.join(dir, 'chosen')] })).ok, true);
  await waitForIngest();
  assert.deepEqual((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => path.basename(p.file)), ['fortepan_1.jpg']);
});

test('chooseFolder checks what it records', async () => {
  assert.equal(refusal(await handle('chooseFolder', { path: path.join(dir, 'nothing-here'), purpose: 'ingest' }))?.code, 'not-found');
  assert.equal(refusal(await handle('chooseFolder', { path: 'relative/folder', purpose: 'export' }))?.code, 'invalid-input');
  assert.match(refusal(await handle('chooseFolder', { path: path.join(dir, 'chosen', 'fortepan_1.jpg'), purpose: 'export' }))!.message, /is a file, not a folder/);
  assert.equal(refusal(await handle('chooseFolder', { path: path.join(dir, 'chosen', 'fortepan_1.jpg', 'x'), purpose: 'export' }))?.code, 'invalid-input');
});

test('startExport only into a chosen folder or a new folder inside it, never through a link out', async () => {
  const made = await handle('createCollection', { name: 'Cikk' });
  assert.ok(made.ok);
  const id = (made.value as { id: number }).id;
  await handle('addToCollection', { id, photoIds: await catalogue.photos.ids() });
  const request = (outDir: string) => ({ id, outDir, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: true });
  const refused = refusal(await handle('startExport', request(path.join(dir, 'private'))));
  assert.equal(refused?.code, 'not-chosen');
  assert.match(refused!.message, /private was not chosen as an export folder in this session/);
  assert.equal((await handle('chooseFolder', { path: path.join(dir, 'exports'), purpose: 'export' })).ok, true);
  assert.equal(refusal(await handle('startExport', request(path.join(dir, 'exports', 'link-out'))))?.code, 'not-chosen', 'a link inside leading out');
  assert.equal(refusal(await handle('startExport', request(path.join(dir, 'exports', 'link-out', 'new'))))?.code, 'not-chosen');
  assert.equal(refusal(await handle('startExport', request(path.join(dir, 'exportsX'))))?.code, 'not-chosen', 'a sibling sharing the prefix');
  assert.equal(fs.readdirSync(path.join(dir, 'private')).length, 1, 'nothing was written into the private folder');
  assert.equal((await handle('startExport', request(path.join(dir, 'exports', 'new', 'deeper')))).ok, true);
  for (let i = 0; i < 400; i++) {
    const progress = await handle('exportProgress', {});
    if (progress.ok && (progress.value as { state: string }).state !== 'running') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.ok(fs.readdirSync(path.join(dir, 'exports', 'new', 'deeper')).includes('manifest.csv'));
});

test('writeSidecars writes next to originals that are there, and nowhere else', async () => {
  const [photo] = (await Array.fromAsync(catalogue.photos.iterateAll()));
  const moved = path.join(dir, 'moved.jpg');
  fs.renameSync(photo.file, moved);
  const report = await handle('writeSidecars', { ids: [photo.id] });
  assert.ok(report.ok);
  const value = report.value as { written: string[]; skipped: { file: string; reason: string }[] };
  assert.deepEqual(value.written, []);
  assert.match(value.skipped[0].reason, /original is not there/);
  assert.deepEqual(fs.readdirSync(path.dirname(photo.file)), [], 'no sidecar next to a missing original');
  fs.renameSync(moved, photo.file);
  const again = await handle('writeSidecars', { ids: [photo.id] });
  assert.ok(again.ok && (again.value as { written: string[] }).written.length === 1);
});
