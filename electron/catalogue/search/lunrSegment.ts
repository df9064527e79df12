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

/**
 * What a builder is given: one object, its ref and words set before each add (Lunr keeps
 * neither the object nor its words: it reads them through the ref and the field's extractor).
 * An object literal per add with the field as a computed key cost more than Lunr's own add.
 */
interface LunrInput {
  ref: string;
  words: readonly string[];
}

/** The refs of a builder's documents ("d0"…), made once: Lunr uses a ref as a key of its objects. */
const REFS = Array.from({ length: BUILDER_DOCUMENTS }, (_, i) => `d${i}`);
/** Per field, the keys of its documents' field vectors in a builder ("caption/d0"…, Lunr's FieldRef). */
const VECTOR_KEYS = Object.fromEntries(SEARCH_FIELDS.map((field) => [field, REFS.map((ref) => `${field}/${ref}`)])) as Record<SearchField, string[]>;

/** A Lunr builder of one field: a field's weights depend on nothing in the others. */
function lunrBuilder(field: SearchField): lunr.Builder {
  const builder = new lunr.Builder();
  builder.ref('ref');
  builder.field(field, { boost: FIELD_BOOSTS[field], extractor: (doc: object) => (doc as LunrInput).words as unknown as object });
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
 * A segment's field values, each distinct value once: a (field, words) pair's weights depend on
 * its words alone (their count, the field's boost, the segment's average length, Lunr's k1 and b;
 * idf aside, which is divided out), so a value shared by many photos (a donor, a year, a place, a
 * caption copied across a series) is weighed by Lunr once and its weights are given to each photo
 * that has it. On the benchmark's catalogue this leaves Lunr two thirds of a segment's words.
 */
export interface DistinctValues {
  /** Per field (SEARCH_FIELDS order), its distinct non-empty values in order of first appearance. */
  values: (readonly string[])[][];
  /** Per document and field (document × fields + field): the value's position in `values`, or -1 for an empty field. */
  slot: Int32Array;
}

/**
 * Fields whose values are a photo's own (its Fortepan number, its file name): looking for
 * repeats would cost a key per photo and find none. A repeat, if there is one, is weighed twice,
 * to the same weight.
 */
const UNIQUE_FIELDS: ReadonlySet<SearchField> = new Set(['id', 'file']);

export function distinctValues(docs: readonly SearchDocument[]): DistinctValues {
  const fields = SEARCH_FIELDS.length;
  const slot = new Int32Array(docs.length * fields);
  const values = SEARCH_FIELDS.map((field, f) => {
    const distinct: (readonly string[])[] = [];
    // Folded words hold no space, so joining them with one is a key for the list.
    const seen = new Map<string, number>();
    const unique = UNIQUE_FIELDS.has(field);
    for (let d = 0; d < docs.length; d++) {
      const words = docs[d][field];
      let at = -1;
      if (words.length > 0 && unique) {
        at = distinct.length;
        distinct.push(words);
      } else if (words.length > 0) {
        const key = words.length === 1 ? words[0] : words.join(' ');
        at = seen.get(key) ?? -1;
        if (at < 0) {
          at = distinct.length;
          seen.set(key, at);
          distinct.push(words);
        }
      }
      slot[d * fields + f] = at;
    }
    return distinct;
  });
  return { values, slot };
}

/**
 * Lunr's weights for `docs`, as one builder over all of them would give them (up to Lunr's
 * rounding to 0.001). A weight in one field depends on nothing in the others (its words, the
 * field's boost and average length, Lunr's k1 and b; idf aside, which is divided out), so each
 * field is given to Lunr on its own, each distinct value once (distinctValues), BUILDER_DOCUMENTS
 * values to a builder; each builder is given the field's average length over all of `docs`. Each
 * photo then gets its values' weights; the document frequencies count photos.
 */
export function buildSegment(docs: readonly SearchDocument[]): Segment {
  const averages = averageFieldLengths(docs);
  const fields = SEARCH_FIELDS.length;
  const { values, slot } = distinctValues(docs);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  // Per field, per distinct value: where its (term, weight) pairs start in valueTerm/valueWeight.
  const valueStart = values.map((v) => new Int32Array(v.length + 1));
  const valueTerm: number[][] = values.map(() => []);
  const valueWeight: number[][] = values.map(() => []);
  SEARCH_FIELDS.forEach((field, f) => {
    const distinct = values[f];
    const into = valueTerm[f];
    const weights = valueWeight[f];
    for (let first = 0; first < distinct.length; first += BUILDER_DOCUMENTS) {
      const count = Math.min(BUILDER_DOCUMENTS, distinct.length - first);
      const builder = lunrBuilder(field);
      const internals = builder as unknown as BuilderInternals;
      // Refs are not integer-like: V8 keeps objects with integer keys as slow sparse elements.
      const input: LunrInput = { ref: '', words: [] };
      for (let i = 0; i < count; i++) {
        input.ref = REFS[i];
        input.words = distinct[first + i];
        builder.add(input);
      }
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
        }
        local[internals.invertedIndex[term]._index] = id;
      }
      // Each (term, value) is one element of one field vector: counting them per term is the
      // document frequency Lunr's idf used here, without walking the inverted index.
      const vectors: number[][] = [];
      const localDf = new Uint32Array(local.length);
      for (let i = 0; i < count; i++) {
        const elements = internals.fieldVectors[VECTOR_KEYS[field][i]].elements;
        vectors.push(elements);
        for (let e = 0; e < elements.length; e += 2) localDf[elements[e]]++;
      }
      const idf = new Float64Array(local.length);
      for (let t = 0; t < local.length; t++) idf[t] = lunrIdf(localDf[t], count);
      for (let i = 0; i < count; i++) {
        const elements = vectors[i];
        for (let e = 0; e < elements.length; e += 2) {
          into.push(local[elements[e]]);
          weights.push(elements[e + 1] / idf[elements[e]]);
        }
        valueStart[f][first + i + 1] = into.length;
      }
    }
  });

  // Each photo's entries: its values' weights, by photo, then field, then Lunr's term order.
  let size = 0;
  for (let d = 0; d < docs.length; d++) {
    for (let f = 0; f < fields; f++) {
      const at = slot[d * fields + f];
      if (at >= 0) size += valueStart[f][at + 1] - valueStart[f][at];
    }
  }
  const df = new Uint32Array(terms.length);
  const out = { term: new Int32Array(size), doc: new Int32Array(size), fieldBit: new Uint16Array(size), weight: new Float64Array(size) };
  let e = 0;
  for (let d = 0; d < docs.length; d++) {
    for (let f = 0; f < fields; f++) {
      const at = slot[d * fields + f];
      if (at < 0) continue;
      const bit = FIELD_BIT[SEARCH_FIELDS[f]];
      const into = valueTerm[f];
      const weights = valueWeight[f];
      for (let k = valueStart[f][at]; k < valueStart[f][at + 1]; k++) {
        const term = into[k];
        out.term[e] = term;
        out.doc[e] = d;
        out.fieldBit[e] = bit;
        out.weight[e] = weights[k];
        df[term]++;
        e++;
      }
    }
  }
  return { terms, df, ...out };
}
