// JPEG 2000 and BMP, which the prebuilt sharp cannot open: sized from their headers, BMP decoded
// by bmp-ts, a JPEG 2000 whose codestream cannot be decoded catalogued with the reason (real
// JPEG 2000 decoding: jpeg2000Decoder.test.ts), damaged headers refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import sharp from 'sharp';
import * as bmp from 'bmp-ts';
import { readHeaderFacts, sniffHeaderOnlyFormat } from '../../../../../electron/catalogue/thumbnails/formatsWithoutSharp.ts';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { tempDir, writeFixture } from '../../../../support/fixtures.ts';

function box(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function codestream(width: number, height: number, xOffset = 0, yOffset = 0): Buffer {
  const siz = Buffer.alloc(24);
  siz.writeUInt16BE(0xff4f, 0);
  siz.writeUInt16BE(0xff51, 2);
  siz.writeUInt32BE(width + xOffset, 8);
  siz.writeUInt32BE(height + yOffset, 12);
  siz.writeUInt32BE(xOffset, 16);
  siz.writeUInt32BE(yOffset, 20);
  return siz;
}

function jp2(width: number, height: number, withHeaderBox = true): Buffer {
  const ihdr = Buffer.alloc(14);
  ihdr.writeUInt32BE(height, 0);
  ihdr.writeUInt32BE(width, 4);
  return Buffer.concat([
    box('jP  ', Buffer.from([0x0d, 0x0a, 0x87, 0x0a])),
    box('ftyp', Buffer.from('jp2 \0\0\0\0jp2 ', 'latin1')),
    ...(withHeaderBox ? [box('jp2h', box('ihdr', ihdr))] : []),
    // A different size in the codestream: the header box wins when there is one.
    box('jp2c', codestream(width + 1, height + 1)),
  ]);
}

function bmpFile(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([255, 30, 60, 200], i * 4); // bmp-ts takes ABGR: a brick red (R 200, G 60, B 30)
  return bmp.encode({ data, width, height, bitPP: 24 }).data;
}

test('sizes come from the headers, by content and not by extension', () => {
  assert.deepEqual(readHeaderFacts(jp2(640, 480), 'jp2'), { format: 'jp2', width: 640, height: 480 });
  assert.deepEqual(readHeaderFacts(jp2(640, 480, false), 'jp2'), { format: 'jp2', width: 641, height: 481 });
  assert.deepEqual(readHeaderFacts(codestream(300, 200, 10, 20), 'j2k'), { format: 'j2k', width: 300, height: 200 });
  assert.equal(sniffHeaderOnlyFormat(codestream(1, 1)), 'j2k');
  const topDown = bmpFile(30, 20);
  topDown.writeInt32LE(-20, 22);
  assert.deepEqual(readHeaderFacts(topDown, 'bmp'), { format: 'bmp', width: 30, height: 20 });
  const zero = bmpFile(30, 20);
  zero.writeInt32LE(0, 18);
  assert.match(String((readHeaderFacts(zero, 'bmp') as { damaged: string }).damaged), /impossible size \(0×20\)/);
  assert.match(String((readHeaderFacts(jp2(640, 480).subarray(0, 40), 'jp2') as { damaged: string }).damaged), /header cannot be read/);
});

test('an ingest catalogues BMP with a preview, an undecodable JPEG 2000 with its reason, and refuses a damaged header', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'scan.bmp', Promise.resolve(bmpFile(120, 80)));
  const cut = bmpFile(120, 80);
  await writeFixture(photos, 'cut.bmp', Promise.resolve(cut.subarray(0, 200)));
  await writeFixture(photos, 'master.jp2', Promise.resolve(jp2(4000, 3000)));
  const zero = bmpFile(10, 10);
  zero.writeInt32LE(0, 22);
  await writeFixture(photos, 'zero.bmp', Promise.resolve(zero));
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    const report = await catalogue.ingest.run([photos]);
    assert.deepEqual(report.failed.map((f) => [path.basename(f.path), f.reason]), [['zero.bmp', 'file is damaged: its BMP header gives an impossible size (10×0)']]);
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));

    const scan = byName.get('scan.bmp')!;
    assert.deepEqual([scan.format, scan.width, scan.height, scan.previewError], ['bmp', 120, 80, null]);
    const { data, info } = await sharp((await catalogue.photos.imageFile(scan.id, 'grid'))!).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [120, 80]);
    assert.ok(data[0] > 150 && data[2] < 100, `brick red, not swapped to blue: ${[...data.subarray(0, 3)]}`);

    const master = byName.get('master.jp2')!;
    assert.deepEqual([master.format, master.width, master.height], ['jp2', 4000, 3000]);
    // Its codestream is a bare SIZ start: the header box gives the size, the decoder the reason.
    assert.equal(master.previewError, 'JPEG 2000 is damaged: its SIZ marker is cut short');
    assert.equal(await catalogue.photos.imageFile(master.id, 'grid'), null);

    assert.match(byName.get('cut.bmp')!.previewError ?? '', /truncated or corrupt/);
  } finally {
    catalogue.close();
  }
});
