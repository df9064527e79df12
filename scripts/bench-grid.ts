// npm run bench:grid [-- --photos 1000000 --dir <folder> --viewports 1920x1080,1024x700 --page-downs 300]
//
// The grid at a million photos, in browser mode (Debian's Chromium, driven by Playwright), as a
// person scrolls it: does it keep showing thumbnails without freezing?
//
// The catalogue: the benchmark's deterministic rows (scripts/benchCorpus.ts), each given one of
// THUMBNAIL_POOL real grid thumbnails (made here with sharp, stored under their content hash as
// an ingest stores them), so every card in view has an image to fetch and decode. Its search
// index is built before anything is timed, so no background build competes with the scrolling.
// `--dir` keeps it for the next run; `--from <catalogue folder>` copies the same rows from bench:search's.
//
// For each window size, with a Chromium performance trace recording (browser.startTracing):
//   - scrollbar: the grid dragged from top to bottom, as a drag of the scrollbar sets scrollTop,
//     STEPS positions one animation frame apart, stopping every STOP_EVERY positions until every
//     card in view shows its thumbnail (thumbs_p95_ms: from the stop to the last one shown);
//   - page_down: the first card clicked, then Page Down --page-downs times (at a million photos a
//     full run of Page Down is 40,000 presses), waiting for the thumbnails every 10 presses, then
//     End (the last photos, thumbnails shown).
// Long tasks: the renderer main thread's tasks over 50 ms in the trace (RunTask events), with
// the longest. Prints one JSON line:
// {"bench":"grid","photos",<viewport>:{"scrollbar":{…},"page_down":{…}},"long_tasks","max_task_ms"}
// Target (#17): no long task over 50 ms while scrolling.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { Catalogue } from '../electron/catalogue/catalogue.ts';
import { thumbnailPath } from '../electron/catalogue/cataloguePaths.ts';
import { generateCatalogueRows } from './benchCorpus.ts';
import { serveCatalogue } from '../tests/e2e/browserModeServer.ts';
import { percentile } from './benchStats.ts';

const { values } = parseArgs({
  options: {
    photos: { type: 'string', default: '1000000' },
    dir: { type: 'string' },
    viewports: { type: 'string', default: '1920x1080,1024x700' },
    'page-downs': { type: 'string', default: '300' },
    /** A catalogue folder of the same generated rows (bench:search's or bench:scale's), copied instead of generating them again. */
    from: { type: 'string' },
  },
});
const PHOTOS = Number(values.photos);
const PAGE_DOWNS = Number(values['page-downs']);
const THUMBNAIL_POOL = 97;
const STEPS = 400;
const STOP_EVERY = 20;
const LONG_TASK_MS = 50;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (message: string) => process.stderr.write(`${message}\n`);

const root = values.dir ? path.resolve(values.dir, `${PHOTOS}-photos`) : fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-bench-grid-'));
const catalogueDir = path.join(root, 'catalogue');

/** The catalogue, its thumbnails and its search index, made once per --dir. */
async function prepare(): Promise<void> {
  if (fs.existsSync(path.join(root, 'ready'))) return;
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const { default: sharp } = await import('sharp');
  let t = performance.now();
  if (values.from) {
    // The database and its search index only (no lock, no thumbnails); SQLite's WAL goes with it.
    fs.mkdirSync(catalogueDir, { recursive: true });
    for (const name of fs.readdirSync(values.from)) {
      if (/^catalogue\.sqlite(-wal)?$|^search/.test(name)) fs.cpSync(path.join(values.from, name), path.join(catalogueDir, name), { recursive: true });
    }
  }
  const catalogue = Catalogue.open(catalogueDir, { create: !values.from });
  try {
    if (!values.from) generateCatalogueRows(catalogue.db, catalogue.store.photos, PHOTOS);
    if (catalogue.store.photos.count() !== PHOTOS) throw new Error(`the catalogue holds ${catalogue.store.photos.count()} photos, not ${PHOTOS}`);
    log(`${values.from ? 'copied' : 'generated'} ${PHOTOS} photos in ${Math.round((performance.now() - t) / 1000)} s`);
    t = performance.now();
    // Distinct pictures (a gradient and a band per hue), each stored under its own content hash.
    const hashes: string[] = [];
    for (let k = 0; k < THUMBNAIL_POOL; k++) {
      const hue = Math.round((360 * k) / THUMBNAIL_POOL);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${hue},45%,30%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},35%,75%)"/></linearGradient></defs><rect width="320" height="240" fill="url(#g)"/><rect y="${(k * 7) % 200}" width="320" height="30" fill="hsl(${(hue + 180) % 360},30%,50%)"/></svg>`;
      const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 78 }).toBuffer();
      const hash = crypto.createHash('sha256').update(jpeg).digest('hex');
      for (const size of ['grid', 'preview'] as const) {
        const file = thumbnailPath(catalogue.paths, hash, size);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, jpeg);
      }
      hashes.push(hash);
    }
    // One pass over the rows: photo n gets picture n mod THUMBNAIL_POOL.
    catalogue.db.prepare(`UPDATE photos SET hash = json_extract(?, '$[' || (id % ${THUMBNAIL_POOL}) || ']')`).run(JSON.stringify(hashes));
    log(`${THUMBNAIL_POOL} thumbnails given to the rows in ${Math.round((performance.now() - t) / 1000)} s`);
    t = performance.now();
    await catalogue.search.query('budapest', 0, 1);
    log(`search index built in ${Math.round((performance.now() - t) / 1000)} s`);
  } finally {
    catalogue.close();
  }
  fs.writeFileSync(path.join(root, 'ready'), '');
}

