// Two archivists on one team catalogue, each in their own browser on their own `fototar serve
// --catalogue postgres://…` (their own computer, their own cache), on a real PostgreSQL server
// holding 1,500 photos migrated from a folder: the app is the app they know — the grid with the
// thumbnails the server holds, search, the editor — and Anna's save reaches Béla's open grid,
// his search and the photo's history under her name, in Hungarian, at 1024×700. When both save
// the same field, Béla's save is refused and his field shows both values: he keeps his own (the
// title) or merges the two by hand (the caption); nothing is overwritten unseen. His turn of a
// photo and the folder he adds reach Anna's grid, thumbnails included. A server restart is said in
// his window, and that it is back.
import { test, expect, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { startPostgres, type PostgresServer } from '../support/postgresServer.ts';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { migrateFolderToPostgres } from '../../electron/catalogue/store/postgres/migrateToPostgres.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { layoutProblems } from './layoutCheck.ts';

const PHOTOS = 1500;
let postgres: PostgresServer | null = null;
const served: ServedCatalogue[] = [];
const pages: Page[] = [];
test.afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
  for (const server of served.splice(0)) await server.stop();
  await postgres?.stop();
  postgres = null;
});

/** One archivist's own `fototar serve` on the team catalogue, and a browser window on it. */
async function archivist(browser: Browser, location: string, name: string, locale: string): Promise<Page> {
  const home = await tempDir('fototar-archivist-');
  const server = await serveCatalogue(location, {
    FOTOTAR_ARCHIVIST: name,
    FOTOTAR_CONFIG_DIR: path.join(home, 'config'),
    FOTOTAR_CACHE_DIR: path.join(home, 'cache'),
  });
  served.push(server);
  const page = await browser.newPage({ locale, viewport: { width: 1024, height: 700 } });
  pages.push(page);
  await page.goto(server.url);
  await expect(page.locator('[data-testid="grid-cell"][data-index="0"]')).toBeVisible({ timeout: 60_000 });
  return page;
}

