// Benchmark of the UI's freshness and selection at scale, in browser mode with Playwright
// (Debian's Chromium): how long from an edit to the new value visible in every panel showing it,
// for edits made in the UI (a batch edit of the donor: credit preview and donor facet) and by
// another process writing the database (title and donor: grid card, credit preview, facet),
// p50/p95 over 20 edits each; and on a 200,000-photo catalogue, Ctrl+A, Shift+End and a batch
// edit of every photo. Prints one JSON line (milliseconds).
//   node scripts/bench-ui.ts [--edits 20] [--large 200000]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { imagelessCatalogue } from '../tests/support/imagelessCatalogue.ts';
import { serveCatalogue } from '../tests/e2e/browserModeServer.ts';

const { values } = parseArgs({ options: { edits: { type: 'string', default: '20' }, large: { type: 'string', default: '200000' } } });
const EDITS = Number(values.edits);
const LARGE = Number(values.large);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
};
const summary = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.round(Math.max(...xs)), n: xs.length });

/** The page's clock (Date.now()) at the first animation frame where the credit preview and the donor facet show `donor`. */
function donorVisibleAt(page: Page, donor: string): Promise<number> {
  return page
    .waitForFunction(
      (donor) => {
        const preview = document.querySelector('[data-testid="credit-list-preview"]');
        const facet = document.querySelector('[data-testid="facet-donor"]');
        const shown = !!preview && !!preview.textContent?.includes(donor) && !preview.classList.contains('stale') && !!facet?.textContent?.includes(donor);
        return shown ? Date.now() : false;
      },
      donor,
      { polling: 'raf', timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** The same for a title on the first grid card plus a donor in the preview and the facet. */
function externalVisibleAt(page: Page, title: string, donor: string): Promise<number> {
  return page
    .waitForFunction(
      ([title, donor]) => {
        const card = document.querySelector('[data-testid="grid-cell"][data-index="0"]');
        const preview = document.querySelector('[data-testid="credit-list-preview"]');
        const facet = document.querySelector('[data-testid="facet-donor"]');
        const shown = !!card?.textContent?.includes(title) && !!preview?.textContent?.includes(donor) && !!facet?.textContent?.includes(donor);
        return shown ? Date.now() : false;
      },
      [title, donor] as const,
      { polling: 'raf', timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

async function freshness(page: Page, url: string, dir: string) {
  await page.goto(url);
  await page.getByTestId('grid-cell').first().waitFor();
  await page.getByTestId('facet-toggle').click();
  await page.locator('[data-testid="grid-cell"][data-index="0"]').click();
  await page.locator('[data-testid="grid-cell"][data-index="2"]').click({ modifiers: ['Shift'] });
  await page.getByTestId('selection-count').filter({ hasText: '3 selected' }).waitFor();
  const donorField = page.getByTestId('batch-editor').getByTestId('field-donor');
  const ui: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const donor = `Adományozó ${i} UI`;
    await donorField.fill(donor);
    // The edit starts when Enter goes down (the page's own clock).
    await page.evaluate(() => window.addEventListener('keydown', (e) => e.key === 'Enter' && ((window as unknown as { t0: number }).t0 = Date.now()), { capture: true, once: true }));
    await donorField.press('Enter');
    const shown = await donorVisibleAt(page, donor);
    ui.push(shown - (await page.evaluate(() => (window as unknown as { t0: number }).t0)));
  }
  const external: number[] = [];
  const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]); db.exec('PRAGMA busy_timeout = 5000'); db.exec(process.argv[2]); console.log(Date.now()); db.close();`;
  for (let i = 0; i < EDITS; i++) {
    const [title, donor] = [`Külső cím ${i}`, `Adományozó ${i} CLI`];
    const waiting = externalVisibleAt(page, title, donor);
    const sql = `UPDATE photos SET title = '${title}', donor = '${donor}' WHERE id = (SELECT min(id) FROM photos)`;
    const run = spawnSync(process.execPath, ['-e', script, path.join(dir, 'catalogue.sqlite'), sql], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    external.push((await waiting) - Number(run.stdout.trim()));
  }
  return { ui: summary(ui), external: summary(external) };
}

async function large(page: Page, url: string) {
  let t = Date.now();
  await page.goto(url);
  await page.getByTestId('grid-cell').first().waitFor({ timeout: 300_000 });
  const openMs = Date.now() - t;
  const selected = page.getByTestId('selected-count');
  const all = `${LARGE.toLocaleString('en-US')} selected`;
  await page.locator('[data-testid="grid-cell"][data-index="0"]').click();
  t = Date.now();
  await page.keyboard.press('Shift+End');
  await selected.filter({ hasText: all }).waitFor({ timeout: 300_000 });
  const shiftEndMs = Date.now() - t;
  await page.keyboard.press('Home');
  await selected.filter({ hasText: /^1 selected$/ }).waitFor();
  t = Date.now();
  await page.keyboard.press('ControlOrMeta+a');
  await selected.filter({ hasText: all }).waitFor({ timeout: 300_000 });
  const selectAllMs = Date.now() - t;
  const donor = page.getByTestId('batch-editor').getByTestId('field-donor');
  t = Date.now();
  await donor.waitFor({ timeout: 300_000 });
  const batchEditorReadyMs = Date.now() - t;
  await donor.fill('Hunyadi László');
  page.once('dialog', (d) => void d.accept());
  t = Date.now();
  await donor.press('Enter');
  await page.getByTestId('batch-editor').getByTestId('save-status').filter({ hasText: `Saved to ${LARGE.toLocaleString('en-US')} photos` }).waitFor({ timeout: 600_000 });
  const batchEditMs = Date.now() - t;
  return { photos: LARGE, openMs, shiftEndMs, selectAllMs, batchEditorReadyMs, batchEditMs };
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
const result: Record<string, unknown> = { bench: 'ui', edits: EDITS };
try {
  const small = imagelessCatalogue(30);
  const served = await serveCatalogue(small);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    Object.assign(result, await freshness(page, served.url, small));
    await page.close();
  } finally {
    await served.stop();
  }
  if (LARGE > 0) {
    const big = imagelessCatalogue(LARGE);
    const servedBig = await serveCatalogue(big);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      result.large = await large(page, servedBig.url);
    } finally {
      await servedBig.stop();
    }
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
