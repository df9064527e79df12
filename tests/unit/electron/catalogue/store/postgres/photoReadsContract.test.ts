// The photo reads every service uses (PhotoReads) answer alike on both engines: the folder
// catalogue's SQLite and a team catalogue's PostgreSQL, on a real server, over 1,124 real
// Fortepan records migrated from the folder, with marks, missing originals and empty fields
// among them. Each read is compared whole: photos, cards, editable fields, pages in every sort
// order (across the turn from photos with a value to those without), id lists, the listing with
// a mark filter, tags, files and what a selection shares.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { migratedCorpusCatalogue } from '../../../../../support/teamCatalogue.ts';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { Catalogue } from '../../../../../../electron/catalogue/catalogue.ts';
import { PgPhotoReads } from '../../../../../../electron/catalogue/store/postgres/pgPhotoReads.ts';
import { TeamEdits } from '../../../../../../electron/catalogue/store/postgres/teamEdits.ts';
import type { PhotoReads } from '../../../../../../electron/catalogue/store/photoReads.ts';
import { selectionFields } from '../../../../../../electron/catalogue/editing/selectionFields.ts';
import { listTags, listTagTree } from '../../../../../../electron/catalogue/editing/catalogueTags.ts';
import { SORT_FIELDS } from '../../../../../../shared/photoSort.ts';

let server: PostgresServer;
let folder: string;
let pool: pg.Pool;
let catalogue: Catalogue;
let sqlite: PhotoReads;
let postgres: PhotoReads;

before(async () => {
  server = await startPostgres();
  // What real catalogues also hold: marks, originals gone missing, fields left empty (the
  // photos without a value sort after the others), hierarchical tags.
  ({ folder, pool } = await migratedCorpusCatalogue(server, 'olvasas', (made) =>
    made.db.exec(`
      UPDATE photos SET rating = id % 6, flag = CASE id % 3 WHEN 0 THEN 'pick' WHEN 1 THEN 'reject' ELSE '' END WHERE id % 4 = 0;
      UPDATE photos SET label = 'green' WHERE id % 9 = 0;
      UPDATE photos SET missing = 1 WHERE id % 11 = 0;
      UPDATE photos SET title = '', title_sort = NULL WHERE id % 5 = 0;
      UPDATE photos SET donor = '', donor_sort = NULL, photographer = '', photographer_sort = NULL WHERE id % 13 = 0;
      UPDATE photos SET tags = '["Helyszín|Budapest|Üllői út","villamos"]' WHERE id % 17 = 0;
    `),
  ));
  catalogue = Catalogue.open(folder, { readOnly: true });
  sqlite = catalogue.store.photoReads;
  postgres = new PgPhotoReads(pool);
});
after(async () => {
  catalogue?.close();
  await server?.stop();
});

/** Both engines' answers to the same read, compared whole. */
async function same<T>(what: string, read: (reads: PhotoReads) => Promise<T>): Promise<T> {
  const expected = await read(sqlite);
  assert.deepEqual(await read(postgres), expected, what);
  return expected;
}

test('photos, cards and editable fields read alike, in the order asked, an unknown id left out', async () => {
  const ids = await same('every id', (r) => r.ids());
  assert.equal(ids.length, 1124);
  assert.equal(await same('count', (r) => r.count()), 1124);
  const picked = [ids[700]!, 999_999, ids[3]!, ids[1123]!, ids[0]!, ids[44]!];
  await same('get', (r) => r.get(ids[12]!));
  await same('get of an unknown id', (r) => r.get(999_999));
  await same('getMany', (r) => r.getMany(picked));
  await same('editableMany', (r) => r.editableMany(picked));
  await same('summaries', (r) => r.summaries(picked));
  await same('hashOf', (r) => r.hashOf(ids[5]!));
  await same('hashOf an unknown id', (r) => r.hashOf(999_999));
  const all = await same('every photo, a page at a time', async (r) => await Array.fromAsync(r.iterateAll()));
  assert.equal(all.length, 1124);
  assert.ok(all.some((p) => p.missing) && all.some((p) => p.rating > 0) && all.some((p) => p.tags.length > 1), 'the data has marks, missing originals and tags');
});

test('pages in every sort order, both directions, across the photos without a value', async () => {
  for (const field of SORT_FIELDS) {
    for (const direction of ['asc', 'desc'] as const) {
      const order = await same(`${field} ${direction}: the whole order`, (r) => r.sortedIdPage(field, direction, 0, Number.MAX_SAFE_INTEGER));
      assert.equal(order.length, 1124, `${field} ${direction}`);
      for (const offset of [0, 300, 1000, 1110]) {
        await same(`${field} ${direction} from ${offset}`, (r) => r.sortedIdPage(field, direction, offset, 50));
        await same(`${field} ${direction} cards from ${offset}`, (r) => r.sortedSummaryPage(field, direction, offset, 50));
      }
      await same(`${field} ${direction}: listed`, (r) => r.listed({ field, direction }));
    }
  }
  await same('catalogue order', (r) => r.summaryPage(200, 100));
  await same('catalogue order, ids', (r) => r.idPage(1100, 100));
  await same('listed, picks rated 2 or more', (r) => r.listed(undefined, { rating: { min: 2, max: 5 }, flag: 'pick' }));
  await same('listed by title, green ones', (r) => r.listed({ field: 'title', direction: 'desc' }, { label: 'green' }));
});

test('tags, files and what a selection shares read alike', async () => {
  const sorted = <T>(list: T[]) => list.map((x) => JSON.stringify(x)).sort();
  await same('tag spellings', async (r) => sorted(await r.tagSpellingCounts()));
  await same('the tag list', async (r) => listTags(await r.tagSpellingCounts(), '', 50));
  await same('the keyword tree', async (r) => listTagTree(await r.taggedPhotos()));
  await same('files', async (r) => (await r.files()).sort());
  const missing = await same('missing originals', (r) => r.missingFiles());
  assert.ok(missing.length > 100);
  const ids = await sqlite.ids();
  const donated = (await sqlite.getMany(ids)).filter((p) => p.donor === 'Fortepan' || p.id % 17 === 0).map((p) => p.id);
  await same('a selection by ids', (r) => selectionFields(r, { ids: donated }));
  await same('one photo', (r) => selectionFields(r, { ids: [ids[17]!] }));
  await same('everything but a few', (r) => selectionFields(r, { allExcept: ids.slice(0, 40) }));
  await same('the tag lists of a selection', async (r) => sorted(await Array.fromAsync(r.tagListsOf({ ids: ids.slice(0, 300) }))));
});

test('a team catalogue\'s write stamp changes when a colleague saves', async () => {
  const before = await postgres.writeStamp();
  assert.equal(await postgres.writeStamp(), before, 'nothing written, the same stamp');
  const [id] = await postgres.ids();
  await new TeamEdits(pool, 'Kovács Anna').save([{ id: id!, patch: { licence: 'CC BY-SA 3.0' } }], 'Licence');
  assert.notEqual(await postgres.writeStamp(), before);
  assert.equal((await postgres.get(id!))!.licence, 'CC BY-SA 3.0');
  // A photo added (an import on another client) changes it too: the log's triggers record it.
  const afterSave = await postgres.writeStamp();
  await pool.query("INSERT INTO photos (hash, file, file_size, file_mtime_ms, added_at, updated_at) VALUES ('h-new', '/scans/uj.jpg', 1, 0, now()::text, now()::text)");
  assert.notEqual(await postgres.writeStamp(), afterSave);
});
