// The archivist's desk in browser mode: describing photos with the keyboard only, undo/redo
// (also after reloading the app), batch editing a selection, and the CSV import preview.
import { test, expect, type CDPSession, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';

const bin = fileURLToPath(new URL('../../bin/fototar.js', import.meta.url));
const fototar = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
// Screenshots to look at, outside test-results (other runs clean that folder).
const shots = path.join(os.tmpdir(), 'fototar-archivist-screenshots');

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

/** Four Fortepan photos; the last already tagged "villamos" so the tag can be suggested. */
async function catalogue(): Promise<{ cat: string; ids: Map<number, number>; grid: number[] }> {
  const dir = await tempDir('fototar-desk-e2e-');
  const photos = path.join(dir, 'scans');
  const colours = ['#6b5840', '#445566', '#887766', '#556644'];
  for (const [i, n] of [1001, 1002, 1003, 1004].entries()) {
    await writeFixture(photos, `fortepan_${n}.jpg`, makeJpeg({ width: 300, height: 200, colour: colours[i] }));
  }
  const cat = path.join(dir, 'catalogue');
  expect(fototar('ingest', photos, '--catalogue', cat).status).toBe(0);
  const list = JSON.parse(fototar('list', '--catalogue', cat, '--json').stdout) as { photos: { id: number; fortepanId: number }[] };
  const ids = new Map(list.photos.map((p) => [p.fortepanId, p.id]));
  // The grid shows photos in the order the ingest added them (its workers race): by id.
  const grid = [...list.photos].sort((a, b) => a.id - b.id).map((p) => p.fortepanId);
  expect(fototar('edit', String(ids.get(grid[3])), '--catalogue', cat, '--tags', 'villamos;Üllői út').status).toBe(0);
  return { cat, ids, grid };
}

async function open(page: Page, cat: string) {
  current = page;
  served = await serveCatalogue(cat);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(served.url);
  await expect(page.getByTestId('grid-cell')).toHaveCount(4);
  return errors;
}

/** A photo as the catalogue holds it, asked through the page's own API (the server holds the catalogue). */
type Shown = { title: string; caption: string; date: string; dateFrom: string; dateTo: string; donor: string; tags: string[]; credit: string };
let current: Page;
const show = async (_cat: string, id: number): Promise<Shown> =>
  current.evaluate(async (photoId) => {
    // Relative to the page, under its /<token>/ prefix, as the app's own calls are.
    const response = await fetch('api/getPhoto', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: photoId }),
    });
    return (await response.json()).value;
  }, id);

test('describe photos without the mouse: arrows, Enter, Tab, tag autocomplete, Alt+→, Esc; help lists it all', async ({ page }) => {
  const { cat, ids, grid } = await catalogue();
  const errors = await open(page, cat);
  const kb = page.keyboard;
  const [a, b, c] = grid;

  // The first photo: arrows select it, Enter edits its title, Tab walks the fields.
  await kb.press('ArrowRight');
  await expect(page.getByTestId('detail')).toContainText(`Fortepan ${a}`);
  await kb.press('Enter');
  await expect(page.getByTestId('field-title')).toBeFocused();
  await kb.type('Villamos az Üllői úton');
  await kb.press('Tab');
  await expect(page.getByTestId('field-caption')).toBeFocused();
  await kb.type('A 49-es villamos a Kálvin térnél.');
  await kb.press('Tab');
  await kb.type('1956~');
  await expect(page.getByTestId('date-description')).toHaveText('about 1956');
  await kb.press('Tab');
  await kb.type('Nagy Gyula');
  for (let i = 0; i < 5; i++) await kb.press('Tab'); // photographer, country, city, place → tags
  await expect(page.getByTestId('field-tags')).toBeFocused();
  await kb.type('vil');
  await expect(page.getByTestId('tag-suggestions')).toContainText('villamos');
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await expect(page.getByTestId('tag-chip')).toHaveText(['villamos×']);
  await expect(page.getByTestId('field-tags')).toHaveValue('');
  await kb.type('ulloi');
  await expect(page.getByTestId('tag-suggestions')).toContainText('Üllői út');
  await kb.press('ArrowDown');
  await kb.press('Tab');
  await expect(page.getByTestId('tag-chip')).toHaveText(['villamos×', 'Üllői út×']);
  await expect(page.getByTestId('field-tags')).toHaveValue('');
  await kb.press('Tab'); // licence: a pick list with free entry
  await expect(page.getByTestId('field-licence')).toBeFocused();
  await expect(page.getByTestId('field-licence').locator('option[value="CC BY-SA 4.0"]')).toHaveCount(1);
  await kb.press('Escape');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await fs.mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'keyboard-editing.png') });

  // The next photo: → then Enter; Alt+→ saves and moves on, staying in the title.
  await kb.press('ArrowRight');
  await expect(page.getByTestId('detail')).toContainText(`Fortepan ${b}`);
  await kb.press('Enter');
  await expect(page.getByTestId('field-title')).toBeFocused();
  await kb.type('Kálvin tér');
  await kb.press('Alt+ArrowRight');
  await expect(page.getByTestId('detail')).toContainText(`Fortepan ${c}`);
  await expect(page.getByTestId('field-title')).toBeFocused();
  await kb.type('Ferenc körút');
  await kb.press('Tab');
  await kb.press('Tab');
  await kb.type('195X');
  await kb.press('Escape');
  await expect(page.getByTestId('field-date')).not.toBeFocused();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Space opens the large view, Esc closes it; ? lists the shortcuts.
  await kb.press(' ');
  await expect(page.locator('.large-view')).toBeVisible();
  await kb.press('Escape');
  await kb.press('?');
  const help = page.getByTestId('shortcuts-help');
  for (const text of ['Edit: the title', 'Next / previous field', 'save and go to the next photo', 'Undo the last edit', 'Redo', 'Open the large view']) {
    await expect(help).toContainText(text);
  }
  await page.screenshot({ path: path.join(shots, 'shortcuts-help.png') });
  await kb.press('Escape');

  const first = await show(cat, ids.get(a)!);
  expect([first.title, first.caption, first.date, first.dateFrom, first.dateTo, first.donor, first.tags]).toEqual([
    'Villamos az Üllői úton',
    'A 49-es villamos a Kálvin térnél.',
    '1956~',
    '1956-01-01',
    '1956-12-31',
    'Nagy Gyula',
    ['villamos', 'Üllői út'],
  ]);
  expect(first.credit).toBe('Fortepan / Nagy Gyula');
  expect((await show(cat, ids.get(b)!)).title).toBe('Kálvin tér');
  const third = await show(cat, ids.get(c)!);
  expect([third.title, third.date]).toEqual(['Ferenc körút', '195X']);
  expect(errors).toEqual([]);
});

