// One selection over the whole result, and panels that follow every change: Shift+End and
// Ctrl+A select every photo (loaded or not) at 1,500 and at 200,000 photos, a batch edit changes
// exactly that many, the credit preview and the clipboard show a batch edit's new value, and a
// write by another process while the app is open shows in the grid, detail, credits and facets.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';
import { SelectionPanelPage } from './pages/SelectionPanelPage.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

function count(dir: string, where: string): number {
  const db = new DatabaseSync(path.join(dir, 'catalogue.sqlite'), { readOnly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM photos WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Another process writes the database while the app has it open (the CLI may not: it is locked). */
function writeFromAnotherProcess(dir: string, sql: string): void {
  const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]); db.exec('PRAGMA busy_timeout = 5000'); db.exec(process.argv[2]); db.close();`;
  const result = spawnSync(process.execPath, ['-e', script, path.join(dir, 'catalogue.sqlite'), sql], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

for (const size of [1500, 200_000]) {
  test(`Shift+End from the first photo and Ctrl+A select all ${size.toLocaleString('en-US')} photos; a batch edit changes exactly those`, async ({ page }) => {
    if (size > 10_000) test.setTimeout(900_000);
    const dir = imagelessCatalogue(size);
    served = await serveCatalogue(dir);
    const library = new LibraryPage(page);
    const panel = new SelectionPanelPage(page);
    await library.open(served.url);
    await expect(library.resultCount).toHaveText(`${size.toLocaleString('en-US')} photos`);

    await library.clickCell(0);
    await library.press('Shift+End');
    await library.expectSelected(size);
    await expect(page.getByTestId('selection-count')).toHaveText(`${size.toLocaleString('en-US')} selected`);

    // Home: one photo again; Ctrl+A takes every photo.
    await library.press('Home');
    await library.expectSelected(1);
    await library.press('ControlOrMeta+a');
    await library.expectSelected(size);
    await panel.batchSet('donor', 'Hunyadi László', size);
    await panel.expectSaved(size);
    expect(count(dir, "donor = 'Hunyadi László'")).toBe(size);
  });
}

test('Shift+click across unloaded pages selects the exact range; a search that hides selected photos says so', async ({ page }) => {
  const dir = imagelessCatalogue(1500, (n) => ({ title: n % 2 ? 'villamos' : 'busz', donor: 'Kovács Anna' }));
  served = await serveCatalogue(dir);
  const library = new LibraryPage(page);
  await library.open(served.url);
  // The last photo, then Shift+click up to the 14th: none of the pages between are loaded.
  await library.clickCell(0);
  await library.press('End');
  await expect(library.cellAt(1499)).toHaveAttribute('aria-selected', 'true');
  await library.grid.evaluate((grid) => grid.scrollTo({ top: 0 }));
  await library.clickCell(13, ['Shift']);
  await library.expectSelected(1500 - 13);
  // Shift+Home from there: every photo from the first to the anchor, the last one.
  await library.press('Shift+Home');
  await library.expectSelected(1500);
  await library.clickCell(1);
  await library.press('End');
  await library.grid.evaluate((grid) => grid.scrollTo({ top: 0 }));
  await library.clickCell(13, ['Shift']);
  await library.expectSelected(1500 - 13);
  await library.searchFor('villamos');
  // Odd n are villamos: of photos 14..1500 (n), 743 are odd and 744 even.
  await library.expectSelected(743);
  await expect(library.notice).toContainText('744 selected photos are hidden by the search — selection now 743');
});

test('the credit preview and the clipboard show a batch edit’s new donor at once; another process’s write shows everywhere', async ({ page }) => {
  const dir = imagelessCatalogue(3, (n) => ({ title: `Utcakép ${n}`, donor: 'Kovács Anna', licence: 'CC BY-SA 3.0' }));
  served = await serveCatalogue(dir);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  const library = new LibraryPage(page);
  const panel = new SelectionPanelPage(page);
  await library.open(served.url);
  await library.clickCell(0);
  await library.clickCell(2, ['Shift']);
  await library.expectSelected(3);
  await expect(panel.creditListPreview).toContainText('Kovács Anna');

  await panel.batchSet('donor', 'Hunyadi László');
  await panel.expectSaved(3);
  await expect(panel.creditListPreview).toContainText('Hunyadi László');
  await expect(panel.creditListPreview).not.toContainText('Kovács Anna');
  expect(await panel.copyCredits()).toContain('Hunyadi László');

  // Another process changes the donor and a title while the app shows them.
  writeFromAnotherProcess(dir, "UPDATE photos SET donor = 'Szabó Éva', title = 'Lánchíd' WHERE fortepan_id = 100001");
  await expect(panel.creditListPreview).toContainText('Szabó Éva');
  await expect(library.cellAt(0)).toContainText('Lánchíd');
  await page.getByTestId('facet-toggle').click();
  await expect(page.getByTestId('facet-donor')).toContainText('Szabó Éva');
  expect(await panel.copyCredits()).toContain('Szabó Éva');
  await library.clickCell(0);
  await expect(panel.creditLine).toContainText('Szabó Éva');
  await expect(panel.title()).toHaveText('Lánchíd');
  writeFromAnotherProcess(dir, "UPDATE photos SET title = 'Erzsébet híd' WHERE fortepan_id = 100001");
  await expect(panel.title()).toHaveText('Erzsébet híd');
  await expect(panel.field('title')).toHaveValue('Erzsébet híd');
});
