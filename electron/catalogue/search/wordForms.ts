// Which indexed terms a query word reaches, and how much each counts: the word as typed, its
// Hungarian forms (shared/hungarianStem.ts), and compounds ending in it. The index holds every
// word exactly as folded (nothing is stemmed at index time, so names and places stay as
// written); the analysis runs over the index's vocabulary at query time, with the same rule the
// query gets, and is remembered per term.
//
//   the word itself              every field (the clause's field)          weight 1
//   the word's own forms         places too: "Budapesten" reaches the      weight 0.8
//                                place Budapest as written
//   other inflections of it      titles, captions, tags (never names,      weight 0.5
//   ("Duna" finds "Dunán")       never places)
//   compounds ending in it       titles, captions, tags                    weight 0.4
//   ("templom": plébániatemplom)
//
// So exact forms rank above stripped ones, and donors and photographers are matched as written.
import { hungarianForms, hungarianStem, stemSpellings } from '../../../shared/hungarianStem.ts';
import { FIELD_BIT } from './lunrSegment.ts';
import type { SearchIndex } from './searchIndex.ts';
import { lowerBound } from '../../../shared/lowerBound.ts';

export interface TermReach {
  term: string;
  /** Fields this term may match in (FIELD_BIT mask). */
  mask: number;
  /** Its BM25 weight is multiplied by this. */
  factor: number;
}

const STRIPPABLE = FIELD_BIT.title | FIELD_BIT.caption | FIELD_BIT.tags;
const PLACE = FIELD_BIT.place;
const FORM_WEIGHT = 0.8;
const INFLECTION_WEIGHT = 0.5;
const COMPOUND_WEIGHT = 0.4;
/** A compound's last part must be this long ("templom" yes; vár, tér, ház are too ambiguous)... */
const COMPOUND_MIN = 5;
/** ...and what comes before it at least this long (műegyetem; not "futás" for "utas"). */
const COMPOUND_HEAD = 2;
/** At most this many terms one prefix scan looks at (a short stem in a huge vocabulary). */
const SCAN_LIMIT = 5000;

interface Analysis {
  stem: string;
  forms: string[];
}

// Per term, once: the vocabulary is a few tens of thousands of words.
const analyses = new Map<string, Analysis>();

function analyse(term: string): Analysis {
  let a = analyses.get(term);
  if (!a) {
    a = { stem: hungarianStem(term), forms: hungarianForms(term) };
    // Query words join the vocabulary's: bound what strangers' typing can add.
    if (analyses.size > 1_000_000) analyses.clear();
    analyses.set(term, a);
  }
  return a;
}

/** A word the Hungarian analysis applies to: letters only, four or more. */
const analysable = (word: string) => word.length >= 4 && /^[a-z]+$/.test(word);

/** Sorted-range scan of the base's terms (and the delta's) starting with a prefix, without reading postings. */
function termsStartingWith(index: SearchIndex, prefix: string, visit: (term: string) => void): void {
  const terms = index.base.terms;
  const lo = lowerBound(terms.length, (i) => terms[i] < prefix);
  for (let i = lo, n = 0; i < terms.length && n < SCAN_LIMIT && terms[i].startsWith(prefix); i++, n++) visit(terms[i]);
  for (const term of index.deltaOnlyTerms()) if (term.startsWith(prefix)) visit(term);
}

// Compounds by their last part: every reading of every word of the base's vocabulary, spelt
// backwards and sorted, so the words whose reading ends in a part are one contiguous range
// ("plébániatemplomban" reads "plebaniatemplom": it ends in "templom"). Built once per base,
// ahead of the first query when the worker is idle (warmWordForms).
interface SuffixTable {
  reversed: string[];
  terms: string[];
}

const suffixTables = new WeakMap<object, SuffixTable>();

const reverse = (s: string) => {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
};

/** The base's words (not numbers): terms are sorted, digits before letters. */
function wordRange(index: SearchIndex): [number, number] {
  const terms = index.base.terms;
  const lo = lowerBound(terms.length, (i) => terms[i].charCodeAt(0) <= 57);
  return [lo, terms.length];
}

function buildSuffixTable(index: SearchIndex): SuffixTable {
  const entries: [string, string][] = [];
  const terms = index.base.terms;
  const [from, to] = wordRange(index);
  for (let i = from; i < to; i++) {
    const term = terms[i];
    if (term.length < COMPOUND_MIN + COMPOUND_HEAD || !analysable(term)) continue;
    for (const form of analyse(term).forms) if (form.length >= COMPOUND_MIN + COMPOUND_HEAD) entries.push([reverse(form), term]);
  }
  entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { reversed: entries.map((e) => e[0]), terms: entries.map((e) => e[1]) };
}