/**
 * The first photo shown in the panel, then `keys` pressed with the CPU twenty times slower: the
 * panel follows the grid a render behind (SelectionPanel.tsx), and an editor's field takes the
 * focus late.
 */
async function onSlowMachine(page: Page, first: number, keys: (cdp: CDPSession) => Promise<void>): Promise<void> {
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('detail')).toContainText(`Fortepan ${first}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await keys(cdp);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}

test('on a slow machine, → and Enter at once edit the photo moved to, never the one the panel still shows', async ({ page }) => {
  const { cat, ids, grid } = await catalogue();
  const errors = await open(page, cat);
  const kb = page.keyboard;
  const [a, b] = grid;
  // The title field Enter focuses must be the new photo's, though the panel is still behind.
  await onSlowMachine(page, a, async () => {
    await kb.press('ArrowRight');
    await kb.press('Enter');
  });
  await expect(page.getByTestId('detail')).toContainText(`Fortepan ${b}`);
  await expect(page.getByTestId('field-title')).toBeFocused();
  await kb.type('Kálvin tér');
  await kb.press('Escape');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect((await show(cat, ids.get(b)!)).title).toBe('Kálvin tér');
  expect((await show(cat, ids.get(a)!)).title).toBe('');
  expect(errors).toEqual([]);
});

test('on a slow machine, what is typed right after Enter goes into the title, never to the grid\'s shortcuts', async ({ page }) => {
  const { cat, ids, grid } = await catalogue();
  const errors = await open(page, cat);
  const kb = page.keyboard;
  const [a, b] = grid;
  // The editor's field takes the focus well after Enter; the keys typed meanwhile are P (flag as
  // pick), 1 (one star), Space (large view), B (add to a collection) and Backspace: each would
  // act on the photo if the grid got it.
  await onSlowMachine(page, a, async (cdp) => {
    await kb.press('ArrowRight');
    await kb.press('Enter');
    // Key by key, as a Hungarian keyboard sends them: é, ő and ű have keys of their own there
    // (Playwright's keyboard knows only the US layout and would insert them with no key event).
    for (const key of [...'Pécsi 1 Bx', 'Backspace', 'ő', 'ű']) {
      if (/^[a-z0-9 ]$/i.test(key) || key.length > 1) await kb.press(key);
      else {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
      }
    }
  });
  await expect(page.getByTestId('field-title')).toBeFocused();
  await expect(page.getByTestId('field-title')).toHaveValue('Pécsi 1 Bőű');
  await kb.type(' utca');
  await kb.press('Escape');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const shown = (await show(cat, ids.get(b)!)) as Shown & { rating: number; flag: string };
  expect([shown.title, shown.rating, shown.flag]).toEqual(['Pécsi 1 Bőű utca', 0, '']);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await show(cat, ids.get(a)!)).title).toBe('');
  expect(errors).toEqual([]);
});

test('undo and redo with Ctrl+Z / Ctrl+Shift+Z, also after reloading the app; a batch edit is one step', async ({ page }) => {
  const { cat, ids, grid } = await catalogue();
  const [a, b, c] = grid;
  expect(fototar('edit', String(ids.get(b)), '--catalogue', cat, '--caption', 'Saját felirat').status).toBe(0);
  await open(page, cat);
  const kb = page.keyboard;

  await kb.press('ArrowRight');
  await kb.press('Enter');
  await expect(page.getByTestId('field-title')).toBeFocused();
  await kb.type('Első cím');
  await kb.press('Escape');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await kb.press('Control+z');
  await expect(page.getByTestId('field-title')).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: `Undone: Edit title of Fortepan ${a}` })).toBeVisible();
  await kb.press('Control+Shift+Z');
  await expect(page.getByTestId('field-title')).toHaveValue('Első cím');
  await expect(page.getByTestId('grid-cell').first()).toContainText('Első cím');

  // Batch: three photos selected with Shift+→; the caption differs, so it shows as mixed.
  await kb.press('Shift+ArrowRight');
  await kb.press('Shift+ArrowRight');
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await expect(page.getByTestId('mixed-caption')).toBeVisible();
  await kb.press('Enter');
  await expect(page.getByTestId('field-title')).toBeFocused();
  await kb.press('Tab'); // caption: mixed, left alone
  await kb.press('Tab'); // date
  await kb.press('Tab'); // donor
  await expect(page.getByTestId('field-donor')).toBeFocused();
  await kb.type('Berkó Pál');
  await kb.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved to 3 photos');
  // A pasted list is one step; Enter in the empty field adds nothing more.
  await page.getByTestId('batch-editor').locator('#field-tags').fill('1956; forradalom;');
  await page.getByTestId('batch-editor').locator('#field-tags').press('Enter');
  await expect(page.getByTestId('batch-tags')).toContainText('forradalom');
  await fs.mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'batch-edit.png') });
  await kb.press('Escape');
  expect(await Promise.all([a, b, c].map(async (n) => (await show(cat, ids.get(n)!)).donor))).toEqual(['Berkó Pál', 'Berkó Pál', 'Berkó Pál']);
  expect((await show(cat, ids.get(b)!)).caption).toBe('Saját felirat');

  // Reload: a new app and a new editor panel; the history is in the catalogue.
  await page.reload();
  await expect(page.getByTestId('grid-cell')).toHaveCount(4);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: Tags of 3 photos/);
  await kb.press('Control+z'); // the tags
  await kb.press('Control+z'); // the donor, on all three at once
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Edit donor of 3 photos' })).toBeVisible();
  expect(await Promise.all([a, b, c].map(async (n) => (await show(cat, ids.get(n)!)).donor))).toEqual(['', '', '']);
  expect((await show(cat, ids.get(a)!)).title).toBe('Első cím');
  await kb.press('ArrowRight');
  await kb.press('Control+Shift+Z');
  await expect(page.getByTestId('credit-line')).toHaveText('Fortepan / Berkó Pál');
});

test('CSV import: a preview of every change and rejected line, then applied as one undoable step', async ({ page }) => {
  const { cat, ids } = await catalogue();
  const csv = path.join(path.dirname(cat), 'leiras.csv');
  await fs.writeFile(csv, 'fortepan_id,file,title,description,date,tags\n1001,,Üllői út,"Villamos, két sorban\nmásodik sor",1956-10-23,villamos\n1002,,Rossz,,1956-02-30,\n,nincs.jpg,x,,,\n');
  await open(page, cat);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles(csv);
  await expect(page.getByTestId('import-summary')).toContainText('3 rows: 1 photo changes, 0 unchanged, 2 rejected');
  await expect(page.getByTestId('import-rejected')).toContainText('line 4 date: "1956-02-30": day 30 does not exist');
  await expect(page.getByTestId('import-rejected')).toContainText('line 5 no photo in the catalogue with file "nincs.jpg"');
  await expect(page.getByTestId('import-changes')).toContainText('Üllői út');
  await fs.mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'import-preview.png') });
  expect((await show(cat, ids.get(1001)!)).title).toBe('');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.getByTestId('grid-cell').filter({ hasText: 'Üllői út' })).toHaveCount(1);
  expect((await show(cat, ids.get(1001)!)).date).toBe('1956-10-23');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Import 1 row from leiras.csv' })).toBeVisible();
  expect((await show(cat, ids.get(1001)!)).title).toBe('');
});

test('the tag manager renames and merges tags catalogue-wide; Ctrl+Z undoes it', async ({ page }) => {
  const { cat, ids, grid } = await catalogue();
  expect(fototar('edit', String(ids.get(grid[0])), '--catalogue', cat, '--tags', 'villamosok').status).toBe(0);
  await open(page, cat);
  await page.getByTestId('tags-open').click();
  const list = page.getByTestId('tag-list');
  await expect(list).toContainText('villamosok');
  await page.getByTestId('tag-filter').fill('villamosok');
  await expect(list.locator('li')).toHaveCount(1);
  await list.getByRole('button', { name: 'Rename…' }).click();
  await page.getByTestId('tag-new-name').fill('villamos');
  await fs.mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'tag-manager.png') });
  await page.getByTestId('tag-new-name').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Merged “villamosok” into “villamos” on 1 photo' })).toBeVisible();
  expect((await show(cat, ids.get(grid[0])!)).tags).toEqual(['villamos']);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tag-manager')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Merge' }).or(page.getByRole('status').filter({ hasText: 'Undone: Rename' }))).toBeVisible();
  expect((await show(cat, ids.get(grid[0])!)).tags).toEqual(['villamosok']);
});
