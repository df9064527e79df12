// Any window from 1024×700 up (and the Electron window's minimum, 800×500): the main views and
// every dialog on a catalogue of 1,500+ photos, at each size. Fails when a visible control is
// covered by something drawn over it, or cut off where no scrolling reaches it. Screenshots of
// every view at every size go to test-results/layout/<view>-<w>x<h>.png.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { fortepanRecord } from '../support/records.ts';
import { serveCatalogue, repoRoot, type ServedCatalogue } from './browserModeServer.ts';
import { layoutProblems, type LayoutProblem } from './layoutCheck.ts';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  // electron/main.ts: minWidth 800, minHeight 500.
  { width: 800, height: 500 },
];
const RECORDS = 1500;
const COLLECTION = 'Budapest, 1956: the illustrations for chapter three of the revised edition';
const shots = path.join(repoRoot, 'test-results', 'layout');

const DONORS = ['Hunyadi László', 'Kurutz Márton', 'Nagy Gyula', 'Bauer Sándor', 'Fortepan', 'Szent-Györgyi Ágnes'];
const PLACES = ['Üllői út', 'Körút', 'Váci utca', 'Margitsziget', 'Lánchíd', 'Erzsébet híd', 'Oktogon'];
const TAGS = ['villamos', 'utcakép', 'portré', 'csoportkép', 'autó', 'hajó', 'tél', 'ünnepség', 'légvédelem', 'tömeg'];

let served: ServedCatalogue;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = await tempDir('fototar-e2e-layout-');
  const scans = path.join(dir, 'scans');
  const colours = ['#6b5840', '#445566', '#887766', '#334455', '#776655', '#556677'];
  for (let i = 0; i < 6; i++) {
    await writeFixture(scans, `fortepan_${54170 + i}.jpg`, makeJpeg({
      width: i % 2 ? 400 : 600,
      height: i % 2 ? 600 : 400,
      colour: colours[i],
      xmp: { description: `Villamos az Üllői úton, a ${i + 1}. kép hosszú leírással`, credit: `Fortepan / ${DONORS[i]}`, dateCreated: '1956' },
    }));
  }
  const catalogue = Catalogue.open(path.join(dir, 'catalogue'), { create: true });
  try {
    await catalogue.ingest.run([scans]);
    const real = (await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => p.id);
    const now = new Date().toISOString();
    for (let i = 0; i < RECORDS; i++) {
      catalogue.store.photos.insert(
        fortepanRecord(100_000 + i, {
          title: `${PLACES[i % PLACES.length]} ${1930 + (i % 40)}`,
          caption: `Utcakép a ${PLACES[i % PLACES.length]} környékén`,
          date: String(1930 + (i % 40)),
          donor: DONORS[i % DONORS.length],
          place: PLACES[i % PLACES.length],
          city: 'Budapest',
          country: 'Magyarország',
          tags: [TAGS[i % TAGS.length], TAGS[(i * 3 + 1) % TAGS.length]],
          licence: 'CC BY-SA 3.0',
          source: 'Fortepan',
        }),
        now,
      );
    }
    const collections = catalogue.collections;
    const { id } = await collections.create(COLLECTION);
    await collections.add(id, [...real, real[0]]);
  } finally {
    catalogue.close();
  }
  // The folder browser starts at home: a home of its own with enough folders to scroll.
  const home = path.join(dir, 'home');
  for (let i = 0; i < 40; i++) fs.mkdirSync(path.join(home, `Fortepan ${1950 + i} – beszkennelt negatívok`), { recursive: true });
  served = await serveCatalogue(path.join(dir, 'catalogue'), { HOME: home });
  fs.mkdirSync(shots, { recursive: true });
});

test.afterAll(async () => {
  await served?.stop();
});

const cells = (page: Page) => page.getByTestId('grid-cell');

for (const size of SIZES) {
  test(`every control reachable at ${size.width}×${size.height}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const problems: string[] = [];
    const look = async (view: string, scope?: string) => {
      // The picture first: the check scrolls things into view.
      await page.screenshot({ path: path.join(shots, `${view}-${size.width}x${size.height}.png`) });
      const found: LayoutProblem[] = await layoutProblems(page, scope);
      for (const p of found) problems.push(`${view}: ${p.kind} ${p.element}: ${p.detail}`);
      if (found.length) console.log(problems.slice(-found.length).join('\n'));
    };

    await page.goto(served.url);
    await expect(page.getByTestId('result-count')).toContainText(/1,?506 photos/);
    await expect(cells(page).first()).toBeVisible();
    await look('grid');

    // The facet lists under the timeline, with their sort switch.
    await page.getByTestId('facet-toggle').click();
    await expect(page.getByTestId('facet-donor')).toContainText('Hunyadi László');
    await look('facets');
    await page.getByTestId('facet-toggle').click();
    await expect(page.getByTestId('facet-donor')).toBeHidden();

    // One photo: the detail panel with the editor beside the grid.
    await cells(page).nth(1).click();
    await expect(page.getByTestId('field-title')).toBeVisible();
    await look('detail');

    // Several: the batch editor.
    await cells(page).nth(4).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('batch-editor')).toBeVisible();
    await look('batch');

    await page.getByTestId('search-help-button').click();
    await expect(page.getByTestId('search-help')).toBeVisible();
    await look('search-help', '[data-testid="search-help"]');
    await page.getByTestId('search-help-button').click();
    await expect(page.getByTestId('search-help')).toBeHidden();

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByTestId('shortcuts-help')).toBeVisible();
    await look('shortcuts', '[data-testid="shortcuts-help"]');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-help')).toBeHidden();

    await page.getByTestId('import-open').click();
    await expect(page.getByTestId('import-dialog')).toBeVisible();
    await look('import', '[data-testid="import-dialog"]');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toBeHidden();

    await page.getByTestId('tags-open').click();
    await expect(page.getByTestId('tag-list')).toContainText('villamos');
    await look('tag-manager', '[data-testid="tag-manager"]');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('tag-manager')).toBeHidden();

    // The author's collection: lightbox with its credits panel, then the export dialog.
    await page.getByTestId('sidebar-collection').click();
    await expect(page.getByTestId('pick')).toHaveCount(7);
    await expect(page.getByTestId('credit-warnings')).toBeVisible();
    await expect(page.getByTestId('lightbox-title')).toBeVisible();
    await look('collection');

    await page.getByTestId('export-open').click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    await look('export', '[data-testid="export-dialog"]');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-dialog')).toBeHidden();

    await page.getByTestId('lightbox-back').click();
    await page.getByTestId('add-folder').click();
    await expect(page.getByTestId('folder-dialog')).toBeVisible();
    await expect(page.getByTestId('folder-entry').first()).toBeVisible();
    await look('folder', '[data-testid="folder-dialog"]');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('folder-dialog')).toBeHidden();

    expect(problems, problems.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
  });
}
