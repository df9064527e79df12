// Backups happen without anyone asking (issue "Nothing lost…", item 1): a long-running host (the
// app, `fototar serve`, `npm start`) that starts its background duties gets a backup when it
// opens a catalogue without a recent one and another when it closes after changes; `fototar
// backup` works while the app holds the catalogue; a damaged database never replaces a good backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { listBackups, makeBackup } from '../../../../../electron/catalogue/store/catalogueBackup.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { damageIndexContent, recordCatalogue, waitFor } from '../../../../support/storeFixtures.ts';
import { runFototar } from '../../../../support/cli.ts';

const captionIn = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('SELECT caption FROM photos ORDER BY id LIMIT 1').get() as { caption: string }).caption;
  } finally {
    db.close();
  }
};

test('a host that starts its background duties is backed up on open and again on close', async () => {
  const { catalogueDir } = await recordCatalogue(3, 'megnyitáskor');
  const catalogue = Catalogue.open(catalogueDir);
  try {
    // Exactly as electron/main.ts, scripts/start.ts and `fototar serve` call it: no callbacks.
    catalogue.startBackgroundDuties();
    await waitFor(() => listBackups(catalogue.paths).length === 1, 'the backup on open');
    assert.equal(captionIn(listBackups(catalogue.paths)[0].file), 'megnyitáskor');
    await catalogue.photos.update(await catalogue.photos.ids(), { caption: 'bezáráskor' });
  } finally {
    catalogue.close();
  }
  const backups = listBackups(catalogue.paths);
  assert.equal(backups.length, 2, 'a second backup at close, since something changed');
  assert.equal(captionIn(backups[0].file), 'bezáráskor');
  assert.deepEqual(fs.readdirSync(`${catalogueDir}/backups`).filter((n) => !n.endsWith('.sqlite')), [], 'no partial files');

  // Opened again with a recent backup and closed without a change: no new copy.
  const again = Catalogue.open(catalogueDir);
  again.startBackgroundDuties();
  await again.whenWritable();
  again.close();
  assert.equal(listBackups(again.paths).length, 2);
});

test('fototar backup works while the app holds the catalogue', async () => {
  const { catalogueDir } = await recordCatalogue(2, 'régi');
  const app = Catalogue.open(catalogueDir, { purpose: 'app' });
  try {
    await app.photos.update(await app.photos.ids(), { caption: 'az app mentette' });
    const made = runFototar(['backup', '--catalogue', catalogueDir, '--json']);
    assert.equal(made.status, 0, made.stderr);
    const { file } = JSON.parse(made.stdout) as { file: string };
    assert.equal(captionIn(file), 'az app mentette', 'the edit still in the WAL is in the copy');
    // The app goes on editing meanwhile.
    await app.photos.update(await app.photos.ids(), { caption: 'utána' });
  } finally {
    app.close();
  }
});

test('a damaged database is not backed up, and the good backups are kept', async () => {
  const { catalogueDir } = await recordCatalogue(3, 'jó');
  const catalogue = Catalogue.open(catalogueDir);
  let good: string;
  try {
    good = (await makeBackup(catalogue.db, catalogue.paths, { keep: 1 })).file;
  } finally {
    catalogue.close();
  }
  // An index that no longer matches its table: quick_check does not look, integrity_check does.
  damageIndexContent(path.join(catalogueDir, 'catalogue.sqlite'));
  const damaged = Catalogue.open(catalogueDir);
  try {
    await assert.rejects(
      makeBackup(damaged.db, damaged.paths, { keep: 1 }),
      (error: unknown) => error instanceof CatalogueError && error.code === 'catalogue-corrupt' && /damaged .*no backup was made/.test(error.message),
    );
  } finally {
    damaged.close();
  }
  assert.deepEqual(listBackups(damaged.paths).map((b) => b.file), [good], 'the good backup is still there, alone');
  assert.deepEqual(fs.readdirSync(`${catalogueDir}/backups`), [path.basename(good)], 'and nothing else');
});
