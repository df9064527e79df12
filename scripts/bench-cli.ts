// The command line's start-up cost, hyperfine-style: `fototar show <id>` and `fototar list --json`
// on a 10,000-photo catalogue against `node -e 0` on the same Node binary, in the same run.
// Each command is run a few times to warm the disk cache, then N times in interleaved rounds (so
// a burst of load on the machine costs every command alike); medians and p95 in milliseconds,
// and each command's median as a multiple of Node's own. Prints one JSON line.
// Run: npm run bench:cli [-- --runs 30 --warmup 3 --photos 10000 --bin <other checkout>/bin/fototar.js]
// (npm run bench:cli builds the CLI bundle first; FOTOTAR_CLI=bundle makes a stale one an error.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { imagelessCatalogue } from '../tests/support/imagelessCatalogue.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'fototar.js');

/** The targets of issue 14: show within 2.5×, list --json of 10,000 photos within 4× of `node -e 0`. */
const TARGETS = { show: 2.5, list: 4 };

// --bin <path>: another checkout's bin/fototar.js, to compare before and after in one setting.
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, warmup: { type: 'string', default: '3' }, photos: { type: 'string', default: '10000' }, bin: { type: 'string' } },
});
const bin = values.bin ? path.resolve(values.bin) : BIN;
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const photoCount = Number(values.photos);

const catalogue = imagelessCatalogue(photoCount);
const node = process.execPath;
const commands = {
  node: [node, '-e', '0'],
  show: [node, bin, 'show', '1', '--catalogue', catalogue],
  list: [node, bin, 'list', '--json', '--catalogue', catalogue],
} satisfies Record<string, string[]>;
type Name = keyof typeof commands;
/** The bundle or nothing: a stale bundle would silently measure the TypeScript sources. */
const CLI_ENV = { ...process.env, FOTOTAR_CLI: 'bundle' };

/** Runs one command to the end; its wall time in ms (a failure ends the benchmark: a fast error is no result). */
function timeOnce(name: Name): number {
  const [file, ...args] = commands[name];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: CLI_ENV });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${name} failed (${result.status}): ${result.stderr.trim()}`);
  return ms;
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

const round = (ms: number) => Math.round(ms * 10) / 10;

try {
  const names = Object.keys(commands) as Name[];
  // The list really lists them all (a quick check that the catalogue is what we measure).
  const first = spawnSync(commands.list[0], commands.list.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: CLI_ENV });
  if (first.status !== 0) throw new Error(`list failed (${first.status}): ${first.stderr.trim()}`);
  const listed = JSON.parse(first.stdout) as { photos: unknown[] };
  if (listed.photos.length !== photoCount) throw new Error(`list printed ${listed.photos.length} photos, not ${photoCount}`);
  for (let i = 0; i < warmup; i++) for (const name of names) timeOnce(name);
  const times: Record<Name, number[]> = { node: [], show: [], list: [] };
  for (let i = 0; i < runs; i++) for (const name of names) times[name].push(timeOnce(name));
  const stats = Object.fromEntries(
    names.map((name) => {
      const sorted = [...times[name]].sort((a, b) => a - b);
      return [name, { median: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), min: round(sorted[0]) }];
    }),
  ) as Record<Name, { median: number; p95: number; min: number }>;
  const ratio = (name: 'show' | 'list') => Math.round((stats[name].median / stats.node.median) * 100) / 100;
  const result = {
    bench: 'cli',
    nodeVersion: process.version,
    photos: photoCount,
    cli: values.bin ? bin : 'bundle',
    warmup,
    runs,
    unit: 'ms',
    node: stats.node,
    show: { ...stats.show, ratio: ratio('show'), target: TARGETS.show, met: ratio('show') <= TARGETS.show },
    list: { ...stats.list, ratio: ratio('list'), target: TARGETS.list, met: ratio('list') <= TARGETS.list },
  };
  console.log(JSON.stringify(result));
} finally {
  fs.rmSync(catalogue, { recursive: true, force: true });
}
