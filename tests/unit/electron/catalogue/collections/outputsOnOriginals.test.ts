// An export may never replace a catalogued original, however the output folder is spelled:
// through a symbolic link to the originals' folder, or onto a link or hard link to an original.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

let dir: string;
let catalogue: Catalogue;
let original: string;
let collectionId: number;
const request = { format: 'jpeg' as const, style: 'fortepan' as const, lang: 'en' as const, overwrite: true };
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

before(async () => {
  dir = await tempDir('fototar-export-link-');
  // A scan named exactly like the first file of a one-picture export.
  original = await writeFixture(path.join(dir, 'photos'), '01_fortepan_999.jpg', makeJpeg({ colour: '#806040' }));
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([path.join(dir, 'photos')]);
  const service = catalogue.collections;
  const made = await service.create('Trap');
  collectionId = made.id;
  await service.add(made.id, [catalogue.store.photos.byFile(original)!.id]);
  const planned = (await service.items(made.id)).length;
  assert.equal(planned, 1);
});
after(() => catalogue.close());

test('the real path of the originals folder is refused (as before)', async () => {
  const hash = sha(original);
  await assert.rejects(catalogue.exports.run(collectionId, { ...request, outDir: path.join(dir, 'photos') }), /01_fortepan_999\.jpg .* is an original/);
  assert.equal(sha(original), hash);
});

test('a symbolic link to the originals folder is refused the same way, and the original is untouched', async () => {
  const link = path.join(dir, 'looks-harmless');
  fs.symlinkSync(path.join(dir, 'photos'), link);
  const hash = sha(original);
  await assert.rejects(catalogue.exports.run(collectionId, { ...request, outDir: link }), /is an original in this catalogue/);
  await assert.rejects(catalogue.exports.run(collectionId, { ...request, outDir: path.join(link, '.') }), /is an original/);
  assert.equal(sha(original), hash);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'photos')), ['01_fortepan_999.jpg']);
});

test('an output folder holding a hard link to an original is refused', async () => {
  const out = path.join(dir, 'out-hardlink');
  fs.mkdirSync(out);
  fs.linkSync(original, path.join(out, '01_fortepan_999.jpg'));
  const hash = sha(original);
  await assert.rejects(catalogue.exports.run(collectionId, { ...request, outDir: out }), /is an original/);
  assert.equal(sha(original), hash);
});

test('an ordinary folder is fine', async () => {
  const out = path.join(dir, 'out');
  const report = await catalogue.exports.run(collectionId, { ...request, outDir: out });
  assert.ok(report.files.includes('01_fortepan_999.jpg'));
});
