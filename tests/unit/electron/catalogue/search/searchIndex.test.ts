// The search index as a catalogue uses it: every query form, facets with Hungarian order,
// edits from this process and from another connection, the persisted index across reopen,
// and a newer query cancelling an older one. Rows go in through the repository (no images).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { inTransaction } from '../../../../../electron/catalogue/store/openDatabase.ts';
import type { EditableFields } from '../../../../../shared/types.ts';
import { tempDir } from '../../../../support/fixtures.ts';
import { fortepanRecord } from '../../../../support/records.ts';

type Row = Partial<EditableFields> & { n: number };

const ROWS: Row[] = [
  { n: 1, caption: 'Villamos az Üllői úton', donor: 'Nagy Gyula', city: 'Budapest', place: 'Üllői út', tags: ['villamos', 'utcakép'], date: '1956' },
  { n: 2, caption: 'Csónakázók a Városligeti tavon', donor: 'Cukor György', city: 'Budapest', place: 'Városliget', tags: ['csónak'], date: '1938', photographer: 'Klösz György' },
  { n: 3, caption: 'Lovas kocsi az Üllői út sarkán', donor: 'Nagy Gyula', city: 'Budapest', tags: ['ló', 'utcakép'], date: '195X' },
  { n: 4, caption: 'Kikötő a Balatonon, vitorlások', donor: 'Szalay Zoltán', city: 'Balatonfüred', tags: ['vitorlás', 'Balaton'], date: '1961~' },
  { n: 5, caption: 'Az Üllői úti klinika kertje', donor: 'Zsigmond Attila', city: 'Budapest', tags: ['kórház'], date: '', title: 'Klinika' },
  { n: 6, caption: 'Gyula vára télen', donor: 'Csorba Tibor', city: 'Gyula', tags: ['vár', 'tél'], date: '1971' },
];

let dir: string;
let catalogue: Catalogue;
const idOf = new Map<number, number>();

function insertRows(target: Catalogue, rows: Row[]): void {
  inTransaction(target.db, () => {
    for (const row of rows) {
      const { n, ...fields } = row;
      const id = target.store.photos.insert(fortepanRecord(n, fields), new Date().toISOString());
      idOf.set(n, id);
    }
  });
}

before(async () => {
  dir = path.join(await tempDir(), 'cat');
  catalogue = Catalogue.open(dir, { create: true });
  insertRows(catalogue, ROWS);
});
after(() => catalogue.close());

const found = async (query: string, target = catalogue) => {
  const result = await target.search.query(query, 0, 100);
  assert.equal(result.error, null, `${query}: ${result.error}`);
  return result.hits.map((h) => h.fortepanId).sort((a, b) => a! - b!);
};

test('accents and case are folded; names and places are not stemmed', async () => {
  assert.deepEqual(await found('ÜLLŐI'), [1, 3, 5]);
  assert.deepEqual(await found('ulloi ut'), [1, 3, 5]);
  assert.deepEqual(await found('Városligeti '), [2]);
  // "Gyula" the town and "Gyula" the donor's given name: a plain word finds both...
  assert.deepEqual(await found('gyula '), [1, 3, 6]);
  // ...and a field finds only its own.
  assert.deepEqual(await found('place:gyula '), [6]);
  // Hungarian forms: "vitorlás" (a tag) and "vitorlások" (a caption word) find each other.
  assert.deepEqual(await found('vitorlas '), [4]);
  assert.deepEqual(await found('vitorlasokkal '), [4]);
});

