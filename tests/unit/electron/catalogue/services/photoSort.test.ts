import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { withoutMarks } from '../../../../support/olderSchema.ts';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { tempDir } from '../../../../support/fixtures.ts';
import type { PhotoSort, SortField } from '../../../../../shared/photoSort.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';

// Photo n (id n) gets these fields; the rows are inserted in this order, so ids are 1..8.
const ROWS = [
  { n: 5, title: '10 éves', date: '1956', donor: 'Szabó Éva', photographer: '', city: 'Budapest', place: 'Üllői út' },
  { n: 3, title: '2 éves', date: '', donor: 'Csorba Győző', photographer: 'Kovács', city: 'Szeged', place: '' },
  { n: 8, title: 'Ábel', date: '1930~', donor: 'Cukor', photographer: 'Zsigmond', city: '', place: '' },
  { n: 1, title: 'ózd', date: '1956', donor: 'Szabó Éva', photographer: '', city: 'Budapest', place: 'Andrássy út' },
  { n: 7, title: 'öt', date: '', donor: '', photographer: 'Ács', city: 'Pécs', place: '' },
  { n: 2, title: '', date: '1890/1891', donor: 'Dzsida', photographer: '', city: 'Budapest', place: 'Üllői út' },
  { n: 6, title: 'alma', date: '1956-10-23', donor: 'Cukor', photographer: '', city: 'Győr', place: '' },
  { n: 4, title: 'cukor', date: '195X', donor: 'Dallos', photographer: 'Gyenes', city: 'Gödöllő', place: '' },
];

async function sortedCatalogue(): Promise<Catalogue> {
  const dir = path.join(await tempDir('fototar-sort-'), 'cat');
  const catalogue = Catalogue.open(dir, { create: true });
  const now = new Date().toISOString();
  for (const row of ROWS) catalogue.store.photos.insert(fortepanRecord(row.n, { ...row, caption: 'utcakép' }), now);
  return catalogue;
}

const sortBy = (field: PhotoSort['field'], direction: PhotoSort['direction'] = 'asc'): PhotoSort => ({ field, direction });

// Expected ascending orders, by id (undated / without a value last, ties by id).
const ASCENDING: Record<SortField, number[]> = {
  // 1890 (6), 1930 (3), 1950 (8: 195X from 1950), 1956 (1, 4: tie by id), 1956-10-23 (7); undated 2, 5.
  date: [6, 3, 8, 1, 4, 7, 2, 5],
  id: [4, 6, 2, 8, 1, 7, 5, 3],
  // "2 éves" < "10 éves" < Ábel < alma < cukor < ózd < öt; no title last.
  title: [2, 1, 3, 7, 8, 4, 5, 6],
  // Csorba (cs after c: after Cukor), Cukor (3, 7), Dallos, Dzsida, Szabó (1, 4); none last.
  donor: [3, 7, 2, 8, 6, 1, 4, 5],
  photographer: [5, 8, 2, 3, 1, 4, 6, 7],
  // city then place: Budapest/Andrássy, Budapest/Üllői (1, 6), Gödöllő, Győr, Pécs, Szeged; no city: 3.
  place: [4, 1, 6, 8, 7, 5, 2, 3],
  added: [1, 2, 3, 4, 5, 6, 7, 8],
  file: [4, 6, 2, 8, 1, 7, 5, 3],
};

/** Descending: the values reversed (ties by id reversed too), the photos without one still last. */
function descending(field: SortField, ascending: number[]): number[] {
  const missing = { date: 2, title: 1, donor: 1, photographer: 4, place: 1 } as Partial<Record<SortField, number>>;
  const m = missing[field] ?? 0;
  const present = ascending.slice(0, ascending.length - m).reverse();
  return [...present, ...ascending.slice(ascending.length - m).reverse()];
}

