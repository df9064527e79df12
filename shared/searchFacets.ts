// Facets of a search result: what the renderer's timeline and value lists show, and how a click
// on one becomes part of the query. Environment-neutral (the renderer uses it too).
import type { MessageRef } from './errorMessages.ts';
import { COLOUR_LABELS, type ColourLabel, type PhotoFlag } from './photoMarks.ts';

export interface FacetValue {
  /** The original spelling, as stored. */
  value: string;
  count: number;
}

export interface SearchFacets {
  total: number;
  /** Hits per year (a photo counts in the first year its date allows), ascending. */
  years: { year: number; count: number }[];
  /** Hits without a usable date. */
  undated: number;
  /** The most frequent values, most frequent first; *Count is how many distinct values exist. */
  donors: FacetValue[];
  donorCount: number;
  places: FacetValue[];
  placeCount: number;
  tags: FacetValue[];
  tagCount: number;
  /** Hits per rating, flag and colour label. */
  marks: MarkFacets;
  /** A message for a query that could not be understood. */
  error: string | null;
  /** The same message by key, for the UI's language. */
  errorRef?: MessageRef;
}

export type FacetField = 'donor' | 'place' | 'tag';

/** How many hits have each rating (index 0–5), each flag and each label ('none': without one). */
export interface MarkFacets {
  ratings: number[];
  flags: Record<PhotoFlag | 'none', number>;
  labels: Record<ColourLabel | 'none', number>;
}

export function emptyMarkFacets(): MarkFacets {
  return {
    ratings: [0, 0, 0, 0, 0, 0],
    flags: { pick: 0, reject: 0, none: 0 },
    labels: { ...(Object.fromEntries(COLOUR_LABELS.map((l) => [l, 0])) as Record<ColourLabel, number>), none: 0 },
  };
}

/** Any rating:, flag: or label: clause (English or Hungarian field name) of one kind, to take it out. */
const MARK_CLAUSE: Record<'rating' | 'flag' | 'label', RegExp> = {
  rating: /(^|\s)-?(?:rating|stars|[eé]rt[eé]kel[eé]s|csillag):\S+/gi,
  flag: /(^|\s)-?(?:flag|jel[oö]l[eé]s|z[aá]szl[oó]):\S+/gi,
  label: /(^|\s)-?(?:label|sz[ií]nc[ií]mke|sz[ií]n):\S+/gi,
};

/**
 * The query with `clause` (`rating:>=3`, `flag:pick`, `label:red`) as its only filter of that
 * kind; when it is already there, the query without it (a second click turns the filter off).
 */
export function toggledMarkFilter(query: string, kind: 'rating' | 'flag' | 'label', clause: string): string {
  const had = ` ${query.trim()} `.includes(` ${clause} `);
  const rest = query.replace(MARK_CLAUSE[kind], ' ').replace(/\s+/g, ' ').trim();
  if (had) return rest ? `${rest} ` : '';
  return rest ? `${rest} ${clause} ` : `${clause} `;
}

/**
 * The query term a facet click adds: donor:"Nagy Gyula" (quoted, so every word must follow);
 * a node of the tag tree is its path, tag:"Helyszín|Budapest" (that node and everything under it).
 */
export function facetClause(field: FacetField, value: string): string {
  const clean = value.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
  return /[\s|]/.test(clean) ? `${field}:"${clean}"` : `${field}:${clean}`;
}

/** The query with one year range in place of any year: clause it had. */
export function withYearRange(query: string, from: number, to: number): string {
  const rest = query.replace(/(^|\s)(?:year|ev):\S+/gi, ' ').replace(/\s+/g, ' ').trim();
  const range = from === to ? `year:${from}` : `year:${from}..${to}`;
  return rest ? `${rest} ${range}` : range;
}

/**
 * The query with a clause added, unless it is already there. It ends in a space: the last word
 * of a query is matched as a prefix while typing, and a clicked value is a whole word.
 */
export function withClause(query: string, clause: string): string {
  const trimmed = query.trim();
  if (` ${trimmed} `.includes(` ${clause} `)) return `${trimmed} `;
  return trimmed ? `${trimmed} ${clause} ` : `${clause} `;
}
