// `fototar ingest` of camera RAW files and `fototar show` of them: the DNG with a real embedded
// preview has one, the one with a placeholder says why not; both carry their camera and date,
// and the size line names the format (and a multi-page file's page count).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fototar } from '../../../../support/cli.ts';
import { dng, twoColourJpeg } from '../../../../support/rawFixtures.ts';

test('RAW files are ingested; show tells their camera, date, format and why one has no preview', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  const cat = path.join(dir, 'catalogue');
  await writeFixture(photos, 'IMG_0001.dng', twoColourJpeg(600, 400).then((preview) => dng({ preview, orientation: 6 })));
  await writeFixture(photos, 'IMG_0002.dng', Promise.resolve(dng({ preview: Buffer.from('<Dummy preview image data>', 'latin1') })));
  const ingest = fototar('ingest', photos, '--catalogue', cat, '--json');
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.deepEqual(JSON.parse(ingest.stdout).failed, []);
  const list = JSON.parse(fototar('list', '--catalogue', cat, '--json').stdout).photos as { id: number; file: string }[];
  const show = (name: string) => fototar('show', String(list.find((p) => p.file.endsWith(name))!.id), '--catalogue', cat).stdout;
  const real = show('IMG_0001.dng');
  assert.match(real, /^size\s+3000×4000 · DNG$/m);
  assert.match(real, /^camera\s+Canon EOS 6D$/m);
  assert.match(real, /^taken\s+2019-06-06T07:29:51Z$/m);
  assert.doesNotMatch(real, /no preview/);
  assert.match(show('IMG_0002.dng'), /^no preview\s+the RAW file's embedded preview is a placeholder \(26 bytes\); /m);
});
