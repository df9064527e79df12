// Ratings, flags and colour labels as a Lightroom user gives them: keys on a selection (0–5,
// P/X/U, 6–9, the same label key again takes it off), never while typing in a field; the cards
// show them without changing size, rejected photos dimmed; the facet panel counts and filters
// them; the detail panel edits them by mouse; Ctrl+Z takes a step back.
import { test, expect } from '@playwright/test';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';
import { MarksPage } from './pages/MarksPage.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

test('keys mark the selection, cards and facets follow, a facet filters, undo takes the step back', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  served = await serveCatalogue(imagelessCatalogue(40));
  const library = new LibraryPage(page);
  const marks = new MarksPage(page);
  await library.open(served.url);
  const plainBox = await library.cellAt(0).boundingBox();

  // Three photos, then 4 stars, pick, red.
  await library.clickCell(0);
  await library.clickCell(2, ['Shift']);
  await library.expectSelected(3);
  await library.press('4');
  await library.press('p');
  await library.press('6');
  for (const i of [0, 1, 2]) await marks.expectCard(library.cellAt(i), { rating: 4, flag: 'pick', label: 'red' });
  await marks.expectCard(library.cellAt(3), { rating: 0, flag: '', label: '' });
  // The same label key again takes the label off; another key sets another.
  await library.press('6');
  for (const i of [0, 1, 2]) await marks.expectCard(library.cellAt(i), { label: '' });
  await library.press('8');
  for (const i of [0, 1, 2]) await marks.expectCard(library.cellAt(i), { label: 'green' });

  // One photo rejected: dimmed, the same size as before.
  await library.clickCell(5);
  await library.press('x');
  await marks.expectCard(library.cellAt(5), { flag: 'reject', rejected: true });
  for (const i of [0, 5]) {
    const box = (await library.cellAt(i).boundingBox())!;
    expect([box.width, box.height], `card ${i} keeps its size`).toEqual([plainBox!.width, plainBox!.height]);
  }
  expect(await page.locator('.cell-image').first().evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('marks-1024x700.png') });

  // Typing in the search box never marks: "5" is a letter of the query there.
  await library.search.click();
  await page.keyboard.type('5');
  await page.keyboard.press('Escape');
  await marks.expectCard(library.cellAt(5), { rating: 0, flag: 'reject' });

  // The facet panel counts the marks of the result and filters by them.
  await marks.openFacets();
  await expect(marks.facetCount('facet-rating-4')).toHaveText('3');
  await expect(marks.facetCount('facet-flag-pick')).toHaveText('3');
  await expect(marks.facetCount('facet-flag-reject')).toHaveText('1');
  await expect(marks.facetCount('facet-label-green')).toHaveText('3');
  await marks.facets.getByTestId('facet-rating-4').click();
  await expect(library.search).toHaveValue(/rating:>=4/);
  await expect(library.resultCount).toContainText('3');
  await expect(library.cells).toHaveCount(3);

  // The whole result to 2 stars: it leaves the filter; Ctrl+Z brings it back, 4 stars again.
  await library.clickCell(0);
  await library.press('ControlOrMeta+a');
  await library.expectSelected(3);
  await library.press('2');
  await expect(library.cells).toHaveCount(0, { timeout: 30_000 });
  await library.press('ControlOrMeta+z');
  await expect(library.cells).toHaveCount(3, { timeout: 30_000 });
  for (const i of [0, 1, 2]) await marks.expectCard(library.cellAt(i), { rating: 4 });
  await expect(marks.facetCount('facet-rating-4')).toHaveText('3');

  // The detail panel edits one photo's marks by mouse.
  await library.clickCell(1);
  await expect(marks.editor).toBeVisible();
  await marks.editor.getByTestId('mark-star-5').click();
  await marks.editor.getByTestId('mark-label-blue').click();
  await marks.expectCard(library.cellAt(1), { rating: 5, label: 'blue' });
  await expect(marks.editor.getByTestId('mark-star-5')).toHaveAttribute('aria-pressed', 'true');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('marks-1920x1080.png') });
});

test('a mark key pressed while a new search is still working out the selection waits for it, and is not lost', async ({ page }) => {
  test.setTimeout(180_000);
  served = await serveCatalogue(imagelessCatalogue(40));
  const library = new LibraryPage(page);
  const marks = new MarksPage(page);
  await library.open(served.url);
  await library.clickCell(0);
  await library.clickCell(2, ['Shift']);
  await library.expectSelected(3);
  const ids = await Promise.all([0, 1, 2].map(async (i) => Number(await library.cellAt(i).getAttribute('data-photo-id'))));

  // The catalogue's answer to "what of the selection does the new search show" is held back,
  // as a busy machine holds it: the key comes while the selection is not yet known.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/projectSelection', async (route) => {
    await held;
    await route.continue();
  });
  await library.search.fill('Utcakép');
  await library.search.press('Enter');
  await expect(library.resultCount).toContainText('“Utcakép”');
  // Out of the search box (as Tab would), so the key goes to the grid.
  await library.search.evaluate((el) => el.blur());
  await library.press('4');
  release();
  for (const id of ids) await marks.expectCard(library.cell(id), { rating: 4 });
  await library.expectSelected(3);
  // Nothing else was marked.
  await marks.openFacets();
  await expect(marks.facetCount('facet-rating-4')).toHaveText('3');
});
