// The UI in Hungarian and English (issue #12, part 1): a Hungarian browser gets Hungarian
// (`<html lang="hu">`, "13 560 fotó", "1956 körül", the query help with `év:`), an English one
// English; the switch in the top bar changes it at once and is remembered across a reload and a
// restart of the server. Then the literal-English detector: the main views opened in Hungarian
// must show no English catalogue message and no common English UI word. Last, the Hungarian
// screenshots (README's and two sizes of the main view).
import { test, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeSample } from '../../scripts/make-sample.ts';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import type { EditableFields } from '../../shared/types.ts';
import { repoRoot, serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { EnglishReport } from './englishDetector.ts';
import { callApi, openIn } from './localeSession.ts';
import { layoutProblems } from './layoutCheck.ts';

let served: ServedCatalogue | null = null;
const folders: string[] = [];

test.afterEach(async () => {
  await served?.stop();
  served = null;
  for (const dir of folders.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

const DONORS = ['Kovács Anna', 'Nagy Gyula', 'Szabó Éva', 'Fortepan'];
const CITIES = ['Budapest', 'Szeged', 'Pécs', 'Debrecen'];
/** Approximate, decade, year and range dates in turn, so the first grid row shows each form. */
const DATES = ['1956~', '195X', '', '1944/1945'];

/** Hungarian data only: the detector must find English in the UI, never in the photos. */
function hungarianFields(n: number): Partial<EditableFields> {
  return {
    title: `Utcakép ${n}`,
    caption: 'Villamos a hídon, háttérben a templom.',
    donor: DONORS[n % DONORS.length],
    city: CITIES[n % CITIES.length],
    date: DATES[n % 4] || String(1900 + (n % 90)),
    tags: n % 2 ? ['villamos', 'híd'] : ['utca'],
    licence: 'CC BY-SA 3.0',
  };
}

async function serve(count: number, env: Record<string, string> = {}): Promise<{ dir: string; served: ServedCatalogue }> {
  const dir = imagelessCatalogue(count, hungarianFields);
  folders.push(dir, `${dir}-config`);
  served = await serveCatalogue(dir, env);
  return { dir, served };
}



test('a Hungarian browser gets the Hungarian UI, an English browser the English one', async ({ browser }) => {
  const { served } = await serve(13_560);

  const hu = await openIn(browser, 'hu-HU', served.url);
  await expect(hu.locator('html')).toHaveAttribute('lang', 'hu');
  // CLDR: Hungarian groups thousands with a (no-break) space from five digits on.
  await expect(hu.getByTestId('photo-count')).toHaveText(/^13\s560 fotó$/);
  await expect(hu.getByTestId('result-count')).toHaveText(/^13\s560 fotó$/);
  await expect(hu.getByTestId('grid-cell').filter({ hasText: '1956 körül' }).first()).toBeVisible();
  await expect(hu.getByTestId('grid-cell').filter({ hasText: '1950-es évek' }).first()).toBeVisible();
  await expect(hu.getByTestId('grid-cell').filter({ hasText: '1944–1945' }).first()).toBeVisible();
  await expect(hu.getByTestId('search-input')).toHaveAttribute('placeholder', /^Keresés/);

  // The query help speaks Hungarian: Hungarian field names, OR, a bare year range.
  await hu.getByTestId('search-help-button').click();
  const help = hu.getByTestId('search-help');
  await expect(help.getByRole('heading')).toHaveText('Hogyan keressen?');
  for (const example of ['adományozó:"Nagy Gyula"', 'hely:Budapest címke:villamos', 'év:1956', 'év:1950..1960', '1880-1890', 'szám:12345', 'villamos OR busz']) {
    await expect(help.getByTestId('search-help-example').filter({ hasText: example })).toHaveCount(1);
  }
  await help.getByTestId('search-help-example').filter({ hasText: /^év:1956$/ }).click();
  await expect(hu.getByTestId('search-input')).toHaveValue('év:1956');
  await expect(hu.getByTestId('result-count')).toHaveText(/^[\d\s]+ fotó felel meg: „év:1956”$/);
  await hu.context().close();

  const en = await openIn(browser, 'en-US', served.url);
  await expect(en.locator('html')).toHaveAttribute('lang', 'en');
  await expect(en.getByTestId('photo-count')).toHaveText('13,560 photos');
  await expect(en.getByTestId('grid-cell').filter({ hasText: 'about 1956' }).first()).toBeVisible();
  await expect(en.getByTestId('grid-cell').filter({ hasText: '1950s' }).first()).toBeVisible();
  await en.getByTestId('search-help-button').click();
  await expect(en.getByTestId('search-help').getByRole('heading')).toHaveText('How to search');
  await expect(en.getByTestId('search-help')).toContainText('year:1950..1960');
  await expect(en.getByTestId('search-help')).toContainText('donor:"Nagy Gyula"');
  await en.context().close();
});

test('the language switch changes the UI at once; the choice survives a reload and a restart of the server', async ({ browser }) => {
  const { dir } = await serve(1_500);
  const page = await openIn(browser, 'hu-HU', served!.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'hu');
  await expect(page.getByTestId('photo-count')).toHaveText('1500 fotó');

  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('photo-count')).toHaveText('1,500 photos');
  await expect(page.getByTestId('add-folder')).toHaveText('Add folder…');
  await expect(page.getByTestId('grid-cell').filter({ hasText: 'about 1956' }).first()).toBeVisible();

  // Remembered by the server (its config folder), not by the page: a reload keeps English in a Hungarian browser…
  await page.reload();
  await expect(page.getByTestId('photo-count')).toHaveText('1,500 photos');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // …and so does a new server on the same catalogue (a new port and token, the same config folder).
  await served!.stop();
  served = await serveCatalogue(dir);
  await page.goto(served.url);
  await expect(page.getByTestId('photo-count')).toHaveText('1,500 photos');
  await expect(page.getByTestId('language-switch')).toHaveValue('en');

  await page.getByTestId('language-switch').selectOption('hu');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hu');
  await expect(page.getByTestId('add-folder')).toHaveText('Mappa hozzáadása…');
  await page.reload();
  await expect(page.getByTestId('photo-count')).toHaveText('1500 fotó');
  await page.context().close();
});

// --- the literal-English detector ------------------------------------------------------------

/** Parts of the window the editing/ and collections/ checks below cover (translated on their own branch). */
const OTHER_VIEWS = ['[data-testid="detail"]', '.detail', '[data-testid="collections-sidebar"]', '.add-to-collection'];

function expectNoEnglish(report: EnglishReport): void {
  expect(report.views.size, `English in the Hungarian UI:\n${report}`).toBe(0);
}

test('no English in the Hungarian UI: grid, undo, messages, search and facets, query help, no hits, large view, shortcuts, folder dialog, ingest report', async ({ browser }) => {
  // The server's home (where the folder browser starts) holds Hungarian folder names only.
  const home = await tempDir('fototar-otthon-');
  folders.push(home);
  await fs.mkdir(path.join(home, 'Dokumentumok'));
  const scans = path.join(home, 'szkennek');
  await writeFixture(scans, 'fortepan_900001.jpg', makeJpeg());
  await writeFixture(scans, 'ures.jpg', Buffer.alloc(0));
  await writeFixture(scans, 'jegyzet.txt', Buffer.from('Adományozó: Nagy Gyula\n'));
  await writeFixture(scans, 'Thumbs.db', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  await serve(1_500, { HOME: home });
  const page = await openIn(browser, 'hu-HU', served!.url);
  const report = new EnglishReport(OTHER_VIEWS);

  // An edit made elsewhere: the undo button names it in Hungarian.
  const first = Number(await page.getByTestId('grid-cell').first().getAttribute('data-photo-id'));
  await callApi(page, 'updatePhotos', { ids: [first], patch: { title: 'Lánchíd télen' } });
  // The step is named by the photo as it was (its old title), as the catalogue records it.
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Visszavonás: Szerkesztés \(cím\): Utcakép \d+ \(Ctrl\+Z\)$/);
  await report.check(page, 'grid');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('status-message')).toHaveText(/Visszavonva: Szerkesztés \(cím\): Utcakép \d+/);
  await report.check(page, 'undo notice');
  await page.getByTestId('status-history-button').click();
  await expect(page.getByTestId('status-history-entry')).toHaveCount(1);
  await report.check(page, 'messages');
  await page.getByTestId('status-history-button').click();

  await page.getByTestId('search-input').fill('villamos');
  await expect(page.getByTestId('result-count')).toHaveText(/fotó felel meg: „villamos”$/);
  await page.getByTestId('facet-toggle').click();
  await expect(page.getByTestId('facet-tag')).toContainText('híd');
  await report.check(page, 'search with facets');

  await page.getByTestId('search-help-button').click();
  await expect(page.getByTestId('search-help')).toBeVisible();
  await report.check(page, 'query help');
  await page.keyboard.press('Escape');

  await page.getByTestId('search-input').fill('zsiráfnyakú');
  await expect(page.getByTestId('empty-state')).toContainText('Nincs a keresésnek megfelelő fotó');
  await report.check(page, 'no hits');
  await page.getByTestId('empty-state').getByRole('button').last().click();
  await expect(page.getByTestId('result-count')).toHaveText('1500 fotó');

  await page.getByTestId('grid-cell').first().dblclick();
  await expect(page.getByTestId('large-view')).toBeVisible();
  await report.check(page, 'large view');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('large-view')).toBeHidden();

  await page.getByTestId('shortcuts-open').click();
  await expect(page.getByTestId('shortcuts-help')).toContainText('Billentyűparancsok');
  await report.check(page, 'shortcuts sheet');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-help')).toBeHidden();

  await page.getByTestId('add-folder').click();
  await expect(page.getByTestId('folder-entry').filter({ hasText: 'szkennek' })).toBeVisible();
  await report.check(page, 'folder dialog');
  await page.getByTestId('folder-path-input').fill(scans);
  await page.getByTestId('folder-path-submit').click();
  await expect(page.getByTestId('ingest-report')).toContainText('üres fájl (0 bájt)');
  await expect(page.getByTestId('ingest-summary')).toContainText('A beolvasás kész');
  await expect(page.getByTestId('ingest-skipped')).toContainText('2 fájl kihagyva, mert nem kép: 1 rendszerfájl és 1 szövegfájl');
  await page.getByTestId('ingest-skipped-toggle').click();
  await expect(page.getByTestId('ingest-skipped-list')).toContainText('rendszerfájl (Thumbs.db)');
  await report.check(page, 'ingest report');

  expectNoEnglish(report);
  await page.context().close();
});

test('no English in the Hungarian UI: one photo and several photos selected (detail and batch panels)', async ({ browser }) => {
  await serve(1_500);
  const page = await openIn(browser, 'hu-HU', served!.url);
  const report = new EnglishReport();
  await page.getByTestId('grid-cell').first().click();
  await expect(page.getByTestId('detail').getByTestId('credit-line')).toBeVisible();
  // A photo of the Budapest City Archives: its credit cites the shelfmark, in Hungarian.
  const id = Number(await page.getByTestId('grid-cell').first().getAttribute('data-photo-id'));
  await callApi(page, 'updatePhotos', { ids: [id], patch: { donor: 'Budapest Főváros Levéltára', archiveRef: 'HU.BFL.XV.19.d.1.05.054' } });
  await expect(page.getByTestId('detail').getByTestId('credit-line')).toHaveText('Fortepan / Budapest Főváros Levéltára. Levéltári jelzet: HU.BFL.XV.19.d.1.05.054');
  await report.check(page, 'one photo selected');
  await page.getByTestId('grid-cell').nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('batch-editor')).toBeVisible();
  await expect(page.getByTestId('credit-list-preview')).toContainText('Fortepan / Budapest Főváros Levéltára. Levéltári jelzet: HU.BFL.XV.19.d.1.05.054');
  await report.check(page, 'several photos selected');
  expectNoEnglish(report);
  await page.context().close();
});

