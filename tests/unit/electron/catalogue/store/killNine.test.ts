// kill -9 walked through ingest, batch edit, CSV import and export publish: the real CLI
// (bin/fototar.js) as a child process, killed at many points, then the catalogue must open with
// `PRAGMA integrity_check` ok and the change must be all or nothing.
//
// Where the kill lands is chosen two ways, both deterministic:
// - FOTOTAR_FAULT=pause:<step>:<n> (electron/catalogue/faultInjection.ts) stops the real code
//   at the n-th time it reaches a named step (inside a transaction, between two renames of a
//   publish…); the child says so on stderr and the kill lands exactly there;
// - plain delays after the start, spread in equal steps over a measured whole run.
// Every trial starts from a copy of one prepared catalogue (and output folder), so trials are
// independent and run a few at a time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { cataloguePaths, thumbnailPath } from '../../../../../electron/catalogue/cataloguePaths.ts';
import { recoverOutputFolder, STAGING_PREFIX } from '../../../../../electron/catalogue/collections/exportPublish.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { FOTOTAR_BIN } from '../../../../support/cli.ts';

const PHOTOS = 12;
const BOOK = 10; // the collection exported in the trials; the earlier export had all 12
const PARALLEL = 4;

let root: string;
let photosDir: string;
let baseCatalogue: string;
let oldOut: string;
let emptyOut: string;
let compileCache: string;
/** Per operation: trials, how many held, and what the kills left (so a reader sees they landed all over). */
const results: Record<string, { trials: number; held: number; outcomes: Record<string, number>; failures: string[] }> = {};

// --- running and killing the CLI -----------------------------------------------------------

interface Kill {
  /** `<step>:<n>`: kill when the child stops there. */
  pauseAt?: string;
  /**
   * Otherwise: kill this long after the child opened the catalogue (its lock file appeared), so
   * the delays fall on the work, not on Node's start (the child may have finished by then).
   */
  delayMs?: number;
}

function label(kill: Kill): string {
  return kill.pauseAt ? `at ${kill.pauseAt}` : `${kill.delayMs} ms after opening`;
}

/** Calls `then` once the catalogue of `args` is open in the child (its lock file exists). */
function whenOpened(args: string[], exit: Promise<unknown>, then: () => void): void {
  const lock = cataloguePaths(args[args.indexOf('--catalogue') + 1]).lock;
  const poll = setInterval(() => {
    if (!fs.existsSync(lock)) return;
    clearInterval(poll);
    then();
  }, 2);
  void exit.then(() => clearInterval(poll));
}

function childEnv(pauseAt?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MALLOC_ARENA_MAX: '2', NODE_COMPILE_CACHE: compileCache };
  delete env.FOTOTAR_FAULT;
  if (pauseAt) env.FOTOTAR_FAULT = `pause:${pauseAt}`;
  return env;
}

/** Runs `fototar <args>` and SIGKILLs it as `kill` says. */
function runKilled(args: string[], kill: Kill): Promise<void> {
  const child = spawn(process.execPath, [FOTOTAR_BIN, ...args], { env: childEnv(kill.pauseAt), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited = false;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => ((exited = true), resolve(code))));
  return new Promise<void>((resolve, reject) => {
    const killNow = () => {
      if (!exited) child.kill('SIGKILL');
      void exit.then(() => resolve());
    };
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      if (kill.pauseAt && stderr.includes(`fault-pause ${kill.pauseAt.split(':')[0]} `)) killNow();
    });
    if (kill.pauseAt) {
      void exit.then((code) => {
        if (!stderr.includes('fault-pause')) reject(new Error(`the child never reached ${kill.pauseAt} (exit ${code}): ${stderr.trim()}`));
      });
    } else {
      whenOpened(args, exit, () => setTimeout(killNow, kill.delayMs));
      void exit.then(() => resolve()); // finished before the catalogue was seen open, or before the delay
    }
  });
}

