// Inputs that cannot go wrong quietly: the licence is picked from a list ("Other…" asks once
// for the text, and an unknown licence is flagged in the editor and in the credit warnings),
// tags become chips on Enter or `;` and are saved exactly as the chips show, and status
// messages clear themselves but stay in a history with their times.
import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { tempDir } from '../support/fixtures.ts';
import { fortepanRecord } from '../support/records.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';

const bin = fileURLToPath(new URL('../../bin/fototar.js', import.meta.url));
const STRAY = 'léggöünnepséglégvédelem, tömeg';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

/** Three image-less Fortepan rows; the third carries stray typing as its licence; all in a collection. */
async function open(page: Page): Promise<{ cat: string; ids: number[] }> {
  const dir = await tempDir('fototar-e2e-inputs-');
  const cat = path.join(dir, 'catalogue');
  const catalogue = Catalogue.open(cat, { create: true });
  const now = new Date().toISOString();
  const ids = [
    catalogue.store.photos.insert(fortepanRecord(1001, { title: 'Első', donor: 'Nagy Gyula', licence: 'CC BY-SA 3.0' }), now),
    catalogue.store.photos.insert(fortepanRecord(1002, { title: 'Második', donor: 'Kurutz Márton', tags: ['villamos'] }), now),
    catalogue.store.photos.insert(fortepanRecord(1003, { title: 'Harmadik', donor: 'Bauer Sándor', licence: STRAY }), now),
  ];
  const { id } = await catalogue.collections.create('Fejezet');
  await catalogue.collections.add(id, ids);
  catalogue.close();
  served = await serveCatalogue(cat);
  await page.goto(served.url);
  await expect(page.getByTestId('grid-cell')).toHaveCount(3);
  return { cat, ids };
}

function show(cat: string, id: number): { licence: string; tags: string[] } {
  const run = spawnSync(process.execPath, [bin, 'show', String(id), '--catalogue', cat, '--json'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

const TITLES: Record<number, string> = { 1001: 'Első', 1002: 'Második', 1003: 'Harmadik' };
const cell = (page: Page, n: number) => page.getByTestId('grid-cell').filter({ hasText: TITLES[n] });

test('licence: a pick list, "Other…" asks once, unknown licences are flagged', async ({ page }) => {
  const { cat, ids } = await open(page);
  const licence = page.getByTestId('field-licence');

  await cell(page, 1001).click();
  await expect(licence).toHaveValue('CC BY-SA 3.0');
  await expect(page.getByTestId('licence-warning')).toBeHidden();
  await licence.selectOption('CC BY 4.0');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect.poll(() => show(cat, ids[0]).licence).toBe('CC BY 4.0');

  // Other…: one question, then the text is the licence, flagged as one Fototar does not know.
  await licence.selectOption({ label: 'Other…' });
  const other = page.getByTestId('licence-other-input');
  await expect(other).toBeFocused();
  await other.fill('Budapest Főváros Levéltára, engedéllyel');
  await other.press('Enter');
  await expect(other).toBeHidden();
  await expect.poll(() => show(cat, ids[0]).licence).toBe('Budapest Főváros Levéltára, engedéllyel');
  await expect(licence).toHaveValue('Budapest Főváros Levéltára, engedéllyel');
  await expect(page.getByTestId('licence-warning')).toHaveText('“Budapest Főváros Levéltára, engedéllyel” is not a licence Fototar knows: check it, or pick one from the list.');

  // Other… cancelled with Esc changes nothing.
  await licence.selectOption({ label: 'Other…' });
  await other.fill('mégsem');
  await other.press('Escape');
  await expect(other).toBeHidden();
  await expect(licence).toHaveValue('Budapest Főváros Levéltára, engedéllyel');

  // Stray typing from before the pick list is shown as it is, and flagged.
  await cell(page, 1003).click();
  await expect(licence).toHaveValue(STRAY);
  await expect(page.getByTestId('licence-warning')).toContainText(`“${STRAY}” is not a licence Fototar knows`);

  // The collection's credit warnings say the same, per figure.
  await page.getByTestId('sidebar-collection').click();
  const unknown = page.getByTestId('credit-warnings').locator('[data-kind="unknown-licence"]');
  await expect(unknown).toHaveCount(2);
  await expect(unknown.filter({ hasText: STRAY })).toContainText(/Figure 3:|3\. kép:/);
  await expect(unknown.filter({ hasText: 'Levéltára' })).toContainText(/Figure 1:|1\. kép:/);
});

test('tags: Enter and ; make chips, Backspace takes the last one back, saved tags are the chips', async ({ page }) => {
  const { cat, ids } = await open(page);
  await cell(page, 1001).click();
  const tags = page.getByTestId('field-tags');
  const chips = page.getByTestId('tag-chip');
  await tags.click();
  await tags.pressSequentially('utcakép');
  await tags.press('Enter');
  await expect(chips).toHaveText(['utcakép×']);
  await expect(tags).toHaveValue('');
  await expect(tags).toBeFocused();
  await tags.pressSequentially('tél;nyár');
  await expect(chips).toHaveText(['utcakép×', 'tél×']);
  await expect(tags).toHaveValue('nyár');
  // Backspace in the empty field: the last chip comes back to be corrected.
  await tags.press('Enter');
  await tags.press('Backspace');
  await expect(chips).toHaveText(['utcakép×', 'tél×']);
  await expect(tags).toHaveValue('nyár');
  await tags.pressSequentially('i szünet');
  await tags.press('Enter');
  // Autocomplete still offers the catalogue's tags.
  await tags.pressSequentially('vill');
  await expect(page.getByTestId('tag-suggestions')).toContainText('villamos');
  await tags.press('ArrowDown');
  await tags.press('Enter');
  await expect(chips).toHaveText(['utcakép×', 'tél×', 'nyári szünet×', 'villamos×']);
  // × removes one.
  await chips.filter({ hasText: 'tél' }).getByRole('button').click();
  await expect(chips).toHaveText(['utcakép×', 'nyári szünet×', 'villamos×']);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect.poll(() => show(cat, ids[0]).tags).toEqual(['utcakép', 'nyári szünet', 'villamos']);

  // What is still typed when leaving the field becomes a tag too: nothing typed is lost.
  await tags.pressSequentially('Budapest');
  await page.getByTestId('field-title').click();
  await expect(chips).toHaveText(['utcakép×', 'nyári szünet×', 'villamos×', 'Budapest×']);
  await expect.poll(() => show(cat, ids[0]).tags).toEqual(['utcakép', 'nyári szünet', 'villamos', 'Budapest']);
});

test('status messages clear themselves and stay in the history with their times', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Control+z');
  const banner = page.getByTestId('status-message');
  await expect(banner).toHaveText(/Nothing to undo\./);
  // No sleep: the banner goes by itself (info: 5 s).
  await expect(banner).toBeHidden();
  await page.keyboard.press('Control+Shift+z');
  await expect(banner).toHaveText(/Nothing to redo\./);
  await expect(banner).toBeHidden();

  await page.getByTestId('status-history-button').click();
  const entries = page.getByTestId('status-history-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Nothing to redo.');
  await expect(entries.nth(1)).toContainText('Nothing to undo.');
  await expect(entries.nth(0).locator('time')).toHaveText(/^\d{1,2}:\d{2}:\d{2}/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('status-history')).toBeHidden();
});
