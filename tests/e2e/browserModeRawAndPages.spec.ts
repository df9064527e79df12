// What an archivist sees of camera RAW files and multi-page TIFFs: a DNG shows its embedded
// preview and its camera; a DNG whose preview is a placeholder says so in the grid; a
// three-page TIFF shows its first page and "3 pages" ("3 oldal" in Hungarian) in the detail panel.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempDir, writeFixture } from '../support/fixtures.ts';
import { dng, multiPageTiff, twoColourJpeg } from '../support/rawFixtures.ts';
import { serveCatalogue, repoRoot, type ServedCatalogue } from './browserModeServer.ts';
import { openIn } from './localeSession.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

test('RAW previews and reasons; a multi-page TIFF says how many pages it has', async ({ page, browser }) => {
  const dir = await tempDir('fototar-e2e-raw-');
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'raw/canon_6d.dng', twoColourJpeg(600, 400).then((preview) => dng({ preview })));
  await writeFixture(photos, 'raw/stub.dng', Promise.resolve(dng({ preview: Buffer.from('<Dummy preview image data>', 'latin1') })));
  await writeFixture(photos, 'scans/folder.tif', Promise.resolve(multiPageTiff(300, 400, [[120, 90, 60], [200, 200, 200], [30, 30, 30]])));
  const catalogueDir = path.join(dir, 'catalogue');
  const ingest = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'fototar.js'), 'ingest', photos, '--catalogue', catalogueDir, '--json'], { encoding: 'utf8' });
  expect(ingest.status, ingest.stderr).toBe(0);
  expect(JSON.parse(ingest.stdout)).toMatchObject({ added: 3, failed: [], photos: 3 });

  served = await serveCatalogue(catalogueDir);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(served.url);
  const cells = page.getByTestId('grid-cell');
  await expect(cells).toHaveCount(3);

  const stub = cells.filter({ hasText: 'placeholder (26 bytes)' });
  await expect(stub).toHaveCount(1);
  await expect(stub.locator('.no-preview-label')).toHaveText('no preview');
  const images = page.locator('[data-testid="grid-cell"] img');
  await expect(images).toHaveCount(2);
  await expect.poll(() => images.evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0))).toBe(true);

  await cells.filter({ hasText: 'canon_6d' }).click();
  await expect(page.locator('.facts')).toContainText('4000 × 3000 · DNG');
  await expect(page.locator('.facts')).toContainText('Canon EOS 6D');
  await cells.filter({ hasText: 'folder' }).click();
  await expect(page.locator('.facts')).toContainText('300 × 400 · TIFF · 3 pages');
  expect(errors).toEqual([]);

  const hungarian = await openIn(browser, 'hu-HU', served.url);
  await hungarian.getByTestId('grid-cell').filter({ hasText: 'folder' }).click();
  await expect(hungarian.locator('.facts')).toContainText('300 × 400 · TIFF · 3 oldal');
  await hungarian.context().close();
  await fs.rm(dir, { recursive: true, force: true });
});
