// The one rule for tags, wherever they come from: the editor's chips, the CLI's --tags, a CSV or
// XLSX cell, an embedded IPTC/XMP keyword string, a tag rename.
//
// Separators: `;` and line breaks, never `,`. Fortepan's own vocabulary has tags with commas in
// them ("Skoda 30,5", "Adler 2,5 liter", "Skidmore, Owings & Merrill-terv": 14 of the 9,593 tags
// in ../shared/corpus/fortepan/metadata), so a comma is part of a tag; `;` is what Fortepan-style
// spreadsheets put between tags, and a line break is what a pasted list has between them.
//
// Comparing: ignoring case (Hungarian case rules) and runs of white space, so "Villamos" and
// "villamos" are one tag; the first spelling met is the one kept.

/** What separates tags in text. */
export const TAG_SEPARATOR = /[;\r\n]/;

/**
 * What separates keywords inside ONE embedded keyword string (an IPTC/XMP value that is text, not
 * a list): tools that write the list as one string (ImageMagick's raw profiles, some scanners'
 * software) put commas between them. A proper list (an XMP bag, repeated IPTC keywords) is read
 * item by item and never split, so "Skoda 30,5" in a bag stays one tag.
 */
export const EMBEDDED_KEYWORD_SEPARATOR = /[;,\r\n]\s*/;

/** The key two tags compare by: trimmed, inner white space as one space, lower case. */
export function tagKey(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLocaleLowerCase('hu');
}

/** Whether two spellings are the same tag. */
export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

/** Tags are trimmed, blank ones dropped, duplicates (ignoring case) kept once, in order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tagKey(tag);
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** The tags in a piece of text (a cell, an option, a pasted list), normalised. */
export function splitTags(text: string): string[] {
  return normaliseTags(text.split(TAG_SEPARATOR));
}

/** Tags as one line of text, the way splitTags reads them back. */
export function joinTags(tags: readonly string[]): string {
  return tags.join('; ');
}

/** Text being typed: the tags finished by a separator, and the part after the last one. */
export function splitDraft(text: string): { done: string[]; rest: string } {
  const parts = text.split(TAG_SEPARATOR);
  const rest = parts.pop() ?? '';
  return { done: normaliseTags(parts), rest: rest.replace(/^\s+/, '') };
}
