// JPEG 2000 decoded by OpenJPEG (pdf.js's WebAssembly build) into previews: 16-bit, greyscale,
// alpha, sYCC and ICC-profiled files in the right colours, raw codestreams, only the resolution
// level a preview needs, and plain reasons for what cannot be previewed. Fixtures:
// tests/fixtures/decoders (made by its makeFixtures.ts), four quadrants of known colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { imageFacts, renderThumbnails } from '../../../../../electron/catalogue/thumbnails/makeThumbnails.ts';
import { decodeJpeg2000, MAX_JPEG2000_DECODE_BYTES } from '../../../../../electron/catalogue/thumbnails/decodeJpeg2000.ts';
import { colourProblems, fixture, quadrantColours } from './decoderFixtures.ts';

async function preview(input: Buffer) {
  const facts = await imageFacts(input);
  const thumbnails = await renderThumbnails(input, facts);
  const meta = await sharp(thumbnails.preview).metadata();
  return { facts, thumbnails, size: [meta.width, meta.height], colours: await quadrantColours(thumbnails.preview) };
}

/** The codestream inside a JP2 file's jp2c box: a raw J2K file of the same picture. */
function codestreamOf(jp2: Buffer): Buffer {
  const at = jp2.indexOf('jp2c', 0, 'latin1');
  return jp2.subarray(at + 4, at - 4 + jp2.readUInt32BE(at - 4));
}

for (const [file, tolerance, grey] of [
  ['rgb16.jp2', 3, false],
  ['rgba.jp2', 8, false],
  ['sycc420.jp2', 10, false],
  ['p3.jp2', 8, false],
  ['grey.jp2', 6, true],
] as const) {
  test(`${file}: a preview in the picture's colours`, async () => {
    const { facts, size, colours, thumbnails } = await preview(fixture(file));
    assert.deepEqual([facts.format, facts.decoder, facts.width, facts.height], ['jp2', 'jpeg2000', 512, 384]);
    assert.deepEqual(size, [512, 384]);
    assert.equal(thumbnails.warning, null);
    assert.deepEqual(colourProblems(colours, tolerance, grey), []);
    if (grey) assert.ok(colours.every(([r, g, b]) => r === g && g === b), `grey stays grey: ${JSON.stringify(colours)}`);
  });
}

test('the ICC profile is applied: the same pixels without it are off by more than the tolerance', async () => {
  const tagged = fixture('p3.jp2');
  const raw = await decodeJpeg2000(tagged, 1600);
  assert.ok(raw.icc && raw.icc.toString('latin1', 16, 20) === 'RGB ');
  const untagged = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } }).jpeg().toBuffer();
  assert.notDeepEqual(colourProblems(await quadrantColours(untagged), 8), []);
});

test('a raw J2K codestream is sniffed by content and decoded', async () => {
  const { facts, colours } = await preview(codestreamOf(fixture('rgba.jp2')));
  assert.deepEqual([facts.format, facts.decoder], ['j2k', 'jpeg2000']);
  assert.deepEqual(colourProblems(colours, 8), []);
});

test('only the resolution level the preview needs is decoded', async () => {
  const input = fixture('rgb16.jp2');
  // 512×384 with two wavelet levels: 256×192 still covers a 200-pixel edge, 128×96 does not.
  const half = await decodeJpeg2000(input, 200);
  assert.deepEqual([half.width, half.height, half.channels, half.data.length], [256, 192, 3, 256 * 192 * 3]);
  const smallest = await decodeJpeg2000(input, 50);
  assert.deepEqual([smallest.width, smallest.height], [128, 96]);
  const whole = await decodeJpeg2000(input, 1600);
  assert.deepEqual([whole.width, whole.height], [512, 384]);
});

test('memory is bounded before decoding: a huge image with no smaller level is refused with its size', async () => {
  const input = Buffer.from(fixture('rgb16.jp2'));
  const siz = input.indexOf(Buffer.from([0xff, 0x4f, 0xff, 0x51])) + 4;
  input.writeUInt32BE(12000, siz + 4);
  input.writeUInt32BE(9000, siz + 8);
  const cod = input.indexOf(Buffer.from([0xff, 0x52]), siz);
  input[cod + 9] = 0; // no wavelet levels: only the full resolution exists
  await assert.rejects(decodeJpeg2000(input, 1600), (error: Error) => {
    assert.match(error.message, /^too large to preview: this 12000×9000 JPEG 2000 stores no resolution below 12000×9000, which takes about 1944 MB to decode/);
    assert.ok(error.message.includes(`${MAX_JPEG2000_DECODE_BYTES / 1e6} MB`));
    return true;
  });
});

test('a file that cannot be previewed says why', async () => {
  const input = fixture('rgb16.jp2');
  const cut = input.subarray(0, Math.round(input.length * 0.6));
  await assert.rejects(preview(cut), /^Error: JPEG 2000 is damaged: Tile part length size inconsistent with stream length/);
  const deep = Buffer.from(input);
  const siz = deep.indexOf(Buffer.from([0xff, 0x4f, 0xff, 0x51])) + 4;
  deep[siz + 38 + 3] = 0x98; // component 2: signed, 25 bits
  await assert.rejects(preview(deep), /^Error: JPEG 2000 is damaged: component 2 claims 25-bit samples/);
  const noCod = Buffer.from(input);
  const cod = noCod.indexOf(Buffer.from([0xff, 0x52]), siz);
  noCod[cod + 1] = 0x5c; // COD becomes a QCD: no coding style in the main header
  await assert.rejects(preview(noCod), /^Error: JPEG 2000 is damaged: its main header has no coding style \(COD\) marker/);
  // Four channels said to be CMYK (colour box enumerated space 12) are not taken for RGB and alpha.
  const cmyk = Buffer.from(fixture('rgba.jp2'));
  cmyk.writeUInt32BE(12, cmyk.indexOf('colr', 0, 'latin1') + 7);
  await assert.rejects(preview(cmyk), /^Error: no preview for a CMYK JPEG 2000/);
});
