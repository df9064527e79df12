// Migration 11: a catalogue from before folders gets each photo's folder (the same rule as
// shared/folderPath.ts, POSIX and Windows paths) and its index, which the folder filter and the
// tree's counts read without touching the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { withoutFolders, withoutMarks } from '../../../../support/olderSchema.ts';
import { folderOfFile } from '../../../../../shared/folderPath.ts';

const FILES = ['/archív/Doboz 1/a.jpg', '/archív/Doboz 1/Ünnepek/b.jpg', '/archív/Doboz 10/c.jpg', '/archív/név\\ferde.jpg', 'C:\\Képek\\Doboz 2\\d.jpg', 'D:/Képek/e.jpg'];

test('opening a catalogue from before folders fills the folder column and its index', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-folder-migration-'));
  const catalogue = Catalogue.open(dir, { create: true });
  const now = new Date().toISOString();
  FILES.forEach((file, i) => catalogue.store.photos.insert({ ...fortepanRecord(500 + i), file }, now));
  const database = catalogue.paths.database;
  catalogue.close();
  const db = new DatabaseSync(database);
  // Back to version 10: migration 11 (this one) and the later 12 taken out.
  withoutMarks(db);
  withoutFolders(db);
  db.exec('PRAGMA user_version = 10');
  db.close();

  const reopened = Catalogue.open(dir);
  try {
    const rows = reopened.db.prepare('SELECT file, folder FROM photos ORDER BY id').all() as { file: string; folder: string }[];
    assert.deepEqual(
      rows.map((r) => r.folder),
      FILES.map(folderOfFile),
    );
    assert.deepEqual(rows.map((r) => r.folder), ['/archív/Doboz 1/', '/archív/Doboz 1/Ünnepek/', '/archív/Doboz 10/', '/archív/', 'C:\\Képek\\Doboz 2\\', 'D:/Képek/']);
    const plan = reopened.db.prepare("EXPLAIN QUERY PLAN SELECT json_group_array(id) FROM photos WHERE file >= '/a/' AND file < '/a0'").all() as { detail: string }[];
    assert.ok(plan.some((row) => /COVERING INDEX/.test(row.detail)), JSON.stringify(plan));
    // Written later, by an ingest or a relink: the triggers keep the folder.
    reopened.store.photos.insert({ ...fortepanRecord(600), file: '/új/f.jpg' }, new Date().toISOString());
    reopened.store.photos.relink(1, '/máshol/a.jpg', 1000, 0, new Date().toISOString());
    const later = reopened.db.prepare("SELECT file, folder FROM photos WHERE file IN ('/új/f.jpg', '/máshol/a.jpg') ORDER BY id").all() as { file: string; folder: string }[];
    assert.deepEqual(later.map((r) => r.folder), ['/máshol/', '/új/']);
    const counts = reopened.db.prepare('EXPLAIN QUERY PLAN SELECT folder, count(*) FROM photos GROUP BY folder').all() as { detail: string }[];
    assert.ok(counts.some((row) => /COVERING INDEX photos_folder/.test(row.detail)), JSON.stringify(counts));
    assert.equal((await reopened.originals.folders()).total, FILES.length + 1);
  } finally {
    reopened.close();
  }
});
