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

/** One (term, document, field) weight, before the catalogue-wide idf is applied. */
export interface SegmentEntry {
  term: string;
  /** Index of the document in the segment's input. */
  doc: number;
  fieldBit: number;
  /** Lunr's BM25 weight with its idf divided out (tf part times boosts). */
  weight: number;
}

export interface Segment {
  entries: SegmentEntry[];
  /** Per term, the document count Lunr's idf uses (documents per field, summed). */
  lunrDf: Map<string, number>;
}

interface BuilderInternals {
  invertedIndex: Record<string, Record<string, unknown> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  calculateAverageFieldLengths(): void;
  createFieldVectors(): void;
  documentCount: number;
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
  // our documents arrive folded and split, so Lunr only has to split on spaces.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  // Refs are not integer-like: V8 keeps objects with integer keys as slow sparse elements.
  docs.forEach((doc, i) => builder.add({ ...doc, ref: `d${i}` }));
  const internals = builder as unknown as BuilderInternals;
  // build() would also make a TokenSet of the segment's terms, which we never use.
  internals.calculateAverageFieldLengths();
  internals.createFieldVectors();

  const termByIndex: string[] = [];
  const lunrDf = new Map<string, number>();
  const idfByIndex: number[] = [];
  for (const [term, posting] of Object.entries(internals.invertedIndex)) {
    termByIndex[posting._index] = term;
    let df = 0;
    for (const field of SEARCH_FIELDS) {
      const refs = posting[field] as Record<string, unknown> | undefined;
      if (refs) df += Object.keys(refs).length;
    }
    lunrDf.set(term, df);
    idfByIndex[posting._index] = lunrIdf(df, internals.documentCount);
  }

  const entries: SegmentEntry[] = [];
  for (let doc = 0; doc < docs.length; doc++) {
    for (const field of SEARCH_FIELDS) {
      const vector = internals.fieldVectors[`${field}/d${doc}`];
      if (!vector) continue;
      const elements = vector.elements;
      for (let i = 0; i < elements.length; i += 2) {
        const termIndex = elements[i];
        entries.push({ term: termByIndex[termIndex], doc, fieldBit: FIELD_BIT[field], weight: elements[i + 1] / idfByIndex[termIndex] });
      }
    }
  }
  return { entries, lunrDf };
}