test('every sort field orders the grid, a search and result ids in the catalogue: Hungarian text, missing values last both ways, ties by id', async () => {
  const catalogue = await sortedCatalogue();
  try {
    for (const [field, ascending] of Object.entries(ASCENDING) as [SortField, number[]][]) {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = direction === 'asc' ? ascending : descending(field, ascending);
        const sort = sortBy(field, direction);
        assert.deepEqual((await catalogue.photos.list(0, 100, sort)).photos.map((p) => p.id), expected, `browse ${field} ${direction}`);
        assert.deepEqual((await catalogue.search.query('utcakép', 0, 100, sort)).hits.map((h) => h.id), expected, `search ${field} ${direction}`);
        assert.deepEqual((await catalogue.search.resultIds('', 0, 100, sort)).ids, expected, `ids ${field} ${direction}`);
        assert.deepEqual((await catalogue.search.resultIds('utcakép', 0, 100, sort)).ids, expected, `search ids ${field} ${direction}`);
        // Pages join up: offsets across the values and the photos without one.
        const paged = (await Promise.all([0, 3, 6].map(async (offset) => (await catalogue.photos.list(offset, 3, sort)).photos.map((p) => p.id)))).flat();
        assert.deepEqual(paged, expected, `pages ${field} ${direction}`);
        assert.deepEqual((await catalogue.search.resultIds('', 5, 2, sort)).ids, expected.slice(5, 7), `id range ${field} ${direction}`);
      }
    }
    // A search's subset keeps the order; relevance stays a search's default.
    assert.deepEqual((await catalogue.search.query('donor:"Szabó Éva"', 0, 10, sortBy('title', 'desc'))).hits.map((h) => h.id), [4, 1]);
    assert.deepEqual((await catalogue.search.query('utcakép', 0, 100, sortBy('relevance'))).hits.map((h) => h.id).sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual((await catalogue.photos.list(0, 100, sortBy('relevance', 'desc'))).photos.map((p) => p.id), [1, 2, 3, 4, 5, 6, 7, 8]);
  } finally {
    catalogue.close();
  }
});

test('edits, batch edits and undo keep the order exact, in the grid and in a search', async () => {
  const catalogue = await sortedCatalogue();
  try {
    await catalogue.photos.update([6], { title: 'Zsámbék' });
    assert.deepEqual((await catalogue.photos.list(0, 100, sortBy('title'))).photos.map((p) => p.id), [2, 1, 3, 7, 8, 4, 5, 6]);
    await catalogue.photos.update([1, 2, 3], { title: 'Aba' });
    const batch = [1, 2, 3, 7, 8, 4, 5, 6];
    assert.deepEqual((await catalogue.photos.list(0, 100, sortBy('title'))).photos.map((p) => p.id), batch);
    assert.deepEqual((await catalogue.search.query('utcakép', 0, 100, sortBy('title'))).hits.map((h) => h.id), batch);
    await catalogue.history.undo();
    assert.deepEqual((await catalogue.photos.list(0, 100, sortBy('title'))).photos.map((p) => p.id), [2, 1, 3, 7, 8, 4, 5, 6]);
    assert.deepEqual((await catalogue.search.query('utcakép', 0, 100, sortBy('title'))).hits.map((h) => h.id), [2, 1, 3, 7, 8, 4, 5, 6]);
    // The editor's own saves take the per-photo path.
    await catalogue.photos.update([8], { donor: 'Aba' }, { coalesce: true });
    assert.deepEqual((await catalogue.search.query('utcakép', 0, 100, sortBy('donor'))).hits.map((h) => h.id), [8, 3, 7, 2, 6, 1, 4, 5]);
    assert.deepEqual((await catalogue.photos.list(0, 100, sortBy('donor'))).photos.map((p) => p.id), [8, 3, 7, 2, 6, 1, 4, 5]);
    await catalogue.photos.update([5], { date: '1800' });
    assert.deepEqual((await catalogue.search.resultIds('utcakép', 0, 3, sortBy('date'))).ids, [5, 6, 3]);
  } finally {
    catalogue.close();
  }
});

test('the sort is remembered in the catalogue; an unknown stored value reads as the default', async () => {
  const catalogue = await sortedCatalogue();
  const dir = catalogue.paths.root;
  assert.deepEqual(await catalogue.photos.sort(), { field: 'relevance', direction: 'asc' });
  await catalogue.photos.setSort({ field: 'date', direction: 'desc' });
  catalogue.close();
  const again = Catalogue.open(dir);
  try {
    assert.deepEqual(await again.photos.sort(), { field: 'date', direction: 'desc' });
  } finally {
    again.close();
  }
});

