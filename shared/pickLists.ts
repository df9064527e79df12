// Licences and sources offered in the editor's pick lists. Free entry stays allowed: these are
// suggestions, merged with the values the catalogue already uses.

export const LICENCE_CHOICES = [
  'CC BY-SA 3.0',
  'CC BY-SA 4.0',
  'CC BY 4.0',
  'CC BY 3.0',
  'CC0 1.0',
  'Public Domain Mark 1.0',
  'All rights reserved',
] as const;

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
