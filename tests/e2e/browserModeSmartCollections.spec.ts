// Smart collections as an author keeps a search: search, save it under a name, go back to all
// photos, click it: the grid shows the search's results; a photo edited by the command line to
// match joins it (edited by another window); B never adds to it; and it speaks Hungarian.
import { test, expect } from '@playwright/test';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

test('save a search as a smart collection; clicking it shows what the catalogue holds now', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const dir = imagelessCatalogue(1500, (n) => ({ title: n % 3 === 0 ? `Villamos ${n}` : `Utcakép ${n}`, donor: 'Kovács Anna' }));
  served = await serveCatalogue(dir);
  const library = new LibraryPage(page);
  await library.open(served.url);
  const save = page.getByTestId('save-search');
  await expect(save).toBeDisabled();

  await library.searchFor('villamos');
  await expect(library.resultCount).toHaveText('500 photos match “villamos”');
  await save.click();
  await page.getByTestId('save-search-name').fill('Villamosok');
  await page.getByTestId('save-search-name').press('Enter');
  const smart = page.getByTestId('sidebar-smart-collection');
  await expect(smart).toHaveText(/Villamosok/);
  await expect(smart).toHaveClass(/active/);

  // Back to every photo, then the smart collection again.
  await library.search.fill('');
  await library.search.press('Enter');
  await expect(library.resultCount).toHaveText('1,500 photos');
  await expect(smart).not.toHaveClass(/active/);
  await smart.click();
  await expect(library.resultCount).toHaveText('500 photos match “villamos”');

  // Another photo is described as a tram (through the catalogue's API, as another window would):
  // the open smart collection shows it without any action.
  const answer = await page.request.post(`${served.url}api/updatePhotos`, { data: { ids: [1], patch: { title: 'Villamos a Nagykörúton' } } });
  expect((await answer.json()).ok).toBe(true);
  await expect(library.resultCount).toHaveText('501 photos match “villamos”');

  // B adds to collections of picks only: with only a smart collection there is none to add to.
  await library.clickCell(0);
  await expect(page.getByTestId('add-to-collection-target')).toHaveCount(0);
  expect((await (await page.request.post(`${served.url}api/listCollections`, { data: {} })).json()).value.collections).toHaveLength(1);
});

test('smart collections speak Hungarian', async ({ browser }) => {
  served = await serveCatalogue(imagelessCatalogue(30));
  const context = await browser.newContext({ locale: 'hu-HU' });
  try {
    const page = await context.newPage();
    await page.goto(served.url);
    await expect(page.getByTestId('collections-sidebar')).toContainText('Intelligens gyűjtemények', { timeout: 60_000 });
    await expect(page.getByTestId('collections-sidebar')).toContainText('Keressen, majd a + ide menti a keresést');
  } finally {
    await context.close();
  }
});
