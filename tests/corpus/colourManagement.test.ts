// Real-world colour-managed files (../shared/corpus/real-world): CMYK TIFFs with and without
// an ICC profile, a ProPhoto TIFF, a 16-bit TIFF, a Display P3 PNG. Fototar's preview must show
// each in the colours libvips' `vips icc_transform` renders it into sRGB (the reference render:
// relative colourimetric with black point compensation, Photoshop's default), compared by each
// channel's mean. Skips, saying why, where the corpus folder does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { imageFacts, renderThumbnails } from '../../electron/catalogue/thumbnails/makeThumbnails.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = path.resolve(repoRoot, '..', 'shared', 'corpus', 'real-world', 'files');

/** File and tolerance (levels of a channel's mean). */
const FILES: [string, number][] = [
  // FOGRA39 0/100/100/0: 227,6,19 (#E30613, the press red as Photoshop converts it).
  ['tiff/sharp_fogra-0-100-100-0_cmyk.tif', 3],
  // No profile: libvips' generic CMYK one. sharp's perceptual intent renders this dark scan's
  // shadows bluer than the reference (measured 14); relative without black point compensation is off by 32.
  ['tiff/pillow_tiff_strip_cmyk_jpeg.tif', 16],
  ['tiff/tif-with-iptc-icc-xmp.tif', 3],
  ['tiff/pillow_tiff_16bit_RGB.tiff', 3],
  ['png/sharp_p3.png', 3],
];

/** Each channel's mean of libvips' own sRGB rendering of the file. */
function referenceMeans(file: string, cmyk: boolean): number[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-colour-'));
  try {
    const rendered = path.join(dir, 'ref.v');
    execFileSync('vips', ['icc_transform', file, rendered, 'srgb', '--embedded', '--input-profile', cmyk ? 'cmyk' : 'srgb', '--depth', '8', '--black-point-compensation'], { stdio: 'ignore' });
    return [0, 1, 2].map((band) => {
      const one = path.join(dir, `band${band}.v`);
      execFileSync('vips', ['extract_band', rendered, one, String(band)]);
      return Number(execFileSync('vips', ['avg', one]).toString());
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (!fs.existsSync(files)) {
  test('colour-managed corpus files', { skip: `corpus not found at ${files}` }, () => {});
} else {
  for (const [rel, tolerance] of FILES) {
    test(`${rel}: previewed in the reference render's colours`, async () => {
      const file = path.join(files, rel);
      const input = fs.readFileSync(file);
      const meta = await sharp(input).metadata();
      const { preview } = await renderThumbnails(input, await imageFacts(input));
      const shown = (await sharp(preview).stats()).channels.slice(0, 3).map((c) => c.mean);
      const reference = referenceMeans(file, meta.space === 'cmyk');
      const off = Math.max(...shown.map((v, i) => Math.abs(v - reference[i])));
      assert.ok(off <= tolerance, `${rel}: preview means ${shown.map((v) => v.toFixed(1))} vs reference ${reference.map((v) => v.toFixed(1))}`);
    });
  }
}
