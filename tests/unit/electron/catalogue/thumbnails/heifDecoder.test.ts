// HEIC decoded by libheif (libheif-js, WebAssembly) into previews, since the prebuilt sharp has
// no HEVC decoder; AVIF sequences (.avifs) previewed from their first frame by sharp; plain
// reasons for what cannot be previewed. Fixtures: tests/fixtures/decoders (made by its
// makeFixtures.ts), four quadrants of known colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { imageFacts, renderThumbnails } from '../../../../../electron/catalogue/thumbnails/makeThumbnails.ts';
import { decodeHeif } from '../../../../../electron/catalogue/thumbnails/decodeHeif.ts';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { colourProblems, fixture, quadrantColours } from './decoderFixtures.ts';

async function preview(input: Buffer) {
  const facts = await imageFacts(input);
  const thumbnails = await renderThumbnails(input, facts);
  const meta = await sharp(thumbnails.preview).metadata();
  return { facts, size: [meta.width, meta.height], colours: await quadrantColours(thumbnails.preview) };
}

test('HEIC (HEVC): decoded by libheif into a preview in the right colours', async () => {
  const { facts, size, colours } = await preview(fixture('quadrants.heic'));
  assert.deepEqual([facts.format, facts.decoder, facts.width, facts.height], ['heic', 'heif', 512, 384]);
  assert.deepEqual(size, [512, 384]);
  assert.deepEqual(colourProblems(colours, 10), []);
});

test('AVIF sequence: the first frame is the preview', async () => {
  const { facts, size, colours } = await preview(fixture('sequence.avifs'));
  assert.deepEqual([facts.format, facts.decoder, facts.width, facts.height], ['avif', 'sharp', 512, 384]);
  assert.deepEqual(size, [512, 384]);
  // The second frame is the negative: the first frame's colours show it is the one decoded.
  assert.deepEqual(colourProblems(colours, 10), []);
});

test('an AVIF sequence with frames only (no still image) is refused with the reason', async () => {
  const input = Buffer.from(fixture('sequence.avifs'));
  const brands = input.toString('latin1', 16, input.readUInt32BE(0));
  input.write(brands.replace('avif', 'xxxx'), 16, 'latin1');
  await assert.rejects(imageFacts(input), /no preview for this AVIF sequence: it has frames only and no still image/);
});

test('a HEIF file that cannot be previewed says why, and memory is bounded before decoding', async () => {
  const heic = fixture('quadrants.heic');
  await assert.rejects(preview(heic.subarray(0, Math.round(heic.length * 0.6))), /^Error: HEIF is damaged: Invalid input: Unexpected end of file/);
  // The image spatial extent (ispe) claims 9000×7000: decoding it whole would take about 819 MB.
  const big = Buffer.from(heic);
  const ispe = big.indexOf('ispe', 0, 'latin1');
  big.writeUInt32BE(9000, ispe + 8);
  big.writeUInt32BE(7000, ispe + 12);
  await assert.rejects(preview(big), /^Error: too large to preview: a 9000×7000 HEIF image is decoded whole, which takes about 819 MB, over the 450 MB a preview may use$/);
  // libheif-js has HEVC only: an AVIF handed to it names the codec as the reason.
  await assert.rejects(decodeHeif(fixture('sequence.avifs')), /^Error: HEIF with an unsupported codec: this build of Fototar decodes HEVC \(HEIC\) and AV1 \(AVIF\) only$/);
});

test('an ingest catalogues a HEIC with its preview', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'IMG_0001.HEIC', Promise.resolve(fixture('quadrants.heic')));
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    const report = await catalogue.ingest.run([photos]);
    assert.deepEqual(report.failed, []);
    const [photo] = (await Array.fromAsync(catalogue.photos.iterateAll()));
    assert.deepEqual([photo.format, photo.width, photo.height, photo.previewError], ['heic', 512, 384, null]);
    assert.deepEqual(colourProblems(await quadrantColours(fs.readFileSync((await catalogue.photos.imageFile(photo.id, 'preview'))!)), 10), []);
  } finally {
    catalogue.close();
  }
});
