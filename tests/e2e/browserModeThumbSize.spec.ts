// The thumbnail size, as an archivist changes it on 1,500 photos: + and - on the grid and the
// slider under it change how many photos a row holds, the photo in focus stays in view, the choice
// is kept after a reload, and the status bar's controls stay reachable at 1024×700 and 1920×1080.
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';
import { layoutProblems } from './layoutCheck.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

async function columns(page: Page): Promise<number> {
  return Number(await page.getByTestId('grid').getAttribute('aria-colcount'));
}

for (const size of [{ width: 1024, height: 700 }, { width: 1920, height: 1080 }]) {
  test(`+, - and the slider change the thumbnail size at ${size.width}×${size.height}; the focused photo stays in view; the size is kept`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    served = await serveCatalogue(imagelessCatalogue(1500));
    const library = new LibraryPage(page);
    await library.open(served.url);
    const slider = page.getByRole('slider', { name: 'Thumbnail size' });
    await expect(slider).toBeVisible();
    expect(await layoutProblems(page, '.statusbar'), 'status bar').toEqual([]);
    const start = await columns(page);

    // The last photo in focus, then smaller and larger thumbnails: it stays on screen.
    await library.clickCell(0);
    await library.press('End');
    await expect(library.cellAt(1499)).toHaveAttribute('aria-selected', 'true');
    // The status bar has room for the slider and a whole "Add to collection…".
    const add = page.locator('.statusbar .add-to-collection .button').first();
    await expect(add).toBeVisible();
    expect(await add.evaluate((b) => b.scrollWidth <= b.clientWidth), 'Add to collection is cut off').toBe(true);
    await library.press('-');
    await library.press('-');
    await expect.poll(() => columns(page)).toBeGreaterThan(start);
    await expect(library.cellAt(1499)).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`thumbs-small-${size.width}x${size.height}.png`) });
    for (let i = 0; i < 6; i++) await library.press('+');
    await expect.poll(() => columns(page)).toBeLessThan(start);
    await expect(library.cellAt(1499)).toBeInViewport();
    await expect(library.cellAt(1499)).toHaveAttribute('data-photo-id', /\d+/);

    // The slider: at its smallest, the most photos a row; read back by the grid at once.
    await slider.fill('96');
    await expect.poll(() => columns(page)).toBeGreaterThan(start + 1);
    const smallest = await columns(page);
    expect(Number(await page.getByTestId('grid').getAttribute('data-cell-width'))).toBeGreaterThanOrEqual(96);
    expect(await layoutProblems(page, '.statusbar'), 'status bar, smallest thumbnails').toEqual([]);

    // Kept after a reload.
    await page.reload();
    await expect(library.cells.first()).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => columns(page)).toBe(smallest);
    await expect(slider).toHaveValue('96');
    await page.screenshot({ path: path.join(testInfo.outputPath(), `thumbs-smallest-${size.width}x${size.height}.png`) });
  });
}

test('the slider speaks Hungarian in a Hungarian browser, and the longer Hungarian status bar still fits at 1024×700', async ({ browser }) => {
  served = await serveCatalogue(imagelessCatalogue(30));
  const context = await browser.newContext({ locale: 'hu-HU', viewport: { width: 1024, height: 700 } });
  try {
    const page = await context.newPage();
    const library = new LibraryPage(page);
    await library.open(served.url);
    await expect(page.getByRole('slider', { name: 'Bélyegképméret' })).toBeVisible();
    await library.clickCell(0);
    const add = page.locator('.statusbar .add-to-collection .button').first();
    await expect(add).toBeVisible();
    expect(await add.evaluate((b) => b.scrollWidth <= b.clientWidth), 'Add to collection is cut off').toBe(true);
    expect(await layoutProblems(page, '.statusbar'), 'status bar').toEqual([]);
  } finally {
    await context.close();
  }
});
