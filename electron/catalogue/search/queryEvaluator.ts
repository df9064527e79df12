// Runs a parsed query over the SearchIndex with Lunr's semantics (every plain word required,
// prefix and fuzzy expansion, field restriction, BM25 scores summed over matching terms) but
// not Lunr's evaluation: instead of scoring every document through its field vectors, it walks
// the posting lists of the query's terms once, rarest first, in dense typed arrays, then sorts
// only the hits. Phrases, years and Fortepan numbers are checked on the survivors.
import type { MarkClause, OrClause, SearchClause, TermClause } from '../../../shared/searchQuery.ts';
import { flagBits, flagNumber, labelBits, labelNumber, ratingOf } from './markBits.ts';
import { FIELD_BIT } from './lunrSegment.ts';
import { wordReach } from './wordForms.ts';
import { PHRASE_FIELD_CODES, PHRASE_LEVEL_SEPARATOR } from './searchDocument.ts';
import type { PostingList, SearchIndex } from './searchIndex.ts';

export class SearchCancelled extends Error {
  constructor() {
    super('A newer search replaced this one.');
  }
}

/** The hits of a query: photo ids best first (ranked as pages are asked for), and the index slots (for facets), unordered. */
export interface EvaluatedQuery {
  ids: RankedHits;
  slots: Int32Array;
  /** For a query that finds nothing: a corrected query that finds something (see suggestion.ts). */
  suggestion?: string;
}

/** At most this many terms a short prefix or a fuzzy word expands to. */
const MAX_EXPANSION = 50_000;

// Dense per-slot scratch space, reused across queries: `stamp` says which round a slot last
// survived, so nothing is cleared between queries.
let stamp = new Int32Array(0);
let acc = new Float32Array(0);
let epoch = 0;

function scratch(slots: number): void {
  if (stamp.length < slots || epoch > 1 << 30) {
    stamp = new Int32Array(Math.max(slots + 4096, Math.ceil(slots * 1.25)));
    acc = new Float32Array(stamp.length);
    epoch = 0;
  }
}

/** One posting list of a group, with the fields it may match in and its weight. */
interface GroupList {
  list: PostingList;
  mask: number;
  factor: number;
}

/** The postings one query word (or one OR of words) matches: a document needs one of them. */
interface TermGroup {
  lists: GroupList[];
  size: number;
}

// Fuzzy words: Lunr's own fuzzy matching intersects an edit automaton with a TokenSet (a trie)
// of every term. Built for 200,000 photos that trie costs seconds and ~100 MB, and it blocks
// the worker the first time; so terms are grouped by length once and only terms of a near
// length are compared, with the same edit distance Lunr's automaton allows (insertions,
// deletions, substitutions and swaps of two neighbouring letters).
const termsByLength = new WeakMap<object, Map<number, string[]>>();

/** Numbers (Fortepan numbers, years: most of the terms) are kept apart from words. */
const bucketKey = (term: string, length: number) => (term.charCodeAt(0) <= 57 ? -length : length);

function lengthBuckets(terms: readonly string[]): Map<number, string[]> {
  const buckets = new Map<number, string[]>();
  for (const term of terms) {
    const key = bucketKey(term, term.length);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(term);
  }
  return buckets;
}

const row0 = new Int32Array(64);
const row1 = new Int32Array(64);
const row2 = new Int32Array(64);

/** Optimal string alignment distance of a and b, or max + 1 once it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length >= 63) return a === b ? 0 : max + 1;
  let prev2 = row0;
  let prev = row1;
  let cur = row2;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

/** The vocabulary grouped by length (numbers apart), built once per base. */
export function bucketsOf(index: SearchIndex): Map<number, string[]> {
  let buckets = termsByLength.get(index.base);
  if (!buckets) {
    buckets = lengthBuckets(index.base.terms);
    termsByLength.set(index.base, buckets);
  }
  return buckets;
}

function fuzzyTerms(index: SearchIndex, word: string, distance: number): string[] {
  const buckets = bucketsOf(index);
  const out: string[] = [];
  for (let length = Math.max(1, word.length - distance); length <= word.length + distance; length++) {
    for (const term of buckets.get(bucketKey(word, length)) ?? []) if (editDistance(word, term, distance) <= distance) out.push(term);
  }
  for (const term of index.deltaOnlyTerms()) if (editDistance(word, term, distance) <= distance) out.push(term);
  return out.slice(0, MAX_EXPANSION);
}

/** Groups the terms by length ahead of the first fuzzy query. */
export function warmFuzzy(index: SearchIndex): void {
  fuzzyTerms(index, 'a', 1);
}

