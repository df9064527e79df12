// A grid taller than a browser can lay out (Chromium clamps an element at 33,554,428 px): 90,000
// photos in one column of the largest thumbnails at 1024×700 need about 50 million pixels. End,
// Home, a dragged scrollbar and Page Down reach every photo, the last one included; before, the
// grid ended where the browser clamped it and the last photos could never be shown.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';

const PHOTOS = 90_000;
/** Chromium's tallest element (its layout unit's limit), measured in Debian's Chromium. */
const BROWSER_LIMIT = 33_554_428;

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

/** Scrolls the grid as a dragged scrollbar does: to a fraction of its range. */
async function dragScrollbarTo(page: Page, fraction: number): Promise<void> {
  await page.getByTestId('grid').evaluate((grid, f) => {
    grid.scrollTop = f * (grid.scrollHeight - grid.clientHeight);
  }, fraction);
}

interface VisibleCard {
  index: number;
  /** The middle of the part of the card on screen, in page coordinates. */
  x: number;
  y: number;
}

/** The loaded card that shows most of itself in the grid's view, or null when none is loaded. */
async function mostVisibleCard(grid: Locator): Promise<VisibleCard | null> {
  return grid.evaluate((element) => {
    const view = element.getBoundingClientRect();
    let best: (VisibleCard & { area: number }) | null = null;
    for (const cell of element.querySelectorAll<HTMLElement>('[data-testid="grid-cell"]')) {
      const r = cell.getBoundingClientRect();
      const left = Math.max(r.left, view.left);
      const right = Math.min(r.right, view.right);
      const top = Math.max(r.top, view.top);
      const bottom = Math.min(r.bottom, view.bottom);
      const area = Math.max(0, right - left) * Math.max(0, bottom - top);
      if (area > 0 && (!best || area > best.area)) best = { index: Number(cell.dataset.index), x: (left + right) / 2, y: (top + bottom) / 2, area };
    }
    return best && { index: best.index, x: best.x, y: best.y };
  });
}

test('End, Home, the scrollbar and Page Down reach every photo of a grid taller than the browser allows', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  served = await serveCatalogue(imagelessCatalogue(PHOTOS));
  const library = new LibraryPage(page);
  await library.open(served.url);
  await page.getByRole('slider', { name: 'Thumbnail size' }).fill('320');
  const grid = page.getByTestId('grid');
  await expect.poll(async () => Number(await grid.getAttribute('data-cell-width'))).toBeGreaterThanOrEqual(320);
  const rows = Number(await grid.getAttribute('aria-rowcount'));
  const rowHeight = Number(await grid.getAttribute('data-cell-width')) + 46 + 12;
  expect(rows * rowHeight, 'the rows need more height than the browser lays out').toBeGreaterThan(BROWSER_LIMIT * 1.3);

  // End: the last photo, selected and on screen, with its card loaded (a card of the largest
  // thumbnails in one column is taller than the grid's view at 1024×700: most of it shows).
  await library.clickCell(0);
  await library.press('End');
  await expect(library.cellAt(PHOTOS - 1)).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await expect(library.cellAt(PHOTOS - 1)).toBeInViewport({ ratio: 0.8 });
  await page.screenshot({ path: testInfo.outputPath('tall-grid-end-1024x700.png') });
  await library.press('Home');
  await expect(library.cellAt(0)).toBeInViewport({ ratio: 0.8 });

  // The scrollbar dragged to the end, and to the middle: the photos there are shown.
  await dragScrollbarTo(page, 1);
  await expect(library.cellAt(PHOTOS - 1)).toBeInViewport({ timeout: 60_000 });
  await dragScrollbarTo(page, 0.5);
  // The cards drawn once the grid has caught up with the scroll (the scroll event, and the pages
  // it asks for, come after the drag): around the middle, none from the end.
  const middle = page.locator('[data-testid="grid-cell"]').filter({ visible: true });
  const drawn = async () => {
    const indexes = (await middle.evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-index'))))).sort((a, b) => a - b);
    return indexes.length ? [indexes[0], indexes[indexes.length - 1]] : [];
  };
  await expect.poll(async () => (await drawn()).every((i) => i > PHOTOS * 0.45 && i < PHOTOS * 0.55) && (await drawn()).length > 0, { timeout: 60_000 }).toBe(true);

  // Page Down from the focused photo moves four rows and keeps it in view, deep in the grid.
  // Clicked where the person sees it: the middle of the card that shows most of itself (a cell's
  // own scrollIntoView would move a scaled grid by more than it asks; the grid's middle may be a
  // gap between cards, or a card whose page a busy machine has not loaded yet).
  let target: VisibleCard | null = null;
  await expect.poll(async () => (target = await mostVisibleCard(grid)), { timeout: 60_000 }).not.toBeNull();
  const card = target!;
  await page.mouse.click(card.x, card.y);
  await expect(library.cellAt(card.index)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.cell.focused')).toHaveCount(1);
  const from = Number(await page.locator('.cell.focused').getAttribute('data-index'));
  const columns = Number(await grid.getAttribute('aria-colcount'));
  await library.press('PageDown');
  await expect(library.cellAt(from + 4 * columns)).toHaveAttribute('aria-selected', 'true');
  await expect(library.cellAt(from + 4 * columns)).toBeInViewport({ ratio: 0.8 });
});
