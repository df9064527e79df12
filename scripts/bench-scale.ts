// npm run bench:scale [-- --docs 1000000 --dir <folder> --steps batch_edit,undo]
//
// Everything but the search itself (npm run bench:search) on a large catalogue: the benchmark's
// deterministic catalogue (scripts/benchCorpus.ts, image-less rows; 1,000,000 photos unless
// --docs says otherwise), its search index built once beforehand (not timed here). Then each step
// in a child process of its own, so each step's peak RSS is its own (the child opens the
// catalogue as the app does, waits for the search index, then runs the step):
//   open          Catalogue.open, the opening check, the first grid page
//   facets        the facets of a broad query ("budapest"): years, donors, places, tags, marks
//   timeline      the facets of the whole catalogue (the year timeline of an empty search)
//   batch_edit    Ctrl+A and one field set on every photo (the API's editSelection, all rows)
//   undo          that edit undone
//   export_csv    export-metadata to CSV, and export_xlsx to XLSX
//   import_dry    the CSV imported back as a dry run, and import_apply applied
//   missing_check the originals checked (none exists: every row is marked missing)
//   backup        a backup of the catalogue
//   unclean_open  opening (check and first page) after a process was killed in the middle of a
//                 batch edit of every row
// Prints one JSON line on stdout (details on stderr):
// {"bench":"scale","docs",<step>_ms,<step>_rss_mb,..., "targets": {<step>_ms: ...}, "over": [steps over their target]}
// Targets (TARGET_MS_PER_MILLION): the 200,000-photo figures of this script on this machine,
// times five (linear growth), rounded up; a step that grows worse than linear misses them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Catalogue } from '../electron/catalogue/catalogue.ts';
import { ensureBenchCatalogue } from './benchCatalogue.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000000' },
    dir: { type: 'string' },
    step: { type: 'string' },
    /** Only these steps (comma-separated), e.g. to measure a fix again. */
    steps: { type: 'string' },
  },
});
const DOCS = Number(values.docs);
const log = (message: string) => process.stderr.write(`${message}\n`);
const here = fileURLToPath(import.meta.url);
const dir = values.dir ? path.resolve(values.dir, `${DOCS}-photos`) : fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-bench-scale-'));
const catalogueDir = path.join(dir, 'catalogue');
const csvFile = path.join(dir, 'metadata.csv');

const STEPS = ['open', 'facets', 'timeline', 'batch_edit', 'undo', 'export_csv', 'export_xlsx', 'import_dry', 'import_apply', 'missing_check', 'backup', 'unclean_open'] as const;
type Step = (typeof STEPS)[number];

/**
 * Milliseconds a step may take per million photos: each step is expected to grow at most
 * linearly, so the target is its time at 200,000 photos, measured by this script on this 2-core
 * machine (`-- --docs 200000`, 30 November 2026), times five, rounded up. Opening is linear too:
 * its quick_check reads the whole database.
 *   200,000 photos: open 803, facets 1,067, timeline 1,106, batch_edit 5,486, undo 3,800,
 *   export_csv 14,714, export_xlsx 36,268, import_dry 25,254, import_apply 24,354,
 *   missing_check 5,991, backup 7,232, unclean_open 697 ms.
 */
const TARGET_MS_PER_MILLION: Partial<Record<Step, number>> = {
  open: 4_100,
  facets: 5_400,
  timeline: 5_600,
  batch_edit: 28_000,
  undo: 19_000,
  export_csv: 74_000,
  export_xlsx: 182_000,
  import_dry: 127_000,
  import_apply: 122_000,
  missing_check: 30_000,
  backup: 37_000,
  unclean_open: 3_500,
};

interface StepResult {
  ms: number;
  rssMb: number;
  detail?: string;
}

/** Runs `work` timed, after the catalogue is open and its search index ready. */
async function timed(work: (catalogue: Catalogue) => Promise<string | void>): Promise<StepResult> {
  const catalogue = Catalogue.open(catalogueDir);
  try {
    await catalogue.whenWritable();
    await catalogue.search.query('budapest', 0, 1);
    const started = performance.now();
    const detail = await work(catalogue);
    return { ms: performance.now() - started, rssMb: 0, detail: detail ?? undefined };
  } finally {
    catalogue.close();
  }
}

