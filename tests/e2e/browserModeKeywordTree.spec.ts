// Hierarchical keywords as a Lightroom or digiKam user works them: a photo is tagged with a path
// in the editor, the tag facet shows the keyword tree (closed until opened, by keyboard too,
// each node counting what is under it), clicking an ancestor filters the grid to everything
// under it, and the tag manager renames a node with everything under it as one undoable step.
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { LibraryPage } from './pages/LibraryPage.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

/** Screenshots to look at, outside the repository. */
const shots = path.join(os.tmpdir(), 'fototar-keyword-tree-shots');

test('tag with paths, the facet shows the tree, an ancestor filters, a node is renamed', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Photos 1-4 in Budapest (Kálvin tér), 5-6 in Debrecen, the rest untagged.
  const dir = imagelessCatalogue(12, (n) => ({
    title: `Utcakép ${n}`,
    tags: n <= 4 ? ['Helyszín|Budapest|Kálvin tér'] : n <= 6 ? ['Helyszín|Debrecen'] : [],
  }));
  served = await serveCatalogue(dir);
  const library = new LibraryPage(page);
  await library.open(served.url);

  // 1. Tag photo 9 with a path in the editor; white space around | is tidied.
  await library.searchFor('id:100009');
  await expect(library.resultCount).toContainText('1 photo');
  await library.clickCell(0);
  await page.getByTestId('field-tags').click();
  await page.keyboard.type('Helyszín | Budapest | Üllői út;');
  await expect(page.getByTestId('tag-chip')).toHaveText(['Helyszín|Budapest|Üllői út×']);
  await library.search.fill('');
  await library.search.press('Enter');
  await expect(library.resultCount).toHaveText('12 photos');

  // 2. The facet: one closed root counting every photo under it once; opened by keyboard.
  await page.getByTestId('facet-toggle').click();
  const tree = page.getByTestId('facet-tag-tree');
  const items = tree.getByRole('treeitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveText(/Helyszín\s*7/);
  await expect(items.first()).toHaveAttribute('aria-expanded', 'false');
  await items.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(items.first()).toHaveAttribute('aria-expanded', 'true');
  await expect(items).toHaveText([/Helyszín\s*7/, /Budapest\s*5/, /Debrecen\s*2/]);
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(items).toHaveText([/Helyszín\s*7/, /Budapest\s*5/, /Kálvin tér\s*4/, /Üllői út\s*1/, /Debrecen\s*2/]);
  await page.screenshot({ path: path.join(shots, 'facet-tree.png') });

  // 3. Clicking the ancestor finds every photo under it.
  await tree.getByRole('button', { name: 'Budapest 5' }).click();
  await expect(library.search).toHaveValue('tag:"Helyszín|Budapest" ');
  await expect(library.resultCount).toContainText('5 photos');

  // 4. The tag manager shows the tree; F2 renames a node, moving it with everything under it.
  await page.getByTestId('tags-open').click();
  const manager = page.getByTestId('tag-list');
  await expect(manager.getByRole('treeitem')).toHaveCount(1);
  // A filter finds a level anywhere in a path and opens the tree to it.
  await page.getByTestId('tag-filter').fill('budapest');
  await expect(manager.getByRole('treeitem')).toHaveText([/Helyszín\s*7/, /Budapest\s*5/, /Kálvin tér\s*4/, /Üllői út\s*1/]);
  const budapest = manager.getByRole('treeitem').nth(1);
  await budapest.focus();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('tag-new-name')).toHaveValue('Helyszín|Budapest');
  await page.getByTestId('tag-new-name').fill('Városok|Budapest');
  await page.screenshot({ path: path.join(shots, 'tag-manager-tree.png') });
  await page.getByTestId('tag-new-name').press('Enter');
  // The tree shows the node moved, with what was under it.
  await expect(manager.getByRole('treeitem')).toHaveText([/Városok\s*5/, /Budapest\s*5/, /Kálvin tér\s*4/, /Üllői út\s*1/]);
  const tags = async () => ((await (await page.request.post(`${served!.url}api/listTags`, { data: {} })).json()).value.tags as { tag: string }[]).map((t) => t.tag).sort();
  expect(await tags()).toEqual(['Helyszín|Debrecen', 'Városok|Budapest|Kálvin tér', 'Városok|Budapest|Üllői út']);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tag-manager')).toHaveCount(0);

  // One step back with Ctrl+Z, from the grid.
  await library.search.fill('');
  await library.search.press('Enter');
  await expect(library.resultCount).toHaveText('12 photos');
  await library.clickCell(0);
  await library.press('Control+z');
  await expect.poll(tags).toEqual(['Helyszín|Budapest|Kálvin tér', 'Helyszín|Budapest|Üllői út', 'Helyszín|Debrecen']);
});