test('no English in the Hungarian UI: collections sidebar, a collection, export dialog', async ({ browser }) => {
  await serve(1_500);
  const page = await openIn(browser, 'hu-HU', served!.url);
  const ids = await page.getByTestId('grid-cell').evaluateAll((cells) => cells.slice(0, 3).map((c) => Number(c.getAttribute('data-photo-id'))));
  const collection = await callApi(page, 'createCollection', { name: 'Hidak' });
  await callApi(page, 'addToCollection', { id: collection.id, photoIds: ids });
  const report = new EnglishReport();
  await expect(page.getByTestId('sidebar-collection').filter({ hasText: 'Hidak' })).toBeVisible();
  await report.check(page, 'collections sidebar');
  await page.getByTestId('sidebar-collection').filter({ hasText: 'Hidak' }).click();
  await expect(page.getByTestId('pick')).toHaveCount(3);
  await report.check(page, 'collection (lightbox)');
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await report.check(page, 'export dialog');
  expectNoEnglish(report);
  await page.context().close();
});

test('no English in the Hungarian UI: import dialog and tag manager', async ({ browser }) => {
  await serve(1_500);
  const page = await openIn(browser, 'hu-HU', served!.url);
  const report = new EnglishReport();
  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await report.check(page, 'import dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await page.getByTestId('tags-open').click();
  await expect(page.getByTestId('tag-list')).toContainText('villamos');
  await report.check(page, 'tag manager');
  expectNoEnglish(report);
  await page.context().close();
});

// --- screenshots -----------------------------------------------------------------------------

test('screenshots in Hungarian: the README\'s, and the main view at 1024×700 and 1920×1080 with nothing cut off', async ({ browser }) => {
  const dir = await tempDir('fototar-minta-');
  folders.push(dir);
  const { catalogueDir } = await makeSample(dir);
  served = await serveCatalogue(catalogueDir);
  const shots = path.join(repoRoot, 'docs', 'screenshots', 'hu');
  await fs.mkdir(shots, { recursive: true });
  for (const [width, height, file] of [
    [1400, 860, path.join(repoRoot, 'docs', 'screenshot.png')],
    [1024, 700, path.join(shots, 'main-1024x700.png')],
    [1920, 1080, path.join(shots, 'main-1920x1080.png')],
  ] as const) {
    const page = await openIn(browser, 'hu-HU', served.url, { width, height });
    await expect(page.getByTestId('photo-count')).toHaveText('12 fotó');
    await page.getByTestId('grid-cell').filter({ hasText: 'Lánchíd' }).first().click();
    await expect(page.getByTestId('credit-line')).toBeVisible();
    await expect
      .poll(() => page.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)))
      .toBe(true);
    expect(await layoutProblems(page, '.topbar')).toEqual([]);
    expect(await layoutProblems(page, '.statusbar')).toEqual([]);
    await page.screenshot({ path: file });
    await page.context().close();
  }
});