/** True once every card in the grid's view shows a decoded thumbnail (no placeholder, no grey box). */
function thumbnailsShown(page: Page, timeout = 30_000): Promise<unknown> {
  return page.waitForFunction(
    () => {
      const grid = document.querySelector('[data-testid="grid"]');
      if (!grid) return false;
      const view = grid.getBoundingClientRect();
      const inView = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom;
      };
      if ([...grid.querySelectorAll('.cell-placeholder')].some(inView)) return false;
      const cells = [...grid.querySelectorAll('[data-testid="grid-cell"]')].filter(inView);
      return cells.length > 0 && cells.every((cell) => {
        const img = cell.querySelector('img');
        return !!img && img.complete && img.naturalWidth > 0;
      });
    },
    undefined,
    { polling: 'raf', timeout },
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** The renderer main threads' tasks over LONG_TASK_MS in a Chromium trace, in milliseconds. */
function longTasks(trace: Buffer): number[] {
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`) && (e.dur ?? 0) / 1000 > LONG_TASK_MS)
    .map((e) => Math.round((e.dur ?? 0) / 1000));
}

/** Runs `pass` with the performance trace on; its long tasks beside what it returns. */
async function traced(browser: Browser, page: Page, name: string, pass: () => Promise<Record<string, unknown>>) {
  const traceFile = path.join(root, `trace-${name}.json`);
  await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const result = await pass();
  const tasks = longTasks(await browser.stopTracing());
  // The trace's path only where it is kept (--dir): a temporary folder goes at the end.
  return { ...result, long_tasks: tasks.length, max_task_ms: tasks.length ? Math.max(...tasks) : 0, tasks_over_50ms: tasks.sort((a, b) => b - a).slice(0, 10), ...(values.dir ? { trace: traceFile } : {}) };
}

/** The scrollbar dragged from top to bottom. */
async function scrollbarPass(page: Page) {
  const waits: number[] = [];
  for (let from = 0; from < STEPS; from += STOP_EVERY) {
    // STOP_EVERY positions one animation frame apart, as a drag moves the thumb.
    await page.evaluate(
      async ([from, count, steps]) => {
        const grid = document.querySelector('[data-testid="grid"]')!;
        for (let step = from + 1; step <= from + count; step++) {
          grid.scrollTop = ((grid.scrollHeight - grid.clientHeight) * step) / steps;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      },
      [from, STOP_EVERY, STEPS] as const,
    );
    const t = Date.now();
    await thumbnailsShown(page);
    waits.push(Date.now() - t);
  }
  const last = await page.locator('[data-testid="grid-cell"]').last().getAttribute('data-index');
  if (Number(last) !== PHOTOS - 1) throw new Error(`the drag ended at photo ${Number(last) + 1}, not ${PHOTOS}`);
  return { stops: waits.length, thumbs_p95_ms: Math.round(percentile(waits, 95)), thumbs_max_ms: Math.max(...waits) };
}

/** Page Down from the first photo, then End. */
async function pageDownPass(page: Page) {
  await page.locator('[data-testid="grid"]').evaluate((grid) => (grid.scrollTop = 0));
  await page.locator('[data-testid="grid-cell"][data-index="0"]').click();
  await thumbnailsShown(page);
  const waits: number[] = [];
  for (let press = 1; press <= PAGE_DOWNS; press++) {
    await page.keyboard.press('PageDown');
    if (press % 10 === 0) {
      const t = Date.now();
      await thumbnailsShown(page);
      waits.push(Date.now() - t);
    }
  }
  const reached = Number(await page.locator('[data-testid="grid-cell"].focused').getAttribute('data-index'));
  const t = Date.now();
  await page.keyboard.press('End');
  await page.locator(`[data-testid="grid-cell"][data-index="${PHOTOS - 1}"]`).waitFor();
  await thumbnailsShown(page);
  const endMs = Date.now() - t;
  return { presses: PAGE_DOWNS, reached_photo: reached + 1, thumbs_p95_ms: Math.round(percentile(waits, 95)), thumbs_max_ms: Math.max(...waits), end_ms: endMs };
}

await prepare();
const served = await serveCatalogue(catalogueDir);
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
const line: Record<string, unknown> = { bench: 'grid', photos: PHOTOS };
let allTasks = 0;
let maxTask = 0;
try {
  for (const viewport of values.viewports.split(',')) {
    const [width, height] = viewport.split('x').map(Number);
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(served.url);
    await page.getByTestId('grid-cell').first().waitFor({ timeout: 120_000 });
    await thumbnailsShown(page);
    const scrollbar = await traced(browser, page, `${viewport}-scrollbar`, () => scrollbarPass(page));
    log(`${viewport} scrollbar: ${JSON.stringify(scrollbar)}`);
    const pageDown = await traced(browser, page, `${viewport}-pagedown`, () => pageDownPass(page));
    log(`${viewport} page down: ${JSON.stringify(pageDown)}`);
    line[viewport] = { scrollbar, page_down: pageDown };
    allTasks += scrollbar.long_tasks + pageDown.long_tasks;
    maxTask = Math.max(maxTask, scrollbar.max_task_ms, pageDown.max_task_ms);
    await page.close();
  }
} finally {
  await browser.close();
  await served.stop();
  if (!values.dir) fs.rmSync(root, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify({ ...line, long_tasks: allTasks, max_task_ms: maxTask })}\n`);
