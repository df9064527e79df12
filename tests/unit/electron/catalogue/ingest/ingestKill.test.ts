// A real `fototar ingest` process killed with SIGKILL after some batches are committed: the
// catalogue must open (integrity_check ok), and running the same ingest again must complete it
// with every file catalogued exactly once. (Locking and backups are tested elsewhere.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { FOTOTAR_BIN, fototar } from '../../../../support/cli.ts';

function committedPhotos(database: string): number {
  try {
    const db = new DatabaseSync(database, { readOnly: true, timeout: 1000 });
    try {
      return Number((db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n);
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or mid-migration
  }
}

test('kill -9 mid-ingest: the catalogue opens and the same ingest completes with no duplicates', { timeout: 180_000 }, async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  const catalogueDir = path.join(dir, 'cat');
  const total = 150;
  for (let i = 0; i < total; i++) {
    const image = sharp({ create: { width: 640, height: 480, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 40 + (i % 150), sigma: 35 } } });
    await writeFixture(photos, `roll_${i % 4}/fortepan_${1000 + i}.jpg`, image.jpeg({ quality: 85 }).toBuffer());
  }

  const child = spawn(process.execPath, [FOTOTAR_BIN, 'ingest', photos, '--catalogue', catalogueDir, '--json'], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const database = path.join(catalogueDir, 'catalogue.sqlite');
  let seen = 0;
  const deadline = Date.now() + 120_000;
  while (seen < 20 && Date.now() < deadline && child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    seen = committedPhotos(database);
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'the ingest was killed, not finished');
  assert.ok(seen >= 20 && seen < total, `killed after ${seen} of ${total} photos were committed`);

  // The catalogue opens as it is, sound.
  const catalogue = Catalogue.open(catalogueDir);
  try {
    assert.equal((catalogue.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    const survived = await catalogue.photos.count();
    assert.ok(survived >= seen && survived < total, `${survived} photos after the kill`);
  } finally {
    catalogue.close();
  }

  // The same ingest again completes it: every file once, nothing added twice.
  const again = fototar('ingest', photos, '--catalogue', catalogueDir, '--json');
  assert.equal(again.status, 0, again.stderr);
  const report = JSON.parse(again.stdout) as { added: number; unchanged: number; updated: number; failed: unknown[]; photos: number };
  assert.deepEqual(report.failed, []);
  assert.equal(report.photos, total);
  assert.equal(report.added + report.unchanged + report.updated, total);
  const reopened = Catalogue.open(catalogueDir);
  try {
    const rows = reopened.db.prepare('SELECT count(*) AS n, count(DISTINCT file) AS files, count(DISTINCT hash) AS hashes, count(duplicate_of) AS duplicates FROM photos').get() as Record<string, number>;
    assert.deepEqual({ ...rows }, { n: total, files: total, hashes: total, duplicates: 0 });
    for await (const photo of reopened.photos.iterateAll()) assert.ok(await reopened.photos.imageFile(photo.id, 'grid'), `${photo.file}: grid thumbnail`);
  } finally {
    reopened.close();
  }
});
