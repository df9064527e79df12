// npm run bench:export [-- --photos 20 --size 2400 --rounds 3 --dir <folder>]
//
// How close Fototar's export comes to sharp alone. In a temp folder: 20 noise-filled 6-megapixel
// JPEGs (3000×2000, every pixel from a seeded generator, so every run has the same files),
// ingested into a temp catalogue and put in a collection. Then, for --rounds rounds, alternating
// which goes first and keeping each side's best time:
//   - Fototar: `fototar export --collection … --size 2400` (2400 px: the export dialog's default
//     size; the CLI's default is full size), run from the built CLI bundle (npm run bench:export
//     builds it first) in a child process by calling its main(), with Node's compile cache on as
//     bin/fototar.js turns it on (the sharp side gets it too): the command loaded, the catalogue
//     opened, the workers started and rendering, EXIF/IPTC/XMP, staging with fsync, credits.txt and .docx, manifest.csv, the journalled publish (not Node's own start). The
//     child's peak RSS (process.resourceUsage().maxRSS: main thread, workers and libvips) is the
//     export's own.
//   - sharp: the same files resized to the same size (fit inside, never enlarged) and written as
//     JPEG with the same encoder settings Fototar uses at its default quality (90, 4:4:4), so the
//     ratio measures what Fototar adds and not a different quality. Same parallelism: a promise
//     pool of as many pipelines at once as Fototar has workers, with one libvips thread per
//     pipeline and no operation cache (Fototar's workers: sharp.concurrency(1), sharp.cache(false)),
//     and libuv's thread pool at least that large, in a child process of its own, timed from
//     loading sharp to the last file written.
// Prints one JSON line on stdout (details on stderr):
// {"bench":"export","photos","size","fototar_ms","sharp_ms","ratio","peak_rss_mb","workers"}
// Target: ratio ≤ 1.3. `--dir` keeps the photos and the catalogue there for the next run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleIsCurrent, useCompileCache } from '../bin/cliEntry.js';

