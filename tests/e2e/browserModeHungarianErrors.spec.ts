// What the catalogue says reaches a Hungarian archivist in Hungarian: errors the server makes
// (a query that cannot be read, a collection name already taken, a folder that does not exist or a relative path in the folder
// dialog, a tag name with ";", an export folder given as a relative path, an export whose
// originals are gone) and the reasons an import preview gives for the rows it refuses (a row that
// matches no photo, the same photo twice) and the warnings of an import and an ingest (a value cut to its limit). Each is provoked from the UI; the text shown is the
// Hungarian message and the English sentence is nowhere, and the literal-English detector (which
// knows the catalogue's messages too) finds nothing. An English browser gets the English, as the
// CLI says it.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { makeJpeg, tempDir, writeFixture, xmpPacket } from '../support/fixtures.ts';
import type { EditableFields } from '../../shared/types.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { EnglishReport } from './englishDetector.ts';
import { callApi, openIn } from './localeSession.ts';

let served: ServedCatalogue | null = null;
const folders: string[] = [];
test.afterEach(async () => {
  await served?.stop();
  served = null;
  for (const dir of folders.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** Hungarian data only: the detector must find English in the UI, never in the photos. */
function hungarianFields(n: number): Partial<EditableFields> {
  return { title: `Utcakép ${n}`, donor: 'Kovács Anna', city: 'Budapest', date: String(1900 + n), tags: ['villamos', 'híd'], licence: 'CC BY-SA 3.0' };
}

async function serve(): Promise<void> {
  const dir = imagelessCatalogue(12, hungarianFields);
  folders.push(dir, `${dir}-config`);
  served = await serveCatalogue(dir);
}



async function createInSidebar(page: Page, name: string): Promise<void> {
  await page.getByTestId('new-collection').click();
  await page.getByTestId('new-collection-name').fill(name);
  await page.getByTestId('new-collection-create').click();
}

test('errors the catalogue makes, provoked from the Hungarian UI, are said in Hungarian', async ({ browser }) => {
  test.setTimeout(180_000);
  await serve();
  const page = await openIn(browser, 'hu-HU', served!.url);
  const report = new EnglishReport();
  const ids = await page.getByTestId('grid-cell').evaluateAll((cells) => cells.slice(0, 2).map((c) => Number(c.getAttribute('data-photo-id'))));
  const hidak = await callApi(page, 'createCollection', { name: 'Hidak' });
  await callApi(page, 'addToCollection', { id: hidak.id, photoIds: ids });

  // 0. A query that cannot be read.
  await page.getByTestId('search-input').fill('színe:piros');
  await expect(page.getByTestId('empty-state')).toContainText('Ismeretlen mező: „színe:”. Ezek használhatók: adományozó:');
  await expect(page.getByTestId('empty-state')).not.toContainText('Unknown field');
  await report.check(page, 'search: unknown field');
  await page.getByTestId('search-input').fill('');
  await expect(page.getByTestId('grid-cell').first()).toBeVisible();

  // 1. A collection name that is taken (names ignore case).
  await createInSidebar(page, 'hidak');
  await expect(page.getByTestId('status-message')).toContainText('Már van „hidak” nevű gyűjtemény.');
  await expect(page.getByTestId('status-message')).not.toContainText('already exists');
  await report.check(page, 'collection name taken');
  await page.keyboard.press('Escape');

  // 2. The folder dialog: a folder that does not exist, then a relative path.
  const nowhere = path.join(await tempDir('fototar-hiba-'), 'nincs', 'ilyen');
  folders.push(path.dirname(path.dirname(nowhere)));
  await page.getByTestId('add-folder').click();
  await expect(page.getByTestId('folder-dialog')).toBeVisible();
  await page.getByTestId('folder-path-input').fill(nowhere);
  await page.getByTestId('folder-path-go').click();
  await expect(page.getByTestId('folder-path-error')).toHaveText(`Nincs ilyen mappa: „${nowhere}”.`);
  await report.check(page, 'folder dialog: no such folder');
  await page.getByTestId('folder-path-input').fill('szkennek/1956');
  await page.getByTestId('folder-path-go').click();
  await expect(page.getByTestId('folder-path-error')).toHaveText(/^„szkennek\/1956” relatív útvonal: írja be a teljes útvonalat/);
  await report.check(page, 'folder dialog: relative path');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('folder-dialog')).toBeHidden();

  // 3. A tag renamed to a name holding ";".
  await page.getByTestId('tags-open').click();
  await expect(page.getByTestId('tag-list')).toContainText('villamos');
  await page.getByTestId('tag-list').locator('li').filter({ hasText: 'villamos' }).getByRole('button').click();
  await page.getByTestId('tag-new-name').fill('villamos; busz');
  await page.getByTestId('tag-new-name').press('Enter');
  await expect(page.getByTestId('tag-manager-error')).toHaveText('A címkében nem lehet „;” (ez választja el a címkéket a CSV-fájlokban).');
  await report.check(page, 'tag manager: ";" in a tag');
  await page.getByTestId('tag-new-name').press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tag-manager')).toBeHidden();

  // 4. An import whose rows match no photo or the same photo twice: the reasons in Hungarian.
  await page.getByTestId('import-open').click();
  const long = Array(1112).fill('Villamos a hídon.').join(' '); // 20,015 characters
  const csv = ['Fortepan-szám;cím;leírás', `100001;Lánchíd télen;${long}`, '424242;Nincs ilyen;', '100001;Ugyanaz még egyszer;', ';Szám nélkül;'].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'lista.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected.locator('li')).toHaveCount(3);
  await expect(rejected.locator('li').nth(0)).toContainText('a katalógusban nincs fotó ezzel a Fortepan-számmal: 424242');
  await expect(rejected.locator('li').nth(1)).toContainText('ugyanaz a fotó, mint a(z) 2. sorban');
  await expect(rejected.locator('li').nth(2)).toContainText('nincs Fortepan-szám vagy fájlnév, amely alapján a fotó megtalálható');
  await expect(rejected).not.toContainText('no photo in the catalogue');
  await expect(rejected).not.toContainText('the same photo as line');
  // A value cut to its field's limit: the warning in Hungarian, the field by its editor label, the numbers as Hungarians write them.
  await expect(page.getByTestId('import-warnings')).toContainText('Leírás: 20\u00a0000 karakterre rövidítve (eredetileg 20\u00a0015 karakter volt)');
  await report.check(page, 'import preview: rejected rows');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  // 5. The export: a relative folder, then a real one while the originals are gone.
  await page.getByTestId('sidebar-collection').filter({ hasText: 'Hidak' }).click();
  await expect(page.getByTestId('pick')).toHaveCount(2);
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-folder').fill('kimenet');
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-error')).toHaveText('Adja meg a mappa teljes útvonalát (ezt adta meg: „kimenet”).');
  await report.check(page, 'export: relative folder');
  const out = path.join(await tempDir('fototar-kimenet-'), 'hidak');
  folders.push(path.dirname(out));
  await page.getByTestId('export-folder').fill(out);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-error')).toHaveText(/^A\(z\) fortepan_10000\d eredeti fájlja nincs itt: \/archive\/fortepan\/fortepan_10000\d\.jpg; semmi sem íródott ki\.$/);
  await report.check(page, 'export: originals gone');

  await page.keyboard.press('Escape');
  await page.getByTestId('sidebar-all-photos').click();

  // 6. An ingest whose sidecar's title is over the limit: the report's warning in Hungarian.
  const scans = await tempDir('fototar-szkennek-');
  folders.push(scans);
  await writeFixture(scans, 'fortepan_900001.jpg', makeJpeg());
  await writeFixture(scans, 'fortepan_900001.jpg.xmp', Buffer.from(xmpPacket({ title: 'Ü'.repeat(2001) })));
  await page.getByTestId('add-folder').click();
  await page.getByTestId('folder-path-input').fill(scans);
  await page.getByTestId('folder-path-submit').click();
  await expect(page.getByTestId('ingest-warnings')).toContainText('Cím: 2000 karakterre rövidítve (eredetileg 2001 karakter volt)');
  await expect(page.getByTestId('ingest-warnings')).not.toContainText('title cut to');
  await report.check(page, 'ingest report: a value cut to its limit');

  expect(report.views.size, `English in the Hungarian UI:\n${report}`).toBe(0);
  await page.context().close();
});

test('an English browser gets the same errors in English, as the CLI says them', async ({ browser }) => {
  await serve();
  const page = await openIn(browser, 'en-US', served!.url);
  await page.getByTestId('search-input').fill('colour:red');
  await expect(page.getByTestId('empty-state')).toContainText('Unknown field "colour:". Use donor:');
  await page.getByTestId('search-input').fill('');
  await callApi(page, 'createCollection', { name: 'Bridges' });
  await createInSidebar(page, 'bridges');
  await expect(page.getByTestId('status-message')).toContainText('A collection named "bridges" already exists.');
  await page.keyboard.press('Escape');
  await page.getByTestId('add-folder').click();
  await page.getByTestId('folder-path-input').fill('scans/1956');
  await page.getByTestId('folder-path-go').click();
  await expect(page.getByTestId('folder-path-error')).toHaveText('“scans/1956” is a relative path: type the full path (starting with /) or one starting with ~.');
  await page.context().close();
});
