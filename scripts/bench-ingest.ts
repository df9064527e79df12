// npm run bench:ingest [-- --images 200 --rounds 3 --cache <dir>]
// npm run bench:ingest -- --small 10000
//
// Scan-sized mode (default): generates (once, cached in --cache) at least 200 JPEGs of 6+
// megapixels with grain and varied content, so they compress like real scans, each with EXIF,
// then in the same run, alternating for --rounds rounds and keeping each side's best time:
//   - Fototar: a full ingest into a fresh catalogue (read once, hash, header, EXIF/IPTC/XMP,
//     both thumbnails, database batches) and the search index caught up, run in a child process
//     so its peak RSS (process.resourceUsage().maxRSS: main thread, workers, libvips) is its own;
//   - vipsthumbnail (Debian's libvips-tools): the same two sizes (1600 and 320 px, same JPEG
//     qualities, no extra Huffman pass) with the same parallelism: 2 processes, one libvips
//     thread each (Fototar: 2 workers, one libvips thread each), each process doing half the
//     files, first the preview size and then the grid size, each from the original.
// Prints one JSON line on stdout (details on stderr):
// {"images","fototar_s","vipsthumbnail_s","ratio","peak_rss_mb","event_loop_p99_ms","event_loop_max_ms"}
// where the event-loop delay is the main thread's (perf_hooks.monitorEventLoopDelay) during the
// ingest: the thread that serves the UI in Electron and only writes the database; beside it, the
// same measure of this idle parent process over the same time, as a control for machine load.
//
// Every default run also ingests a folder of 20 "progressive bombs" (a few hundred bytes each, a
// progressive JPEG header declaring 14000×14000, under the 200-megapixel cap) with two workers
// and adds "progressive_bombs_peak_rss_mb" to its line (target: at most 600 MB). `--bombs` runs
// that case alone: {"case":"progressive-bombs","images","seconds","peak_rss_mb","previews_refused"}.
//
// Small mode (--small N): N small generated JPEGs ingested in one child process; prints
// {"images","seconds","rate_per_s","peak_rss_mb_at_1k","peak_rss_mb_at_end","rss_mb_every_1k",
//  "peak_rss_mb_with_search_index","event_loop_p99_ms","idle_process_loop_p99_ms"}
// to show that the ingest's memory does not grow with the number of files (the search index,
// caught up after the ingest, grows with the catalogue by design and is reported apart).
// On glibc, MALLOC_ARENA_MAX=2 in the environment keeps libvips' per-thread arenas from
// creeping; measured both ways (see the closing note).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    small: { type: 'string' },
    cache: { type: 'string' },
    child: { type: 'string' },
    catalogue: { type: 'string' },
    pool: { type: 'string' },
    bombs: { type: 'boolean' },
  },
});
const log = (message: string) => process.stderr.write(`${message}\n`);
const here = fileURLToPath(import.meta.url);
const PARALLELISM = 2;

// --- child: one Fototar ingest, measured from inside ---------------------------------------
if (values.child) {
  const { Catalogue } = await import('../electron/catalogue/catalogue.ts');
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const catalogue = Catalogue.open(values.catalogue!, { create: true });
  let rssAt1k: number | null = null;
  const rssEvery: number[] = [];
  const started = performance.now();
  delay.enable();
  const report = await catalogue.ingest.run([values.child], {
    poolSize: values.pool ? Number(values.pool) : PARALLELISM,
    onProgress: (p) => {
      if (rssAt1k === null && p.done >= 1000) rssAt1k = process.resourceUsage().maxRSS;
      if (p.done >= (rssEvery.length + 1) * 1000) {
        const memory = process.memoryUsage();
        rssEvery.push(Math.round(memory.rss / 1048576));
        if (process.env.FOTOTAR_BENCH_TRACE) log(`${p.done}: rss ${Math.round(memory.rss / 1048576)} MB, main heap ${Math.round(memory.heapUsed / 1048576)} MB, external ${Math.round(memory.external / 1048576)} MB`);
      }
    },
  });
  const ingestMaxRss = process.resourceUsage().maxRSS;
  // The search index catches up with the new photos (the first search after an ingest).
  await catalogue.search.query('a', 0, 1);
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const noPreview = (await Array.fromAsync(catalogue.photos.iterateAll())).filter((p) => p.previewError !== null).length;
  catalogue.close();
  const result = {
    seconds,
    added: report.added,
    noPreview,
    failed: report.failed.length,
    maxRssKb: process.resourceUsage().maxRSS,
    ingestMaxRssKb: ingestMaxRss,
    rssAt1kKb: rssAt1k,
    rssEveryThousandMb: rssEvery,
    loopP99Ms: delay.percentile(99) / 1e6,
    loopMaxMs: delay.max / 1e6,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

interface ChildResult {
  seconds: number;
  added: number;
  /** Photos catalogued without a preview (the bombs' case: all of them, with the reason). */
  noPreview: number;
  failed: number;
  maxRssKb: number;
  /** Before the search index caught up (the index grows with the catalogue, by design). */
  ingestMaxRssKb: number;
  rssAt1kKb: number | null;
  rssEveryThousandMb: number[];
  loopP99Ms: number;
  loopMaxMs: number;
}

/**
 * The parent's own event-loop delay while it waits (idle) for the child: a control for how much
 * of the child's delay is the machine's load (other processes taking the cores) and not Fototar.
 */
let controlP99Ms = 0;

function runFototar(folder: string): Promise<ChildResult> {
  const catalogue = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-bench-catalogue-'));
  const control = monitorEventLoopDelay({ resolution: 5 });
  control.enable();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here, '--child', folder, '--catalogue', catalogue], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      control.disable();
      controlP99Ms = control.percentile(99) / 1e6;
      fs.rmSync(catalogue, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`fototar ingest child exited ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult);
    });
  });
}

/** vipsthumbnail in PARALLELISM processes, each on its share of the files, both sizes. */
async function runVipsthumbnail(files: string[]): Promise<number> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-bench-vips-'));
  const lanes = Array.from({ length: PARALLELISM }, (_, lane) => files.filter((_, i) => i % PARALLELISM === lane));
  const run = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn('vipsthumbnail', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, VIPS_CONCURRENCY: '1' } });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vipsthumbnail exited ${code}`))));
    });
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      await run(['--size', '1600', '-o', `${out}/%s_preview.jpg[Q=82,optimize_coding=false]`, ...lane]);
      await run(['--size', '320', '-o', `${out}/%s_grid.jpg[Q=78,optimize_coding=false]`, ...lane]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const made = fs.readdirSync(out).length;
  fs.rmSync(out, { recursive: true, force: true });
  if (made !== files.length * 2) throw new Error(`vipsthumbnail made ${made} thumbnails, expected ${files.length * 2}`);
  return seconds;
}

