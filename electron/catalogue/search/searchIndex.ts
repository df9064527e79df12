// The catalogue's search index: what Lunr computed (see lunrSegment.ts), laid out for speed.
//
// Measured on 200,000 photos: lunr.Index.load of a serialized index takes 3.3 s and
// index.search scores every matching document through per-field vectors (65-800 ms for one
// common word). Here the same BM25 weights sit in flat typed arrays, one posting list per term
// sorted by document, so a query is a few tight loops (see queryEvaluator.ts) and loading is
// reading one file (see indexFile.ts).
//
// Two parts: the base, built from the whole catalogue and persisted; and the delta, the photos
// changed since the base was built, each change indexed on its own by Lunr at once (an edit is
// searchable in milliseconds). A photo's old version in the base is marked dead. When the
// delta grows, a fresh base is built in the background and replaces both.
import { buildSegment, lunrIdf, type Segment } from './lunrSegment.ts';
import { foldPhoto, WordFolder, type SearchSource } from './searchDocument.ts';
import { lowerBound } from '../../../shared/lowerBound.ts';
import { packMarks } from './markBits.ts';
import type { PhraseTextFile } from './phraseTextFile.ts';

/**
 * Photos per segment: the unit of a parallel build, and the photos Lunr's average field lengths
 * are taken over (Lunr itself is given them in smaller builders: lunrSegment.ts). An average
 * over 2,500 photos is as steady as one over the whole catalogue, and a slice this size keeps
 * both workers busy to the end of a build.
 */
export const SEGMENT_SIZE = 2_500;

/** Facet values (original spelling) per document: indexes into a dictionary. */
export interface BaseIndex {
  /** Sorted (JavaScript string order), so a prefix is one contiguous range. */
  terms: string[];
  termStart: Uint32Array;
  /** Lunr's document frequency per term (see lunrSegment.ts), for idf of later edits. */
  termDf: Uint32Array;
  postDoc: Int32Array;
  postScore: Float32Array;
  postMask: Uint16Array;
  /** Per document (slot): photo id, Fortepan number (-1 none), years (0 none), donor (-1 none). */
  docId: Int32Array;
  fortepanId: Int32Array;
  yearFrom: Int16Array;
  yearTo: Int16Array;
  donor: Int32Array;
  placeStart: Uint32Array;
  placeVals: Int32Array;
  tagStart: Uint32Array;
  tagVals: Int32Array;
  /** Per document: its rating, flag and label in one byte (see markBits.ts). */
  marks: Uint8Array;
  /**
   * Folded text per document for phrases, UTF-8 in one blob. A built index holds it; a loaded
   * one leaves it in its file (two-fifths of it, and only phrases need it) and reads it from
   * there (`textFile`, phraseTextFile.ts).
   */
  textStart: Uint32Array;
  text: Uint8Array | null;
  textFile?: PhraseTextFile;
  /** A loaded base reads posting lists on demand: makes terms r0..r1-1 readable (see indexFile.ts). */
  ensurePostings?: (r0: number, r1: number) => void;
  dict: string[];
  /** The search_changes seq this base reflects. */
  seq: number;
}

export interface DocFacets {
  yearFrom: number;
  yearTo: number;
  donor: number;
  places: number[];
  tags: number[];
  /** Rating, flag and label (markBits.ts). */
  marks: number;
}

interface DeltaPostings {
  docs: number[];
  scores: number[];
  masks: number[];
}

