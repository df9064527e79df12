// Rotate and flip, as an archivist does it after an ingest (issue 16 item 4): two sideways scans
// selected, Ctrl+] turns both at once, their grid thumbnails are served turned (the images' own
// width and height swap), the third photo is left alone, and Ctrl+Z turns both back in one step.
// The buttons in the detail panel and the large view do the same for one photo.
import { test, expect, type Locator } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

/** Three 120 × 60 scans, red on the left: landscape thumbnails until turned. */
async function sidewaysCatalogue(): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-rotate-'));
  const photos = path.join(root, 'photos');
  fs.mkdirSync(photos);
  const red = await sharp({ create: { width: 60, height: 60, channels: 3, background: '#dc1414' } }).png().toBuffer();
  for (let i = 0; i < 3; i++) {
    await sharp({ create: { width: 120, height: 60, channels: 3, background: '#1414dc' } })
      .composite([{ input: red, left: 0, top: 0 }])
      .jpeg({ quality: 90 })
      .toFile(path.join(photos, `fortepan_${2000 + i}.jpg`));
  }
  const dir = path.join(root, 'catalogue');
  const catalogue = Catalogue.open(dir, { create: true });
  try {
    await catalogue.ingest.run([photos]);
  } finally {
    catalogue.close();
  }
  return dir;
}

/** The thumbnail's own size, as decoded by the browser ("" until it has loaded). */
function naturalSize(cell: Locator): Promise<string> {
  return cell.locator('img').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth ? `${img.naturalWidth}×${img.naturalHeight}` : ''));
}

test('Ctrl+] turns the two selected photos clockwise, thumbnails at once; Ctrl+Z turns both back; the buttons turn one', async ({ page }, testInfo) => {
  served = await serveCatalogue(await sidewaysCatalogue());
  const library = new LibraryPage(page);
  await library.open(served.url);
  for (const i of [0, 1, 2]) await expect.poll(() => naturalSize(library.cellAt(i))).toBe('120×60');

  await library.clickCell(0);
  await library.clickCell(1, ['Shift']);
  await library.expectSelected(2);
  await library.press('ControlOrMeta+BracketRight');
  await expect.poll(() => naturalSize(library.cellAt(0))).toBe('60×120');
  await expect.poll(() => naturalSize(library.cellAt(1))).toBe('60×120');
  expect(await naturalSize(library.cellAt(2))).toBe('120×60');
  // Red was on the left: after a quarter clockwise it is on top.
  const topColour = await library.cellAt(0).locator('img').evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    return Array.from(context.getImageData(img.naturalWidth / 2, 10, 1, 1).data.slice(0, 3));
  });
  expect(topColour[0]).toBeGreaterThan(150);
  expect(topColour[2]).toBeLessThan(100);
  await page.screenshot({ path: testInfo.outputPath('rotated.png') });

  // One step for both: the undo button names it, Ctrl+Z takes it back.
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Rotate clockwise 2 photos/);
  await library.press('ControlOrMeta+z');
  await expect.poll(() => naturalSize(library.cellAt(0))).toBe('120×60');
  await expect.poll(() => naturalSize(library.cellAt(1))).toBe('120×60');

  // Typing in a field is never turned into a rotation.
  await library.clickCell(2);
  const detail = page.getByTestId('detail');
  await detail.getByRole('textbox').first().click();
  await page.keyboard.press('ControlOrMeta+BracketRight');
  expect(await naturalSize(library.cellAt(2))).toBe('120×60');
  await page.keyboard.press('Escape');

  // The detail panel's buttons: rotate left turns the third photo counter-clockwise; its size reads as displayed.
  await detail.getByTestId('rotate-left').click();
  await expect.poll(() => naturalSize(library.cellAt(2))).toBe('60×120');
  await expect(detail.locator('dl.facts')).toContainText('60 × 120');
  // The large view shows the turned preview, and its flip button mirrors it.
  await library.clickCell(2);
  await library.press(' ');
  const large = page.getByTestId('large-view');
  await expect(large).toBeVisible();
  await expect.poll(() => naturalSize(large.locator('.large-stage'))).toBe('60×120');
  await large.getByTestId('flip').click();
  await expect(large).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Flip Fortepan 2002/);
  await page.screenshot({ path: testInfo.outputPath('large-view.png') });
});
