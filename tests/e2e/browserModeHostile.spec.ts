// A catalogue full of hostile metadata and file names, in a real browser (browser mode, Debian's
// Chromium): everything shows as literal text in the grid, the detail panel, the editor, the
// credit line, the selection's credit preview and a collection's credit list (text and HTML);
// nothing executes, no markup is created, no CSP violation is even attempted. Also: an edit
// the catalogue reports as not saved stays in the editor, a moved original is relinked, and the
// per-launch token never reaches another server on 127.0.0.1.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { serveCatalogue, repoRoot, type ServedCatalogue } from './browserModeServer.ts';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../electron/catalogue/apiHandler.ts';

const HOSTILE = {
  title: '<img src=x onerror="window.__pwned=1">',
  caption: '<script>window.__pwned=2</script><a href="javascript:window.__pwned=3">kattints</a>',
  donor: '<b onmouseover=window.__pwned=4>Adományozó</b>',
  photographer: 'javascript:window.__pwned=5',
  tags: ['<svg onload=window.__pwned=6>', 'villamos'],
  place: '<iframe src="javascript:window.__pwned=7"></iframe>',
  source: "{{constructor.constructor('window.__pwned=8')()}}",
  notes: '<style>*{display:none}</style>',
};
const HOSTILE_FILE = '<img src=x onerror=window.__pwned=11>.jpg';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

async function buildCatalogue() {
  const dir = await tempDir('fototar-hostile-');
  const photos = path.join(dir, 'scans');
  await writeFixture(photos, 'fortepan_1001.jpg', makeJpeg({ width: 240, height: 180, colour: '#705a40' }));
  await writeFixture(photos, HOSTILE_FILE, makeJpeg({ width: 200, height: 200, colour: '#405a70', xmp: { title: '"><svg onload=window.__pwned=12>', description: '&lt;img src=x onerror=window.__pwned=13&gt;' } }));
  await writeFixture(photos, 'fortepan_1003.jpg', makeJpeg({ width: 180, height: 240, colour: '#5a7040', xmp: { description: 'Elköltöztetett eredeti' } }));
  await writeFixture(photos, 'fortepan_1004.jpg', makeJpeg({ width: 200, height: 150, colour: '#704060', xmp: { description: 'Mentés próbája' } }));
  const catalogueDir = path.join(dir, 'catalogue');
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  await catalogue.ingest.run([photos]);
  const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p.id]));
  await catalogue.photos.update([byName.get('fortepan_1001.jpg')!], HOSTILE);
  const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
  const made = await handle('createCollection', { name: '<img src=x onerror=window.__pwned=20> cikk' });
  if (!made.ok) throw new Error(made.error.message);
  const collectionId = (made.value as { id: number }).id;
  const added = await handle('addToCollection', { id: collectionId, photoIds: [byName.get('fortepan_1001.jpg')!, byName.get(HOSTILE_FILE)!] });
  if (!added.ok) throw new Error(added.error.message);
  // The original of 1003 is moved away; the check on the next open marks it missing.
  const moved = path.join(dir, 'elsewhere', 'atnevezve.jpg');
  await fs.mkdir(path.dirname(moved));
  await fs.rename(path.join(photos, 'fortepan_1003.jpg'), moved);
  await catalogue.originals.check();
  catalogue.close();
  return { dir, catalogueDir, moved };
}

async function open(page: Page, catalogueDir: string) {
  served = await serveCatalogue(catalogueDir);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ((window as unknown as { __violations?: string[] }).__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(served.url);
  return problems;
}

const cells = (page: Page) => page.getByTestId('grid-cell');

async function assertNothingRan(page: Page) {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    violations: (window as unknown as { __violations?: string[] }).__violations ?? [],
    injected: document.querySelectorAll('img[src="x"], body script, iframe, svg[onload], [onerror], [onload], [onmouseover], a[href^="javascript:"], body style').length,
  }));
  expect(state).toEqual({ pwned: null, violations: [], injected: 0 });
}

test('hostile metadata and file names show as text everywhere and nothing executes', async ({ page }) => {
  const { dir, catalogueDir } = await buildCatalogue();
  const problems = await open(page, catalogueDir);
  await expect(cells(page)).toHaveCount(4);

  // Grid: the literal text, not markup.
  await expect(cells(page).filter({ hasText: HOSTILE.title })).toHaveCount(1);
  await expect(page.getByText('"><svg onload=window.__pwned=12>').first()).toBeVisible();
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'hostile-grid.png') });

  // Detail panel, editor fields and credit line.
  await cells(page).filter({ hasText: HOSTILE.title }).first().click();
  const detail = page.getByTestId('detail');
  await expect(detail.locator('.detail-title')).toHaveText(HOSTILE.title);
  await expect(page.getByTestId('field-caption')).toHaveValue(HOSTILE.caption);
  await expect(page.getByTestId('credit-line')).toHaveText(`Fortepan / ${HOSTILE.donor} / ${HOSTILE.photographer}`);
  await expect(detail).toContainText(HOSTILE.tags[0]);
  await page.getByTestId('credit-line').hover();
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'hostile-detail.png') });

  // The file-named photo: its path shows as text in the detail facts.
  await cells(page).filter({ hasText: '"><svg onload' }).first().click();
  await expect(detail).toContainText(HOSTILE_FILE);
  // Its caption was "&amp;lt;…" in the XML: decoded once, it is the literal text "&lt;…".
  await expect(page.getByTestId('field-caption')).toHaveValue('&lt;img src=x onerror=window.__pwned=13&gt;');

  // A selection's credit preview, and its Markdown copy escaped.
  await cells(page).filter({ hasText: HOSTILE.title }).first().click({ modifiers: ['Control'] });
  await expect(page.getByTestId('selection-count')).toContainText('2');
  await expect(page.getByTestId('credit-list-preview')).toContainText(HOSTILE.donor);
  await page.getByTestId('copy-credits-md').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Adományozó');
  // Markdown escapes every "<", so a renderer of the pasted list shows it as text.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('\\<b onmouseover');
  expect(await page.evaluate(() => navigator.clipboard.readText())).not.toMatch(/(^|[^\\])<(b|img|svg)\b/);

  // A collection's credit list, as text and as HTML: shown as text, never rendered.
  await page.getByTestId('sidebar-collection').first().click();
  await expect(page.getByText('<img src=x onerror=window.__pwned=20> cikk').first()).toBeVisible();
  const preview = page.getByTestId('credit-preview');
  await expect(preview).toContainText(HOSTILE.donor);
  // The HTML file escapes every "<" (as &lt; or &#60;) and the preview shows that source as text.
  await page.getByTestId('credit-format-html').click();
  await expect(preview).toContainText(/&(lt|#60|#x3c);b onmouseover/i);
  await expect(preview).not.toContainText('<b onmouseover');
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'hostile-collection.png') });

  await assertNothingRan(page);
  expect(problems).toEqual([]);
  await fs.rm(dir, { recursive: true, force: true });
});

