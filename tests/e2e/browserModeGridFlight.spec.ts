// Holding Page Down over 1,500 photos at 1920×1080: the cards flown over ask for no thumbnails
// (each would be a request, a decode and a paint no one sees — on a two-core laptop that work made
// the grid's key presses long tasks at a million photos), and where the key is let go every card
// in view shows its picture, or says it has none, once the view rests (thumbnailGate.ts).
import { test, expect, type Page } from '@playwright/test';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';

const PHOTOS = 1500;
const PRESSES = 12;
/** A key held down repeats about 30 times a second. */
const REPEAT_MS = 33;

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

/** Cards in the grid's view that have neither a picture nor a no-preview note yet. */
function waitingInView(page: Page): Promise<number> {
  return page.getByTestId('grid').evaluate((grid) => {
    const view = grid.getBoundingClientRect();
    return [...grid.querySelectorAll('[data-testid="grid-cell"]')].filter((cell) => {
      const r = cell.getBoundingClientRect();
      return r.bottom > view.top && r.top < view.bottom && !cell.querySelector('img, .no-preview');
    }).length;
  });
}

test('holding Page Down asks for the thumbnails where it stops, not for every screenful flown over', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  served = await serveCatalogue(imagelessCatalogue(PHOTOS));
  const library = new LibraryPage(page);
  await library.open(served.url);
  const grid = page.getByTestId('grid');

  // Every photo's card loaded once (the grid keeps the pages it read), as after a first look
  // through: so a card flown over has its photo, and only the gate can keep its picture back.
  for (let step = 0; step <= 8; step++) {
    await grid.evaluate((g, f) => (g.scrollTop = f * (g.scrollHeight - g.clientHeight)), step / 8);
    await expect.poll(() => grid.evaluate((g) => g.querySelectorAll('.cell-placeholder').length), { timeout: 60_000 }).toBe(0);
  }
  await grid.evaluate((g) => (g.scrollTop = 0));
  await library.clickCell(0);
  await expect.poll(() => waitingInView(page), { timeout: 60_000 }).toBe(0);

  const columns = Number(await grid.getAttribute('aria-colcount'));
  const rowHeight = Number(await grid.getAttribute('data-cell-width')) + 46 + 12;
  const perView = columns * Math.ceil((await grid.evaluate((g) => g.clientHeight)) / rowHeight);

  // Page Down held: a key press every REPEAT_MS, counting the pictures the grid asks for meanwhile.
  const asked = await page.evaluate(
    async ({ presses, repeatMs }) => {
      const g = document.querySelector('[data-testid="grid"]')!;
      let images = 0;
      const count = (records: MutationRecord[]) => {
        for (const record of records) {
          for (const node of record.addedNodes) if (node instanceof HTMLElement) images += (node.tagName === 'IMG' ? 1 : 0) + node.querySelectorAll('img').length;
        }
      };
      const observer = new MutationObserver(count);
      observer.observe(g, { childList: true, subtree: true });
      for (let press = 0; press < presses; press++) {
        (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', code: 'PageDown', bubbles: true, cancelable: true }));
        await new Promise((resolve) => setTimeout(resolve, repeatMs));
      }
      count(observer.takeRecords());
      observer.disconnect();
      return images;
    },
    { presses: PRESSES, repeatMs: REPEAT_MS },
  );

  // The key moved the focus over PRESSES screenfuls (four rows a press)…
  const reached = PRESSES * 4 * columns;
  await expect(library.cellAt(reached)).toHaveAttribute('aria-selected', 'true');
  expect(reached / perView, 'screenfuls flown over').toBeGreaterThanOrEqual(10);
  // …asking for about one screenful of pictures (the first press's, which came alone), not one
  // per screenful. Three screenfuls' worth leaves room for a busy machine pausing the key twice.
  expect(asked, `pictures asked for while flying over ${PRESSES} screenfuls of ${perView}`).toBeLessThan(3 * perView);

  // Let go: every card in view shows its picture (here: says it has none) once the view rests.
  await expect(library.cellAt(reached)).toBeInViewport();
  await expect.poll(() => waitingInView(page), { timeout: 30_000 }).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('grid-after-held-page-down-1920x1080.png') });
});
