// The author's path in browser mode: search, pick photos into a new collection with B and the
// button, reorder in the lightbox by keyboard and by dragging, watch the credit preview follow
// style and language, see the warnings, and export the folder with a progress bar.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';

const bin = fileURLToPath(new URL('../../bin/fototar.js', import.meta.url));

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

const cells = (page: Page) => page.getByTestId('grid-cell');
const figureIds = (page: Page) => page.getByTestId('pick').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-photo-id'))));

test('search, pick into a collection, reorder, preview credits, export', async ({ page }, testInfo) => {
  // Screenshots to look at: FOTOTAR_SCREENSHOTS=dir keeps them outside test-results (which each run clears).
  const screenshots = process.env.FOTOTAR_SCREENSHOTS ?? testInfo.outputPath('screenshots');
  const dir = await tempDir('fototar-e2e-collections-');
  const photos = path.join(dir, 'scans');
  await writeFixture(photos, 'fortepan_54176.jpg', makeJpeg({ width: 600, height: 400, colour: '#6b5840', xmp: { description: 'Villamos az Üllői úton', credit: 'Fortepan / Nagy Gyula', dateCreated: '1956' } }));
  await writeFixture(photos, 'fortepan_7416.jpg', makeJpeg({ width: 400, height: 600, colour: '#445566', xmp: { description: 'Vitorlások a kikötőben', credit: 'Fortepan / Kurutz Márton' } }));
  await writeFixture(photos, 'fortepan_90001.jpg', makeJpeg({ width: 500, height: 500, colour: '#887766', xmp: { description: 'Villamos a Körúton', credit: 'Fortepan / <b>Bold</b>' } }));
  const cat = path.join(dir, 'catalogue');
  const ingest = spawnSync(process.execPath, [bin, 'ingest', photos, '--catalogue', cat], { encoding: 'utf8' });
  expect(ingest.status, ingest.stderr).toBe(0);
  served = await serveCatalogue(cat);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(served.url);
  await expect(cells(page)).toHaveCount(3);
  await expect(page.getByTestId('collections-sidebar')).toContainText('No collections yet');

  // Search, select a result, press B: asked for a name, the collection is created with the photo.
  await page.getByTestId('search-input').fill('villamos');
  await expect(cells(page)).toHaveCount(2);
  await cells(page).filter({ hasText: '54176' }).click();
  await page.keyboard.press('b');
  await page.getByTestId('ask-collection-name').fill('Chapter 3');
  await page.getByTestId('ask-collection-create').click();
  await expect(page.getByTestId('sidebar-collection')).toHaveText(/Chapter 3\s*1/);
  await expect(page.getByText('Added 1 photo to “Chapter 3”')).toBeVisible();

  // The other result with the button; then the sailing boats from the whole catalogue with B.
  await cells(page).filter({ hasText: '90001' }).click();
  await page.getByTestId('add-to-collection').click();
  await page.getByTestId('search-input').fill('');
  await expect(cells(page)).toHaveCount(3);
  await cells(page).filter({ hasText: '7416' }).click();
  await page.keyboard.press('b');
  // The same photo again is allowed, and said so.
  await cells(page).filter({ hasText: '54176' }).click();
  await page.keyboard.press('b');
  await expect(page.getByText(/already there: the credit list will warn/)).toBeVisible();
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, 'grid.png') });
  await expect(page.getByTestId('sidebar-collection')).toHaveText(/Chapter 3\s*4/);

  // The lightbox shows the picks large, in order, numbered.
  await page.getByTestId('sidebar-collection').click();
  await expect(page.getByTestId('lightbox')).toBeVisible();
  await expect(page.getByTestId('pick')).toHaveCount(4);
  const ids = await figureIds(page);
  await expect(page.getByTestId('pick-figure')).toHaveText(['1', '2', '3', '4']);
  await expect.poll(() => page.locator('[data-testid="pick"] img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(4);
  await expect(page.getByTestId('credit-warnings').locator('[data-kind="duplicate"]')).toContainText('1., 4. kép'); // the list is Hungarian: so are its warnings
  await expect(page.getByTestId('credit-warnings').locator('[data-kind="share-alike"]')).toBeVisible();

  // Remove the repeat with Delete, move figure 3 to the front with Alt+←, twice.
  await page.getByTestId('pick').nth(3).click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('pick')).toHaveCount(3);
  await page.getByTestId('pick').nth(2).click();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => figureIds(page)).toEqual([ids[0], ids[2], ids[1]]);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => figureIds(page)).toEqual([ids[2], ids[0], ids[1]]);
  await expect(page.getByTestId('credit-warnings').locator('[data-kind="duplicate"]')).toHaveCount(0);

  // Drag the last picture before the first.
  await page.getByTestId('pick').nth(2).dragTo(page.getByTestId('pick').nth(0), { targetPosition: { x: 20, y: 150 } });
  await expect.poll(() => figureIds(page)).toEqual([ids[1], ids[2], ids[0]]);

  // The live preview follows style, language and format; metadata stays text.
  const preview = page.getByTestId('credit-preview');
  await expect(preview).toContainText('Képjegyzék: Chapter 3');
  await expect(preview).toContainText('1. kép: Fortepan / <b>Bold</b>');
  await page.getByTestId('credit-format-txt').click();
  await page.getByTestId('credit-style-press').click();
  await expect(preview).toContainText('2. kép: Fotó: Fortepan / Kurutz Márton (Fortepan 7416; CC BY-SA 3.0)');
  await page.getByTestId('credit-lang-en').click();
  await expect(preview).toContainText('Figure 2: Photo: Fortepan / Kurutz Márton (Fortepan 7416; CC BY-SA 3.0)');
  await expect(page.getByTestId('pick-credit').nth(1)).toHaveText('Photo: Fortepan / Kurutz Márton');
  await page.getByTestId('credit-style-tasl').click();
  await expect(preview).toContainText('Figure 3: “Fortepan 54176” by unknown; source: Fortepan / Nagy Gyula, https://fortepan.hu/en/photos/?id=54176');
  await page.getByTestId('credit-format-html').click();
  await expect(preview).toContainText('&#60;b&#62;Bold&#60;/b&#62;');
  await page.getByTestId('credit-format-docx').click();
  await page.getByTestId('credit-style-press').click();
  await expect(preview).toContainText('Figure 1: Photo: Fortepan / <b>Bold</b> (Fortepan 90001; CC BY-SA 3.0)');
  await expect(preview).not.toHaveClass(/stale/);
  await page.screenshot({ path: path.join(screenshots, 'lightbox.png') });

  // Save the DOCX from the panel.
  const download = page.waitForEvent('download');
  await page.getByTestId('save-collection-credits').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Chapter_3_credits.docx');

  // Export: progress, done; again asks before replacing.
  const out = path.join(dir, 'export');
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-folder').fill(out);
  await page.getByTestId('export-size').fill('300');
  await expect(page.getByTestId('export-warnings').locator('[data-kind="share-alike"]')).toContainText('ShareAlike');
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-done')).toBeVisible();
  await expect(page.getByTestId('export-progress').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  // The bar's fill animates: the screenshot waits until it has come to rest.
  await expect.poll(() => page.getByTestId('export-progress').evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
  await page.screenshot({ path: path.join(screenshots, 'export.png') });
  expect(fs.readdirSync(out).sort()).toEqual(['01_fortepan_90001.jpg', '02_fortepan_7416.jpg', '03_fortepan_54176.jpg', 'credits.docx', 'credits.txt', 'manifest.csv']);
  expect(fs.readFileSync(path.join(out, 'credits.txt'), 'utf8')).toContain('Figure 2: Photo: Fortepan / Kurutz Márton');
  const before = fs.statSync(path.join(out, 'credits.txt')).mtimeMs;
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-confirm-replace')).toContainText('already exist');
  expect(fs.statSync(path.join(out, 'credits.txt')).mtimeMs).toBe(before);
  await page.getByTestId('export-replace').click();
  await expect(page.getByTestId('export-done')).toBeVisible();

  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