test('each query form', async () => {
  assert.deepEqual(await found('villamos ulloi '), [1], 'all plain words must match');
  assert.deepEqual(await found('csona'), [2], 'the last word is a prefix while typing');
  assert.deepEqual(await found('csonakaz'), [2], 'the last word is a prefix while typing');
  assert.deepEqual(await found('vitorl '), [], 'a finished word is a whole word (or a form of one), not a prefix');
  assert.deepEqual(await found('"ulloi uton"'), [1], 'a phrase keeps its order');
  assert.deepEqual(await found('"az ulloi"'), [1, 3, 5]);
  assert.deepEqual(await found('"uton ulloi"'), []);
  assert.deepEqual(await found('"villamos budapest"'), [], 'a phrase does not run from one field into another');
  assert.deepEqual(await found('donor:"nagy gyula"'), [1, 3]);
  assert.deepEqual(await found('donor:nagy '), [1, 3]);
  assert.deepEqual(await found('photographer:klosz '), [2]);
  assert.deepEqual(await found('place:budapest '), [1, 2, 3, 5]);
  assert.deepEqual(await found('tag:utcakep '), [1, 3]);
  assert.deepEqual(await found('title:klinika '), [5]);
  assert.deepEqual(await found('caption:klinika '), [5]);
  assert.deepEqual(await found('id:4'), [4]);
  assert.deepEqual(await found('year:1950..1960'), [1, 3]);
  assert.deepEqual(await found('year:1961'), [4]);
  assert.deepEqual(await found('ulloi -villamos '), [3, 5]);
  assert.deepEqual(await found('ulloi -"ulloi uti" '), [1, 3]);
  assert.deepEqual(await found('-budapest '), [4, 6]);
  assert.deepEqual(await found('vilamos~'), [1], 'a fuzzy word forgives one letter');
  assert.deepEqual(await found('vilamos '), []);
  assert.deepEqual(await found('budapest year:1930..1940 -tag:villamos '), [2]);
});

test('hits are ranked: a word in the title and tags outranks one in the caption', async () => {
  const result = await catalogue.search.query('klinika ', 0, 10);
  assert.equal(result.hits[0].fortepanId, 5);
  const villamos = await catalogue.search.query('villamos', 0, 10);
  assert.equal(villamos.hits[0].caption, 'Villamos az Üllői úton', 'the original spelling comes back');
});

test('a malformed query gets a message, never an exception', async () => {
  for (const query of ['year:abc', 'donor:', '"open phrase', 'colour:red', 'year:1960..1950', 'villamos~5']) {
    const result = await catalogue.search.query(query, 0, 10);
    assert.ok(result.error, query);
    assert.equal((await catalogue.search.facets(query)).error, result.error);
  }
});

test('facets count years, donors, places and tags of the current result, in Hungarian order', async () => {
  const all = await catalogue.search.facets('-zzzz');
  assert.equal(all.total, 6);
  assert.deepEqual(all.years, [
    { year: 1938, count: 1 },
    { year: 1950, count: 1 },
    { year: 1956, count: 1 },
    { year: 1961, count: 1 },
    { year: 1971, count: 1 },
  ]);
  assert.equal(all.undated, 1);
  assert.deepEqual(all.donors[0], { value: 'Nagy Gyula', count: 2 });
  // Equal counts in Hungarian order: Cukor < Csorba (cs is a letter after c), Szalay < Zsigmond.
  assert.deepEqual(
    all.donors.slice(1).map((d) => d.value),
    ['Cukor György', 'Csorba Tibor', 'Szalay Zoltán', 'Zsigmond Attila'],
  );
  assert.equal(all.donorCount, 5);
  assert.deepEqual(all.places[0], { value: 'Budapest', count: 4 });
  assert.ok(all.places.some((p) => p.value === 'Üllői út' && p.count === 1));
  assert.deepEqual(all.tags[0], { value: 'utcakép', count: 2 });

  const some = await catalogue.search.facets('ulloi');
  assert.equal(some.total, 3);
  assert.deepEqual(some.donors, [
    { value: 'Nagy Gyula', count: 2 },
    { value: 'Zsigmond Attila', count: 1 },
  ]);
  assert.deepEqual(some.tags.map((t) => t.value), ['utcakép', 'kórház', 'ló', 'villamos']);
  assert.deepEqual(some.years.map((y) => y.year), [1950, 1956]);
});