/** Builds what the Hungarian matching needs ahead of the first query: every word analysed, the compound table. */
export function warmWordForms(index: SearchIndex): void {
  if (suffixTables.has(index.base)) return;
  suffixTables.set(index.base, buildSuffixTable(index));
  const terms = index.base.terms;
  const [from, to] = wordRange(index);
  for (let i = from; i < to; i++) if (analysable(terms[i])) analyse(terms[i]);
}

/** Words with a reading that ends in `part` after a head of COMPOUND_HEAD+ letters. */
function compoundsEndingIn(index: SearchIndex, part: string): string[] {
  const out = new Set<string>();
  const table = suffixTables.get(index.base);
  if (table) {
    const { reversed, terms } = table;
    for (const spelling of stemSpellings(part)) {
      const key = reverse(spelling);
      const lo = lowerBound(reversed.length, (i) => reversed[i] < key);
      for (let i = lo; i < reversed.length && reversed[i].startsWith(key); i++) {
        if (reversed[i].length >= spelling.length + COMPOUND_HEAD && terms[i] !== part) out.add(terms[i]);
      }
    }
  } else {
    // Before the table is built (a query right after opening): one pass over the words.
    const terms = index.base.terms;
    const [from, to] = wordRange(index);
    for (let i = from; i < to; i++) if (terms[i].length >= part.length + COMPOUND_HEAD && endsInPart(terms[i], part)) out.add(terms[i]);
  }
  for (const term of index.deltaOnlyTerms()) if (term.length >= part.length + COMPOUND_HEAD && endsInPart(term, part)) out.add(term);
  return [...out];
}

/** A term is a compound on `part` when one of its readings ends in it, after a head. */
function endsInPart(term: string, part: string): boolean {
  let contains = false;
  for (const spelling of stemSpellings(part)) if (term.indexOf(spelling, COMPOUND_HEAD) >= 0) contains = true;
  if (!contains || !analysable(term)) return false;
  for (const form of analyse(term).forms) {
    if (form.length < part.length + COMPOUND_HEAD) continue;
    for (const spelling of stemSpellings(part)) if (form.endsWith(spelling)) return true;
  }
  return false;
}

/**
 * The terms a query word reaches: the word itself (in `fieldMask`), and for a Hungarian word its
 * forms, inflections and compounds (see the table at the top).
 */
export function wordReach(index: SearchIndex, word: string, fieldMask: number): TermReach[] {
  const reach = new Map<string, TermReach>();
  const add = (term: string, mask: number, factor: number) => {
    if (!mask) return;
    const known = reach.get(term);
    if (!known) reach.set(term, { term, mask, factor });
    else if (factor > known.factor) {
      // A term reached two ways: the fields of both, the better weight.
      known.mask |= mask;
      known.factor = factor;
    } else known.mask |= mask;
  };
  add(word, fieldMask, 1);
  if (!analysable(word)) return [...reach.values()];

  const { stem, forms } = analyse(word);
  for (const form of forms) if (form !== word) add(form, fieldMask & (STRIPPABLE | PLACE), FORM_WEIGHT);
  const formSet = new Set(forms);
  // Another term matches when its stem is one of this word's forms, or this word's stem is one of
  // its forms; either way it starts with one of those (or with an alternating spelling of one).
  // Two-letter forms are not scanned: "ut" (úton) would reach után, utas, utód.
  const starts = new Set<string>();
  for (const form of forms) if (form.length >= 3) for (const s of stemSpellings(form)) starts.add(s);
  for (const start of starts) {
    termsStartingWith(index, start, (term) => {
      if (term === word || !analysable(term)) return;
      const other = analyse(term);
      if (formSet.has(other.stem) || other.forms.includes(stem)) add(term, fieldMask & STRIPPABLE, INFLECTION_WEIGHT);
    });
  }
  // Compounds ending in any reading of the word: "udvarán" (udvara, udvar) finds pályaudvar.
  for (const form of forms) {
    if (form.length < COMPOUND_MIN) continue;
    for (const term of compoundsEndingIn(index, form)) add(term, fieldMask & STRIPPABLE, COMPOUND_WEIGHT);
  }
  return [...reach.values()];
}
