// Facets of a search result: what the renderer's timeline and value lists show, and how a click
// on one becomes part of the query. Environment-neutral (the renderer uses it too).
import type { MessageRef } from './errorMessages.ts';

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
  /** A message for a query that could not be understood. */
  error: string | null;
  /** The same message by key, for the UI's language. */
  errorRef?: MessageRef;
}

export type FacetField = 'donor' | 'place' | 'tag';

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