class GrowingArray<T extends Int32Array | Uint32Array | Float32Array | Uint16Array | Uint8Array> {
  data: T;
  length = 0;
  readonly #make: (n: number) => T;
  constructor(make: (n: number) => T, capacity = 1 << 16) {
    this.#make = make;
    this.data = make(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.#grow(this.length + 1);
    this.data[this.length++] = value;
  }
  /** Makes room for `count` more values and counts them in: returns where the first goes in `data`. */
  extend(count: number): number {
    if (this.length + count > this.data.length) this.#grow(this.length + count);
    this.length += count;
    return this.length - count;
  }
  /** At least doubles the room, to hold `needed` values in all. */
  #grow(needed: number): void {
    const next = this.#make(Math.max(this.data.length * 2, needed));
    next.set(this.data);
    this.data = next;
  }
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** A dictionary of facet strings: one number per distinct original spelling. */
class Dictionary {
  readonly values: string[];
  readonly #index = new Map<string, number>();
  constructor(values: string[] = []) {
    this.values = values;
    values.forEach((v, i) => this.#index.set(v, i));
  }
  id(value: string): number {
    let id = this.#index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#index.set(value, id);
    }
    return id;
  }
}

function placeValues(source: SearchSource): string[] {
  return [...new Set([source.country, source.city, source.place].map((v) => v.trim()).filter(Boolean))];
}

/**
 * A slice's phrase texts (foldPhoto), UTF-8 in one buffer: text i is bytes[start[i]..start[i+1]).
 * Encoded where the slice is prepared, so a parallel build hands the gathering thread two typed
 * arrays per slice instead of 2,500 strings to copy, keep until the end and encode one by one.
 */
export interface PhraseTexts {
  bytes: Uint8Array;
  start: Uint32Array;
}

const encoder = new TextEncoder();

export function encodePhrases(texts: readonly string[]): PhraseTexts {
  let capacity = 0;
  for (const text of texts) capacity += text.length * 3; // the most UTF-8 bytes a UTF-16 unit takes
  const bytes = new Uint8Array(capacity);
  const start = new Uint32Array(texts.length + 1);
  let at = 0;
  texts.forEach((text, i) => {
    start[i] = at;
    at += encoder.encodeInto(text, bytes.subarray(at)).written;
  });
  start[texts.length] = at;
  return { bytes: bytes.slice(0, at), start };
}

/** What a slice of photos gives the base: Lunr's weights and each photo's phrase text and years. */
export interface PreparedSegment {
  segment: Segment;
  phrases: PhraseTexts;
  /** Per photo, from and to (0, 0: undated). */
  years: Int32Array;
}

/**
 * The part of a base build that each slice of photos needs on its own (folding, Lunr): what the
 * parallel build (searchBuild.ts) runs in its workers. The folder remembers repeated values.
 */
export function prepareSegment(batch: readonly SearchSource[], folder: WordFolder = new WordFolder()): PreparedSegment {
  const folded = batch.map((source) => foldPhoto(source, folder));
  const years = new Int32Array(batch.length * 2);
  batch.forEach((source, i) => {
    const y = folder.years(source.date);
    years[2 * i] = y?.from ?? 0;
    years[2 * i + 1] = y?.to ?? 0;
  });
  return { segment: buildSegment(folded.map((f) => f.document)), phrases: encodePhrases(folded.map((f) => f.phrase)), years };
}

/** Builds a base index with Lunr, SEGMENT_SIZE photos at a time (bounded memory), on this thread. */
export function buildBase(sources: Iterable<SearchSource>, seq: number, onProgress?: (done: number) => void, segmentSize = SEGMENT_SIZE): BaseIndex {
  const base = new BaseBuilder();
  const folder = new WordFolder();
  for (const batch of segmentsOf(sources, segmentSize)) {
    base.add(batch, prepareSegment(batch, folder));
    onProgress?.(base.documentCount);
  }
  return base.finish(seq);
}

/**
 * The photos in slices of `size`: a base's segments are the same slices however it is built
 * (a weight depends on its segment's average field lengths).
 */
export function* segmentsOf(sources: Iterable<SearchSource>, size = SEGMENT_SIZE): Generator<SearchSource[]> {
  let batch: SearchSource[] = [];
  for (const source of sources) {
    batch.push(source);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Gathers prepared segments, in the photos' order, into a base index. */
export class BaseBuilder {
  readonly #termIds = new Map<string, number>();
  readonly #termNames: string[] = [];
  readonly #termDf: number[] = [];
  readonly #pTerm = new GrowingArray((n) => new Int32Array(n), 1 << 20);
  readonly #pDoc = new GrowingArray((n) => new Int32Array(n), 1 << 20);
  readonly #pMask = new GrowingArray((n) => new Uint16Array(n), 1 << 20);
  readonly #pWeight = new GrowingArray((n) => new Float32Array(n), 1 << 20);
  readonly #docId = new GrowingArray((n) => new Int32Array(n));
  readonly #fortepanId = new GrowingArray((n) => new Int32Array(n));
  readonly #yearFrom = new GrowingArray((n) => new Uint16Array(n));
  readonly #yearTo = new GrowingArray((n) => new Uint16Array(n));
  readonly #donor = new GrowingArray((n) => new Int32Array(n));
  readonly #placeStart = new GrowingArray((n) => new Int32Array(n));
  readonly #placeVals = new GrowingArray((n) => new Int32Array(n));
  readonly #tagStart = new GrowingArray((n) => new Int32Array(n));
  readonly #tagVals = new GrowingArray((n) => new Int32Array(n));
  readonly #marks = new GrowingArray((n) => new Uint8Array(n));
  readonly #text = new GrowingArray((n) => new Uint8Array(n), 1 << 20);
  readonly #textStart = new GrowingArray((n) => new Uint32Array(n));
  readonly #dict = new Dictionary();
  documentCount = 0;

  /** Adds the next slice of photos (in order) with what prepareSegment made of it. */
  add(batch: readonly SearchSource[], prepared: PreparedSegment): void {
    if (!batch.length) return;
    const first = this.documentCount;
    const { segment } = prepared;
    const globalTerm = new Int32Array(segment.terms.length);
    segment.terms.forEach((term, t) => {
      let id = this.#termIds.get(term);
      if (id === undefined) {
        id = this.#termNames.length;
        this.#termIds.set(term, id);
        this.#termNames.push(term);
        this.#termDf.push(0);
      }
      this.#termDf[id] += segment.df[t];
      globalTerm[t] = id;
    });
    const entries = segment.term.length;
    const at = this.#pTerm.extend(entries);
    this.#pDoc.extend(entries);
    this.#pMask.extend(entries);
    this.#pWeight.extend(entries);
    const pTerm = this.#pTerm.data;
    const pDoc = this.#pDoc.data;
    for (let i = 0; i < entries; i++) {
      pTerm[at + i] = globalTerm[segment.term[i]];
      pDoc[at + i] = first + segment.doc[i];
    }
    this.#pMask.data.set(segment.fieldBit, at);
    this.#pWeight.data.set(segment.weight, at);
    const { bytes, start } = prepared.phrases;
    const textAt = this.#text.extend(bytes.length);
    this.#text.data.set(bytes, textAt);
    for (let i = 0; i < batch.length; i++) this.#textStart.push(textAt + start[i]);
    const dict = this.#dict;
    batch.forEach((source, i) => {
      this.#docId.push(source.id);
      this.#fortepanId.push(source.fortepanId ?? -1);
      this.#yearFrom.push(prepared.years[2 * i]);
      this.#yearTo.push(prepared.years[2 * i + 1]);
      this.#donor.push(source.donor.trim() ? dict.id(source.donor.trim()) : -1);
      this.#placeStart.push(this.#placeVals.length);
      for (const p of placeValues(source)) this.#placeVals.push(dict.id(p));
      this.#tagStart.push(this.#tagVals.length);
      for (const t of source.tags) this.#tagVals.push(dict.id(t));
      this.#marks.push(packMarks(source));
    });
    this.documentCount += batch.length;
  }

  finish(seq: number): BaseIndex {
    const termNames = this.#termNames;
    const termDf = this.#termDf;
    const pTerm = this.#pTerm;
    const pDoc = this.#pDoc;
    const pMask = this.#pMask;
    const pWeight = this.#pWeight;
    const documentCount = this.documentCount;
    this.#placeStart.push(this.#placeVals.length);
    this.#tagStart.push(this.#tagVals.length);

    // Terms in sorted order; postings grouped by term (a stable counting sort keeps document
    // order within a term); a term's weights in several fields of one document become one posting.
    // The default sort orders strings by UTF-16 code units, as `<` does, without calling back
    // into JavaScript per comparison: at a million photos (a million terms, most of them file
    // names and numbers) a comparator sort of the term numbers took 3.1 s, this 1.3 s.
    const terms = termNames.slice().sort();
    const rank = new Int32Array(terms.length);
    const order = new Int32Array(terms.length);
    terms.forEach((term, r) => {
      const id = this.#termIds.get(term)!;
      rank[id] = r;
      order[r] = id;
    });
    const idf = new Float64Array(order.length);
    const sortedDf = new Uint32Array(order.length);
    order.forEach((id, r) => {
      sortedDf[r] = termDf[id];
      idf[r] = lunrIdf(termDf[id], documentCount);
    });

    const n = pTerm.length;
    const counts = new Uint32Array(terms.length + 1);
    for (let i = 0; i < n; i++) counts[rank[pTerm.data[i]] + 1]++;
    for (let r = 0; r < terms.length; r++) counts[r + 1] += counts[r];
    const cursor = counts.slice(0, terms.length);
    const sDoc = new Int32Array(n);
    const sMask = new Uint16Array(n);
    const sScore = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const r = rank[pTerm.data[i]];
      const at = cursor[r]++;
      sDoc[at] = pDoc.data[i];
      sMask[at] = pMask.data[i];
      sScore[at] = pWeight.data[i] * idf[r];
    }
    // Merge adjacent postings of the same (term, document).
    const termStart = new Uint32Array(terms.length + 1);
    let out = 0;
    for (let r = 0; r < terms.length; r++) {
      termStart[r] = out;
      for (let i = counts[r]; i < counts[r + 1]; i++) {
        if (out > termStart[r] && sDoc[out - 1] === sDoc[i]) {
          sMask[out - 1] |= sMask[i];
          sScore[out - 1] += sScore[i];
        } else {
          sDoc[out] = sDoc[i];
          sMask[out] = sMask[i];
          sScore[out] = sScore[i];
          out++;
        }
      }
    }
    termStart[terms.length] = out;

    this.#textStart.push(this.#text.length);
    const textStart = this.#textStart.trimmed();
    const text = this.#text.trimmed();

    return {
      terms,
      termStart,
      termDf: sortedDf,
      postDoc: sDoc.slice(0, out),
      postScore: sScore.slice(0, out),
      postMask: sMask.slice(0, out),
      docId: this.#docId.trimmed(),
      fortepanId: this.#fortepanId.trimmed(),
      yearFrom: new Int16Array(this.#yearFrom.trimmed().buffer),
      yearTo: new Int16Array(this.#yearTo.trimmed().buffer),
      donor: this.#donor.trimmed(),
      placeStart: new Uint32Array(this.#placeStart.trimmed().buffer),
      placeVals: this.#placeVals.trimmed(),
      tagStart: new Uint32Array(this.#tagStart.trimmed().buffer),
      tagVals: this.#tagVals.trimmed(),
      marks: this.#marks.trimmed(),
      textStart,
      text,
      dict: this.#dict.values,
      seq,
    };
  }
}

/** A term's posting list: documents (ascending within the base), weights, field masks. */
export interface PostingList {
  docs: Int32Array;
  scores: Float32Array;
  masks: Uint16Array;
  start: number;
  end: number;
}

const decoder = new TextDecoder();

/** The live index: a base plus the delta of photos changed since, with dead base entries. */
export class SearchIndex {
  base: BaseIndex;
  readonly #dict: Dictionary;
  /** Photo id -> slot for the delta; the base's ids are sorted, so it is searched instead. */
  readonly #deltaSlotOfId = new Map<number, number>();
  /** 1 for slots whose photo changed or was removed since they were indexed. */
  #dead: Uint8Array;
  #deadCount = 0;
  readonly #delta = new Map<string, DeltaPostings>();
  readonly #deltaDocs: { id: number; fortepanId: number; facets: DocFacets; text: string }[] = [];
  readonly #deltaDf = new Map<string, number>();
  #deltaTermsSorted: string[] | null = null;
  /** The search_changes seq the index (base plus delta) reflects. */
  seq: number;

  constructor(base: BaseIndex) {
    this.base = base;
    this.seq = base.seq;
    this.#dict = new Dictionary(base.dict);
    this.#dead = new Uint8Array(base.docId.length + 1024);
  }

  /** The live slot of a photo, or -1. */
  slotOf(id: number): number {
    const delta = this.#deltaSlotOfId.get(id);
    if (delta !== undefined) return this.#dead[delta] ? -1 : delta;
    const ids = this.base.docId;
    const lo = lowerBound(ids.length, (i) => ids[i] < id);
    return lo < ids.length && ids[lo] === id && !this.#dead[lo] ? lo : -1;
  }

  get baseSize(): number {
    return this.base.docId.length;
  }

  /** Slots in use (base and delta, dead ones included). */
  get slotCount(): number {
    return this.base.docId.length + this.#deltaDocs.length;
  }

  /** Live photos. */
  get size(): number {
    return this.slotCount - this.#deadCount;
  }

  get deltaSize(): number {
    return this.#deltaDocs.length;
  }

  get deadCount(): number {
    return this.#deadCount;
  }

  get dead(): Uint8Array {
    return this.#dead;
  }

  get dictionary(): readonly string[] {
    return this.#dict.values;
  }

  /** Indexes new versions of these photos and drops the ids that are gone. */
  apply(changed: readonly SearchSource[], removed: readonly number[], seq: number): void {
    for (const id of removed) this.#kill(id);
    if (changed.length) {
      for (const source of changed) this.#kill(source.id);
      const first = this.slotCount;
      const { segment, phrases, years: segmentYears } = prepareSegment(changed);
      const documentCount = this.size + changed.length;
      if (this.#dead.length < first + changed.length) {
        const grown = new Uint8Array((first + changed.length) * 2);
        grown.set(this.#dead);
        this.#dead = grown;
      }
      segment.terms.forEach((term, t) => this.#deltaDf.set(term, (this.#deltaDf.get(term) ?? 0) + segment.df[t]));
      for (let e = 0; e < segment.term.length; e++) {
        const term = segment.terms[segment.term[e]];
        let postings = this.#delta.get(term);
        if (!postings) {
          postings = { docs: [], scores: [], masks: [] };
          this.#delta.set(term, postings);
          this.#deltaTermsSorted = null;
        }
        const slot = first + segment.doc[e];
        const weight = segment.weight[e] * lunrIdf(this.#baseDf(term) + (this.#deltaDf.get(term) ?? 0), documentCount);
        const last = postings.docs.length - 1;
        if (last >= 0 && postings.docs[last] === slot) {
          postings.scores[last] += weight;
          postings.masks[last] |= segment.fieldBit[e];
        } else {
          postings.docs.push(slot);
          postings.scores.push(weight);
          postings.masks.push(segment.fieldBit[e]);
        }
      }
      changed.forEach((source, i) => {
        this.#deltaDocs.push({
          id: source.id,
          fortepanId: source.fortepanId ?? -1,
          facets: {
            yearFrom: segmentYears[2 * i],
            yearTo: segmentYears[2 * i + 1],
            donor: source.donor.trim() ? this.#dict.id(source.donor.trim()) : -1,
            places: placeValues(source).map((p) => this.#dict.id(p)),
            tags: source.tags.map((t) => this.#dict.id(t)),
            marks: packMarks(source),
          },
          text: decoder.decode(phrases.bytes.subarray(phrases.start[i], phrases.start[i + 1])),
        });
        this.#deltaSlotOfId.set(source.id, first + i);
      });
    }
    this.seq = Math.max(this.seq, seq);
  }

  #kill(id: number): void {
    const slot = this.slotOf(id);
    if (slot < 0) return;
    this.#deltaSlotOfId.delete(id);
    this.#dead[slot] = 1;
    this.#deadCount++;
  }

  #baseDf(term: string): number {
    const r = this.termRank(term);
    return r >= 0 ? this.base.termDf[r] : 0;
  }

  /** The base's rank of a term, or -1. */
  termRank(term: string): number {
    const terms = this.base.terms;
    const lo = lowerBound(terms.length, (i) => terms[i] < term);
    return lo < terms.length && terms[lo] === term ? lo : -1;
  }

  /** Every posting list for a term, in the base and the delta. */
  postings(term: string): PostingList[] {
    const lists: PostingList[] = [];
    const r = this.termRank(term);
    if (r >= 0) lists.push(this.#baseList(r));
    const delta = this.#delta.get(term);
    // Typed copies (the delta is small) keep the evaluator's loops monomorphic.
    if (delta) lists.push({ docs: Int32Array.from(delta.docs), scores: Float32Array.from(delta.scores), masks: Uint16Array.from(delta.masks), start: 0, end: delta.docs.length });
    return lists;
  }

  #baseList(r: number): PostingList {
    const b = this.base;
    b.ensurePostings?.(r, r + 1);
    return { docs: b.postDoc, scores: b.postScore, masks: b.postMask, start: b.termStart[r], end: b.termStart[r + 1] };
  }

  /** Terms that start with a prefix (base and delta), up to `limit` of them. */
  termsWithPrefix(prefix: string, limit: number): string[] {
    const terms = this.base.terms;
    const lo = lowerBound(terms.length, (i) => terms[i] < prefix);
    const out: string[] = [];
    for (let i = lo; i < terms.length && out.length < limit && terms[i].startsWith(prefix); i++) out.push(terms[i]);
    // One read for the whole stretch of terms, not one per term.
    if (out.length) this.base.ensurePostings?.(lo, lo + out.length);
    for (const term of this.#delta.keys()) if (term.startsWith(prefix) && this.termRank(term) < 0) out.push(term);
    return out;
  }

  /** All terms of the delta that the base does not have (for fuzzy matching). */
  deltaOnlyTerms(): string[] {
    this.#deltaTermsSorted ??= [...this.#delta.keys()].filter((t) => this.termRank(t) < 0).sort();
    return this.#deltaTermsSorted;
  }

  /** Every live slot. */
  liveSlots(): Int32Array {
    const out = new Int32Array(this.size);
    let n = 0;
    for (let slot = 0; slot < this.slotCount; slot++) if (!this.#dead[slot]) out[n++] = slot;
    return out.subarray(0, n);
  }

  photoId(slot: number): number {
    return slot < this.base.docId.length ? this.base.docId[slot] : this.#deltaDocs[slot - this.base.docId.length].id;
  }

  fortepanId(slot: number): number {
    return slot < this.base.docId.length ? this.base.fortepanId[slot] : this.#deltaDocs[slot - this.base.docId.length].fortepanId;
  }

  years(slot: number): { from: number; to: number } {
    if (slot < this.base.docId.length) return { from: this.base.yearFrom[slot], to: this.base.yearTo[slot] };
    const f = this.#deltaDocs[slot - this.base.docId.length].facets;
    return { from: f.yearFrom, to: f.yearTo };
  }

  facets(slot: number): DocFacets {
    const b = this.base;
    if (slot >= b.docId.length) return this.#deltaDocs[slot - b.docId.length].facets;
    return {
      yearFrom: b.yearFrom[slot],
      yearTo: b.yearTo[slot],
      donor: b.donor[slot],
      places: Array.from(b.placeVals.subarray(b.placeStart[slot], b.placeStart[slot + 1])),
      tags: Array.from(b.tagVals.subarray(b.tagStart[slot], b.tagStart[slot + 1])),
      marks: b.marks[slot],
    };
  }

  /** A slot's rating, flag and label in one byte (markBits.ts). */
  marks(slot: number): number {
    const b = this.base;
    return slot < b.docId.length ? b.marks[slot] : this.#deltaDocs[slot - b.docId.length].facets.marks;
  }

  phraseText(slot: number): string {
    const b = this.base;
    if (slot >= b.docId.length) return this.#deltaDocs[slot - b.docId.length].text;
    if (!b.text) return b.textFile!.text(slot);
    return decoder.decode(b.text.subarray(b.textStart[slot], b.textStart[slot + 1]));
  }
}
