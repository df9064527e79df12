// Every failure of the command line is one line on stderr and exit 1, never a stack (item 11),
// driven through bin/fototar.js as a user runs it: a read-only catalogue folder (reading still
// works), a damaged database, an empty catalogue.sqlite, a full disk during ingest and export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describeError } from '../../../../electron/cli/errorMessage.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';
import { recordCatalogue } from '../../../support/storeFixtures.ts';
import { assertOneLineFailure, runFototar } from '../../../support/cli.ts';

test('a read-only catalogue folder: list, show, credits and export-metadata work; edit says why not in one line', async () => {
  const { catalogueDir } = await recordCatalogue(2, 'Villamos a körúton', 'fototar-ro-');
  fs.chmodSync(catalogueDir, 0o555);
  // Root ignores file modes: as root the commands run without the capabilities that allow it.
  const as = { honourFileModes: true };
  try {
    for (const args of [['list'], ['show', '1'], ['credits', '1'], ['export-metadata', '--format', 'csv']]) {
      const r = runFototar([...args, '--catalogue', catalogueDir], as);
      assert.equal(r.status, 0, `${args[0]}: ${r.stderr}`);
    }
    assert.match(runFototar(['show', '1', '--catalogue', catalogueDir, '--json'], as).stdout, /Villamos a körúton/);
    const edit = runFototar(['edit', '1', '--caption', 'x', '--catalogue', catalogueDir], as);
    assert.match(assertOneLineFailure(edit, 'edit'), /Cannot lock the catalogue .*is the folder writable\?/);
  } finally {
    fs.chmodSync(catalogueDir, 0o755);
  }
});

test('a damaged database: list and search say so in one line and offer a backup', async () => {
  const { catalogueDir } = await recordCatalogue(30, 'sérült', 'fototar-corrupt-');
  assert.equal(runFototar(['backup', '--catalogue', catalogueDir]).status, 0);
  const file = path.join(catalogueDir, 'catalogue.sqlite');
  // The photos table's root page overwritten, as a failing disk would.
  const db = new DatabaseSync(file);
  const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'photos'`).get() as { rootpage: number };
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
  for (const args of [['list'], ['search', 'sérült'], ['show', '1'], ['edit', '1', '--caption', 'x']]) {
    const line = assertOneLineFailure(runFototar([...args, '--catalogue', catalogueDir]), args[0]);
    assert.match(line, /damaged/, line);
    assert.match(line, /fototar restore latest/, line);
  }
});

test('an empty (0-byte) catalogue.sqlite: one line, and it is not silently made a new catalogue', async () => {
  const { catalogueDir } = await recordCatalogue(1, 'x', 'fototar-empty-');
  runFototar(['backup', '--catalogue', catalogueDir]);
  const file = path.join(catalogueDir, 'catalogue.sqlite');
  fs.writeFileSync(file, '');
  for (const args of [['list'], ['edit', '1', '--caption', 'y'], ['ingest', catalogueDir]]) {
    const line = assertOneLineFailure(runFototar([...args, '--catalogue', catalogueDir]), args[0]);
    assert.match(line, /empty \(0 bytes\).*fototar restore latest/);
  }
  assert.equal(fs.statSync(file).size, 0, 'left as it was');
});

/** A small file system of its own (needs root, as CI runs): a disk that really fills up. */
function smallDisk(t: { skip: (why: string) => void; after: (fn: () => void) => void }, dir: string, kb: number): boolean {
  fs.mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) {
    t.skip(`cannot mount a small file system here (${String(mounted.stderr).trim()}); needs root`);
    return false;
  }
  t.after(() => spawnSync('umount', ['-l', dir]));
  return true;
}

test('the disk fills up during an ingest: one line, exit 1', async (t) => {
  const dir = await tempDir('fototar-full-ingest-');
  for (let i = 0; i < 30; i++) await writeFixture(path.join(dir, 'photos'), `fortepan_${i + 1}.jpg`, makeJpeg({ width: 900, height: 700, colour: `#${(i * 7919).toString(16).padStart(6, '0').slice(0, 6)}` }));
  const disk = path.join(dir, 'disk');
  if (!smallDisk(t, disk, 256)) return;
  const r = runFototar(['ingest', path.join(dir, 'photos'), '--catalogue', path.join(disk, 'cat')]);
  if (r.status === 0) {
    // Every photo that did not fit is reported with its reason; nothing crashed.
    assert.match(r.stdout, /no space left|full/i, r.stdout);
  } else {
    assert.match(assertOneLineFailure(r, 'ingest'), /full/i);
  }
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('the disk fills up during an export: one line, exit 1, nothing half-written left', async (t) => {
  const dir = await tempDir('fototar-full-export-');
  for (let i = 0; i < 6; i++) await writeFixture(path.join(dir, 'photos'), `fortepan_${i + 1}.jpg`, makeJpeg({ width: 1600, height: 1200, colour: `#${(i * 7919).toString(16).padStart(6, '0').slice(0, 6)}` }));
  const cat = path.join(dir, 'cat');
  assert.equal(runFototar(['ingest', path.join(dir, 'photos'), '--catalogue', cat]).status, 0);
  assert.equal(runFototar(['collection', 'create', 'Könyv', '--catalogue', cat]).status, 0);
  assert.equal(runFototar(['collection', 'add', 'Könyv', '1', '2', '3', '4', '5', '6', '--catalogue', cat]).status, 0);
  const disk = path.join(dir, 'disk');
  if (!smallDisk(t, disk, 64)) return;
  const r = runFototar(['export', '--collection', 'Könyv', '--out', path.join(disk, 'out'), '--catalogue', cat, '--quality', '100']);
  assert.match(assertOneLineFailure(r, 'export'), /full/i);
});

test('errors of no known kind are still one line; a batch too large to record says to do less at once', () => {
  let tooLong: unknown;
  try {
    'x'.repeat(2 ** 30);
  } catch (error) {
    tooLong = error;
  }
  assert.match(describeError(tooLong), /^That is too much to handle in one step \(Invalid string length\); nothing was saved\./);
  const unknown = describeError(new TypeError('first line\nsecond line'));
  assert.equal(unknown.includes('\n'), false);
  assert.match(unknown, /^internal error: first line second line/);
  const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  assert.match(describeError(full), /^The disk is full/);
});

test("a team catalogue's server gone mid-command is said as one line naming the address; the same error on a folder is not", () => {
  const gone = Object.assign(new Error('Connection terminated unexpectedly'), {});
  const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
  const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  for (const error of [gone, refused, shutdown]) {
    assert.equal(describeError(error, { catalogue: 'postgres://anna@nas/fortepan' }), `Cannot reach the PostgreSQL database postgres://anna@nas/fortepan: ${error.message}`);
  }
  assert.doesNotMatch(describeError(new Error('syntax error at or near "x"'), { catalogue: 'postgres://anna@nas/fortepan' }), /Cannot reach/);
  assert.doesNotMatch(describeError(refused, { catalogue: '/home/anna/fortepan' }), /PostgreSQL/);
});
