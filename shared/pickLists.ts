// Licences and sources offered in the editor's pick lists. Free entry stays allowed: these are
// suggestions, merged with the values the catalogue already uses.

import { KNOWN_LICENCES } from './licences.ts';

export const LICENCE_CHOICES: readonly string[] = KNOWN_LICENCES.map((l) => l.name);

export const SOURCE_CHOICES = ['Fortepan', 'Fortepan Iowa', 'Wikimedia Commons', 'Family collection'] as const;

/** Fields whose values are offered as suggestions from the catalogue. */
export const SUGGESTED_FIELDS = ['licence', 'source', 'donor', 'photographer', 'country', 'city', 'place'] as const;
export type SuggestedField = (typeof SUGGESTED_FIELDS)[number];

/** The built-in choices first, then what the catalogue uses, each once (ignoring case). */
export function mergeChoices(builtIn: readonly string[], used: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of [...builtIn, ...used]) {
    const key = value.trim().toLocaleLowerCase('hu');
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(value.trim());
  }
  return out;
}
