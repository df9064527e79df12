// A loaded index leaves its phrase text in the file and reads it block by block when a phrase
// needs it (phraseTextFile.ts): the text it returns is the built index's, for photos across
// many blocks and in any order; nothing of it stays resident; a phrase query finds the same
// photos; and text is never read from a file that replaced the one the index came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildBase, SearchIndex } from '../../../../../electron/catalogue/search/searchIndex.ts';
import { readIndexFile, writeIndexFile } from '../../../../../electron/catalogue/search/indexFile.ts';
import type { SearchSource } from '../../../../../electron/catalogue/search/searchDocument.ts';
import { evaluate } from '../../../../../electron/catalogue/search/queryEvaluator.ts';
import { parseSearchQuery } from '../../../../../shared/searchQuery.ts';
import { tempDir } from '../../../../support/fixtures.ts';

const STREETS = ['Üllői út', 'Váci utca', 'Andrássy út', 'Rákóczi út', 'Fő utca', 'Szent István körút'];

function source(id: number, caption: string): SearchSource {
  return {
    id,
    file: `scan/${id}.jpg`,
    fortepanId: id,
    title: '',
    caption,
    date: String(1900 + (id % 80)),
    donor: `Adományozó ${id % 97}`,
    photographer: '',
    country: 'Magyarország',
    city: 'Budapest',
    place: '',
    tags: [],
    rating: 0,
    flag: '',
    label: '',
  };
}

// More photos than three blocks of the reader (4,096 each), captions of varied length.
const sources = Array.from({ length: 9_500 }, (_, i) => source(i + 1, `${'Villamos '.repeat(i % 5)}az ${STREETS[i % STREETS.length]} ${i % 13 === 0 ? 'sarkán' : 'közepén'} ${i}`));

const slotsOf = (index: SearchIndex, query: string) => {
  const parsed = parseSearchQuery(query);
  assert.ok(parsed.ok);
  return [...evaluate(index, parsed.clauses).slots].sort((a, b) => a - b);
};

test('a loaded index reads phrase text from its file: the same text, the same phrase hits, nothing kept', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'search-index.bin');
  const built = buildBase(sources, 1);
  writeIndexFile(file, built);
  const loaded = readIndexFile(file)!;
  assert.ok(loaded, 'the index file reads back');
  assert.equal(loaded.text, null, 'the phrase text is left in the file');

  const fromMemory = new SearchIndex(built);
  const fromFile = new SearchIndex(loaded);
  // Every slot, then backwards and strided (block boundaries, blocks dropped and read again).
  const order = [...Array(sources.length).keys()];
  for (const slot of [...order, ...order.reverse(), ...order.filter((s) => s % 4093 === 0 || s % 4096 === 4095)]) {
    assert.equal(fromFile.phraseText(slot), fromMemory.phraseText(slot), `slot ${slot}`);
  }
  assert.equal(loaded.text, null, 'reading phrases kept no copy of the whole text');

  for (const query of ['"rakoczi ut sarkan"', '"villamos villamos az"', 'budapest -"vaci utca"', '"vaci utca kozepen 9499"']) {
    const expected = slotsOf(fromMemory, query);
    assert.ok(expected.length > 0, `${query} finds photos`);
    assert.deepEqual(slotsOf(fromFile, query), expected, query);
  }
});

test('text is never read from a file that replaced the one the index came from', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'search-index.bin');
  writeIndexFile(file, buildBase(sources, 1));
  const loaded = new SearchIndex(readIndexFile(file)!);
  assert.match(loaded.phraseText(0), /ulloi ut/);
  // A rebuild renames a new index over the file: same layout, other words.
  writeIndexFile(file, buildBase(sources.map((s) => ({ ...s, caption: `Hajó a Dunán ${s.id}` })), 2));
  assert.throws(() => loaded.phraseText(9_000), /search index file was replaced/);
  // What the index had already read stays right.
  assert.match(loaded.phraseText(0), /ulloi ut/);
});
