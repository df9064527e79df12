// Lunr does the indexing: tokens (our folded words), BM25 field weights with Lunr's k1 and b,
// field boosts. We run Lunr's Builder over a segment of documents and read back, per document
// and field, the weight Lunr gave each term, with the segment's idf divided out again, so that
// segments built separately (the base in 2,500-photo slices, each edit on its own) score alike
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
  averageFieldLength: Record<string, number>;
  createFieldVectors(): void;
  tokenizer: (words: readonly string[]) => readonly string[];
}

/**
 * Documents per lunr.Builder. Lunr keeps every (term, field, document) as a property of objects
 * that grow with the builder, and all of it lives until the builder is done, so a large builder
 * pays for dictionaries that outgrow their caches and for a garbage collector that copies the
 * whole growing structure on every young-generation collection. Measured on 20,000 photos of the
 * benchmark's corpus: 2,500 documents per builder, 5.9 s of CPU; 500, 2.0–2.5 s; 250, 2.0 s.
 */
export const BUILDER_DOCUMENTS = 250;

/** Lunr's idf, as lunr.idf computes it from a document frequency. */
export function lunrIdf(df: number, documentCount: number): number {
  return Math.log(1 + Math.abs((documentCount - df + 0.5) / (df + 0.5)));
}

/**
 * Lunr's average field lengths (Builder.calculateAverageFieldLengths: every document has every
 * field, so it is the words in a field over the documents), over all of `docs`.
 */
function averageFieldLengths(docs: readonly SearchDocument[]): Record<SearchField, number> {
  const averages = {} as Record<SearchField, number>;
  for (const field of SEARCH_FIELDS) {
    let words = 0;
    for (const doc of docs) words += doc[field].length;
    averages[field] = words / docs.length;
  }
  return averages;
}

function lunrBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.ref('ref');
  for (const field of SEARCH_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  // Lunr's English trimmer, stop words and stemmer break Hungarian (the trimmer cuts "Üllői");
  // our documents arrive folded and split into words (searchDocument.ts), so Lunr's tokenizer
  // has nothing left to do: the words are the tokens (with no metadata kept, Lunr needs no
  // lunr.Token around them), which spares a Token and a metadata copy per word.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  (builder as unknown as BuilderInternals).tokenizer = (words) => words;
  return builder;
}

/**
 * Lunr's weights for `docs`, as one builder over all of them would give them (up to Lunr's
 * rounding to 0.001): the documents go to Lunr BUILDER_DOCUMENTS at a time, and each builder is
 * given the average field lengths of all of `docs`, the only part of a weight (idf aside, which
 * is divided out) that depends on the other documents.
 */
export function buildSegment(docs: readonly SearchDocument[]): Segment {
  const averages = averageFieldLengths(docs);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const parts: Omit<Segment, 'terms' | 'df'>[] = [];
  for (let first = 0; first < docs.length; first += BUILDER_DOCUMENTS) {
    const count = Math.min(BUILDER_DOCUMENTS, docs.length - first);
    const builder = lunrBuilder();
    const internals = builder as unknown as BuilderInternals;
    // Refs are not integer-like: V8 keeps objects with integer keys as slow sparse elements.
    for (let i = 0; i < count; i++) builder.add({ ...docs[first + i], ref: `d${i}` });
    // build() would also make a TokenSet of the builder's terms, which we never use.
    internals.averageFieldLength = averages;
    internals.createFieldVectors();

    // The builder's term numbers, as the segment's.
    const local: number[] = [];
    for (const term in internals.invertedIndex) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
        df.push(0);
      }
      local[internals.invertedIndex[term]._index] = id;
    }
    // Each (term, field, document) is one element of one field vector: counting them per term
    // is Lunr's document frequency, without walking the inverted index's objects.
    const vectors: (number[] | undefined)[] = [];
    const localDf = new Uint32Array(local.length);
    let size = 0;
    for (let doc = 0; doc < count; doc++) {
      for (const field of SEARCH_FIELDS) {
        const elements = internals.fieldVectors[`${field}/d${doc}`]?.elements;
        vectors.push(elements);
        if (!elements) continue;
        for (let i = 0; i < elements.length; i += 2) localDf[elements[i]]++;
        size += elements.length / 2;
      }
    }
    const idf = new Float64Array(local.length);
    for (let t = 0; t < local.length; t++) {
      idf[t] = lunrIdf(localDf[t], count);
      df[local[t]] += localDf[t];
    }
    const part = { term: new Int32Array(size), doc: new Int32Array(size), fieldBit: new Uint16Array(size), weight: new Float64Array(size) };
    let at = 0;
    let v = 0;
    for (let doc = 0; doc < count; doc++) {
      for (const field of SEARCH_FIELDS) {
        const elements = vectors[v++];
        if (!elements) continue;
        for (let i = 0; i < elements.length; i += 2) {
          const t = elements[i];
          part.term[at] = local[t];
          part.doc[at] = first + doc;
          part.fieldBit[at] = FIELD_BIT[field];
          part.weight[at] = elements[i + 1] / idf[t];
          at++;
        }
      }
    }
    parts.push(part);
  }
  return { terms, df: Uint32Array.from(df), ...joined(parts) };
}

/** The builders' entries, one after another. */
function joined(parts: readonly Omit<Segment, 'terms' | 'df'>[]): Omit<Segment, 'terms' | 'df'> {
  const size = parts.reduce((sum, part) => sum + part.term.length, 0);
  const out = { term: new Int32Array(size), doc: new Int32Array(size), fieldBit: new Uint16Array(size), weight: new Float64Array(size) };
  let at = 0;
  for (const part of parts) {
    out.term.set(part.term, at);
    out.doc.set(part.doc, at);
    out.fieldBit.set(part.fieldBit, at);
    out.weight.set(part.weight, at);
    at += part.term.length;
  }
  return out;
}