test('an edit reported as not saved stays in the editor; a moved original is relinked from the UI', async ({ page }) => {
  const { dir, catalogueDir, moved } = await buildCatalogue();
  await open(page, catalogueDir);
  await expect(cells(page)).toHaveCount(4);

  // The catalogue answers "not saved" (as on a full disk): the message shows, the text stays.
  await page.route('**/api/updatePhotos', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'not-saved', message: 'The edit was not saved: database or disk is full' } }) }),
  );
  await cells(page).filter({ hasText: 'Fortepan 1004' }).first().click();
  const caption = page.getByTestId('field-caption');
  await caption.fill('Ez a szöveg nem veszhet el');
  await page.getByTestId('field-title').click();
  await expect(page.getByTestId('save-status')).toContainText('Not saved');
  await expect(page.getByTestId('save-status')).toContainText('disk is full');
  await expect(caption).toHaveValue('Ez a szöveg nem veszhet el');
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'not-saved.png') });
  // Space again: the same text is saved by the next change and survives a reload.
  await page.unroute('**/api/updatePhotos');
  await caption.fill('Ez a szöveg nem veszhet el.');
  await page.getByTestId('field-title').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  await page.reload();
  await cells(page).filter({ hasText: 'Fortepan 1004' }).first().click();
  await expect(page.getByTestId('field-caption')).toHaveValue('Ez a szöveg nem veszhet el.');

  // The moved original: "missing" in the grid and the detail panel, metadata intact, relinked.
  const missingCell = cells(page).filter({ hasText: 'Fortepan 1003' }).first();
  await expect(missingCell.locator('.badge-missing')).toBeVisible();
  await missingCell.click();
  await expect(page.getByTestId('relink')).toBeVisible();
  await expect(page.getByTestId('field-caption')).toHaveValue('Elköltöztetett eredeti');
  await page.getByTestId('relink-path').fill(path.join(dir, 'nincs-ilyen.jpg'));
  await page.getByTestId('relink-button').click();
  await expect(page.getByTestId('relink-error')).toContainText('no file at');
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'relink.png') });
  await page.getByTestId('relink-path').fill(moved);
  await page.getByTestId('relink-button').click();
  await expect(page.getByTestId('relink')).toHaveCount(0);
  await expect(page.getByTestId('detail')).toContainText(moved);
  await page.reload();
  await expect(cells(page).filter({ hasText: 'Fortepan 1003' }).first().locator('.badge-missing')).toHaveCount(0);

  await assertNothingRan(page);
  await fs.rm(dir, { recursive: true, force: true });
});

test('the token reaches no other server on 127.0.0.1: no cookie, nothing in its address or headers', async ({ page }) => {
  const { dir, catalogueDir } = await buildCatalogue();
  // Any other local program listening on 127.0.0.1, on a port of its own.
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders }[] = [];
  const other = http.createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><p>another local server</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const port = (other.address() as AddressInfo).port;
  try {
    await open(page, catalogueDir);
    await expect(cells(page)).toHaveCount(4);
    // The thumbnails load through the same /<token>/ prefix as the page and the API.
    await expect.poll(() => page.locator('img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBeGreaterThan(0);
    expect(await page.context().cookies()).toEqual([]);
    // The app's page itself goes to the other server, as following a link would.
    await page.evaluate((url) => {
      window.location.href = url;
    }, `http://127.0.0.1:${port}/probe`);
    await expect(page.getByText('another local server')).toBeVisible();
    expect(seen.length).toBeGreaterThan(0);
    for (const request of seen) {
      expect(request.headers.cookie).toBeUndefined();
      expect(JSON.stringify(request)).not.toContain(served!.token);
    }
    // Without the prefix, the app's own server answers a plain 404 that reveals nothing.
    const bare = await page.request.get(`${served!.origin}/`);
    expect(bare.status()).toBe(404);
    expect(await bare.text()).toBe('Not found.');
  } finally {
    await new Promise((resolve) => other.close(resolve));
    await fs.rm(dir, { recursive: true, force: true });
  }
});