/** The terms one word of a clause reaches, with their fields and weights. */
function reachOf(index: SearchIndex, clause: TermClause, word: string, last: boolean): { term: string; mask: number; factor: number }[] {
  const fieldMask = clause.field ? FIELD_BIT[clause.field] : 0xffff;
  if (clause.fuzzy && clause.words.length === 1) return fuzzyTerms(index, word, clause.fuzzy).map((term) => ({ term, mask: fieldMask, factor: 1 }));
  // A phrase is checked word for word on the text afterwards: its words are matched as typed.
  if (clause.phrase) return [{ term: word, mask: fieldMask, factor: 1 }];
  const reach = wordReach(index, word, fieldMask);
  if (clause.prefix && last) {
    // While typing: also every word it begins (as before), besides its Hungarian forms.
    const known = new Set(reach.map((r) => r.term));
    for (const term of index.termsWithPrefix(word, MAX_EXPANSION)) if (!known.has(term)) reach.push({ term, mask: fieldMask, factor: 1 });
  }
  return reach;
}

function groupOf(index: SearchIndex, reach: { term: string; mask: number; factor: number }[]): TermGroup {
  const lists: GroupList[] = [];
  for (const r of reach) for (const list of index.postings(r.term)) lists.push({ list, mask: r.mask, factor: r.factor });
  return { lists, size: lists.reduce((n, l) => n + l.list.end - l.list.start, 0) };
}

function groupsOf(index: SearchIndex, clause: TermClause | OrClause): TermGroup[] {
  if (clause.kind === 'or') {
    // One group: a document needs any one alternative (each a single word).
    return [groupOf(index, clause.alternatives.flatMap((alt) => reachOf(index, alt, alt.words[0], true)))];
  }
  return clause.words.map((word, i) => groupOf(index, reachOf(index, clause, word, i === clause.words.length - 1)));
}

/** Slots matching every group (AND), with summed scores in `acc`. */
function intersect(index: SearchIndex, groups: TermGroup[], check: () => void): Int32Array {
  groups.sort((a, b) => a.size - b.size);
  const dead = index.dead;
  const first = epoch + 1;
  epoch = first + groups.length;
  const g0 = groups[0];
  const candidates = new Int32Array(g0.size);
  let count = 0;
  for (const { list, mask, factor } of g0.lists) {
    const { docs, scores, masks, end } = list;
    for (let i = list.start; i < end; i++) {
      if ((masks[i] & mask) === 0) continue;
      const d = docs[i];
      if (dead[d]) continue;
      if (stamp[d] !== first) {
        stamp[d] = first;
        acc[d] = scores[i] * factor;
        candidates[count++] = d;
      } else acc[d] += scores[i] * factor;
    }
  }
  let live = count;
  for (let r = 1; r < groups.length && live > 0; r++) {
    check();
    const prev = first + r - 1;
    const cur = first + r;
    const g = groups[r];
    let survivors = 0;
    for (const { list, mask, factor } of g.lists) {
      const { docs, scores, masks, start, end } = list;
      const length = end - start;
      // Few candidates against a long (sorted) list: look each candidate up instead of walking it.
      if (live * 20 < length) {
        for (let c = 0; c < count; c++) {
          const d = candidates[c];
          if (stamp[d] !== prev && stamp[d] !== cur) continue;
          let lo = start;
          let hi = end;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (docs[mid] < d) lo = mid + 1;
            else hi = mid;
          }
          if (lo < end && docs[lo] === d && (masks[lo] & mask) !== 0) {
            if (stamp[d] === prev) {
              stamp[d] = cur;
              survivors++;
            }
            acc[d] += scores[lo] * factor;
          }
        }
        continue;
      }
      for (let i = start; i < end; i++) {
        const d = docs[i];
        const s = stamp[d];
        if (s === prev) {
          if ((masks[i] & mask) === 0) continue;
          stamp[d] = cur;
          acc[d] += scores[i] * factor;
          survivors++;
        } else if (s === cur && (masks[i] & mask) !== 0) acc[d] += scores[i] * factor;
      }
    }
    live = survivors;
  }
  const last = first + groups.length - 1;
  const out = new Int32Array(live);
  let n = 0;
  for (let c = 0; c < count; c++) if (stamp[candidates[c]] === last) out[n++] = candidates[c];
  return out.subarray(0, n);
}

