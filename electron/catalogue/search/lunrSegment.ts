// Lunr does the indexing: tokens (our folded words), BM25 field weights with Lunr's k1 and b,
// field boosts. We run Lunr's Builder over a segment of documents and read back, per document
// and field, the weight Lunr gave each term, with the segment's idf divided out again, so that
// segments built separately (the base in 10,000-photo slices, each edit on its own) score alike
// once the caller multiplies by the idf of the whole catalogue.
import lunr from 'lunr';
import { SEARCH_FIELDS, type SearchField } from '../../../shared/searchQuery.ts';
import type { SearchDocument } from './searchDocument.ts';

export const FIELD_BOOSTS: Record<SearchField, number> = {
  title: 3,
  caption: 1,
  tags: 2,
  donor: 2,
  photographer: 2,
  place: 2,
  year: 1,
  id: 5,
  file: 1,
};

/** The bit of a field in a posting's field mask. */
export const FIELD_BIT: Record<SearchField, number> = Object.fromEntries(SEARCH_FIELDS.map((f, i) => [f, 1 << i])) as Record<SearchField, number>;

/**
 * A segment's (term, document, field) weights, before the catalogue-wide idf is applied: flat
 * typed arrays (one entry per term in one field of one document, by document, then field, then
 * Lunr's term order), cheap to merge and to pass between threads.
 */
export interface Segment {
  /** The segment's terms; entries name them by their position here. */
  terms: string[];
  /** Per term, the document count Lunr's idf uses (documents per field, summed). */
  df: Uint32Array;
  term: Int32Array;
  /** Index of the document in the segment's input. */
  doc: Int32Array;
  fieldBit: Uint16Array;
  /** Lunr's BM25 weight with its idf divided out (tf part times boosts). */
  weight: Float64Array;
}

interface BuilderInternals {
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  calculateAverageFieldLengths(): void;
  createFieldVectors(): void;
  documentCount: number;
  tokenizer: (words: readonly string[]) => readonly string[];
}

/** Lunr's idf, as lunr.idf computes it from a document frequency. */
export function lunrIdf(df: number, documentCount: number): number {
  return Math.log(1 + Math.abs((documentCount - df + 0.5) / (df + 0.5)));
}

export function buildSegment(docs: readonly SearchDocument[]): Segment {
  const builder = new lunr.Builder();
  builder.ref('ref');
  for (const field of SEARCH_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  // Lunr's English trimmer, stop words and stemmer break Hungarian (the trimmer cuts "Üllői");
  // our documents arrive folded and split into words (searchDocument.ts), so Lunr's tokenizer
  // has nothing left to do: the words are the tokens (with no metadata kept, Lunr needs no
  // lunr.Token around them), which spares a Token and a metadata copy per word.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  const internals = builder as unknown as BuilderInternals;
  internals.tokenizer = (words) => words;
  // Refs are not integer-like: V8 keeps objects with integer keys as slow sparse elements.
  for (let i = 0; i < docs.length; i++) builder.add({ ...docs[i], ref: `d${i}` });
  // build() would also make a TokenSet of the segment's terms, which we never use.
  internals.calculateAverageFieldLengths();
  internals.createFieldVectors();

  const terms: string[] = [];
  for (const term in internals.invertedIndex) terms[internals.invertedIndex[term]._index] = term;
  // Each (term, field, document) is one element of one field vector: counting them per term
  // is Lunr's document frequency, without walking the inverted index's objects.
  const vectors: number[][] = [];
  const bits: number[] = [];
  const docOf: number[] = [];
  const df = new Uint32Array(terms.length);
  let size = 0;
  for (let doc = 0; doc < docs.length; doc++) {
    for (const field of SEARCH_FIELDS) {
      const elements = internals.fieldVectors[`${field}/d${doc}`]?.elements;
      if (!elements || elements.length === 0) continue;
      for (let i = 0; i < elements.length; i += 2) df[elements[i]]++;
      vectors.push(elements);
      bits.push(FIELD_BIT[field]);
      docOf.push(doc);
      size += elements.length / 2;
    }
  }
  const idf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) idf[t] = lunrIdf(df[t], internals.documentCount);
  const segment: Segment = { terms, df, term: new Int32Array(size), doc: new Int32Array(size), fieldBit: new Uint16Array(size), weight: new Float64Array(size) };
  let at = 0;
  for (let v = 0; v < vectors.length; v++) {
    const elements = vectors[v];
    for (let i = 0; i < elements.length; i += 2) {
      const t = elements[i];
      segment.term[at] = t;
      segment.doc[at] = docOf[v];
      segment.fieldBit[at] = bits[v];
      segment.weight[at] = elements[i + 1] / idf[t];
      at++;
    }
  }
  return segment;
}