test('an edit is searchable at once, also one made by another connection (the CLI)', async () => {
  await catalogue.photos.update([idOf.get(4)!], { caption: 'Tűzoltók gyakorlata a Főplébániatemplomnál' });
  assert.deepEqual(await found('tuzoltok fopleb'), [4]);
  assert.deepEqual(await found('kikoto '), []);
  // Facets follow the edit too.
  await catalogue.photos.update([idOf.get(4)!], { donor: 'Ács Béla' });
  assert.ok((await catalogue.search.facets('tuzoltok')).donors.some((d) => d.value === 'Ács Béla'));

  const other = new DatabaseSync(path.join(dir, 'catalogue.sqlite'));
  other.prepare('UPDATE photos SET caption = ? WHERE id = ?').run('Hóember a Gellérthegyen', idOf.get(6)!);
  other.prepare('DELETE FROM photos WHERE id = ?').run(idOf.get(2)!);
  other.close();
  assert.deepEqual(await found('hoember'), [6]);
  assert.deepEqual(await found('csonak'), []);
});

test('the index persists: a reopened catalogue loads it and catches up on changes made meanwhile', async () => {
  assert.ok(fs.existsSync(path.join(dir, 'search-index.bin')));
  catalogue.close();
  // Changed while no index was loaded.
  const writer = Catalogue.open(dir);
  await writer.photos.update([idOf.get(1)!], { caption: 'Fogaskerekű a Széchenyi-hegyen' });
  writer.close();

  catalogue = Catalogue.open(dir);
  const status = await catalogue.search.status();
  assert.equal(status.built, false, 'loaded, not rebuilt');
  assert.equal(status.photos, 5);
  assert.deepEqual(await found('fogaskereku'), [1]);
  assert.deepEqual(await found('hoember'), [6]);
  assert.deepEqual(await found('caption:villamos '), []);

  // A damaged index file is rebuilt, not trusted.
  catalogue.close();
  fs.writeFileSync(path.join(dir, 'search-index.bin'), 'not an index');
  catalogue = Catalogue.open(dir);
  assert.deepEqual(await found('fogaskereku'), [1]);
  assert.equal((await catalogue.search.status()).built, true);
});

test('a newer query cancels an older one; pages of the same query do not cancel each other', async () => {
  const older = catalogue.search.query('ulloi', 0, 10);
  const olderPage = catalogue.search.query('ulloi', 10, 10);
  const newer = catalogue.search.query('budapest', 0, 10);
  await assert.rejects(older, (error: unknown) => error instanceof CatalogueError && error.code === 'search-cancelled');
  await assert.rejects(olderPage, (error: unknown) => error instanceof CatalogueError && error.code === 'search-cancelled');
  assert.ok((await newer).total > 0);
  const [first, second, facets] = await Promise.all([catalogue.search.query('budapest', 0, 1), catalogue.search.query('budapest', 1, 1), catalogue.search.facets('budapest')]);
  assert.equal(first.total, second.total);
  assert.equal(facets.total, first.total);
});

test('many changes since the base go to a background rebuild; search answers meanwhile and after', async () => {
  const many: Row[] = [];
  for (let n = 1000; n < 1000 + 5200; n++) many.push({ n, caption: `Tömegfotó ${n % 7 === 0 ? 'hetedik' : 'más'} sorozat`, donor: 'Tömeg Tamás', tags: ['sorozat'], date: '1970' });
  insertRows(catalogue, many);
  // Answered from the delta at once, while the base is rebuilt in another worker.
  assert.equal((await catalogue.search.query('sorozat', 0, 1)).total, 5200);
  const during = await catalogue.search.status();
  assert.ok(during.rebuilding || during.baseSize > 6000, JSON.stringify(during));
  let status = during;
  for (let i = 0; i < 600 && (status.rebuilding || status.deltaSize > 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await catalogue.search.status();
  }
  assert.equal(status.rebuilding, false);
  assert.equal(status.deltaSize, 0, 'the new base holds everything');
  assert.equal(status.baseSize, 5205);
  assert.equal((await catalogue.search.query('hetedik', 0, 1)).total, 743);
  assert.deepEqual(await found('fogaskereku'), [1]);
});