function phraseMatcher(clause: TermClause): RegExp {
  // A tag node (tag:"Helyszín|Budapest"): a tag segment starting with these very levels.
  if (clause.path) return new RegExp(`\\|g ${clause.path.join(PHRASE_LEVEL_SEPARATOR)}(?=${PHRASE_LEVEL_SEPARATOR}|\\|)`);
  const phrase = clause.words.join(' ');
  const code = clause.field ? PHRASE_FIELD_CODES[clause.field] : undefined;
  // Folded words are letters and digits only: nothing to escape.
  return code ? new RegExp(`\\|${code}[^|]* ${phrase}(?=[ |])`) : new RegExp(` ${phrase}(?=[ |])`);
}

/**
 * The photos of a folder and its subfolders, as a bitmap by photo id (1 = inside). The index
 * holds no paths: the worker reads them from the catalogue's folder index (store/folderQueries.ts).
 */
export type FolderMembers = (key: string) => Uint8Array;

/** Every hit of the query; `check` throws SearchCancelled when a newer query arrived. */
export function evaluate(index: SearchIndex, clauses: readonly SearchClause[], check: () => void = () => {}, folders: FolderMembers = () => new Uint8Array(0)): EvaluatedQuery {
  scratch(index.slotCount);
  const termClauses = clauses.filter((c): c is TermClause => c.kind === 'terms');
  const positive: (TermClause | OrClause)[] = [...termClauses.filter((c) => !c.negated), ...clauses.filter((c): c is OrClause => c.kind === 'or')];
  const groups = positive.flatMap((c) => groupsOf(index, c));
  let slots: Int32Array;
  let scored = false;
  if (groups.length) {
    slots = intersect(index, groups, check);
    scored = true;
  } else {
    slots = index.liveSlots();
  }
  check();

  // Exclusions: slots holding every word of a -clause (phrases are checked on the text below).
  const excludedWords = termClauses.filter((c) => c.negated && !c.phrase);
  if (excludedWords.length && slots.length) {
    const keep = new Float32Array(slots.length);
    for (let i = 0; i < slots.length; i++) keep[i] = acc[slots[i]];
    const drop = new Uint8Array(index.slotCount);
    for (const clause of excludedWords) {
      for (const d of intersect(index, groupsOf(index, { ...clause, negated: false }), check)) drop[d] = 1;
    }
    let n = 0;
    for (let i = 0; i < slots.length; i++) {
      if (!drop[slots[i]]) {
        acc[slots[i]] = keep[i];
        slots[n++] = slots[i];
      }
    }
    slots = slots.subarray(0, n);
  }

  const filters = clauses.filter((c) => (c.kind !== 'terms' && c.kind !== 'or') || (c.kind === 'terms' && c.phrase));
  if (filters.length && slots.length) {
    const phrases = filters.filter((c): c is TermClause => c.kind === 'terms').map((c) => ({ negated: c.negated, re: phraseMatcher(c) }));
    const members = new Map(filters.flatMap((c) => (c.kind === 'folder' ? [[c.key, folders(c.key)] as const] : [])));
    let n = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      let ok = true;
      for (const clause of filters) {
        if (clause.kind === 'year') {
          const years = index.years(slot);
          const overlaps = years.from !== 0 && years.from <= clause.to && years.to >= clause.from;
          ok = clause.negated ? !overlaps : overlaps;
        } else if (clause.kind === 'id') {
          const same = index.fortepanId(slot) === clause.id;
          ok = clause.negated ? !same : same;
        } else if (clause.kind === 'folder') {
          const inside = members.get(clause.key)![index.photoId(slot)] === 1;
          ok = clause.negated ? !inside : inside;
        } else if (clause.kind === 'rating' || clause.kind === 'flag' || clause.kind === 'label') {
          ok = markMatches(clause, index.marks(slot)) !== clause.negated;
        }
        if (!ok) break;
      }
      if (ok && phrases.length) {
        const text = index.phraseText(slot);
        for (const p of phrases) {
          if (p.re.test(text) === p.negated) {
            ok = false;
            break;
          }
        }
      }
      if (ok) slots[n++] = slot;
    }
    slots = slots.subarray(0, n);
  }
  check();
  return { ids: rank(index, slots, scored), slots };
}

/** Whether a slot's packed marks (markBits.ts) satisfy a rating:, flag: or label: filter. */
function markMatches(clause: MarkClause, bits: number): boolean {
  if (clause.kind === 'rating') {
    const stars = ratingOf(bits);
    return stars >= clause.min && stars <= clause.max;
  }
  if (clause.kind === 'flag') return flagBits(bits) === flagNumber(clause.flag);
  return labelBits(bits) === labelNumber(clause.label);
}

