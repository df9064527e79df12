// A photo's History section in a Hungarian browser on a 1,500-photo catalogue: every change to
// the photo's fields, newest first, whichever way it came — the editor in this window, another
// window's save (the API, as a second browser tab would), an undo from the top bar — shown while
// the section is open, without reopening it. Looked at, and checked for cut-off or covered
// controls, at 1024×700 and 1920×1080, with the catalogue's long folder name in the top bar.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { layoutProblems } from './layoutCheck.ts';

let served: ServedCatalogue | null = null;
let page: Page | null = null;
test.afterEach(async () => {
  await page?.context().close();
  page = null;
  await served?.stop();
  served = null;
});

test('the History section lists each change to the photo as it happens, from the editor, another window and undo, in Hungarian', async ({ browser }, testInfo) => {
  served = await serveCatalogue(imagelessCatalogue(1500));
  const p = (page = await browser.newPage({ locale: 'hu-HU' }));
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(served.url);
  const first = p.locator('[data-testid="grid-cell"][data-index="0"]');
  await expect(first).toBeVisible({ timeout: 60_000 });
  await first.click();
  const id = Number(await first.getAttribute('data-photo-id'));

  const history = p.getByTestId('photo-history');
  await expect(history.locator('summary')).toHaveText('Előzmények');
  await history.locator('summary').click();
  await expect(history.getByTestId('history-empty')).toHaveText('Még nincs rögzített változtatás.');
  const entries = history.getByTestId('history-entry');

  // The editor in this window.
  const title = p.getByTestId('field-title');
  await title.fill('Árvíztűrő tükörfúrógép – „Őrség”');
  await title.press('Enter');
  await expect(p.getByTestId('save-status')).toHaveText('Mentve');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Cím');
  await expect(entries.first()).toContainText('Utcakép 1 → Árvíztűrő tükörfúrógép – „Őrség”');

  // Another window saves the photo's tags: the open section shows it too.
  const response = await p.request.post(`${served.url}api/updatePhotos`, { data: { ids: [id], patch: { tags: ['villamos', 'Körút'] } } });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('Címkék');
  await expect(entries.first()).toContainText(' → villamos; Körút');

  // Undo from the top bar takes the tags back: that step is marked undone, the title's is not.
  await p.getByTestId('undo').click();
  await expect(entries.first()).toContainText('visszavonva');
  await expect(entries.first()).toHaveClass(/undone/);
  await expect(entries.nth(1)).not.toContainText('visszavonva');

  const shots = process.env.FOTOTAR_SCREENSHOTS ?? testInfo.outputPath('screenshots');
  fs.mkdirSync(shots, { recursive: true });
  for (const size of [{ width: 1024, height: 700 }, { width: 1920, height: 1080 }]) {
    await p.setViewportSize(size);
    // Nothing wider than the window: the top bar's Hungarian buttons once ran 38 px past 1024.
    expect(await p.evaluate(() => document.documentElement.scrollWidth), `page width at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.width);
    expect(await layoutProblems(p), `${size.width}×${size.height}`).toEqual([]);
    await history.scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(shots, `hu-photo-history-${size.width}x${size.height}.png`) });
  }
  expect(errors).toEqual([]);
});
