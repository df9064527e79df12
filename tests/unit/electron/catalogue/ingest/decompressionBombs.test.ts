// Decompression bombs and giant dimensions, through the real ingest: files whose headers
// declare gigapixels are catalogued with a reason and never decoded (no thumbnail is made,
// the ingest stays fast and small); truncated and malformed files fail one by one with reasons
// while the good files beside them are ingested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { thumbnailPath } from '../../../../../electron/catalogue/cataloguePaths.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG whose header declares width×height; its data is a real deflate bomb of zero rows (first rows only). */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = zlib.deflateSync(Buffer.alloc(Math.min(height, 64) * (width + 1)), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

/** A real small JPEG with its frame header (SOF0) patched to declare width×height. */
async function giantJpeg(width: number, height: number): Promise<Buffer> {
  const jpeg = Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#789' } }).jpeg({ progressive: false }).toBuffer());
  for (let i = 2; i < jpeg.length - 9; i++) {
    if (jpeg[i] === 0xff && jpeg[i + 1] === 0xc0) {
      jpeg.writeUInt16BE(height, i + 5);
      jpeg.writeUInt16BE(width, i + 7);
      return jpeg;
    }
  }
  throw new Error('no SOF0 marker');
}

test('giant dimensions and deflate bombs are refused with a reason before decoding; bad files fail one by one', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'bomb.png', Promise.resolve(bombPng(100_000, 100_000)));
  await writeFixture(photos, 'giant.jpg', giantJpeg(65_000, 65_000));
  await writeFixture(photos, 'good.jpg', makeJpeg({ xmp: { title: 'Jó kép' } }));
  const whole = await makeJpeg({ width: 200, height: 200 });
  await writeFixture(photos, 'truncated.jpg', Promise.resolve(whole.subarray(0, 200)));
  await writeFixture(photos, 'random.jpg', Promise.resolve(Buffer.from('this is not a JPEG at all, just text')));
  await writeFixture(photos, 'header-only.png', Promise.resolve(bombPng(10, 10).subarray(0, 20)));
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  const before = process.memoryUsage().rss;
  try {
    const report = await catalogue.ingest.run([photos], { poolSize: 2 });
    const failed = Object.fromEntries(report.failed.map((f) => [path.basename(f.path), f.reason]));
    assert.deepEqual(Object.keys(failed).sort(), ['header-only.png', 'random.jpg', 'truncated.jpg'], JSON.stringify(report.failed));
    for (const reason of Object.values(failed)) assert.ok(reason.length > 5 && !/\n/.test(reason), reason);

    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));
    assert.equal(byName.get('good.jpg')?.title, 'Jó kép');
    assert.equal(byName.get('good.jpg')?.previewError, null);
    for (const [name, width] of [['bomb.png', 100_000], ['giant.jpg', 65_000]] as const) {
      const photo = byName.get(name);
      assert.ok(photo, `${name} is catalogued (its record is kept)`);
      assert.equal(photo.width, width);
      assert.match(photo.previewError ?? '', /megapixel limit|pixel limit/, name);
      assert.equal(fs.existsSync(thumbnailPath(catalogue.paths, photo.hash, 'preview')), false, `${name} was never decoded into a preview`);
    }
    assert.match(failed['truncated.jpg'], /truncated|corrupt|damaged/);
  } finally {
    catalogue.close();
  }
  // Decoding 10 gigapixels would need 10 GB; the ingest stayed small.
  assert.ok(process.memoryUsage().rss - before < 500 * 1024 ** 2);
});

/** A real small progressive JPEG with its frame header (SOF2) patched to declare width×height. */
async function progressiveJpeg(width: number, height: number, colour = '#789'): Promise<Buffer> {
  const jpeg = Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 3, background: colour } }).jpeg({ progressive: true }).toBuffer());
  for (let i = 2; i < jpeg.length - 9; ) {
    if (jpeg[i + 1] === 0xc2) {
      jpeg.writeUInt16BE(height, i + 5);
      jpeg.writeUInt16BE(width, i + 7);
      return jpeg;
    }
    i += 2 + jpeg.readUInt16BE(i + 2);
  }
  throw new Error('no SOF2 marker');
}

test('a progressive JPEG that must be decoded whole is previewed only within a memory budget, with a clear reason beyond it', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  // 14000×14000 is under the 200-megapixel cap, but a progressive decode holds every coefficient:
  // about 590 MB for this file of a few hundred bytes.
  const bomb = await progressiveJpeg(14_000, 14_000);
  assert.ok(bomb.length < 1000);
  await writeFixture(photos, 'bomb.jpg', Promise.resolve(bomb));
  await writeFixture(photos, 'ordinary.jpg', sharp({ create: { width: 1200, height: 900, channels: 3, background: '#456' } }).jpeg({ progressive: true }).toBuffer());
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    const report = await catalogue.ingest.run([photos], { poolSize: 1 });
    assert.equal(report.added, 2);
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));
    const photo = byName.get('bomb.jpg')!;
    assert.deepEqual([photo.width, photo.height], [14_000, 14_000]);
    assert.match(photo.previewError ?? '', /^too large to preview \(progressive JPEG, 196 MP\): it can only be decoded whole, which takes about 588 MB/);
    assert.equal(fs.existsSync(thumbnailPath(catalogue.paths, photo.hash, 'preview')), false, 'never decoded');
    assert.equal(byName.get('ordinary.jpg')!.previewError, null, 'an ordinary progressive JPEG still gets its preview');
  } finally {
    catalogue.close();
  }
});