const ID_SPACE = 2 ** 26;
const MAX_QUANTUM = 2 ** 26 - 1;
/** Ranked at first: the first pages; later pages are ranked when asked for. */
const FIRST_RANKED = 1000;

/**
 * Hits in rank order, ranked lazily: a common word has 100,000+ hits but people look at the
 * first few hundred, so only those are sorted (after an O(n) selection); a deeper page sorts
 * the next stretch. Keys pack a descending score and the photo id, so ties go in catalogue
 * order and one numeric sort does the work.
 */
export class RankedHits {
  readonly #keys: Float64Array;
  readonly #scored: boolean;
  #sorted = 0;

  constructor(keys: Float64Array, scored: boolean) {
    this.#keys = keys;
    this.#scored = scored;
    if (!scored) {
      keys.sort();
      this.#sorted = keys.length;
    }
  }

  get length(): number {
    return this.#keys.length;
  }

  /** Every hit's photo id, in no particular order (a sorted search orders them itself). */
  allIds(): Int32Array {
    const out = new Int32Array(this.#keys.length);
    for (let i = 0; i < out.length; i++) out[i] = this.#scored ? this.#keys[i] % ID_SPACE : this.#keys[i];
    return out;
  }

  /** Photo ids of hits [offset, offset + limit), best first. */
  page(offset: number, limit: number): number[] {
    const end = Math.min(this.#keys.length, offset + limit);
    this.#ensure(end);
    const out: number[] = [];
    for (let i = offset; i < end; i++) out.push(this.#scored ? this.#keys[i] % ID_SPACE : this.#keys[i]);
    return out;
  }

  #ensure(n: number): void {
    const keys = this.#keys;
    if (n <= this.#sorted) return;
    const target = Math.min(keys.length, Math.max(n, this.#sorted * 2, FIRST_RANKED));
    if (target < keys.length) selectSmallest(keys, this.#sorted, target);
    keys.subarray(this.#sorted, target).sort();
    this.#sorted = target;
  }
}

/** Keys sampled to guess where the smallest ones end (selectSmallest). */
const SAMPLE = 1024;

/**
 * Rearranges keys[from..] so that keys[from..target) are its smallest, in no order. A common word
 * has close to a million hits and a page wants the first thousand: a sample of the keys gives a
 * bound a little above the thousandth, one pass moves the keys under it to the front, and the
 * selection proper runs on those few thousand only, not on the million (a quickselect over all
 * of them was a quarter of the search's time).
 */
export function selectSmallest(keys: Float64Array, from: number, target: number): void {
  const n = keys.length - from;
  const wanted = target - from;
  // Where the wanted keys end in a sorted sample, with room for the sample's error.
  const at = Math.ceil((wanted / n) * SAMPLE * 2) + 16;
  if (n > SAMPLE * 8 && at < SAMPLE) {
    const sample = new Float64Array(SAMPLE);
    for (let i = 0; i < SAMPLE; i++) sample[i] = keys[from + Math.floor(((i + 0.5) * n) / SAMPLE)];
    sample.sort();
    const bound = sample[at];
    let front = from;
    for (let i = from; i < keys.length; i++) {
      const key = keys[i];
      if (key <= bound) {
        keys[i] = keys[front];
        keys[front++] = key;
      }
    }
    // The bound fell past the wanted keys (it almost always does): select among those before it.
    if (front >= target) {
      select(keys, from, front - 1, target - 1);
      return;
    }
  }
  select(keys, from, keys.length - 1, target - 1);
}

/** Rearranges keys[left..right] so keys[k] holds its sorted value, smaller ones before it. */
function select(keys: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const pivot = keys[(left + right) >>> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        const t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** Photo ids best first (ties: catalogue order); unscored queries in catalogue order. */
function rank(index: SearchIndex, slots: Int32Array, scored: boolean): RankedHits {
  const keys = new Float64Array(slots.length);
  if (!scored) {
    for (let i = 0; i < slots.length; i++) keys[i] = index.photoId(slots[i]);
    return new RankedHits(keys, false);
  }
  // The base's ids read straight from its array: this loop runs once per hit, a million times
  // for a common word.
  const baseIds = index.base.docId;
  const baseSlots = baseIds.length;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const q = Math.min(MAX_QUANTUM, Math.round(acc[slot] * 1e4));
    const id = slot < baseSlots ? baseIds[slot] : index.photoId(slot);
    keys[i] = (MAX_QUANTUM - q) * ID_SPACE + (id % ID_SPACE);
  }
  return new RankedHits(keys, true);
}
