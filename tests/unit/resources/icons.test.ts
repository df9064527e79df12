// The committed icon files (made by `npm run icons` from resources/icon.svg) are there and hold
// the pixel sizes each platform needs. Read here with a reader of their own, not with the writer
// in scripts/iconContainers.ts, so a slip in the writer shows.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICON_SIZES, ICO_SIZES } from '../../../scripts/make-icons.ts';

const RESOURCES = fileURLToPath(new URL('../../../resources/', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (which must come first). */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), 'a PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('resources/', () => {
  test('the SVG source is an SVG with a square viewBox', () => {
    const svg = fs.readFileSync(path.join(RESOURCES, 'icon.svg'), 'utf8');
    assert.match(svg, /^<svg [^>]*viewBox="0 0 1024 1024"/);
  });

  test('a PNG for every size, 16 to 1024 px, and icon.png at 1024', () => {
    assert.deepEqual([...ICON_SIZES], [16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const size of ICON_SIZES) {
      assert.deepEqual(pngSize(fs.readFileSync(path.join(RESOURCES, 'icons', `${size}x${size}.png`))), { width: size, height: size }, `${size}x${size}.png`);
    }
    assert.deepEqual(fs.readdirSync(path.join(RESOURCES, 'icons')).sort(), ICON_SIZES.map((s) => `${s}x${s}.png`).sort(), 'nothing else in icons/');
    assert.deepEqual(pngSize(fs.readFileSync(path.join(RESOURCES, 'icon.png'))), { width: 1024, height: 1024 });
  });

  test('icon.ico: a directory of PNG images, 16 to 256 px', () => {
    const ico = fs.readFileSync(path.join(RESOURCES, 'icon.ico'));
    assert.equal(ico.readUInt16LE(0), 0, 'reserved');
    assert.equal(ico.readUInt16LE(2), 1, 'type 1: icon');
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    let end = 6 + 16 * count;
    for (let i = 0; i < count; i++) {
      const at = 6 + 16 * i;
      const size = ico.readUInt8(at) || 256;
      assert.equal(ico.readUInt8(at + 1) || 256, size, 'square');
      assert.equal(ico.readUInt16LE(at + 6), 32, '32 bits per pixel');
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      assert.equal(offset, end, 'images follow each other');
      end = offset + length;
      assert.deepEqual(pngSize(ico.subarray(offset, end)), { width: size, height: size }, `the ${size} px image is a PNG of that size`);
      sizes.push(size);
    }
    assert.equal(end, ico.length, 'nothing after the last image');
    assert.deepEqual(sizes, [...ICO_SIZES]);
    assert.ok(sizes.includes(256) && sizes.includes(16) && sizes.includes(32) && sizes.includes(48));
  });

  test('icon.icns: PNG entries for every Mac size, 16 to 1024 px', () => {
    const icns = fs.readFileSync(path.join(RESOURCES, 'icon.icns'));
    assert.equal(icns.toString('latin1', 0, 4), 'icns');
    assert.equal(icns.readUInt32BE(4), icns.length, 'the header gives the file length');
    const entries = new Map<string, number>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      assert.ok(length > 8 && at + length <= icns.length, `${type} fits in the file`);
      entries.set(type, pngSize(icns.subarray(at + 8, at + length)).width);
      at += length;
    }
    // Apple's PNG types: icp4–icp6 (16, 32, 64), ic07–ic10 (128, 256, 512, 1024), ic11–ic14 (@2x of 16, 32, 128, 256).
    assert.deepEqual(Object.fromEntries(entries), { icp4: 16, icp5: 32, ic11: 32, icp6: 64, ic12: 64, ic07: 128, ic08: 256, ic13: 256, ic09: 512, ic14: 512, ic10: 1024 });
  });

  test('the renderer\'s favicon is the same mark', () => {
    const favicon = fileURLToPath(new URL('../../../renderer/public/favicon.svg', import.meta.url));
    assert.equal(fs.readFileSync(favicon, 'utf8'), fs.readFileSync(path.join(RESOURCES, 'icon.svg'), 'utf8'));
  });
});
