// An edit of a few photos must cost the same in a catalogue of a million as in one of fifty: its
// undo record, its write and its undo find the photos by id from the selection, never by reading
// every photo. Left to plan the joins with a temporary table (which has no statistics), SQLite
// scanned the photos table: 0.6 s for an edit of one photo at 1,000,000 photos, measured. (Many
// photos, a quarter of the catalogue or more, are walked from the photos table on purpose.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { replaySql, undoRecordSql } from '../../../../../electron/catalogue/store/uniformEdits.ts';
import { fewOfCatalogue } from '../../../../../electron/catalogue/store/selectedPhotos.ts';
import { turnGroupsSql } from '../../../../../electron/catalogue/store/turnEdits.ts';
import { EDITABLE_FIELDS } from '../../../../../shared/types.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { tempDir } from '../../../../support/fixtures.ts';

/** The steps of SQLite's plan for `sql`, e.g. "SCAN p" or "SEARCH p USING INTEGER PRIMARY KEY (rowid=?)". */
function plan(catalogue: Catalogue, sql: string, ...params: string[]): string[] {
  return catalogue.db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => String((row as { detail: string }).detail));
}

test("an edit's undo record, its undo and a turn read the selected photos by id, never every photo", async () => {
  const catalogue = Catalogue.open(path.join(await tempDir('fototar-plans-'), 'cat'), { create: true });
  try {
    const now = new Date().toISOString();
    catalogue.db.exec('BEGIN');
    for (let n = 1; n <= 200; n++) catalogue.store.photos.insert(fortepanRecord(n, { title: `Kép ${n}`, date: String(1900 + (n % 90)) }), now);
    catalogue.db.exec('COMMIT');
    // The temporary tables exist once an edit, an undo and a turn have run.
    const [first] = catalogue.store.photos.summaryPage(0, 1).map((p) => p.id);
    await catalogue.photos.update([first], { caption: 'Árvíztűrő tükörfúrógép' });
    await catalogue.history.undo();
    await catalogue.photos.turn({ ids: [first] }, { rotate: 90 });

    const scansPhotos = (steps: string[]) => steps.some((step) => /^SCAN (p|photos)\b/.test(step));
    assert.equal(fewOfCatalogue(catalogue.db, 49), true);
    assert.equal(fewOfCatalogue(catalogue.db, 50), false);
    for (const field of EDITABLE_FIELDS) {
      const record = plan(catalogue, undoRecordSql(field, true), 'x');
      assert.ok(!scansPhotos(record), `${field}, undo record: ${record.join('; ')}`);
      assert.match(record.join('; '), /SEARCH p USING INTEGER PRIMARY KEY/);
      const replay = plan(catalogue, replaySql(field, true), now);
      assert.ok(!scansPhotos(replay), `${field}, undo: ${replay.join('; ')}`);
    }
    const turn = plan(catalogue, turnGroupsSql(true));
    assert.ok(!scansPhotos(turn), `turn: ${turn.join('; ')}`);
    // And they still do what they did: the edit above was undone, the turn recorded.
    assert.equal(catalogue.store.photos.get(first)?.caption, '');
  } finally {
    catalogue.close();
  }
});
