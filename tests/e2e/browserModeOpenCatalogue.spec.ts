// "Open catalogue…" as an archivist uses it, in Hungarian, at 1024×700, by keyboard: from her own
// folder of 1,500 photos she opens the team's catalogue on a PostgreSQL server that asks for her
// password — told so without one, told it was refused when mistyped, the folder still open
// meanwhile — and then works in the team's; a second window on the same Fototar follows
// (nothing of the folder stays on show there). The folder is back from the recent list with a
// click. The dialog fits the window, and says the password is not kept (no keychain here).
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { imagelessCatalogue } from '../support/imagelessCatalogue.ts';
import { startPostgres, type PostgresServer } from '../support/postgresServer.ts';
import { tempDir } from '../support/fixtures.ts';
import { migrateFolderToPostgres } from '../../electron/catalogue/store/postgres/migrateToPostgres.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';
import { layoutProblems } from './layoutCheck.ts';

const PASSWORD = 'Árvíztűrő tükörfúrógép';
let postgres: PostgresServer | null = null;
let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
  await postgres?.stop();
  postgres = null;
});

test('from a folder to the team catalogue that asks for a password, and back from the recent list; every window follows', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  postgres = await startPostgres();
  await postgres.createDatabase('csapat');
  await migrateFolderToPostgres(imagelessCatalogue(1600), postgres.url('csapat'));
  await postgres.requirePassword('anna', PASSWORD);
  const team = postgres.urlAs('anna', 'csapat');

  const folder = imagelessCatalogue(1500);
  const home = await tempDir('fototar-anna-');
  served = await serveCatalogue(folder, {
    FOTOTAR_CONFIG_DIR: path.join(home, 'config'),
    FOTOTAR_CACHE_DIR: path.join(home, 'cache'),
    // Nothing but what she types: no password in the environment or a .pgpass.
    PGPASSWORD: '',
    PGPASSFILE: path.join(home, 'no-pgpass'),
  });
  const context = await browser.newContext({ locale: 'hu-HU', viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  await page.goto(served.url);
  await expect(page.getByTestId('photo-count')).toHaveText(/1500|1 500/, { timeout: 60_000 });
  await expect(page.getByTestId('open-catalogue')).toHaveText(path.basename(folder));
  // A second window on the same Fototar.
  const other = await context.newPage();
  await other.goto(served.url);
  await expect(other.getByTestId('open-catalogue')).toHaveText(path.basename(folder), { timeout: 60_000 });

  // By keyboard: Ctrl+Shift+O, type the address, Enter.
  await page.keyboard.press('Control+Shift+O');
  const dialog = page.getByTestId('open-catalogue-dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Katalógus megnyitása');
  await expect(page.getByTestId('open-catalogue-current')).toContainText(folder);
  await expect(page.getByTestId('open-catalogue-recent')).toContainText('még nem nyitott meg más katalógust');
  await expect(page.getByTestId('open-catalogue-location')).toBeFocused();
  await page.keyboard.type(team);
  await expect(page.getByTestId('open-catalogue-no-keychain')).toContainText('nem kínál kulcstartót');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('open-catalogue-error')).toContainText('anna jelszavát kéri');
  await expect(page.getByTestId('open-catalogue-password')).toBeFocused();
  await page.keyboard.type('rossz jelszó');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('open-catalogue-error')).toContainText('nem fogadta el anna jelszavát');
  await page.screenshot({ path: testInfo.outputPath('open-catalogue-1024x700.png') });
  expect(await layoutProblems(page, '[data-testid="open-catalogue-dialog"]')).toEqual([]);
  // Meanwhile the folder is open as it was, in both windows.
  await expect(other.getByTestId('photo-count')).toHaveText(/1500|1 500/);

  await page.getByTestId('open-catalogue-password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  // The window loads afresh on the team's catalogue; so does the other window.
  await expect(page.getByTestId('open-catalogue')).toHaveText('csapat', { timeout: 60_000 });
  await expect(page.getByTestId('photo-count')).toHaveText(/1600|1 600/);
  await expect(page.locator('[data-testid="grid-cell"][data-index="0"]')).toBeVisible();
  await expect(other.getByTestId('open-catalogue')).toHaveText('csapat', { timeout: 60_000 });
  await expect(other.getByTestId('photo-count')).toHaveText(/1600|1 600/);

  // Back to the folder: the top bar's name opens the dialog, the recent list has it.
  await page.getByTestId('open-catalogue').click();
  const recent = page.getByTestId('recent-catalogue');
  await expect(recent).toHaveCount(1);
  await expect(recent).toContainText(folder);
  await expect(recent).toContainText('Mappa');
  await recent.click();
  await expect(page.getByTestId('open-catalogue')).toHaveText(path.basename(folder), { timeout: 60_000 });
  await expect(page.getByTestId('photo-count')).toHaveText(/1500|1 500/);
  await expect(other.getByTestId('open-catalogue')).toHaveText(path.basename(folder), { timeout: 60_000 });
  await context.close();
});

test('the dialog at 1920×1080 in English: a folder of other files is refused, the catalogue open stays', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const folder = imagelessCatalogue(1500);
  const home = await tempDir('fototar-anna-');
  served = await serveCatalogue(folder, { FOTOTAR_CONFIG_DIR: path.join(home, 'config'), FOTOTAR_CACHE_DIR: path.join(home, 'cache') });
  const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1920, height: 1080 } });
  await page.goto(served.url);
  await expect(page.getByTestId('photo-count')).toHaveText(/1,500|1500/, { timeout: 60_000 });
  await page.getByTestId('open-catalogue').click();
  // The folder the catalogue is in holds other things (the catalogue itself): refused, not written into.
  await page.getByTestId('open-catalogue-location').fill(path.dirname(folder));
  await page.getByTestId('open-catalogue-submit').click();
  await expect(page.getByTestId('open-catalogue-error')).toContainText('holds other files but no Fototar catalogue');
  await page.screenshot({ path: testInfo.outputPath('open-catalogue-1920x1080.png') });
  expect(await layoutProblems(page, '[data-testid="open-catalogue-dialog"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('open-catalogue-dialog')).toHaveCount(0);
  await expect(page.getByTestId('photo-count')).toHaveText(/1,500|1500/);
  await page.context().close();
});