test('opening a catalogue from before sorting fills the sort keys and indexes (migration 8)', async () => {
  const catalogue = await sortedCatalogue();
  const file = catalogue.paths.database;
  catalogue.close();
  const db = new DatabaseSync(file);
  for (const index of ['date', 'title', 'donor', 'photographer', 'place', 'added', 'file']) db.exec(`DROP INDEX photos_sort_${index}`);
  for (const column of ['title', 'donor', 'photographer', 'country', 'city', 'place', 'file']) db.exec(`ALTER TABLE photos DROP COLUMN ${column}_sort`);
  db.exec('ALTER TABLE collections DROP COLUMN query'); // migration 9's, after this one
  for (const column of ['rotation', 'flipped', 'file_orientation']) db.exec(`ALTER TABLE photos DROP COLUMN ${column}`); // migration 10's (rotate and flip)
  for (const trigger of ['insert', 'update']) db.exec(`DROP TRIGGER photos_folder_${trigger}`); // migration 11's (folders)
  db.exec('DROP INDEX photos_folder');
  db.exec('ALTER TABLE photos DROP COLUMN folder');
  withoutMarks(db); // and migration 12's
  db.exec('PRAGMA user_version = 7');
  db.close();
  const reopened = Catalogue.open(path.dirname(file));
  try {
    for (const [field, ascending] of Object.entries(ASCENDING) as [SortField, number[]][]) {
      assert.deepEqual((await reopened.photos.list(0, 100, sortBy(field))).photos.map((p) => p.id), ascending, field);
    }
    const plan = reopened.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM photos WHERE title_sort IS NOT NULL ORDER BY title_sort DESC, id DESC LIMIT 50").all() as { detail: string }[];
    assert.ok(!plan.some((row) => /TEMP B-TREE/.test(row.detail)), JSON.stringify(plan));
  } finally {
    reopened.close();
  }
});

test('selection ranges follow the sort: the ids the API gives for positions are those shown there, and "all except" a range is its complement', async () => {
  const catalogue = await sortedCatalogue();
  const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const answer = await handle(method, params);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as T;
  };
  try {
    for (const query of ['', 'utcakép']) {
      const sort = sortBy('date', 'desc');
      const shown = query
        ? (await call<{ hits: { id: number }[] }>('search', { query, offset: 0, limit: 100, sort })).hits.map((h) => h.id)
        : (await call<{ photos: { id: number }[] }>('listPhotos', { offset: 0, limit: 100, sort })).photos.map((p) => p.id);
      assert.deepEqual(shown, descending('date', ASCENDING.date));
      // Shift+click from position 2 to 5: what is between on screen.
      const range = await call<{ ids: number[] }>('resultIds', { query, offset: 2, limit: 4, sort });
      assert.deepEqual(range.ids, shown.slice(2, 6));
      // A long range is sent as "all except" the rest: the rest before and after it, in order.
      const before = await call<{ ids: number[] }>('resultIds', { query, offset: 0, limit: 2, sort });
      const after = await call<{ ids: number[] }>('resultIds', { query, offset: 6, limit: 2, sort });
      const selection = { query, all: true, ids: [...before.ids, ...after.ids] };
      const fields = await call<{ count: number }>('selectionFields', { selection });
      assert.equal(fields.count, 4);
      const exported = await call<{ base64: string }>('exportMetadata', { selection, format: 'csv', lang: 'en', sort });
      const files = [...Buffer.from(exported.base64, 'base64').toString('utf8').matchAll(/fortepan_(\d+)\.jpg/g)].map((m) => Number(m[1]));
      assert.deepEqual(files, shown.slice(2, 6).map((id) => ROWS[id - 1].n), 'the export follows the sort');
    }
    // Without a sort given, the export takes the catalogue's remembered one.
    await call('setPhotoSort', sortBy('title'));
    const all = await call<{ base64: string }>('exportMetadata', { format: 'csv', lang: 'en' });
    const files = [...Buffer.from(all.base64, 'base64').toString('utf8').matchAll(/fortepan_(\d+)\.jpg/g)].map((m) => Number(m[1]));
    assert.deepEqual(files, ASCENDING.title.map((id) => ROWS[id - 1].n));
    await call('setPhotoSort', sortBy('relevance'));
    const numbered = await call<{ base64: string }>('exportMetadata', { format: 'csv', lang: 'en' });
    assert.deepEqual([...Buffer.from(numbered.base64, 'base64').toString('utf8').matchAll(/fortepan_(\d+)\.jpg/g)].map((m) => Number(m[1])), [1, 2, 3, 4, 5, 6, 7, 8]);
    await assert.rejects(call('setPhotoSort', { field: 'colour', direction: 'asc' }), /field/);
  } finally {
    catalogue.close();
  }
});
