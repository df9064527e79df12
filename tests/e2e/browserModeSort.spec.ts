// Sorting the grid (issue 16): the sort control orders the catalogue's whole result (not the
// loaded pages), a Shift range selects what lies between on screen in that order, and the
// choice is remembered by the catalogue across a reload.
import { test, expect } from '@playwright/test';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

// Photo n is dated 1900 + n % 90, every tenth undated: the latest year, 1989, is that of
// 89, 179, … 1439; ties come newest id first when descending, undated photos last.
const dated = (n: number) => ({ title: `Utcakép ${n}`, date: n % 10 === 0 ? '' : String(1900 + (n % 90)), donor: 'Kovács Anna' });

test('date descending: the latest photos first across 1,500, undated last, a Shift range in that order, remembered after a reload', async ({ page }) => {
  const dir = imagelessCatalogue(1500, dated);
  served = await serveCatalogue(dir);
  const library = new LibraryPage(page);
  await library.open(served.url);
  const field = page.getByLabel('Sort by');
  const direction = page.getByRole('button', { name: /Ascending|Descending/ });
  await expect(field).toHaveValue('relevance');
  await expect(library.cellAt(0)).toHaveAttribute('data-photo-id', '1');

  // Ascending: 1901 first (photos 1, 91, 181…), undated never before the dated.
  await field.selectOption('date');
  await expect(library.cellAt(1)).toHaveAttribute('data-photo-id', '91');
  // From the keyboard: Tab from the field reaches the direction toggle, Enter turns it.
  await field.focus();
  await page.keyboard.press('Tab');
  await expect(direction).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(direction).toHaveAttribute('aria-pressed', 'true');
  for (const [index, id] of [[0, 1439], [1, 1349], [2, 1259], [15, 89]]) await expect(library.cellAt(index)).toHaveAttribute('data-photo-id', String(id));

  // The last photo is undated (the smallest undated id when descending), then a Shift+click
  // back to the 14th: the pages between were never loaded, so the range is the catalogue's.
  await library.clickCell(0);
  await library.press('End');
  await expect(library.cellAt(1499)).toHaveAttribute('data-photo-id', '10');
  await library.grid.evaluate((grid) => grid.scrollTo({ top: 0 }));
  await library.clickCell(13, ['Shift']);
  await library.expectSelected(1500 - 13);
  await expect(library.cellAt(12)).toHaveAttribute('aria-selected', 'false');
  // The range is sent as "all except" the first 13 on screen: in the order added those would be
  // photos 1–13, and photo 10 (undated, last on screen) would wrongly drop out.
  await expect(library.cellAt(0)).toHaveAttribute('aria-selected', 'false');
  await library.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
  await expect(library.cell(10)).toHaveAttribute('aria-selected', 'true');

  // Another order keeps the selection and starts at the top.
  await field.selectOption('title');
  await expect(library.cellAt(0)).toHaveAttribute('data-photo-id', '1500');
  await library.expectSelected(1500 - 13);
  await expect(library.grid).toHaveJSProperty('scrollTop', 0);
  await field.selectOption('date');
  await expect(library.cellAt(0)).toHaveAttribute('data-photo-id', '1439');

  await page.reload();
  await expect(field).toHaveValue('date');
  await expect(direction).toHaveAttribute('aria-pressed', 'true');
  await expect(library.cellAt(0)).toHaveAttribute('data-photo-id', '1439');
  await expect(library.cellAt(1)).toHaveAttribute('data-photo-id', '1349');
});

test('a search keeps its best-match order by default and takes the chosen sort', async ({ page }) => {
  const dir = imagelessCatalogue(1500, dated);
  served = await serveCatalogue(dir);
  const library = new LibraryPage(page);
  await library.open(served.url);
  await library.searchFor('year:1989');
  await expect(library.resultCount).toContainText('16');
  await page.getByLabel('Sort by').selectOption('date');
  await page.getByRole('button', { name: /Ascending/ }).click();
  await expect(library.cellAt(0)).toHaveAttribute('data-photo-id', '1439');
  await expect(library.cellAt(15)).toHaveAttribute('data-photo-id', '89');
});