const STEP_WORK: Record<Exclude<Step, 'open' | 'unclean_open'>, (catalogue: Catalogue) => Promise<string | void>> = {
  facets: async (c) => `${(await c.search.facets('budapest')).total} photos`,
  timeline: async (c) => `${(await c.search.facets('')).years.length} years`,
  batch_edit: async (c) => {
    const { count, changed } = await c.photos.editSelection({ query: '', all: true, ids: [] }, { source: `Bench ${Date.now()}` });
    if (count !== DOCS || changed !== DOCS) throw new Error(`the batch edit changed ${changed} of ${count} photos, not ${DOCS}`);
    return `${changed} photos`;
  },
  undo: async (c) => {
    const result = await c.history.undo();
    if (result.ids.length !== DOCS) throw new Error(`undo changed ${result.ids.length} photos, not ${DOCS}`);
    return `${result.label}: ${result.ids.length} photos`;
  },
  // As `fototar export-metadata --output` writes them: a piece at a time, straight to the file.
  export_csv: async (c) => {
    await c.exchange.exportToFile(csvFile, 'csv');
    return `${Math.round(fs.statSync(csvFile).size / 1e6)} MB`;
  },
  export_xlsx: async (c) => {
    const xlsxFile = path.join(dir, 'metadata.xlsx');
    await c.exchange.exportToFile(xlsxFile, 'xlsx');
    return `${Math.round(fs.statSync(xlsxFile).size / 1e6)} MB`;
  },
  import_dry: async (c) => {
    const result = await c.exchange.import(fs.readFileSync(csvFile), { name: 'metadata.csv' });
    return `${result.rows} rows, ${result.changes.length} to change, ${result.unchanged} unchanged, ${result.rejected.length} refused`;
  },
  import_apply: async (c) => {
    const result = await c.exchange.import(fs.readFileSync(csvFile), { name: 'metadata.csv', apply: true });
    return `${result.rows} rows, ${result.changes.length} changed, ${result.rejected.length} refused`;
  },
  missing_check: async (c) => `${(await c.originals.check()).missing} missing`,
  backup: async (c) => `${Math.round((await c.backups.make({ label: 'bench' })).bytes / 1e6)} MB`,
};

// --- child: one step ----------------------------------------------------------------------------
if (values.step) {
  const step = values.step as Step | 'prepare' | 'killed-edit';
  let result: StepResult;
  if (step === 'prepare') {
    ensureBenchCatalogue(catalogueDir, DOCS, log);
    const t = performance.now();
    const catalogue = Catalogue.open(catalogueDir);
    await catalogue.search.query('budapest', 0, 1);
    catalogue.close();
    result = { ms: performance.now() - t, rssMb: 0, detail: 'search index ready' };
  } else if (step === 'killed-edit') {
    // Started by unclean_open and killed by it while this edit writes.
    const catalogue = Catalogue.open(catalogueDir);
    await catalogue.whenWritable();
    process.stdout.write('editing\n');
    await catalogue.photos.editSelection({ query: '', all: true, ids: [] }, { source: 'Killed' });
    catalogue.close();
    result = { ms: 0, rssMb: 0, detail: 'the edit ended before the kill' };
  } else if (step === 'open') {
    result = await openToFirstPage();
  } else if (step === 'unclean_open') {
    await killMidEdit();
    result = await openToFirstPage();
  } else {
    result = await timed(STEP_WORK[step]);
  }
  result.rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

/** Opening as the app does, timed: the catalogue, its opening check, the grid's first page. */
async function openToFirstPage(): Promise<StepResult> {
  const started = performance.now();
  const catalogue = Catalogue.open(catalogueDir);
  try {
    await catalogue.whenWritable();
    const page = await catalogue.photos.list(0, 100);
    return { ms: performance.now() - started, rssMb: 0, detail: `${page.total} photos, health ${catalogue.health().state}` };
  } finally {
    catalogue.close();
  }
}

/** This script run as the child process of one step. */
function stepProcess(step: string) {
  const args = [here, '--step', step, '--docs', String(DOCS), ...(values.dir ? ['--dir', values.dir] : [])];
  return spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** A process editing every row, killed (SIGKILL) once its edit is under way. */
async function killMidEdit(): Promise<void> {
  const child = stepProcess('killed-edit');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('editing')) return;
      // In the middle of the write (the edit of every row takes seconds at this size).
      setTimeout(() => child.kill('SIGKILL'), 500);
    });
    child.on('exit', () => resolve());
    child.on('error', reject);
  });
}

// --- parent ----------------------------------------------------------------------------------------
function runStep(step: string): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const child = stepProcess(step);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`step ${step} exited ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as StepResult);
    });
  });
}

try {
  if (values.dir) fs.mkdirSync(dir, { recursive: true });
  const prepared = await runStep('prepare');
  log(`catalogue of ${DOCS} photos ready, search index in ${Math.round(prepared.ms / 1000)} s (${dir})`);
  const line: Record<string, unknown> = { bench: 'scale', docs: DOCS };
  const targets: Record<string, number> = {};
  const over: string[] = [];
  const only = values.steps ? new Set(values.steps.split(',')) : null;
  for (const step of STEPS) {
    if (only && !only.has(step)) continue;
    const result = await runStep(step);
    const ms = Math.round(result.ms);
    log(`${step}: ${ms} ms, peak RSS ${result.rssMb} MB${result.detail ? ` (${result.detail})` : ''}`);
    line[`${step}_ms`] = ms;
    line[`${step}_rss_mb`] = result.rssMb;
    const perMillion = TARGET_MS_PER_MILLION[step];
    if (perMillion !== undefined) {
      targets[`${step}_ms`] = Math.round((perMillion * DOCS) / 1e6);
      if (ms > targets[`${step}_ms`]) over.push(step);
    }
  }
  process.stdout.write(`${JSON.stringify({ ...line, targets, over })}\n`);
} finally {
  if (!values.dir) fs.rmSync(dir, { recursive: true, force: true });
}
