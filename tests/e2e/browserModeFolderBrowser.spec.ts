// Add folder in browser mode: a folder browser that starts at home, descends by clicks, expands
// `~`, refuses relative paths with a message, and keeps what was typed when a path is wrong.
import { test, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

test('browse to a folder, type paths, add it', async ({ page }) => {
  const dir = await tempDir('fototar-e2e-folders-');
  const home = path.join(dir, 'home');
  await writeFixture(path.join(home, 'Pictures', 'fortepan'), 'fortepan_1001.jpg', makeJpeg({ colour: '#665544' }));
  await writeFixture(path.join(home, 'Pictures', 'fortepan'), 'fortepan_1002.jpg', makeJpeg({ colour: '#445566' }));
  await fs.mkdir(path.join(home, 'Documents'));
  await fs.mkdir(path.join(home, '.hidden-stuff'));
  Catalogue.open(path.join(dir, 'catalogue'), { create: true }).close();
  served = await serveCatalogue(path.join(dir, 'catalogue'), { HOME: home });
  await page.goto(served.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  const dialog = page.getByTestId('folder-dialog');
  const input = page.getByTestId('folder-path-input');
  const entries = page.getByTestId('folder-entry');
  const error = page.getByTestId('folder-path-error');

  // It opens at home, folders only, hidden ones off.
  await page.getByTestId('add-folder').click();
  await expect(input).toHaveValue(home);
  await expect(entries).toHaveText(['Documents', 'Pictures']);
  await page.getByTestId('folder-show-hidden').check();
  await expect(entries).toHaveText(['.hidden-stuff', 'Documents', 'Pictures']);
  await page.getByTestId('folder-show-hidden').uncheck();
  await expect(entries).toHaveText(['Documents', 'Pictures']);

  // A relative path is refused, with the reason; nothing else changes.
  await input.fill('Pictures/fortepan');
  await input.press('Enter');
  await expect(error).toContainText('“Pictures/fortepan” is a relative path: type the full path');
  await expect(input).toHaveValue('Pictures/fortepan');
  await page.getByTestId('folder-path-submit').click();
  await expect(error).toContainText('is a relative path');
  await expect(dialog).toBeVisible();
  await expect(input).toHaveValue('Pictures/fortepan');

  // A missing folder: the dialog stays, the typed path stays.
  await input.fill('~/Pictures/fortepn');
  await page.getByTestId('folder-path-submit').click();
  await expect(error).toHaveText(`There is no folder “${path.join(home, 'Pictures', 'fortepn')}”.`);
  await expect(dialog).toBeVisible();
  await expect(input).toHaveValue('~/Pictures/fortepn');

  // ~ is home: Enter opens it, and the field shows the full path.
  await input.fill('~/Pictures');
  await input.press('Enter');
  await expect(input).toHaveValue(path.join(home, 'Pictures'));
  await expect(error).toBeHidden();
  await expect(entries).toHaveText(['fortepan']);

  // Up and down by clicks, then add the folder shown.
  await page.getByTestId('folder-up').click();
  await expect(input).toHaveValue(home);
  await entries.filter({ hasText: 'Pictures' }).click();
  await entries.filter({ hasText: 'fortepan' }).click();
  await expect(input).toHaveValue(path.join(home, 'Pictures', 'fortepan'));
  await expect(page.getByTestId('folder-list')).toContainText('No folders in here.');
  await expect(page.getByTestId('folder-path-submit')).toHaveText('Add “fortepan”');
  await page.getByTestId('folder-path-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('grid-cell')).toHaveCount(2);
});

test('what is typed is never mixed with a folder listed meanwhile: the field takes typing once home is listed', async ({ page }) => {
  const dir = await tempDir('fototar-e2e-folders-');
  const photos = path.join(dir, 'scans');
  await writeFixture(photos, 'fortepan_1001.jpg', makeJpeg({ colour: '#665544' }));
  Catalogue.open(path.join(dir, 'catalogue'), { create: true }).close();
  served = await serveCatalogue(path.join(dir, 'catalogue'), { HOME: dir });
  // The first listing (home) is slow, as on a busy machine or a slow network disk.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route('**/api/listFolders', async (route) => {
    if (first) {
      first = false;
      await held;
    }
    await route.continue();
  });
  await page.goto(served.url);
  await page.getByTestId('add-folder').click();
  const input = page.getByTestId('folder-path-input');
  await expect(input).toBeVisible();
  // Until home is listed, typing would race the listing into the field: it waits.
  await expect(input).not.toBeEditable();
  release();
  await expect(input).toBeEditable();
  await expect(input).toHaveValue(dir);
  await input.fill(photos);
  await expect(input).toHaveValue(photos);
  await page.getByTestId('folder-path-submit').click();
  await expect(page.getByTestId('folder-dialog')).toBeHidden();
  await expect(page.getByTestId('ingest-summary')).toContainText('1');
  await expect(page.getByTestId('grid-cell')).toHaveCount(1);
});
