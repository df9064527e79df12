// Automatic rotating backups (SQLite's online backup), `fototar backup`, `fototar restore`,
// and a damaged or newer catalogue through the CLI: a clear message, never a silent reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { listBackups, makeBackup, startAutomaticBackups, verifyDatabaseFile } from '../../../../../electron/catalogue/store/catalogueBackup.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { waitFor } from '../../../../support/storeFixtures.ts';
import { fototar } from '../../../../support/cli.ts';

async function catalogueWithOnePhoto() {
  const dir = await tempDir('fototar-backup-');
  await writeFixture(path.join(dir, 'photos'), 'fortepan_3001.jpg', makeJpeg());
  const catalogueDir = path.join(dir, 'cat');
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  await catalogue.ingest.run([path.join(dir, 'photos')]);
  const [{ id }] = (await catalogue.photos.list(0, 1)).photos;
  return { dir, catalogueDir, catalogue, id };
}

test('backups are consistent copies, made while editing, rotated to the newest K', async () => {
  const { catalogue, id } = await catalogueWithOnePhoto();
  try {
    await catalogue.photos.update([id], { caption: 'első' });
    // Still in the WAL, not yet in the main file: the online backup includes it.
    const first = await makeBackup(catalogue.db, catalogue.paths);
    const copy = new DatabaseSync(first.file, { readOnly: true });
    assert.equal((copy.prepare('SELECT caption FROM photos WHERE id = ?').get(id) as { caption: string }).caption, 'első');
    copy.close();
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 3));
      await makeBackup(catalogue.db, catalogue.paths, { keep: 3 });
    }
    const kept = listBackups(catalogue.paths);
    assert.equal(kept.length, 3);
    assert.ok(kept[0].createdAt > kept[2].createdAt, 'newest first');
    assert.ok(!kept.some((b) => b.file === first.file), 'the oldest were removed');
    assert.deepEqual(fs.readdirSync(path.dirname(first.file)).filter((n) => n.endsWith('.partial')), []);
  } finally {
    catalogue.close();
  }
});

test('automatic backups: one on open when due, none when a recent one exists', async () => {
  const { catalogue } = await catalogueWithOnePhoto();
  try {
    const made: string[] = [];
    const first = startAutomaticBackups(catalogue.db, catalogue.paths, { onBackup: (b) => made.push(b.file) });
    await waitFor(() => made.length === 1, 'the backup on open');
    first.stop();
    const again = startAutomaticBackups(catalogue.db, catalogue.paths, { onBackup: (b) => made.push(b.file), hours: 6 });
    // Whether one is due is decided at once; none was started.
    await new Promise((resolve) => setImmediate(resolve));
    again.stop();
    assert.equal(made.length, 1, 'the first is less than 6 hours old');
    assert.deepEqual(fs.readdirSync(path.dirname(made[0])), [path.basename(made[0])]);
  } finally {
    catalogue.close();
  }
});

test('fototar backup and fototar restore: back to the backed-up state, the replaced database kept', async () => {
  const { catalogueDir, catalogue, id } = await catalogueWithOnePhoto();
  await catalogue.photos.update([id], { caption: 'mentett' });
  // The catalogue is in use: restore says so (or that there is nothing to restore yet), while a
  // backup works beside the app (SQLite's online backup needs no lock).
  const busy = fototar('restore', 'latest', '--catalogue', catalogueDir);
  assert.equal(busy.status, 1);
  assert.match(busy.stderr, /no backups|in use/);
  const made = fototar('backup', '--catalogue', catalogueDir, '--json');
  assert.equal(made.status, 0, made.stderr);
  const backupFile = JSON.parse(made.stdout).file as string;
  assert.ok(fs.existsSync(backupFile));
  catalogue.close();

  const later = Catalogue.open(catalogueDir);
  await later.photos.update([id], { caption: 'később elrontva' });
  // Restoring while it is open is refused.
  const refused = fototar('restore', backupFile, '--catalogue', catalogueDir);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /in use/);
  later.close();

  const restored = fototar('restore', 'latest', '--catalogue', catalogueDir, '--json');
  assert.equal(restored.status, 0, restored.stderr);
  const result = JSON.parse(restored.stdout);
  assert.equal(result.restored, backupFile);
  assert.equal(result.photos, 1);
  assert.match(result.previous, /-before-restore\.sqlite$/);
  const show = fototar('show', String(id), '--catalogue', catalogueDir, '--json');
  assert.equal(JSON.parse(show.stdout).caption, 'mentett');
  // Nothing was lost: the replaced state is in the before-restore copy.
  const previous = new DatabaseSync(result.previous, { readOnly: true });
  assert.equal((previous.prepare('SELECT caption FROM photos').get() as { caption: string }).caption, 'később elrontva');
  previous.close();
  const list = fototar('backup', '--list', '--catalogue', catalogueDir, '--json');
  assert.equal(JSON.parse(list.stdout).backups.length, 2);
});

test('restore refuses a damaged or newer backup and changes nothing', async () => {
  const { dir, catalogueDir, catalogue } = await catalogueWithOnePhoto();
  catalogue.close();
  const before = fs.readFileSync(path.join(catalogueDir, 'catalogue.sqlite'));
  const junk = path.join(dir, 'junk.sqlite');
  fs.writeFileSync(junk, Buffer.alloc(8192, 7));
  const r = fototar('restore', junk, '--catalogue', catalogueDir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot be opened|not a usable|damaged/);
  const newer = path.join(dir, 'newer.sqlite');
  const db = new DatabaseSync(newer);
  db.exec('PRAGMA user_version = 999');
  db.close();
  assert.throws(() => verifyDatabaseFile(newer), /newer Fototar/);
  assert.equal(fototar('restore', newer, '--catalogue', catalogueDir).status, 1);
  assert.deepEqual(fs.readFileSync(path.join(catalogueDir, 'catalogue.sqlite')), before);
});

test('a damaged or newer-version catalogue: one clear line from the CLI, the file untouched', async () => {
  const { catalogueDir, catalogue } = await catalogueWithOnePhoto();
  catalogue.close();
  const file = path.join(catalogueDir, 'catalogue.sqlite');

  const db = new DatabaseSync(file);
  db.exec('PRAGMA user_version = 999');
  db.close();
  const newer = fototar('list', '--catalogue', catalogueDir);
  assert.equal(newer.status, 1);
  assert.match(newer.stderr, /^fototar list: This catalogue was written by a newer Fototar \(schema 999\).*Update Fototar to open it\.\n$/);
  const check = new DatabaseSync(file, { readOnly: true });
  assert.equal((check.prepare('PRAGMA user_version').get() as { user_version: number }).user_version, 999);
  assert.equal((check.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n, 1, 'not reset');
  check.close();

  const damaged = Buffer.alloc(fs.statSync(file).size, 0x5a);
  Buffer.from('SQLite format 3\0').copy(damaged);
  for (const extra of ['-wal', '-shm']) fs.rmSync(file + extra, { force: true });
  fs.writeFileSync(file, damaged);
  for (const command of ['list', 'ingest']) {
    const r = fototar(command, ...(command === 'ingest' ? [catalogueDir] : []), '--catalogue', catalogueDir);
    assert.equal(r.status, 1, command);
    assert.match(r.stderr, new RegExp(`^fototar ${command}: The catalogue database .* is damaged .*Restore it from a backup; nothing was changed\\.\\n$`), command);
    assert.deepEqual(fs.readFileSync(file), damaged, `${command} left the damaged file as it was`);
  }
});
