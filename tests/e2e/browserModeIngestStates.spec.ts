// What an ingest of a mixed folder shows in the grid and the detail panel: a true duplicate is
// badged "duplicate" and names its first copy; a JPEG 2000 whose codestream is only a header is
// catalogued with a visible "no preview: <reason>"; a real JPEG 2000 (OpenJPEG) and a BMP (bmp-ts)
// are previewed.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as bmp from 'bmp-ts';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { serveCatalogue, repoRoot, type ServedCatalogue } from './browserModeServer.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

/** A JP2 with a sound header (signature, ftyp, jp2h/ihdr) of 640×480 whose codestream is cut inside its SIZ marker. */
function jp2Header(width: number, height: number): Buffer {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const ihdr = Buffer.alloc(14);
  ihdr.writeUInt32BE(height, 0);
  ihdr.writeUInt32BE(width, 4);
  ihdr.writeUInt16BE(3, 8);
  ihdr.writeUInt8(7, 10);
  ihdr.writeUInt8(7, 11);
  const siz = Buffer.alloc(24);
  siz.writeUInt16BE(0xff4f, 0);
  siz.writeUInt16BE(0xff51, 2);
  siz.writeUInt32BE(width, 8);
  siz.writeUInt32BE(height, 12);
  return Buffer.concat([
    box('jP  ', Buffer.from([0x0d, 0x0a, 0x87, 0x0a])),
    box('ftyp', Buffer.from('jp2 \0\0\0\0jp2 ', 'latin1')),
    box('jp2h', box('ihdr', ihdr)),
    box('jp2c', siz),
  ]);
}

/** A 24-bit BMP of a warm gradient, as old Windows scanner software saved scans. */
function bmpScan(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      // bmp-ts takes ABGR bytes (alpha, blue, green, red)
      data[i] = 0;
      data[i + 1] = 60 + Math.round((y / height) * 80);
      data[i + 2] = 110 + Math.round((x / width) * 60);
      data[i + 3] = 200;
    }
  }
  return bmp.encode({ data, width, height, bitPP: 24 }).data;
}

test('duplicates are badged; a damaged JPEG 2000 shows its no-preview reason; JPEG 2000 and BMP are previewed', async ({ page }) => {
  const dir = await tempDir('fototar-e2e-states-');
  const photos = path.join(dir, 'photos');
  const scan = await makeJpeg({ width: 240, height: 160, colour: '#7a6a52', xmp: { title: 'Vásárcsarnok' } });
  await writeFixture(photos, 'a/fortepan_1001.jpg', Promise.resolve(scan));
  await writeFixture(photos, 'b/vasarcsarnok masolat.jpg', Promise.resolve(scan));
  await writeFixture(photos, 'c/master.jp2', Promise.resolve(jp2Header(640, 480)));
  await writeFixture(photos, 'c/old-scanner.bmp', Promise.resolve(bmpScan(300, 200)));
  await writeFixture(photos, 'd/scan.jp2', fs.readFile(path.join(repoRoot, 'tests', 'fixtures', 'decoders', 'rgb16.jp2')));
  const catalogueDir = path.join(dir, 'catalogue');
  const ingest = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'fototar.js'), 'ingest', photos, '--catalogue', catalogueDir, '--json'], { encoding: 'utf8' });
  expect(ingest.status, ingest.stderr).toBe(0);
  expect(JSON.parse(ingest.stdout)).toMatchObject({ added: 5, failed: [], photos: 5 });

  served = await serveCatalogue(catalogueDir);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(served.url);
  const cells = page.getByTestId('grid-cell');
  await expect(cells).toHaveCount(5);

  const duplicates = page.getByTestId('duplicate-badge');
  await expect(duplicates).toHaveCount(1);
  // The copy in b/ is flagged; the file first in the folders (a/) is the original, photo 1.
  const copyCell = cells.filter({ has: duplicates });
  await expect(copyCell).toContainText('Vásárcsarnok');
  await expect(cells.nth(1)).toContainText('Vásárcsarnok');
  await expect(cells.nth(1).getByTestId('duplicate-badge')).toHaveCount(1);

  const jp2Cell = cells.filter({ hasText: 'JPEG 2000 is damaged: its SIZ marker is cut short' });
  await expect(jp2Cell).toHaveCount(1);
  await expect(jp2Cell.locator('.no-preview-label')).toHaveText('no preview');

  // The BMP and the real JPEG 2000 cells have real thumbnails that loaded.
  const images = page.locator('[data-testid="grid-cell"] img');
  await expect(images).toHaveCount(4);
  await expect.poll(() => images.evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0))).toBe(true);

  await copyCell.click();
  await expect(page.locator('.facts')).toContainText(/Duplicate of\s*photo 1 \(identical file\)/);
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'ingest-states.png') });
  expect(errors).toEqual([]);
  await fs.rm(dir, { recursive: true, force: true });
});
