// The editor's pick lists (donors, places, licences…) count every photo's value, about a second
// per field at a million photos. They are read for all fields at once (in a worker thread on a
// large catalogue, never on the thread serving thumbnails) and kept until anything is written,
// and must never be stale: an edit here, or a commit by another process (the CLI, a script),
// shows at the next ask.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { readFieldValues } from '../../../../../electron/catalogue/store/fieldValues.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { tempDir } from '../../../../support/fixtures.ts';

test('pick lists are counted once while nothing is written, and follow edits here and commits elsewhere', async () => {
  const dir = path.join(await tempDir('fototar-suggestions-'), 'cat');
  const catalogue = Catalogue.open(dir, { create: true });
  try {
    const now = new Date().toISOString();
    catalogue.db.exec('BEGIN');
    for (let n = 1; n <= 30; n++) catalogue.store.photos.insert(fortepanRecord(n, { donor: n <= 20 ? 'Kovács Anna' : 'Szabó Éva' }), now);
    catalogue.db.exec('COMMIT');
    await catalogue.whenWritable();

    // Counted by the statements SQLite runs on this connection for the pick lists.
    let counted = 0;
    const db = catalogue.db;
    const prepare = db.prepare.bind(db);
    db.prepare = (sql: string) => {
      if (/GROUP BY donor /.test(sql)) counted++;
      return prepare(sql);
    };
    const repository = catalogue.store.photos;

    assert.deepEqual(await catalogue.photos.fieldSuggestions('donor'), ['Kovács Anna', 'Szabó Éva']);
    assert.deepEqual(await catalogue.photos.fieldSuggestions('donor'), ['Kovács Anna', 'Szabó Éva']);
    assert.deepEqual(await catalogue.photos.fieldSuggestions('city'), []);
    assert.equal(counted, 1, 'the fields counted once while nothing was written');

    // An edit in this process.
    const ids = repository.summaryPage(0, 30).map((p) => p.id);
    await catalogue.photos.update(ids.slice(0, 15), { donor: 'Ősz Ödön' });
    assert.deepEqual(await catalogue.photos.fieldSuggestions('donor'), ['Ősz Ödön', 'Szabó Éva', 'Kovács Anna']);

    // A commit by another connection, as the CLI makes.
    const other = new DatabaseSync(path.join(dir, 'catalogue.sqlite'));
    other.exec('PRAGMA busy_timeout = 5000');
    other.prepare('UPDATE photos SET city = ? WHERE id = ?').run('Győr', ids[0]);
    other.close();
    assert.deepEqual(await catalogue.photos.fieldSuggestions('city'), ['Győr']);
    assert.equal(counted, 3);

    // A large catalogue's are read in a worker thread, on a connection of its own: the same values.
    const columns = ['donor', 'city', 'licence', 'place'];
    const here = await readFieldValues(db, path.join(dir, 'catalogue.sqlite'), columns, 200);
    const inWorker = await readFieldValues(db, path.join(dir, 'catalogue.sqlite'), columns, 200, -1);
    assert.deepEqual(inWorker, here);
    assert.deepEqual(inWorker.donor, ['Ősz Ödön', 'Szabó Éva', 'Kovács Anna']);
  } finally {
    catalogue.close();
  }
});
