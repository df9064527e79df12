// Hungarian-aware matching as an author meets it: inflected words, places as written, names
// never changed, compounds, OR, exact forms first, and "did you mean" when nothing is found.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { inTransaction } from '../../../../../electron/catalogue/store/openDatabase.ts';
import type { EditableFields } from '../../../../../shared/types.ts';
import { tempDir } from '../../../../support/fixtures.ts';
import { fortepanRecord } from '../../../../support/records.ts';

const ROWS: (Partial<EditableFields> & { n: number })[] = [
  { n: 1, caption: 'Hajók a Dunán este', city: 'Budapest' },
  { n: 2, caption: 'Hajók a Duna este', city: 'Budapest' },
  { n: 3, caption: 'Villamos a Margit hídon', city: 'Budapest', tags: ['villamos'] },
  { n: 4, caption: 'Autóbusz a Szent Mihály plébániatemplom előtt', city: 'Kolozsvár', country: 'Románia' },
  { n: 5, caption: 'Harckocsival a háttérben', donor: 'Simon Péter', city: 'Szeged' },
  { n: 6, caption: 'Simán ment a felvonulás', city: 'Szeged' },
  { n: 7, caption: 'A Szent Mihály-templom tornya', city: 'Kolozsvár', photographer: 'Kertész Zoltán' },
  { n: 8, caption: 'Lovas szobrot avatnak', city: 'Pécs', tags: ['szobor'] },
];

let catalogue: Catalogue;

before(async () => {
  catalogue = Catalogue.open(path.join(await tempDir(), 'cat'), { create: true });
  inTransaction(catalogue.db, () => {
    for (const { n, ...fields } of ROWS) catalogue.store.photos.insert(fortepanRecord(n, fields), new Date().toISOString());
  });
});
after(() => catalogue.close());

const found = async (query: string) => {
  const result = await catalogue.search.query(query, 0, 100);
  assert.equal(result.error, null, `${query}: ${result.error}`);
  return result.hits.map((h) => h.fortepanId).sort((a, b) => a! - b!);
};

test('an inflected word finds the other forms of the word, accents typed or not', async () => {
  assert.deepEqual(await found('Dunáról '), [1, 2]);
  assert.deepEqual(await found('dunaval '), [1, 2]);
  assert.deepEqual(await found('duna '), [1, 2]);
  assert.deepEqual(await found('villamossal '), [3]);
  assert.deepEqual(await found('harckocsi '), [5]);
  assert.deepEqual(await found('szobrok '), [8]);
  // Typing: the last word is a prefix and its forms count too.
  assert.deepEqual(await found('hídról'), [3]);
});

test('places are indexed as written and a stripped query word reaches them', async () => {
  assert.deepEqual(await found('Budapesten '), [1, 2, 3]);
  assert.deepEqual(await found('Kolozsváron templom '), [4, 7]);
  assert.deepEqual(await found('place:Szegeden '), [5, 6]);
});

test('donor and photographer names are matched as written, never through a form of another word', async () => {
  // "simán" and "Simon" share "sim" once stripped: the caption is found, the donor is not.
  assert.deepEqual(await found('simán '), [6]);
  assert.equal((await catalogue.search.query('Simon ', 0, 1)).hits[0].fortepanId, 5, 'the name as written first');
  assert.deepEqual(await found('donor:simán '), []);
  assert.deepEqual(await found('Zoltánnal '), []);
  assert.deepEqual(await found('photographer:Zoltán '), [7]);
});

test('a word of five letters or more finds compounds ending in it; a short one does not', async () => {
  assert.deepEqual(await found('templom '), [4, 7]);
  assert.deepEqual(await found('Szent Mihály templom '), [4, 7]);
  assert.deepEqual(await found('templomnál '), [4, 7]);
  // "tér" is too short to be the end of a compound: "háttérben" is not a square.
  assert.deepEqual(await found('téren '), []);
});

test('exact forms rank above stripped ones', async () => {
  assert.deepEqual((await catalogue.search.query('duna ', 0, 2)).hits.map((h) => h.fortepanId), [2, 1]);
  assert.deepEqual((await catalogue.search.query('Dunán ', 0, 2)).hits.map((h) => h.fortepanId), [1, 2]);
});

test('OR finds either word, and binds only the words next to it', async () => {
  assert.deepEqual(await found('villamos OR autóbusz '), [3, 4]);
  assert.deepEqual(await found('villamos OR autóbusz Kolozsváron '), [4]);
  assert.deepEqual(await found('tag:szobor OR villamossal OR harckocsi '), [3, 5, 8]);
  assert.deepEqual(await found('villamos OR autóbu'), [3, 4], 'the last word is a prefix while typing');
  assert.deepEqual(await found('villamos | autóbusz '), [], '| is no operator');
  assert.match((await catalogue.search.query('villamos OR', 0, 10)).error ?? '', /OR needs/);
});

test('a query that finds nothing gets a suggestion from the catalogue\'s own words', async () => {
  const typo = await catalogue.search.query('Kolozvár ', 0, 10);
  assert.equal(typo.total, 0);
  assert.equal(typo.suggestion, 'kolozsvar');
  assert.deepEqual(await found(`${typo.suggestion} `), [4, 7]);
  // Only the unknown word is replaced; the rest of the query is kept as typed.
  assert.equal((await catalogue.search.query('Mihály templm ', 0, 10)).suggestion, 'Mihály templom');
  // A query that finds something, or whose correction would not, gets none.
  assert.equal((await catalogue.search.query('Kolozsvár ', 0, 10)).suggestion, undefined);
  assert.equal((await catalogue.search.query('Kolozvár villamos ', 0, 10)).suggestion, undefined);
  assert.equal((await catalogue.search.query('qqqzzz ', 0, 10)).suggestion, undefined);
});

test('an edit is matched the Hungarian way at once (new words in the delta: forms and compounds)', async () => {
  const [photo] = (await catalogue.search.query('harckocsi ', 0, 1)).hits;
  await catalogue.photos.update([photo.id], { caption: 'Felvonulók a Nagykörúton' });
  assert.deepEqual(await found('körútról '), [5]);
  assert.deepEqual(await found('felvonulókkal '), [5]);
  assert.deepEqual(await found('harckocsi '), []);
});