const { values } = parseArgs({
  options: {
    photos: { type: 'string', default: '20' },
    size: { type: 'string', default: '2400' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string' },
    child: { type: 'string' },
    catalogue: { type: 'string' },
    files: { type: 'string' },
    out: { type: 'string' },
    dir: { type: 'string' },
  },
});
const log = (message: string) => process.stderr.write(`${message}\n`);
const here = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE_DIR = path.join(ROOT, 'dist-cli');
const WIDTH = 3000;
const HEIGHT = 2000;
const QUALITY = 90;
const COLLECTION = 'Bench';
const size = Number(values.size);

interface ChildResult {
  ms: number;
  /** CPU time of every thread of the child (user + system), a check on the machine's load. */
  cpuMs: number;
  maxRssKb: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

// --- child: Fototar's export, as the command line runs it ----------------------------------
if (values.child === 'fototar') {
  // The built bundle (dist-cli/, as `fototar export` and, built alike, the app run it), not the
  // TypeScript sources: each worker would otherwise strip the types of its modules at start.
  if (!bundleIsCurrent(BUNDLE_DIR, ROOT)) throw new Error('dist-cli/ is missing or older than the sources: run "npm run build:cli"');
  // With Node's compile cache, as bin/fototar.js runs every command.
  useCompileCache(BUNDLE_DIR);
  const { main } = (await import(pathToFileURL(path.join(BUNDLE_DIR, 'cli.mjs')).href)) as { main: (argv: string[]) => Promise<number> };
  const args = ['export', '--collection', COLLECTION, '--out', values.out!, '--size', String(size), '--catalogue', values.catalogue!, '--json'];
  const started = performance.now();
  const cpuBefore = cpuMs();
  const code = await main(args);
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpuBefore;
  if (code !== 0) throw new Error(`fototar export exited ${code}`);
  const exported = fs.readdirSync(values.out!).length;
  if (exported !== Number(values.photos) + 3) throw new Error(`exported ${exported} files`);
  process.stdout.write(`\n${JSON.stringify({ ms, cpuMs: cpu, maxRssKb: process.resourceUsage().maxRSS } satisfies ChildResult)}\n`);
  process.exit(0);
}

// --- child: sharp alone, the same work with the same parallelism -----------------------------
if (values.child === 'sharp') {
  const files = JSON.parse(values.files!) as string[];
  const workers = Number(values.workers);
  useCompileCache(BUNDLE_DIR);
  // Loading sharp is timed, as Fototar's time includes its workers loading it.
  const started = performance.now();
  const cpuBefore = cpuMs();
  const { default: sharp } = await import('sharp');
  sharp.concurrency(1);
  sharp.cache(false);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      await sharp(files[i])
        .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: QUALITY, chromaSubsampling: '4:4:4' })
        .toFile(path.join(values.out!, `${i}.jpg`));
    }
  };
  await Promise.all(Array.from({ length: workers }, lane));
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: cpuMs() - cpuBefore, maxRssKb: process.resourceUsage().maxRSS } satisfies ChildResult)}\n`);
  process.exit(0);
}

// --- parent ----------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so the noise is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

async function makeNoiseJpeg(file: string, seed: number): Promise<void> {
  const { default: sharp } = await import('sharp');
  const next = rng(seed);
  const pixels = new Uint32Array(Math.ceil((WIDTH * HEIGHT * 3) / 4));
  for (let i = 0; i < pixels.length; i++) pixels[i] = next();
  const raw = Buffer.from(pixels.buffer, 0, WIDTH * HEIGHT * 3);
  await sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: QUALITY }).toFile(file);
}

function runChild(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${args[1]} child exited ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult);
    });
  });
}

// Both sides run as `fototar export` does on Linux (bin/fototar.js): glibc's malloc arenas capped
// at 2, which keeps libvips' per-thread arenas from growing the RSS.
const CHILD_ENV: NodeJS.ProcessEnv = process.platform === 'linux' ? { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' } : process.env;
const photos = Number(values.photos);
const rounds = Math.max(1, Number(values.rounds));
const { exportPoolSize } = await import('../electron/catalogue/collections/exportPool.ts');
// The export's own rule (one worker per core, no more than there are pictures).
const workers = exportPoolSize(photos);
const root = values.dir ? path.resolve(values.dir, `${photos}-photos`) : fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-bench-export-'));
try {
  const folder = path.join(root, 'photos');
  const catalogueDir = path.join(root, 'catalogue');
  const files = Array.from({ length: photos }, (_, i) => path.join(folder, `noise_${String(i + 1).padStart(2, '0')}.jpg`));
  if (!fs.existsSync(path.join(root, 'ready'))) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    log(`making ${photos} noise-filled ${WIDTH}×${HEIGHT} JPEGs in ${folder}…`);
    for (const [i, file] of files.entries()) await makeNoiseJpeg(file, 1000 + i);
    log('ingesting them into a temp catalogue…');
    const { Catalogue } = await import('../electron/catalogue/catalogue.ts');
    const catalogue = Catalogue.open(catalogueDir, { create: true });
    const report = await catalogue.ingest.run([folder]);
    if (report.added !== photos) throw new Error(`ingested ${report.added} of ${photos}: ${JSON.stringify(report.failed)}`);
    const ids = files.map((file) => catalogue.store.photos.byFile(file)!.id);
    // What an archivist records, so every picture carries full EXIF, IPTC and XMP.
    await catalogue.photos.update(ids, {
      title: 'Erzsébet híd', caption: 'Az Erzsébet híd pesti hídfője a Március 15. tér felől', date: '1946',
      donor: 'Nagy Gyula', photographer: 'Berkó Pál', country: 'Magyarország', city: 'Budapest', place: 'Március 15. tér',
      tags: ['híd', 'Duna'], licence: 'CC BY-SA 3.0', source: 'Fortepan',
    });
    const collection = await catalogue.collections.create(COLLECTION);
    await catalogue.collections.add(collection.id, ids);
    catalogue.close();
    fs.writeFileSync(path.join(root, 'ready'), '');
  }

  const fototar: ChildResult[] = [];
  const plain: ChildResult[] = [];
  const runFototar = async (round: number) => {
    const out = path.join(root, `fototar-${round}`);
    fs.rmSync(out, { recursive: true, force: true });
    const args = ['--child', 'fototar', '--catalogue', catalogueDir, '--out', out, '--photos', String(photos), '--size', String(size)];
    const result = await runChild(args, CHILD_ENV);
    fs.rmSync(out, { recursive: true, force: true });
    log(`round ${round}: fototar ${Math.round(result.ms)} ms (CPU ${Math.round(result.cpuMs)} ms), peak RSS ${Math.round(result.maxRssKb / 1024)} MB`);
    fototar.push(result);
  };
  const runSharp = async (round: number) => {
    const out = path.join(root, `sharp-${round}`);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out);
    const threads = String(Math.max(4, workers));
    const result = await runChild(['--child', 'sharp', '--files', JSON.stringify(files), '--out', out, '--workers', String(workers), '--size', String(size)], { ...CHILD_ENV, UV_THREADPOOL_SIZE: threads });
    fs.rmSync(out, { recursive: true, force: true });
    log(`round ${round}: sharp ${Math.round(result.ms)} ms (CPU ${Math.round(result.cpuMs)} ms), peak RSS ${Math.round(result.maxRssKb / 1024)} MB`);
    plain.push(result);
  };
  for (let round = 1; round <= rounds; round++) {
    if (round % 2) {
      await runFototar(round);
      await runSharp(round);
    } else {
      await runSharp(round);
      await runFototar(round);
    }
  }
  const fototarMs = Math.min(...fototar.map((r) => r.ms));
  const sharpMs = Math.min(...plain.map((r) => r.ms));
  const line = {
    bench: 'export',
    photos,
    size,
    fototar_ms: Math.round(fototarMs),
    sharp_ms: Math.round(sharpMs),
    ratio: Number((fototarMs / sharpMs).toFixed(2)),
    peak_rss_mb: Math.round(Math.max(...fototar.map((r) => r.maxRssKb)) / 1024),
    workers,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
} finally {
  if (!values.dir) fs.rmSync(root, { recursive: true, force: true });
}
