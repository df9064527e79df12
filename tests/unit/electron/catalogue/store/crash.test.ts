// The process killed (SIGKILL, a real child process) during an edit, a batch edit and an
// ingest: the catalogue opens again (the dead process's lock is recognised as stale), every
// edit reported as committed is there, nothing is half-applied, and SQLite's integrity check
// passes. Also: a second instance on a catalogue in use is refused with a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

const child = fileURLToPath(new URL('../../../../support/busyCatalogue.ts', import.meta.url));

async function catalogueWith(count: number) {
  const dir = await tempDir('fototar-crash-');
  const photos = path.join(dir, 'photos');
  for (let i = 1; i <= count; i++) await writeFixture(photos, `fortepan_${1000 + i}.jpg`, makeJpeg({ colour: `#${(i * 40503).toString(16).padStart(6, '0').slice(0, 6)}` }));
  const catalogueDir = path.join(dir, 'cat');
  return { dir, photos, catalogueDir };
}

/** Starts the child and resolves with it once `ready(line)` is true for a printed line. */
function startChild(args: string[], ready: (line: string) => boolean): Promise<{ proc: ChildProcess; lines: string[] }> {
  const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  proc.stderr!.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    let buffer = '';
    proc.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (ready(line)) resolve({ proc, lines });
      }
    });
    proc.on('exit', (code) => reject(new Error(`child exited (${code}) before it was ready: ${stderr}`)));
  });
}

async function kill(proc: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
}

function integrity(catalogue: Catalogue): string {
  return (catalogue.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
}

const lastCommitted = (lines: string[]) => Math.max(0, ...lines.filter((l) => l.startsWith('committed ')).map((l) => Number(l.split(' ')[1])));

test('killed during single edits: every committed edit survives, the database is intact', async () => {
  const { photos, catalogueDir } = await catalogueWith(1);
  const seed = Catalogue.open(catalogueDir, { create: true });
  await seed.ingest.run([photos]);
  seed.close();

  const { proc, lines } = await startChild(['edit', catalogueDir], (line) => line === 'committed 30');
  await kill(proc);
  const committed = lastCommitted(lines);
  assert.ok(committed >= 30);
  assert.ok(fs.existsSync(path.join(catalogueDir, 'catalogue.lock')), 'the dead process left its lock behind');

  const reopened = Catalogue.open(catalogueDir);
  try {
    assert.equal(integrity(reopened), 'ok');
    const [photo] = (await reopened.photos.list(0, 1)).photos;
    const full = await reopened.photos.get(photo.id);
    const n = Number(/^edit (\d+)$/.exec(full.caption)?.[1]);
    // The last printed commit is there; at most one more committed before the kill landed.
    assert.ok(n === committed || n === committed + 1, `caption "${full.caption}" after ${committed} committed edits`);
    assert.equal(full.notes, `note ${n}`, 'both fields of one edit are saved together');
  } finally {
    reopened.close();
  }
});

test('killed during batch edits: every photo has the same, whole edit (nothing half-applied)', async () => {
  const { photos, catalogueDir } = await catalogueWith(40);
  const seed = Catalogue.open(catalogueDir, { create: true });
  await seed.ingest.run([photos]);
  seed.close();

  const { proc, lines } = await startChild(['batch', catalogueDir], (line) => line === 'committed 15');
  // Let it get into the middle of another batch before the kill.
  await new Promise((resolve) => setTimeout(resolve, 37));
  await kill(proc);
  const committed = lastCommitted(lines);

  const reopened = Catalogue.open(catalogueDir);
  try {
    assert.equal(integrity(reopened), 'ok');
    const all = (await Array.fromAsync(reopened.photos.iterateAll()));
    assert.equal(all.length, 40);
    const captions = new Set(all.map((p) => p.caption));
    assert.equal(captions.size, 1, `one caption on all photos, not ${[...captions].slice(0, 3).join(', ')}`);
    const n = Number(/^batch (\d+)$/.exec(all[0].caption)?.[1]);
    assert.ok(n >= committed && n <= committed + 1, `batch ${n} after ${committed} committed`);
    for (const photo of all) {
      assert.deepEqual(photo.tags, [`t${n}`, 'közös']);
      assert.equal(photo.date, `${1900 + (n % 100)}`);
    }
  } finally {
    reopened.close();
  }
});

test('killed during an ingest: the catalogue opens, holds whole photos only, and the same ingest completes it', async () => {
  const { photos, catalogueDir } = await catalogueWith(60);
  const { proc } = await startChild(['ingest', catalogueDir, photos], (line) => /^progress (\d+)$/.test(line) && Number(line.split(' ')[1]) >= 20);
  await kill(proc);

  const reopened = Catalogue.open(catalogueDir);
  try {
    assert.equal(integrity(reopened), 'ok');
    const partial = (await Array.fromAsync(reopened.photos.iterateAll()));
    assert.ok(partial.length < 60, `killed before the end (${partial.length} photos)`);
    for (const photo of partial) {
      assert.match(photo.hash, /^[0-9a-f]{64}$/);
      assert.equal(photo.licence, 'CC BY-SA 3.0');
    }
    const report = await reopened.ingest.run([photos]);
    assert.deepEqual(report.failed, []);
    assert.equal(report.photos, 60, 'no duplicates, nothing lost');
    assert.equal(integrity(reopened), 'ok');
  } finally {
    reopened.close();
  }
});

test('a second instance is told the catalogue is in use; a killed holder frees it', async () => {
  const { photos, catalogueDir } = await catalogueWith(1);
  const seed = Catalogue.open(catalogueDir, { create: true });
  await seed.ingest.run([photos]);
  // The same process opening it twice is refused too.
  assert.throws(() => Catalogue.open(catalogueDir), (error: unknown) => error instanceof CatalogueError && error.code === 'catalogue-in-use');
  seed.close();

  const { proc } = await startChild(['hold', catalogueDir], (line) => line === 'open');
  try {
    assert.throws(
      () => Catalogue.open(catalogueDir),
      (error: unknown) =>
        error instanceof CatalogueError && error.code === 'catalogue-in-use' && new RegExp(`in use by another Fototar \\(test hold, process ${proc.pid}`).test(error.message),
    );
  } finally {
    await kill(proc);
  }
  const after = Catalogue.open(catalogueDir);
  assert.equal(await after.photos.count(), 1);
  after.close();
  assert.equal(fs.existsSync(path.join(catalogueDir, 'catalogue.lock')), false, 'close removes the lock');
});
