// 16-bit, CMYK and ICC-profiled TIFFs, made by the test with sharp, come out of the thumbnail
// pipeline in sRGB: the preview's colour matches a reference render of the same file by
// libvips' `vips icc_transform` (libvips-tools, installed for the tests; relative colourimetric
// with black point compensation, Photoshop's default) and, for RGB, the sRGB colour the file
// was made from. sharp renders CMYK with the perceptual intent: within a few levels of that.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { imageFacts, renderThumbnails } from '../../../../../electron/catalogue/thumbnails/makeThumbnails.ts';
import { tempDir } from '../../../../support/fixtures.ts';

type Rgb = [number, number, number];
const SEPIA: Rgb = [150, 120, 90];
const SLATE: Rgb = [60, 110, 150];
const BRICK: Rgb = [200, 60, 40];

const plain = ([r, g, b]: Rgb) => sharp({ create: { width: 96, height: 64, channels: 3, background: { r, g, b } } });
const lzw = { compression: 'lzw' } as const;
/** Perceptual (sharp) against relative colourimetric with black point compensation (the reference): measured 5 at most. */
const CMYK_TOLERANCE = 6;

/** The centre colour of the preview Fototar makes of `tiff`. */
async function previewColour(tiff: Buffer): Promise<Rgb> {
  const facts = await imageFacts(tiff);
  const { preview } = await renderThumbnails(tiff, facts);
  const { data, info } = await sharp(preview).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return [data[at], data[at + 1], data[at + 2]];
}

/** libvips' rendering of the file into sRGB through its embedded profile (a generic CMYK one when it has none). */
async function referenceColour(tiff: Buffer): Promise<Rgb> {
  const dir = await tempDir('fototar-icc-');
  try {
    const input = path.join(dir, 'in.tif');
    const output = path.join(dir, 'ref.v');
    fs.writeFileSync(input, tiff);
    execFileSync('vips', ['icc_transform', input, output, 'srgb', '--embedded', '--input-profile', 'cmyk', '--depth', '8', '--black-point-compensation'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const values = execFileSync('vips', ['getpoint', output, '48', '32']).toString().trim().split(/\s+/).map(Number);
    return [values[0], values[1], values[2]];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function assertClose(actual: Rgb, expected: Rgb, tolerance: number, what: string): void {
  const off = Math.max(...actual.map((v, i) => Math.abs(v - expected[i])));
  assert.ok(off <= tolerance, `${what}: ${actual.join(',')} vs ${expected.join(',')} (off by ${off}, tolerance ${tolerance})`);
}

describe('TIFFs are previewed in sRGB', () => {
  test('16-bit RGB without a profile', async () => {
    const tiff = await plain(BRICK).toColourspace('rgb16').tiff(lzw).toBuffer();
    assert.equal((await sharp(tiff).metadata()).depth, 'ushort');
    assertClose(await previewColour(tiff), BRICK, 2, 'known colour');
  });

  for (const colour of [BRICK, SEPIA]) {
    test(`16-bit RGB with a Display P3 profile (${colour.join(',')} converted into P3)`, async () => {
      const tiff = await plain(colour).withIccProfile('p3').toColourspace('rgb16').tiff(lzw).toBuffer();
      const meta = await sharp(tiff).metadata();
      assert.ok(meta.depth === 'ushort' && meta.hasProfile);
      const shown = await previewColour(tiff);
      assertClose(shown, await referenceColour(tiff), 3, 'reference render');
      assertClose(shown, colour, 3, 'known colour');
    });
  }

  test('8-bit RGB with a Display P3 profile', async () => {
    const tiff = await plain(SLATE).withIccProfile('p3').tiff(lzw).toBuffer();
    const shown = await previewColour(tiff);
    assertClose(shown, await referenceColour(tiff), 3, 'reference render');
    assertClose(shown, SLATE, 3, 'known colour');
  });

  for (const colour of [SEPIA, SLATE]) {
    test(`CMYK with its ICC profile embedded (${colour.join(',')})`, async () => {
      const tiff = await plain(colour).withIccProfile('cmyk').tiff(lzw).toBuffer();
      const meta = await sharp(tiff).metadata();
      assert.ok(meta.space === 'cmyk' && meta.hasProfile);
      assertClose(await previewColour(tiff), await referenceColour(tiff), CMYK_TOLERANCE, 'reference render');
    });

    test(`CMYK without a profile (${colour.join(',')})`, async () => {
      const tiff = await plain(colour).toColourspace('cmyk').tiff(lzw).toBuffer();
      assert.equal((await sharp(tiff).metadata()).hasProfile, false);
      assertClose(await previewColour(tiff), await referenceColour(tiff), CMYK_TOLERANCE, 'reference render');
    });
  }
});
