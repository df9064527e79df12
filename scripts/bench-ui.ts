// Benchmark of the UI's freshness and selection at scale, in browser mode with Playwright
// (Debian's Chromium): how long from an edit to the new value visible in every panel showing it,
// for edits made in the UI (a batch edit of the donor: credit preview and donor facet) and by
// another process writing the database (title and donor: grid card, credit preview, facet),
// p50/p95 over 20 edits each; and on a 200,000-photo catalogue, Ctrl+A, Shift+End and a batch
// edit of every photo. Prints one JSON line (milliseconds).
// With --trace, also the median time from the edit to each stage on the page: the edit's own
// answer, the first photosChanged event, and each API call the event set off (sent, answered).
// The freshness runs on a catalogue of --photos photos (1,500 by default, the size users tried;
// 200000 for the archive's), the selection part on one of --large.
//   node scripts/bench-ui.ts [--edits 20] [--photos 1500] [--large 200000] [--trace]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { imagelessCatalogue } from '../tests/support/imagelessCatalogue.ts';
import { serveCatalogue } from '../tests/e2e/browserModeServer.ts';
import { percentile } from './benchStats.ts';

const { values } = parseArgs({ options: { edits: { type: 'string', default: '20' }, photos: { type: 'string', default: '1500' }, large: { type: 'string', default: '200000' }, trace: { type: 'boolean', default: false } } });
const EDITS = Number(values.edits);
const LARGE = Number(values.large);
const PHOTOS = Number(values.photos);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const summary = (xs: number[]) => ({ p50: Math.round(percentile(xs, 50)), p95: Math.round(percentile(xs, 95)), max: Math.round(Math.max(...xs)), n: xs.length });

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

/**
 * Stage timestamps (the page's clock) for --trace: every API call's start and answer by
 * method, and every event pushed, kept in window.trace.
 */
function traceStages(): void {
  type Mark = { what: string; at: number };
  const marks: Mark[] = [];
  (window as unknown as { trace: Mark[] }).trace = marks;
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const method = /api\/([A-Za-z]+)/.exec(String(input instanceof Request ? input.url : input))?.[1] ?? 'other';
    marks.push({ what: `${method}:sent`, at: Date.now() });
    const response = await originalFetch(input, init);
    const clone = response.clone();
    void clone.text().then(() => marks.push({ what: `${method}:answered`, at: Date.now() }));
    return response;
  };
  const Original = window.EventSource;
  window.EventSource = class extends Original {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      this.addEventListener('message', (m) => marks.push({ what: `event:${(JSON.parse(String((m as MessageEvent).data)) as { type: string }).type}`, at: Date.now() }));
    }
  } as typeof EventSource;
}

/** Per stage, the times after t0 of the first mark of it, collected over the edits. */
const stages = new Map<string, number[]>();
async function collectStages(page: Page, t0: number, group: string): Promise<void> {
  if (!values.trace) return;
  const marks = await page.evaluate(() => (window as unknown as { trace: { what: string; at: number }[] }).trace.splice(0));
  const seen = new Map<string, number>();
  for (const mark of marks) {
    if (mark.at < t0) continue;
    // Repeats of a stage count separately (a second load of the same panel is a stage too).
    const n = (seen.get(mark.what) ?? 0) + 1;
    seen.set(mark.what, n);
    const key = `${group}.${mark.what}${n > 1 ? `#${n}` : ''}`;
    stages.set(key, [...(stages.get(key) ?? []), mark.at - t0]);
  }
}

async function freshness(page: Page, url: string, dir: string) {
  if (values.trace) await page.addInitScript(traceStages);
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
    const t0 = await page.evaluate(() => (window as unknown as { t0: number }).t0);
    ui.push(shown - t0);
    await collectStages(page, t0, 'ui');
  }
  const external: number[] = [];
  const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]); db.exec('PRAGMA busy_timeout = 5000'); db.exec(process.argv[2]); console.log(Date.now()); db.close();`;
  for (let i = 0; i < EDITS; i++) {
    const [title, donor] = [`Külső cím ${i}`, `Adományozó ${i} CLI`];
    const waiting = externalVisibleAt(page, title, donor);
    const sql = `UPDATE photos SET title = '${title}', donor = '${donor}' WHERE id = (SELECT min(id) FROM photos)`;
    const run = spawnSync(process.execPath, ['-e', script, path.join(dir, 'catalogue.sqlite'), sql], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    const t0 = Number(run.stdout.trim());
    external.push((await waiting) - t0);
    await collectStages(page, t0, 'external');
  }
  const trace = values.trace ? Object.fromEntries([...stages].map(([stage, xs]) => [stage, Math.round(percentile(xs, 50))]).sort((a, b) => Number(a[1]) - Number(b[1]))) : undefined;
  return { ui: summary(ui), external: summary(external), ...(trace ? { trace } : {}) };
}

async function large(page: Page, url: string) {
  if (values.trace) await page.addInitScript(traceStages);
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
  if (values.trace) await page.evaluate(() => (window as unknown as { trace: unknown[] }).trace.splice(0));
  t = Date.now();
  const selectAllAt = t;
  await page.keyboard.press('ControlOrMeta+a');
  await selected.filter({ hasText: all }).waitFor({ timeout: 300_000 });
  const selectAllMs = Date.now() - t;
  const donor = page.getByTestId('batch-editor').getByTestId('field-donor');
  t = Date.now();
  await donor.waitFor({ timeout: 300_000 });
  const batchEditorReadyMs = Date.now() - t;
  await collectStages(page, selectAllAt, 'large.ready');
  await donor.fill('Hunyadi László');
  page.once('dialog', (d) => void d.accept());
  t = Date.now();
  await donor.press('Enter');
  await page.getByTestId('batch-editor').getByTestId('save-status').filter({ hasText: `Saved to ${LARGE.toLocaleString('en-US')} photos` }).waitFor({ timeout: 600_000 });
  const batchEditMs = Date.now() - t;
  await collectStages(page, t, 'large.edit');
  return { photos: LARGE, openMs, shiftEndMs, selectAllMs, batchEditorReadyMs, batchEditMs };
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
const result: Record<string, unknown> = { bench: 'ui', edits: EDITS, photos: PHOTOS };
try {
  const small = imagelessCatalogue(PHOTOS);
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
      if (values.trace) result.largeTrace = Object.fromEntries([...stages].filter(([k]) => k.startsWith('large')).map(([k, xs]) => [k, xs[0]]).sort((a, b) => Number(a[1]) - Number(b[1])));
    } finally {
      await servedBig.stop();
    }
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
