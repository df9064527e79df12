// The whole path as a new user walks it, in browser mode: add a folder, see thumbnails, edit a
// caption, find it with and without accents, copy a credit; metadata never runs as markup.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { serveCatalogue, repoRoot, type ServedCatalogue } from './browserModeServer.ts';
import { makeSample } from '../../scripts/make-sample.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

async function open(page: Page, catalogueDir: string) {
  served = await serveCatalogue(catalogueDir);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(served.url);
  return errors;
}

const cells = (page: Page) => page.getByTestId('grid-cell');

test('ingest a folder, edit a caption, search with and without accents, copy credits', async ({ page }) => {
  const dir = await tempDir('fototar-e2e-');
  const photos = path.join(dir, 'scans');
  await writeFixture(photos, 'fortepan_54176.jpg', makeJpeg({ width: 300, height: 200, colour: '#6b5840', xmp: { description: 'Villamos az Üllői úton', credit: 'Fortepan / Nagy Gyula', dateCreated: '1956' } }));
  await writeFixture(photos, 'sub/fortepan_7416.jpg', makeJpeg({ width: 200, height: 300, colour: '#445566', xmp: { description: 'Vitorlások a kikötőben', credit: 'Fortepan / Kurutz Márton' } }));
  await writeFixture(photos, 'sub/deeper/fortepan_90001.jpg', makeJpeg({ width: 300, height: 300, colour: '#887766', xmp: { title: '<img src=x onerror="window.__pwned=1">', description: '<script>window.__pwned=2</script> javascript:alert(1)', credit: 'Fortepan / <b>Bold</b>' } }));
  await writeFixture(photos, 'broken.jpg', Promise.resolve(Buffer.from('not an image')));
  // Files that are not images are skipped, each with its reason, never ignored in silence.
  await writeFixture(photos, 'notes.txt', Promise.resolve(Buffer.from('Adományozó: Nagy Gyula\n')));
  await writeFixture(photos, 'sub/Thumbs.db', Promise.resolve(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
  const errors = await open(page, path.join(dir, 'catalogue'));

  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('add-folder').click();
  await page.getByTestId('folder-path-input').fill(photos);
  await page.getByTestId('folder-path-submit').click();
  await expect(page.getByTestId('ingest-summary')).toBeVisible();
  await expect(page.getByTestId('ingest-summary')).toContainText('3');
  await expect(page.getByTestId('ingest-report')).toContainText('broken.jpg');
  await expect(page.getByTestId('ingest-skipped')).toContainText('Skipped 2 files that are not images: 1 system file and 1 text file');
  // The list opens from the keyboard and says each file's reason.
  await page.getByTestId('ingest-skipped-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ingest-skipped-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('ingest-skipped-list').locator('li')).toHaveText([/notes\.txt\s*text file$/, /Thumbs\.db\s*system file \(Thumbs\.db\)$/]);
  await expect(cells(page)).toHaveCount(3);
  // Thumbnails really load (token cookie, image route, CSP all working).
  await expect
    .poll(() => page.locator('[data-testid="grid-cell"] img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length))
    .toBe(3);

  // Hostile metadata shows as text and runs nothing.
  await expect(page.getByText('<img src=x onerror="window.__pwned=1">').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Edit a caption.
  await cells(page).filter({ hasText: '54176' }).first().click();
  const caption = page.getByTestId('field-caption');
  await expect(caption).toHaveValue('Villamos az Üllői úton');
  await caption.fill('Tűzoltók gyakorlata a Főplébániatemplomnál');
  await page.getByTestId('field-title').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);

  // Find it by the new words, with and without accents.
  const search = page.getByTestId('search-input');
  for (const query of ['Tűzoltók', 'tuzoltok fopleb']) {
    await search.fill(query);
    await expect(cells(page)).toHaveCount(1);
    await expect(cells(page).first()).toContainText('54176');
  }
  await search.fill('Üllői');
  await expect(cells(page)).toHaveCount(0);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  // Copy the credit line of one photo.
  await search.fill('');
  await expect(cells(page)).toHaveCount(3);
  await cells(page).filter({ hasText: '7416' }).first().click();
  await expect(page.getByTestId('credit-line')).toHaveText('Fortepan / Kurutz Márton');
  await page.getByTestId('copy-credit').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Fortepan / Kurutz Márton');

  // Copy a credit list for a selection, as Markdown.
  await cells(page).filter({ hasText: '54176' }).first().click({ modifiers: ['Control'] });
  await expect(page.getByTestId('selection-count')).toContainText('2');
  await page.getByTestId('copy-credits-md').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Fortepan / Nagy Gyula');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('Fortepan / Kurutz Márton');
  expect(markdown).toMatch(/\[CC BY\\-SA 3\\\.0\]\(https:\/\/creativecommons\.org\/licenses\/by-sa\/3\.0\/\)/);

  expect(errors).toEqual([]);
  await fs.rm(dir, { recursive: true, force: true });
});

test('the sample catalogue opens with its photos; screenshot for the README', async ({ page }) => {
  const dir = await tempDir('fototar-sample-');
  const { catalogueDir } = await makeSample(dir);
  const errors = await open(page, catalogueDir);
  await expect(cells(page)).toHaveCount(12);
  await expect(page.getByTestId('photo-count')).toContainText('12');
  await cells(page).filter({ hasText: 'Lánchíd' }).first().click();
  // The donor already names Klösz György: the credit does not repeat him, and cites the archive reference.
  await expect(page.getByTestId('credit-line')).toHaveText('Fortepan / Budapest Főváros Levéltára / Klösz György fényképei. Archive reference: HU.BFL.XV.19.d.1.05.054');
  await expect
    .poll(() => page.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)))
    .toBe(true);
  await fs.mkdir(path.join(repoRoot, 'docs'), { recursive: true });
  // The README's screenshot is the Hungarian one (browserModeLanguage.spec.ts); this is its English twin.
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'screenshot-en.png') });
  expect(errors).toEqual([]);
});
