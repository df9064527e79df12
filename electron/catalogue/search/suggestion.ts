// "Did you mean …?" for a query that finds nothing: each word that reaches no indexed term is
// replaced by the closest word of the catalogue's own vocabulary (edit distance over folded
// words: one letter for short words, two for longer ones; among equally close words the most
// frequent), and the corrected query is offered only if it finds something.
import { parseSearchQuery, type OrClause, type SearchClause, type TermClause } from '../../../shared/searchQuery.ts';
import { foldedWords } from '../../../shared/textFold.ts';
import { bucketsOf, editDistance, evaluate, RankedHits, type EvaluatedQuery, type FolderMembers } from './queryEvaluator.ts';
import type { SearchIndex } from './searchIndex.ts';
import { wordReach } from './wordForms.ts';

/** Words shorter than this are not corrected (too many near neighbours). */
const MIN_LENGTH = 3;

function reachesAnything(index: SearchIndex, word: string, buckets: Map<number, string[]>): boolean {
  for (const { term } of wordReach(index, word, 0xffff)) if (index.postings(term).some((l) => l.end > l.start)) return true;
  return false;
}

function frequency(index: SearchIndex, term: string): number {
  const r = index.termRank(term);
  return r >= 0 ? index.base.termDf[r] : 1;
}

/** The closest known word, or null. */
function closestWord(index: SearchIndex, word: string, buckets: Map<number, string[]>): string | null {
  const max = word.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  let bestLength = -1;
  let bestFrequency = 0;
  // Closest first; then longer words before words as long, before shorter ones (a letter left
  // out, as in "Ülöi" for "Üllői", is the commonest slip: "ülők" and "ülő" are as close but not
  // what was meant); then the most frequent.
  const consider = (term: string) => {
    if (term === word) return;
    const d = editDistance(word, term, max);
    if (d > max) return;
    const length = Math.sign(term.length - word.length) + 1;
    const f = frequency(index, term);
    if (d < bestDistance || (d === bestDistance && (length > bestLength || (length === bestLength && f > bestFrequency)))) {
      best = term;
      bestDistance = d;
      bestLength = length;
      bestFrequency = f;
    }
  };
  for (let length = Math.max(1, word.length - max); length <= word.length + max; length++) for (const term of buckets.get(length) ?? []) consider(term);
  for (const term of index.deltaOnlyTerms()) consider(term);
  return best;
}

/** The words a query needs to match, as the parser folded them. */
function positiveWords(clauses: readonly SearchClause[]): string[] {
  const words: string[] = [];
  for (const c of clauses) {
    if (c.kind === 'terms' && !c.negated) words.push(...(c as TermClause).words);
    if (c.kind === 'or') for (const alt of (c as OrClause).alternatives) words.push(...alt.words);
  }
  return words;
}

/**
 * The query with its unknown words corrected, when that finds something; else undefined.
 * `count` runs a query text and says how many photos it finds.
 */
export function suggestQuery(index: SearchIndex, query: string, clauses: readonly SearchClause[], buckets: Map<number, string[]>, count: (query: string) => number): string | undefined {
  const corrections = new Map<string, string>();
  for (const word of positiveWords(clauses)) {
    if (word.length < MIN_LENGTH || /\d/.test(word) || corrections.has(word) || reachesAnything(index, word, buckets)) continue;
    const closest = closestWord(index, word, buckets);
    if (closest) corrections.set(word, closest);
  }
  if (!corrections.size) return undefined;
  // Replace the words in the text as typed, keeping operators, fields and other words.
  const suggested = query.replace(/(-?(?:[\p{L}]+:)?)([^\s:"~]+)/gu, (token, prefix: string, bare: string) => {
    const words = foldedWords(bare);
    return words.length === 1 && corrections.has(words[0]) ? prefix + corrections.get(words[0])! : token;
  });
  if (suggested === query) return undefined;
  return count(suggested) > 0 ? suggested.trim() : undefined;
}

/**
 * What a search answers for a query text, in both engines (the folder catalogue's worker, a team
 * catalogue's TeamSearchService): its hits, and when it finds nothing, a "Did you mean" corrected
 * against the vocabulary, offered only if that finds something. A query that does not read finds
 * nothing (the service says why before asking).
 */
export function searchQuery(index: SearchIndex, query: string, check: () => void, folders: FolderMembers): EvaluatedQuery {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) return { ids: new RankedHits(new Float64Array(0), false), slots: new Int32Array(0) };
  const result = evaluate(index, parsed.clauses, check, folders);
  if (result.ids.length === 0) {
    result.suggestion = suggestQuery(index, query, parsed.clauses, bucketsOf(index), (text) => {
      const corrected = parseSearchQuery(text);
      return corrected.ok ? evaluate(index, corrected.clauses, check, folders).ids.length : 0;
    });
  }
  return result;
}