// --- generated images, cached between runs -------------------------------------------------

/** A deterministic pseudo-random generator, so the cached set is the same set every time. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A "scan": smooth random structure (a coarse random field enlarged with a cubic kernel) plus
 * film grain, so it is neither flat nor pure noise and compresses to a few MB like a real scan.
 */
async function makeScan(file: string, index: number, width: number, height: number, quality: number, grain: number): Promise<void> {
  const random = rng(index * 7919 + width);
  const cw = 24 + Math.floor(random() * 40);
  const ch = Math.max(8, Math.round((cw * height) / width));
  const coarse = Buffer.alloc(cw * ch * 3);
  const tint = [random(), random(), random()];
  for (let i = 0; i < cw * ch; i++) {
    const v = random();
    for (let c = 0; c < 3; c++) coarse[i * 3 + c] = Math.round(255 * (0.6 * v + 0.4 * tint[c] * random()));
  }
  const base = await sharp(coarse, { raw: { width: cw, height: ch, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: grain } } }).raw().toBuffer();
  for (let i = 0; i < base.length; i++) base[i] = Math.max(0, Math.min(255, base[i] + noise[i] - 128));
  const taken = new Date(Date.UTC(1950 + (index % 40), index % 12, 1 + (index % 28), 12, 0, 0));
  const exifDate = taken.toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');
  await sharp(base, { raw: { width, height, channels: 3 } })
    .withExif({ IFD0: { Make: 'Epson', Model: 'Perfection V800', Software: 'fototar bench', ImageDescription: `Generated scan ${index}`, DateTime: exifDate } })
    .jpeg({ quality })
    .toFile(file);
}

async function ensureImages(dir: string, count: number, make: (file: string, index: number) => Promise<void>): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `scan_${String(i).padStart(5, '0')}.jpg`));
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    log(`generating ${missing.length} images in ${dir} (cached for later runs)…`);
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < missing.length) {
        const file = missing[next++];
        const tmp = `${file}.tmp.jpg`;
        await make(tmp, files.indexOf(file));
        fs.renameSync(tmp, file);
      }
    };
    await Promise.all(Array.from({ length: PARALLELISM }, lane));
    log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // A folder of exactly these files (a larger cached set may exist from a bigger run).
  const folder = path.join(dir, `set-${count}`);
  if (!fs.existsSync(folder) || fs.readdirSync(folder).length !== count) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder);
    for (const file of files) fs.linkSync(file, path.join(folder, path.basename(file)));
  }
  return files.map((f) => path.join(folder, path.basename(f)));
}

/**
 * A progressive JPEG of a few hundred bytes whose header declares 14000×14000 (196 MP, under the
 * 200 MP cap): libjpeg must hold every coefficient of a progressive image, ~590 MB for this one.
 * Each file gets its own colour, so their hashes differ and none reuses another's thumbnails.
 */