test("two archivists on one PostgreSQL catalogue: Anna's save reaches Béla's grid, search and the photo's history under her name", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  postgres = await startPostgres();
  await postgres.createDatabase('csapat');
  const location = postgres.url('csapat');
  const folder = imagelessCatalogue(PHOTOS);
  await migrateFolderToPostgres(folder, location);
  // The first photo's thumbnail, as an ingest on another archivist's computer left it on the server.
  const pool = postgres.pool('csapat');
  const { rows } = await pool.query<{ id: string; hash: string }>('SELECT id, hash FROM photos ORDER BY id LIMIT 1');
  const thumbnail = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 180, g: 120, b: 60 } } }).jpeg().toBuffer();
  await pool.query("INSERT INTO thumbnails (hash, size, data) VALUES ($1, 'grid', $2), ($1, 'preview', $2)", [rows[0]!.hash, thumbnail]);
  const id = Number(rows[0]!.id);

  const anna = await archivist(browser, location, 'Kovács Anna', 'en-GB');
  const bela = await archivist(browser, location, 'Szabó Béla', 'hu-HU');
  const errors: string[] = [];
  for (const page of [anna, bela]) page.on('pageerror', (e) => errors.push(e.message));

  // The grid is the catalogue's: every photo counted, the server's thumbnail shown.
  await expect(bela.getByTestId('result-count')).toContainText(/1[\s\u00a0\u202f.,]?500/);
  const belaFirst = bela.locator(`[data-testid="grid-cell"][data-photo-id="${id}"]`);
  await expect.poll(() => belaFirst.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(320);

  // Anna captions the first photo in her editor.
  const annaFirst = anna.locator(`[data-testid="grid-cell"][data-photo-id="${id}"]`);
  await annaFirst.click();
  const title = anna.getByTestId('field-title');
  await title.fill('Árvíztűrő tükörfúrógép a Lánchídon');
  await title.press('Enter');
  await expect(anna.getByTestId('save-status')).toHaveText('Saved');

  // Béla's open grid shows it, and his search finds the words inflected (bench:team times how soon).
  await expect(belaFirst).toContainText('Árvíztűrő tükörfúrógép a Lánchídon', { timeout: 10_000 });
  const search = bela.getByTestId('search-input');
  await search.fill('tükörfúrógépek');
  await search.press('Enter');
  await expect(bela.locator('[data-testid="grid-cell"]')).toHaveCount(1, { timeout: 10_000 });
  await expect(bela.locator('[data-testid="grid-cell"]').first()).toHaveAttribute('data-photo-id', String(id));

  // The photo's history says who changed what.
  await bela.locator('[data-testid="grid-cell"]').first().click();
  const history = bela.getByTestId('photo-history');
  await history.locator('summary').click();
  const entry = history.getByTestId('history-entry').first();
  await expect(entry).toContainText('Kovács Anna');
  await expect(entry).toContainText('Árvíztűrő tükörfúrógép a Lánchídon');
  await bela.screenshot({ path: testInfo.outputPath('team-bela-1024x700.png') });
  expect(await layoutProblems(bela)).toEqual([]);

  // The same field, saved by both: Béla is in the title field when Anna saves a new title. His
  // grid shows hers; his field keeps what he is typing; his save is refused, and the field shows
  // both values. He keeps his own: saved over hers, as he has now seen it.
  await search.fill('');
  await search.press('Enter');
  await expect(bela.getByTestId('result-count')).toContainText(/1[\s\u00a0\u202f.,]?500/);
  await bela.locator(`[data-testid="grid-cell"][data-photo-id="${id}"]`).click();
  const belaTitle = bela.getByTestId('field-title');
  await expect(belaTitle).toHaveValue('Árvíztűrő tükörfúrógép a Lánchídon');
  await belaTitle.focus();
  const annaSaved = await anna.request.post(`${served[0]!.url}api/updatePhotos`, {
    data: { ids: [id], patch: { title: 'Anna címe: a Lánchíd télen' }, seen: { title: 'Árvíztűrő tükörfúrógép a Lánchídon' } },
  });
  expect(((await annaSaved.json()) as { ok: boolean }).ok).toBe(true);
  await expect(bela.locator(`[data-testid="grid-cell"][data-photo-id="${id}"]`)).toContainText('Anna címe: a Lánchíd télen', { timeout: 10_000 });
  await expect(belaTitle).toHaveValue('Árvíztűrő tükörfúrógép a Lánchídon');
  await belaTitle.fill('Béla címe: a Lánchíd nyáron');
  await belaTitle.press('Enter');
  const conflict = bela.getByTestId('conflict-title');
  await expect(conflict).toContainText('Kovács Anna');
  await expect(conflict).toContainText('Semmi sem íródott felül');
  await expect(conflict.getByTestId('conflict-theirs')).toHaveText('Anna címe: a Lánchíd télen');
  await expect(conflict.getByTestId('conflict-mine')).toHaveText('Béla címe: a Lánchíd nyáron');
  await expect(bela.getByTestId('save-status')).toHaveText('Nincs mentve (Cím): közben Kovács Anna módosította');
  await conflict.scrollIntoViewIfNeeded();
  await bela.screenshot({ path: testInfo.outputPath('team-conflict-1024x700.png') });
  expect(await layoutProblems(bela)).toEqual([]);
  const annaPhoto = async () => ((await (await anna.request.post(`${served[0]!.url}api/getPhoto`, { data: { id } })).json()) as { value: { title: string } }).value.title;
  expect(await annaPhoto(), 'nothing overwritten').toBe('Anna címe: a Lánchíd télen');
  await conflict.getByTestId('conflict-keep-mine').click();
  await expect(conflict).toHaveCount(0);
  await expect(bela.getByTestId('save-status')).toHaveText('Mentve');
  await expect.poll(annaPhoto).toBe('Béla címe: a Lánchíd nyáron');

  // The caption, merged by hand: both values in the field, hers first; his merge saved over hers.
  const belaCaption = bela.getByTestId('field-caption');
  await belaCaption.focus();
  const annaCaption = await anna.request.post(`${served[0]!.url}api/updatePhotos`, {
    data: { ids: [id], patch: { caption: 'Téli kép, jégtáblák a Dunán.' }, seen: { caption: await belaCaption.inputValue() } },
  });
  expect(((await annaCaption.json()) as { ok: boolean }).ok).toBe(true);
  await belaCaption.fill('A Lánchíd a budai hídfőtől.');
  await belaCaption.press('Control+Enter');
  await expect(bela.getByTestId('conflict-caption').getByTestId('conflict-theirs')).toHaveText('Téli kép, jégtáblák a Dunán.');
  await bela.getByTestId('conflict-caption').getByTestId('conflict-merge').click();
  await expect(belaCaption).toHaveValue('Téli kép, jégtáblák a Dunán.\nA Lánchíd a budai hídfőtől.');
  await expect(belaCaption).toBeFocused();
  await belaCaption.fill('A Lánchíd a budai hídfőtől, télen; jégtáblák a Dunán.');
  await belaCaption.blur();
  await expect(bela.getByTestId('save-status')).toHaveText('Mentve');
  const caption = async () => ((await (await anna.request.post(`${served[0]!.url}api/getPhoto`, { data: { id } })).json()) as { value: { caption: string } }).value.caption;
  await expect.poll(caption).toBe('A Lánchíd a budai hídfőtől, télen; jégtáblák a Dunán.');

  // Béla turns the photo a quarter clockwise: his grid shows it turned, from the server's
  // thumbnail; Anna's grid follows; Béla's undo turns it back.
  const belaCell = bela.locator(`[data-testid="grid-cell"][data-photo-id="${id}"]`);
  await belaCell.click();
  await bela.keyboard.press('Control+]');
  const width = (page: Page) => page.locator(`[data-testid="grid-cell"][data-photo-id="${id}"] img`).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
  await expect.poll(() => width(bela), { timeout: 15_000 }).toBe(240);
  await expect.poll(() => width(anna), { timeout: 15_000 }).toBe(240);
  await bela.keyboard.press('Control+z');
  await expect.poll(() => width(bela), { timeout: 15_000 }).toBe(320);

  // Béla adds a folder of new scans from his window: the team's catalogue has it, Anna's grid
  // counts it, and its thumbnail, made on Béla's computer, shows in Anna's grid.
  const scans = path.join(await tempDir('fototar-team-scans-'), 'Doboz 7');
  await writeFixture(scans, 'fortepan_300300.jpg', makeJpeg({ colour: '#7744aa', width: 200, height: 150 }));
  await bela.getByTestId('add-folder').click();
  const folderInput = bela.getByTestId('folder-path-input');
  await folderInput.fill(scans);
  await folderInput.press('Enter');
  await expect(folderInput).toHaveValue(scans);
  await bela.getByTestId('folder-path-submit').click();
  await expect(bela.getByTestId('result-count')).toContainText(/1[\s\u00a0\u202f.,]?501/, { timeout: 30_000 });
  await expect(anna.getByTestId('result-count')).toContainText(/1[\s\u00a0\u202f.,]?501/, { timeout: 30_000 });
  const added = anna.locator('[data-testid="grid-cell"]').filter({ hasText: 'Fortepan 300300' });
  await anna.getByTestId('search-input').fill('300300');
  await anna.getByTestId('search-input').press('Enter');
  await expect.poll(() => added.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0);

  // The server stopped and started again (a restart for maintenance): Béla's window says the
  // connection was lost, then that it is back.
  await pool.end();
  await postgres.halt();
  await expect(bela.getByTestId('status-message')).toContainText('Megszakadt a kapcsolat a csapatkatalógus szerverével', { timeout: 20_000 });
  await postgres.resume();
  await expect(bela.getByTestId('status-message')).toContainText('Újra kapcsolódva', { timeout: 20_000 });
  expect(errors).toEqual([]);
  fs.rmSync(folder, { recursive: true, force: true });
});
