// Folders as an archivist browses them: two folders added one after the other show in the
// sidebar's tree with their counts (the tree follows each ingest), a click filters the grid to a
// folder and its subfolders, combined with the search in the box, "All folders" takes the filter
// out, and the tree works from the keyboard (arrows move and open, Enter filters). A long,
// accented folder name ends in an ellipsis and widens nothing, at 1024×700 and 1920×1080.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

const LONG = 'Doboz 1 – Ünnepek, felvonulások és ballagások a Műegyetemen 1956 és 1962 között';

async function addFolder(page: Page, folder: string, photos: number): Promise<void> {
  await page.getByTestId('add-folder').click();
  const input = page.getByTestId('folder-path-input');
  await expect(input).toBeEditable();
  await input.fill(folder);
  await page.getByTestId('folder-path-submit').click();
  await expect(page.getByTestId('folder-dialog')).toBeHidden();
  await expect(page.getByTestId('result-count')).toHaveText(`${photos} photos`, { timeout: 60_000 });
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`the folder tree at ${size.width}×${size.height}: counts, filter with a search, keyboard`, async ({ page }) => {
    await page.setViewportSize(size);
    const dir = await tempDir('fototar-e2e-folder-tree-');
    const scans = path.join(dir, 'szkennek');
    const first = path.join(scans, LONG);
    const second = path.join(scans, 'Doboz 2');
    await writeFixture(first, 'villamos_1.jpg', makeJpeg({ colour: '#112233' }));
    await writeFixture(first, 'villamos_2.jpg', makeJpeg({ colour: '#223344' }));
    await writeFixture(first, 'utca_3.jpg', makeJpeg({ colour: '#334455' }));
    await writeFixture(second, 'villamos_4.jpg', makeJpeg({ colour: '#445566' }));
    await writeFixture(second, 'utca_5.jpg', makeJpeg({ colour: '#556677' }));
    await writeFixture(path.join(second, 'Hátoldalak'), 'utca_6.jpg', makeJpeg({ colour: '#667788' }));
    Catalogue.open(path.join(dir, 'catalogue'), { create: true }).close();
    served = await serveCatalogue(path.join(dir, 'catalogue'), { HOME: dir });
    await page.goto(served.url);
    const library = new LibraryPage(page);
    const sidebar = page.getByTestId('collections-sidebar');
    await expect(page.getByTestId('folder-section')).toContainText('Add a folder: its folders show here');
    const sidebarWidth = (await sidebar.boundingBox())!.width;

    const nodes = page.getByTestId('folder-node');
    const paths: Record<string, string> = { [LONG]: first, 'Doboz 2': second, Hátoldalak: path.join(second, 'Hátoldalak') };
    const node = (name: string) => page.locator(`[data-testid="folder-node"][data-path="${paths[name]}"]`);
    const row = (name: string) => node(name).locator('> .folder-row');

    // Each ingest adds its folder to the tree, with its count.
    await addFolder(page, first, 3);
    await expect(nodes).toHaveCount(1);
    await expect(node(LONG).getByTestId('folder-count')).toHaveText('3');
    await expect(node(LONG)).toHaveAttribute('aria-label', `${LONG} (3)`);
    await addFolder(page, second, 6);
    await expect(page.getByTestId('folder-section').locator('.folder-parent')).toHaveText(`in ${scans}`);
    await expect(page.getByTestId('folder-name')).toHaveText([LONG, 'Doboz 2', 'Hátoldalak']);
    await expect(page.getByTestId('folder-count')).toHaveText(['3', '3', '1']);

    // The long name ends in an ellipsis with the full path in its title, and widens nothing.
    const longName = node(LONG).getByTestId('folder-name');
    expect(await longName.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(row(LONG)).toHaveAttribute('title', `3 photos in ${first} and its subfolders`);
    expect((await sidebar.boundingBox())!.width).toBe(sidebarWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // A search, then a folder: both apply; the filter is in the search box.
    await library.searchFor('villamos');
    await expect(library.cells).toHaveCount(3);
    await row('Doboz 2').click();
    await expect(library.search).toHaveValue(`villamos folder:"${second}" `);
    await expect(library.cells).toHaveCount(1);
    await expect(library.resultCount).toContainText(`1 photo match`);
    await expect(node('Doboz 2')).toHaveAttribute('aria-selected', 'true');
    // All folders takes only the folder out.
    await page.getByTestId('folder-filter-clear').click();
    await expect(library.search).toHaveValue('villamos');
    await expect(library.cells).toHaveCount(3);
    await expect(node('Doboz 2')).toHaveAttribute('aria-selected', 'false');

    // The keyboard: down to Doboz 2, Enter filters (with its subfolder), right into Hátoldalak,
    // Enter filters to it, left back up, left closes; the grid's selection never moves.
    await library.search.fill('');
    await library.search.press('Enter');
    await expect(library.cells).toHaveCount(6);
    await node(LONG).focus();
    await page.keyboard.press('ArrowDown');
    await expect(node('Doboz 2')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(library.cells).toHaveCount(3);
    await expect(library.search).toHaveValue(`folder:"${second}" `);
    await page.keyboard.press('ArrowRight');
    await expect(node('Hátoldalak')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(library.cells).toHaveCount(1);
    await expect(library.resultCount).toContainText(`1 photo matches “folder:"${path.join(second, 'Hátoldalak')}"`);
    await page.keyboard.press('ArrowLeft');
    await expect(node('Doboz 2')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(node('Doboz 2')).toHaveAttribute('aria-expanded', 'false');
    await expect(node('Hátoldalak')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(node('Hátoldalak')).toBeVisible();
    await page.keyboard.press('Home');
    await expect(node(LONG)).toBeFocused();
    await expect(library.selectedCount).toHaveText('');
    await page.screenshot({ path: `test-results/folders-${size.width}x${size.height}.png` });
  });
}

test('a moved folder is relinked from the tree: its photos are found by content, the report says how many', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const dir = await tempDir('fototar-e2e-folder-relink-');
  const box = path.join(dir, 'szkennek', 'Doboz 3');
  await writeFixture(box, 'villamos_1.jpg', makeJpeg({ colour: '#112233' }));
  await writeFixture(box, 'utca_2.jpg', makeJpeg({ colour: '#223344' }));
  const catalogue = Catalogue.open(path.join(dir, 'catalogue'), { create: true });
  await catalogue.ingest.run([box]);
  catalogue.close();
  // The box moves; one of its scans is lost on the way.
  const moved = path.join(dir, 'archívum', 'Doboz 3');
  await fs.mkdir(path.dirname(moved), { recursive: true });
  await fs.rename(box, moved);
  await fs.rm(path.join(moved, 'utca_2.jpg'));
  served = await serveCatalogue(path.join(dir, 'catalogue'), { HOME: dir });
  const library = new LibraryPage(page);
  await library.open(served.url);

  const node = page.locator(`[data-testid="folder-node"][data-path="${box}"]`);
  await node.locator('> .folder-row').click({ button: 'right' });
  const dialog = page.getByTestId('folder-dialog');
  await expect(dialog).toContainText('Where is “Doboz 3” now?');
  await page.getByTestId('folder-path-input').fill(moved);
  await expect(page.getByTestId('folder-path-submit')).toHaveText('Relink to this path');
  await page.getByTestId('folder-path-submit').click();
  await expect(dialog).toBeHidden();
  // The report (the status line clears itself after a few seconds; its history keeps it).
  await page.getByTestId('status-history-button').click();
  await expect(page.getByTestId('status-history-entry')).toContainText(['Relinked 1 of 2 photos of “Doboz 3”. 1 was not found there by its content.']);
  await page.keyboard.press('Escape');
  // The tree shows where the photo is now.
  await expect(page.locator(`[data-testid="folder-node"][data-path="${moved}"]`).getByTestId('folder-count')).toHaveText('1');
  await expect(node.getByTestId('folder-count')).toHaveText('1');
});