async function makeProgressiveBomb(file: string, index: number): Promise<void> {
  const colour = `#${(0x203040 + index * 0x010203).toString(16).padStart(6, '0')}`;
  const small = await sharp({ create: { width: 16, height: 16, channels: 3, background: colour } }).jpeg({ quality: 80, progressive: true }).toBuffer();
  const bytes = Buffer.from(small);
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) throw new Error('unexpected JPEG layout');
    if (bytes[i + 1] === 0xc2) {
      bytes.writeUInt16BE(14000, i + 5);
      bytes.writeUInt16BE(14000, i + 7);
      fs.writeFileSync(file, bytes);
      return;
    }
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error('no SOF2 marker in the progressive JPEG');
}

/** Ingests the folder of 20 progressive bombs in a child (two workers); its peak RSS is the point. */
async function runProgressiveBombs(): Promise<ChildResult> {
  const files = await ensureImages(path.join(cacheRoot, 'progressive-bombs'), 20, makeProgressiveBomb);
  const result = await runFototar(path.dirname(files[0]));
  if (result.added !== files.length) throw new Error(`progressive bombs: ingested ${result.added} of ${files.length}`);
  log(`progressive bombs: ${files.length} files, peak RSS ${mb(result.maxRssKb)} MB, ${result.noPreview} without a preview`);
  return result;
}

const cacheRoot = values.cache ? path.resolve(values.cache) : path.join(os.tmpdir(), 'fototar-bench-ingest-cache');
const mb = (kb: number) => Math.round(kb / 1024);
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

if (values.bombs) {
  const result = await runProgressiveBombs();
  process.stdout.write(
    `${JSON.stringify({ case: 'progressive-bombs', images: 20, seconds: round(result.seconds, 2), peak_rss_mb: mb(result.maxRssKb), previews_refused: result.noPreview })}\n`,
  );
} else if (values.small) {
  const count = Number(values.small);
  const files = await ensureImages(path.join(cacheRoot, 'small'), count, (file, i) => makeScan(file, i, 320, 240, 85, 18));
  log(`ingesting ${files.length} small images…`);
  const result = await runFototar(path.dirname(files[0]));
  if (result.added !== count) throw new Error(`ingested ${result.added} of ${count} (${result.failed} failed)`);
  process.stdout.write(
    `${JSON.stringify({
      images: count,
      seconds: round(result.seconds, 2),
      rate_per_s: round(count / result.seconds, 1),
      peak_rss_mb_at_1k: result.rssAt1kKb === null ? null : mb(result.rssAt1kKb),
      peak_rss_mb_at_end: mb(result.ingestMaxRssKb),
      rss_mb_every_1k: result.rssEveryThousandMb,
      peak_rss_mb_with_search_index: mb(result.maxRssKb),
      event_loop_p99_ms: round(result.loopP99Ms, 1),
      idle_process_loop_p99_ms: round(controlP99Ms, 1),
    })}\n`,
  );
} else {
  const count = Math.max(200, Number(values.images));
  if (spawnSync('vipsthumbnail', ['--version']).status !== 0) {
    throw new Error('vipsthumbnail not found: install libvips-tools (bash scripts/install-system-deps.sh)');
  }
  // 3008×2008 is 6.04 megapixels, the size of a 35 mm negative scanned at ~2100 dpi.
  const files = await ensureImages(path.join(cacheRoot, 'scans'), count, (file, i) => makeScan(file, i, 3008, 2008, 90, 14));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  log(`${files.length} images, ${(bytes / files.length / 1e6).toFixed(2)} MB each on average`);
  const rounds = Math.max(1, Number(values.rounds));
  let fototar: ChildResult | null = null;
  let vips = Infinity;
  let fototarControlP99 = 0;
  for (let r = 0; r < rounds; r++) {
    const v = await runVipsthumbnail(files);
    const f = await runFototar(path.dirname(files[0]));
    const control = controlP99Ms;
    if (f.added !== files.length) throw new Error(`Fototar ingested ${f.added} of ${files.length} (${f.failed} failed)`);
    log(`round ${r + 1}: fototar ${f.seconds.toFixed(2)} s (peak RSS ${mb(f.maxRssKb)} MB, loop p99 ${f.loopP99Ms.toFixed(1)} ms), vipsthumbnail ${v.toFixed(2)} s`);
    vips = Math.min(vips, v);
    const peak = Math.max(f.maxRssKb, fototar?.maxRssKb ?? 0);
    if (!fototar || f.seconds < fototar.seconds) {
      fototar = f;
      fototarControlP99 = control;
    }
    fototar.maxRssKb = peak;
  }
  const bombs = await runProgressiveBombs();
  process.stdout.write(
    `${JSON.stringify({
      images: files.length,
      fototar_s: round(fototar!.seconds),
      vipsthumbnail_s: round(vips),
      ratio: round(fototar!.seconds / vips),
      peak_rss_mb: mb(fototar!.maxRssKb),
      event_loop_p99_ms: round(fototar!.loopP99Ms, 1),
      event_loop_max_ms: round(fototar!.loopMaxMs, 1),
      idle_process_loop_p99_ms: round(fototarControlP99, 1),
      load_average: round(os.loadavg()[0], 1),
      progressive_bombs_peak_rss_mb: mb(bombs.maxRssKb),
    })}\n`,
  );
}
