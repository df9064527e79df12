// The loupe, as an archivist reads a date stamp on a scan: Space opens the large view, Z shows the
// scan at 100% from its own pixels (the original, not the preview), the wheel zooms to 400% and
// back to fit, dragging moves the view, Z returns to fit, and the next photo starts at fit.
import { test, expect } from '@playwright/test';
import { loupeCatalogue } from '../support/loupeCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

test('Z shows the scan at 100% from the original; the wheel zooms to 400%; drag pans; Z fits again', async ({ page }, testInfo) => {
  const { dir } = await loupeCatalogue(3000, 2000);
  served = await serveCatalogue(dir);
  await page.setViewportSize({ width: 1024, height: 700 });
  const library = new LibraryPage(page);
  await library.open(served.url);
  await library.clickCell(0);
  await library.press(' ');
  const large = page.getByTestId('large-view');
  await expect(large).toBeVisible();
  const zoomButton = large.getByTestId('loupe-zoom');
  await expect(zoomButton).toHaveText('Fit');

  await page.keyboard.press('z');
  const loupe = page.getByTestId('loupe');
  await expect(loupe).toHaveAttribute('data-zoom', '1');
  await expect(zoomButton).toHaveText('100%');
  const full = page.getByTestId('loupe-full');
  await expect(full).toHaveAttribute('data-loaded', 'true');
  // The scan's own pixels: the picture is the original's 3000 × 2000, drawn one to one.
  expect(await full.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight, img.clientWidth])).toEqual([3000, 2000, 3000]);
  // Opened in the middle of the picture.
  const middle = await loupe.evaluate((el) => [Math.round(el.scrollLeft + el.clientWidth / 2), Math.round(el.scrollTop + el.clientHeight / 2)]);
  expect(Math.abs(middle[0] - 1500)).toBeLessThan(3);
  expect(Math.abs(middle[1] - 1000)).toBeLessThan(3);
  await page.screenshot({ path: testInfo.outputPath('loupe-100.png') });

  // Dragging moves the view the other way.
  const box = (await loupe.boundingBox())!;
  const before = await loupe.evaluate((el) => el.scrollLeft);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => loupe.evaluate((el) => el.scrollLeft)).toBe(before + 200);
  await expect(large).toBeVisible();

  // The wheel: up to 400%, no further; back down to fit.
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -100);
  await expect(loupe).toHaveAttribute('data-zoom', '4');
  await expect(zoomButton).toHaveText('400%');
  for (let i = 0; i < 30 && (await loupe.count()) > 0; i++) await page.mouse.wheel(0, 100);
  await expect(loupe).toHaveCount(0);
  await expect(zoomButton).toHaveText('Fit');

  // Z and Z again: fit.
  await page.keyboard.press('z');
  await expect(loupe).toHaveAttribute('data-zoom', '1');
  await page.keyboard.press('z');
  await expect(loupe).toHaveCount(0);
  await expect(large.locator('.large-stage img')).toBeVisible();
  // Esc closes the large view; opened again, it fits.
  await page.keyboard.press('z');
  await page.keyboard.press('Escape');
  await expect(large).toHaveCount(0);
  await library.press(' ');
  await expect(zoomButton).toHaveText('Fit');
});