/** Runs `fototar <args>` to the end; the ms from opening the catalogue to the end. */
function runWhole(args: string[]): Promise<number> {
  let opened = Date.now();
  const child = spawn(process.execPath, [FOTOTAR_BIN, ...args], { env: childEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  whenOpened(args, exit, () => (opened = Date.now()));
  return exit.then((code) => {
    if (code !== 0) throw new Error(`fototar ${args[0]} failed: ${stderr}`);
    return Date.now() - opened;
  });
}

/** Delays spread in equal steps over a whole run of `ms`. */
function spread(ms: number, count: number): Kill[] {
  return Array.from({ length: count }, (_, i) => ({ delayMs: Math.round((ms * i) / (count - 1)) }));
}

const pauses = (step: string, ns: readonly number[]): Kill[] => ns.map((n) => ({ pauseAt: `${step}:${n}` }));

async function inParallel<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
}

/** Runs every trial, records which held, and fails the test with the ones that did not. */
async function walk(operation: string, kills: Kill[], trial: (kill: Kill, dir: string) => Promise<string>): Promise<void> {
  const record = (results[operation] = { trials: 0, held: 0, outcomes: {} as Record<string, number>, failures: [] as string[] });
  await inParallel(kills, async (kill, index) => {
    const dir = path.join(root, `${operation}-${index}`);
    fs.mkdirSync(dir);
    record.trials++;
    try {
      const outcome = await trial(kill, dir);
      record.outcomes[outcome] = (record.outcomes[outcome] ?? 0) + 1;
      record.held++;
    } catch (error) {
      record.failures.push(`${label(kill)}: ${(error as Error).message.split('\n').slice(0, 4).join(' ')}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  assert.ok(record.trials >= 20, `${operation}: ${record.trials} trials`);
  assert.deepEqual(record.failures, [], `${operation}: ${record.held} of ${record.trials} kills held`);
}

// --- checks ----------------------------------------------------------------------------------

async function openRetrying(dir: string, create = false): Promise<Catalogue> {
  try {
    return Catalogue.open(dir, { create });
  } catch (error) {
    // Killed while writing its lock file: for 2 s the lock cannot tell a dead writer from a live
    // one and says "try again" (store/catalogueLock.ts); then the half-written lock is stale.
    if (!/being opened by another Fototar right now; try again/.test((error as Error).message)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    return Catalogue.open(dir, { create });
  }
}

async function openChecked(dir: string): Promise<Catalogue> {
  const catalogue = await openRetrying(dir);
  const { integrity_check } = catalogue.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
  if (integrity_check !== 'ok') {
    catalogue.close();
    throw new Error(`integrity_check: ${integrity_check}`);
  }
  return catalogue;
}

function historySteps(catalogue: Catalogue): number {
  return (catalogue.db.prepare('SELECT count(*) AS n FROM edit_history').get() as { n: number }).n;
}

function copyCatalogue(dir: string): string {
  const copy = path.join(dir, 'cat');
  fs.cpSync(baseCatalogue, copy, { recursive: true });
  return copy;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function folderState(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir).sort().map((name) => [name, sha(path.join(dir, name))]));
}

// --- the prepared catalogue ----------------------------------------------------------------

before(async () => {
  root = await tempDir('fototar-kill9-');
  compileCache = path.join(root, 'compile-cache');
  photosDir = path.join(root, 'photos');
  for (let i = 1; i <= PHOTOS; i++) {
    await writeFixture(photosDir, `fortepan_${2000 + i}.jpg`, makeJpeg({ colour: `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`, width: 64, height: 48 }));
  }
  baseCatalogue = path.join(root, 'base');
  const catalogue = Catalogue.open(baseCatalogue, { create: true });
  try {
    await catalogue.ingest.run([photosDir]);
    const ids = (await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => p.id).sort((a, b) => a - b);
    const service = catalogue.collections;
    const earlier = (await service.create('Earlier')).id;
    await service.add(earlier, ids);
    await service.add((await service.create('Book')).id, ids.slice(0, BOOK));
    // The folder the trials export into with --overwrite: an earlier export of all 12 photos and
    // the person's own files (one named like an export picture), which must never be touched.
    oldOut = path.join(root, 'old-out');
    await catalogue.exports.run(earlier, { outDir: oldOut, size: 40, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: false });
    emptyOut = path.join(root, 'own-files');
    for (const dir of [oldOut, emptyOut]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'my own notes');
      fs.writeFileSync(path.join(dir, '99_my_scan.jpg'), 'my own scan');
    }
  } finally {
    catalogue.close();
  }
});

after(() => {
  console.log(JSON.stringify({ killNine: Object.fromEntries(Object.entries(results).map(([op, r]) => [op, { trials: r.trials, held: r.held, left: r.outcomes }])) }));
  fs.rmSync(root, { recursive: true, force: true });
});

// --- the walks -------------------------------------------------------------------------------

test('kill -9 during ingest: every catalogued photo is whole (thumbnails made), and the same ingest completes it without duplicates', async () => {
  const whole = await runWhole(['ingest', photosDir, '--catalogue', path.join(root, 'ingest-whole')]);
  const kills = [
    // The new catalogue made, not yet renamed into place: there is none (not an empty one).
    ...pauses('database-created', [1]),
    // Counted per worker thread: the first two files of a worker.
    ...pauses('ingest-thumbnails-written', [1, 2]),
    ...pauses('ingest-row', [1, 4, 8, 12]),
    ...pauses('ingest-committed', [1]),
    ...spread(whole, 13),
  ];
  await walk('ingest', kills, async (kill, dir) => {
    const catalogueDir = path.join(dir, 'cat');
    await runKilled(['ingest', photosDir, '--catalogue', catalogueDir], kill);
    // Killed before it made the catalogue: the re-run makes it.
    const made = fs.existsSync(cataloguePaths(catalogueDir).database);
    if (kill.pauseAt === 'database-created:1') assert.ok(!made, 'a catalogue half made is not in place');
    else if (kill.pauseAt) assert.ok(made, 'the catalogue was made before the pause');
    const catalogue = made ? await openChecked(catalogueDir) : await openRetrying(catalogueDir, true);
    assert.ok(!fs.existsSync(`${cataloguePaths(catalogueDir).database}.creating`), 'what the killed creation left is gone');
    try {
      const partial = (await Array.fromAsync(catalogue.photos.iterateAll()));
      assert.ok(partial.length <= PHOTOS);
      if (kill.pauseAt?.startsWith('ingest-committed')) assert.ok(partial.length > 0, 'killed after a commit');
      if (kill.pauseAt && !kill.pauseAt.startsWith('ingest-committed')) assert.ok(partial.length < PHOTOS, 'killed before the last commit');
      const outcome = !made ? 'no catalogue yet' : partial.length === 0 ? 'no photo' : partial.length < PHOTOS ? 'some photos' : 'all photos';
      for (const photo of partial) {
        assert.match(photo.hash, /^[0-9a-f]{64}$/);
        assert.equal(photo.previewError, null, photo.file);
        for (const size of ['grid', 'preview'] as const) assert.ok(fs.existsSync(thumbnailPath(catalogue.paths, photo.hash, size)), `${size} of ${photo.file}`);
      }
      const report = await catalogue.ingest.run([photosDir]);
      assert.deepEqual(report.failed, []);
      assert.equal(report.photos, PHOTOS, 'the re-run completes it');
      const all = (await Array.fromAsync(catalogue.photos.iterateAll()));
      assert.equal(new Set(all.map((p) => p.file)).size, PHOTOS, 'no duplicates');
      for (const photo of all) assert.ok(fs.existsSync(thumbnailPath(catalogue.paths, photo.hash, 'grid')));
      return outcome;
    } finally {
      catalogue.close();
    }
  });
});

test('kill -9 during a batch edit: all photos have the new value or none has', async () => {
  const probe = Catalogue.open(baseCatalogue, { readOnly: true });
  const ids = (await Array.fromAsync(probe.photos.iterateAll())).map((p) => String(p.id));
  const stepsBefore = historySteps(probe);
  probe.close();
  const args = (catalogueDir: string) => ['edit', ...ids, '--caption', 'Villamos a Körúton', '--tags', 'villamos;Körút', '--catalogue', catalogueDir];
  const whole = await runWhole(args(copyCatalogue(fs.mkdtempSync(path.join(root, 'edit-whole-')))));
  // One patch for all photos is written set-based, one UPDATE per field (caption, then tags):
  // the kills land after each, and the timed ones anywhere in the run.
  const kills = [...pauses('photo-updated', [1, 2]), ...pauses('edit-recorded', [1]), ...pauses('edit-committed', [1]), ...spread(whole, 18)];
  await walk('batch edit', kills, async (kill, dir) => {
    const catalogueDir = copyCatalogue(dir);
    await runKilled(args(catalogueDir), kill);
    const catalogue = await openChecked(catalogueDir);
    try {
      const photos = (await Array.fromAsync(catalogue.photos.iterateAll()));
      const edited = photos.filter((p) => p.caption === 'Villamos a Körúton' && p.tags.join(';') === 'villamos;Körút').length;
      const untouched = photos.filter((p) => p.caption === '' && p.tags.length === 0).length;
      assert.ok((edited === PHOTOS && untouched === 0) || (edited === 0 && untouched === PHOTOS), `${edited} edited, ${untouched} untouched of ${PHOTOS}`);
      assert.equal(historySteps(catalogue), stepsBefore + (edited ? 1 : 0), 'the undo step goes with the edit');
      if (kill.pauseAt && /^(photo-updated|edit-recorded)/.test(kill.pauseAt)) assert.equal(edited, 0, 'killed inside the transaction');
      if (kill.pauseAt?.startsWith('edit-committed')) assert.equal(edited, PHOTOS, 'killed after the commit');
      return edited ? 'all edited' : 'none edited';
    } finally {
      catalogue.close();
    }
  });
});

test('kill -9 during a CSV import: all rows are applied or none', async () => {
  const csv = path.join(root, 'import.csv');
  const rows = Array.from({ length: PHOTOS }, (_, i) => `${2001 + i},Cím ${i + 1},"Leírás ${i + 1}, Budapest",195${i % 10}`);
  fs.writeFileSync(csv, ['fortepan_id,title,description,date', ...rows].join('\r\n') + '\r\n');
  const probe = Catalogue.open(baseCatalogue, { readOnly: true });
  const stepsBefore = historySteps(probe);
  probe.close();
  const args = (catalogueDir: string) => ['import', csv, '--catalogue', catalogueDir];
  const whole = await runWhole(args(copyCatalogue(fs.mkdtempSync(path.join(root, 'import-whole-')))));
  const kills = [
    ...pauses('import-planned', [1]),
    ...pauses('photo-updated', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    ...pauses('edit-recorded', [1]),
    ...pauses('edit-committed', [1]),
    ...spread(whole, 6),
  ];
  await walk('CSV import', kills, async (kill, dir) => {
    const catalogueDir = copyCatalogue(dir);
    await runKilled(args(catalogueDir), kill);
    const catalogue = await openChecked(catalogueDir);
    try {
      const photos = (await Array.fromAsync(catalogue.photos.iterateAll()));
      const applied = photos.filter((p) => p.title === `Cím ${p.fortepanId! - 2000}` && p.caption === `Leírás ${p.fortepanId! - 2000}, Budapest`).length;
      const untouched = photos.filter((p) => p.title === '' && p.caption === '' && p.date === '').length;
      assert.ok((applied === PHOTOS && untouched === 0) || (applied === 0 && untouched === PHOTOS), `${applied} rows applied, ${untouched} untouched of ${PHOTOS}`);
      assert.equal(historySteps(catalogue), stepsBefore + (applied ? 1 : 0), 'the import is one undo step');
      if (kill.pauseAt && /^(import-planned|photo-updated|edit-recorded)/.test(kill.pauseAt)) assert.equal(applied, 0);
      if (kill.pauseAt?.startsWith('edit-committed')) assert.equal(applied, PHOTOS);
      return applied ? 'all rows' : 'no row';
    } finally {
      catalogue.close();
    }
  });
});

test('kill -9 while an export publishes: the folder holds exactly the earlier files or exactly the new ones, and no staging is left', async () => {
  const exportArgs = (catalogueDir: string, out: string, overwrite: boolean) => [
    'export', '--collection', 'Book', '--out', out, '--size', '56', '--style', 'press', '--lang', 'hu', '--catalogue', catalogueDir, ...(overwrite ? ['--overwrite'] : []),
  ];
  // The new set, from a whole run of the same export on copies.
  const expected = async (from: string, overwrite: boolean) => {
    const dir = fs.mkdtempSync(path.join(root, 'export-whole-'));
    const out = path.join(dir, 'out');
    fs.cpSync(from, out, { recursive: true });
    const ms = await runWhole(exportArgs(copyCatalogue(dir), out, overwrite));
    return { ms, state: folderState(out) };
  };
  const oldState = folderState(oldOut);
  const overwriting = await expected(oldOut, true);
  const ownState = folderState(emptyOut);
  const beside = await expected(emptyOut, false);
  // The new set replaced the earlier export's 12 pictures and lists, and nothing of the person's.
  assert.deepEqual([...overwriting.state.keys()], [...beside.state.keys()]);
  assert.equal([...overwriting.state.keys()].filter((n) => /^\d\d_fortepan/.test(n)).length, BOOK);
  assert.equal(overwriting.state.get('notes.txt'), oldState.get('notes.txt'));
  assert.equal(overwriting.state.get('99_my_scan.jpg'), oldState.get('99_my_scan.jpg'));

  /** Exactly the old set or exactly the new one (credits.docx carries its creation time: any new one). */
  const oldOrNew = (out: string, old: Map<string, string>, fresh: Map<string, string>) => {
    const now = folderState(out);
    const names = [...now.keys()].join(' ');
    if (names === [...old.keys()].join(' ') && [...now].every(([n, h]) => old.get(n) === h)) return 'old';
    assert.equal(names, [...fresh.keys()].join(' '), 'the names are the earlier set or the new set');
    for (const [name, hash] of now) {
      if (name === 'credits.docx') assert.notEqual(hash, old.get(name), 'a new credits.docx');
      else assert.equal(hash, fresh.get(name), `${name} is the new one`);
    }
    return 'new';
  };

  const kills = [
    // First, so its trial index is even: only the catalogue's opening clears the staging folder.
    ...pauses('export-staging-made', [1]),
    ...pauses('export-picture-staged', [1, 10]),
    ...pauses('export-journal-written', [1]),
    ...pauses('export-old-moved', [1, 3, 8, 12, 15]),
    ...pauses('export-new-moved', [1, 4, 9, 11, 13]),
    ...pauses('export-committed', [1]),
    ...spread(overwriting.ms, 6),
  ];
  // Without --overwrite into a folder of the person's own files (the new files are linked in).
  const besideKills = pauses('export-new-moved', [1, 7, 13]).map((k) => ({ ...k, beside: true }));
  await walk('export publish', [...kills, ...besideKills], async (kill, dir) => {
    const isBeside = 'beside' in kill;
    const catalogueDir = copyCatalogue(dir);
    const out = path.join(dir, 'out');
    fs.cpSync(isBeside ? emptyOut : oldOut, out, { recursive: true });
    await runKilled(exportArgs(catalogueDir, out, !isBeside), kill);
    const [old, fresh] = isBeside ? [ownState, beside.state] : [oldState, overwriting.state];
    const trialIndex = Number(path.basename(dir).split('-').pop());
    if (trialIndex % 2) {
      // The next export into the folder puts it right first (the same function)…
      recoverOutputFolder(out);
    }
    // …and so does opening the catalogue that exported (the next start of the app).
    (await openChecked(catalogueDir)).close();
    const which = oldOrNew(out, old, fresh);
    if (kill.pauseAt && /^export-(staging-made|picture-staged|journal-written|old-moved|new-moved)/.test(kill.pauseAt)) assert.equal(which, 'old', 'rolled back');
    if (kill.pauseAt?.startsWith('export-committed')) assert.equal(which, 'new', 'committed');
    assert.deepEqual(fs.readdirSync(out).filter((n) => n.startsWith(STAGING_PREFIX)), [], 'no staging left');
    assert.deepEqual(fs.readdirSync(path.join(catalogueDir, 'pending-exports')).length, 0, 'no note of an export under way');
    if (trialIndex % 4 === 0) {
      // The next run completes the export.
      await runWhole(exportArgs(catalogueDir, out, true));
      assert.equal(oldOrNew(out, new Map(), fresh), 'new');
    }
    return `${which} set`;
  });
});
