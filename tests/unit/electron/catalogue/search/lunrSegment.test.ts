// A segment's weights are Lunr's: the segment is given to Lunr BUILDER_DOCUMENTS at a time (for
// speed), and every weight must still be the one a single lunr.Builder over the whole segment
// gives, idf divided out. The documents are made so that the builders' own average field
// lengths would differ widely (long captions first, short ones after), so a builder left to
// average over its own documents gives other weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lunr from 'lunr';
import { buildSegment, BUILDER_DOCUMENTS, distinctValues, FIELD_BIT, FIELD_BOOSTS } from '../../../../../electron/catalogue/search/lunrSegment.ts';
import type { SearchDocument } from '../../../../../electron/catalogue/search/searchDocument.ts';
import { SEARCH_FIELDS } from '../../../../../shared/searchQuery.ts';

// Many words, so each is in few documents: a large idf keeps Lunr's rounding small once divided out.
const WORDS = Array.from({ length: 2000 }, (_, i) => `szo${i}`);

function documents(count: number): SearchDocument[] {
  let seed = 11;
  const next = (n: number) => {
    seed = (seed * 16807) % 2147483647;
    return seed % n;
  };
  const words = (n: number) => Array.from({ length: n }, () => WORDS[next(WORDS.length)]);
  const captions: string[][] = [];
  return Array.from({ length: count }, (_, i) => ({
    title: words(1 + next(3)),
    // The first builder's captions are five times as long as the rest; every fourth photo
    // repeats an earlier caption (a series captioned alike), in its own array.
    caption: i % 4 === 3 ? [...captions[next(captions.length)]] : (captions[captions.length] = words(i < BUILDER_DOCUMENTS ? 20 + next(20) : 2 + next(6))),
    tags: words(next(3)),
    donor: next(2) ? ['nagy', 'gyula'] : [],
    photographer: [],
    place: words(next(3)),
    year: [String(1930 + next(40))],
    id: [String(1000 + i)],
    file: [`fortepan_${1000 + i}`],
  }));
}

/** Lunr's own idf function (its type declarations leave it out). */
const lunrIdf = (lunr as unknown as { idf: (posting: object, documentCount: number) => number }).idf;

/** Per (document, field, term): Lunr's weight from one builder over all the documents, its idf divided out. */
function oneBuilder(docs: readonly SearchDocument[]): Map<string, number> {
  const index = lunr(function () {
    this.ref('ref');
    for (const field of SEARCH_FIELDS) this.field(field, { boost: FIELD_BOOSTS[field] });
    this.pipeline.reset();
    this.searchPipeline.reset();
    (this as unknown as { tokenizer: (words: string[]) => string[] }).tokenizer = (words) => words;
    docs.forEach((doc, i) => this.add({ ...doc, ref: `d${i}` }));
  });
  const internals = index as unknown as { fieldVectors: Record<string, { elements: number[] }>; invertedIndex: Record<string, { _index: number }> };
  const termOf: string[] = [];
  for (const term in internals.invertedIndex) termOf[internals.invertedIndex[term]._index] = term;
  const weights = new Map<string, number>();
  docs.forEach((_, doc) => {
    for (const field of SEARCH_FIELDS) {
      const elements = internals.fieldVectors[`${field}/d${doc}`]?.elements ?? [];
      for (let i = 0; i < elements.length; i += 2) {
        const term = termOf[elements[i]];
        weights.set(`${doc}/${field}/${term}`, elements[i + 1] / lunrIdf(internals.invertedIndex[term], docs.length));
      }
    }
  });
  return weights;
}

test("a segment given to Lunr in several builders has one builder's weights and document frequencies", () => {
  const docs = documents(BUILDER_DOCUMENTS * 3 + 17);
  const segment = buildSegment(docs);
  const expected = oneBuilder(docs);
  assert.equal(segment.weight.length, expected.size, 'one entry per (document, field, term)');
  let largest = 0;
  for (let e = 0; e < segment.weight.length; e++) {
    const field = SEARCH_FIELDS.find((f) => FIELD_BIT[f] === segment.fieldBit[e])!;
    const key = `${segment.doc[e]}/${field}/${segment.terms[segment.term[e]]}`;
    const want = expected.get(key);
    assert.ok(want !== undefined, `${key} is Lunr's`);
    largest = Math.max(largest, Math.abs(segment.weight[e] - want) / want);
  }
  // Lunr rounds a score to 0.001 before the idf is divided out: the weights agree to that.
  assert.ok(largest < 0.002, `largest relative difference ${largest}`);

  const df = new Map<string, number>();
  for (const key of expected.keys()) {
    const term = key.split('/')[2];
    df.set(term, (df.get(term) ?? 0) + 1);
  }
  segment.terms.forEach((term, t) => assert.equal(segment.df[t], df.get(term), `df of ${term}`));
  assert.equal(segment.terms.length, df.size);
});

test('each distinct field value is given to Lunr once, and every photo keeps its own', () => {
  const docs = documents(BUILDER_DOCUMENTS * 3 + 17);
  const { values, slot } = distinctValues(docs);
  const fields = SEARCH_FIELDS.length;
  const caption = SEARCH_FIELDS.indexOf('caption');
  const donor = SEARCH_FIELDS.indexOf('donor');
  // A quarter of the captions repeat; the one donor is given once; an empty field not at all.
  assert.ok(values[caption].length <= Math.ceil(docs.length * 0.75) + 1, `${values[caption].length} distinct captions`);
  assert.deepEqual(values[donor], [['nagy', 'gyula']]);
  assert.deepEqual(values[SEARCH_FIELDS.indexOf('photographer')], []);
  docs.forEach((doc, d) => {
    SEARCH_FIELDS.forEach((field, f) => {
      const at = slot[d * fields + f];
      assert.deepEqual(at < 0 ? [] : values[f][at], doc[field], `photo ${d}, ${field}`);
    });
  });
});
