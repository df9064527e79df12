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
//
// Hierarchy: a tag may be a path of levels joined by `|` ("Helyszín|Budapest|Üllői út"), as
// Lightroom Classic writes them in lr:hierarchicalSubject; digiKam's digiKam:TagsList joins the
// same levels with `/` and is read into this form. White space around `|` is no part of a level
// ("Helyszín | Budapest" is "Helyszín|Budapest"); an empty level ("Helyszín||Budapest", "|Budapest")
// is refused on every write path (fieldLimits.ts) with tagPathProblem's message. A tag without
// `|` is a one-level path, so flat tags need no special case anywhere.

/** What separates tags in text. */
export const TAG_SEPARATOR = /[;\r\n]/;

/**
 * What separates keywords inside ONE embedded keyword string (an IPTC/XMP value that is text, not
 * a list): tools that write the list as one string (ImageMagick's raw profiles, some scanners'
 * software) put commas between them. A proper list (an XMP bag, repeated IPTC keywords) is read
 * item by item and never split, so "Skoda 30,5" in a bag stays one tag.
 */
export const EMBEDDED_KEYWORD_SEPARATOR = /[;,\r\n]\s*/;

/** What joins the levels of a hierarchical tag (Lightroom's lr:hierarchicalSubject separator). */
export const TAG_LEVEL_SEPARATOR = '|';

/** A tag as stored: trimmed, inner white space as one space, none around `|`. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').replace(/ ?\| ?/g, TAG_LEVEL_SEPARATOR);
}

/** The key two tags compare by: normalised (normaliseTag), lower case. */
export function tagKey(tag: string): string {
  return normaliseTag(tag).toLocaleLowerCase('hu');
}

/** The levels of a tag, top first: "Helyszín|Budapest" → ["Helyszín", "Budapest"]; a flat tag is one level. */
export function tagLevels(tag: string): string[] {
  return normaliseTag(tag).split(TAG_LEVEL_SEPARATOR);
}

/** The last level: what a tag is called in a tree and in a flat keyword list. */
export function tagLeaf(tag: string): string {
  return tagLevels(tag).at(-1) ?? '';
}

/** Why a tag cannot be stored as a path (an empty level), or null when it can. */
export function tagPathProblem(tag: string): { key: 'tagEmptyLevel'; params: { tag: string } } | null {
  const normal = normaliseTag(tag);
  if (!normal.includes(TAG_LEVEL_SEPARATOR)) return null;
  return normal.split(TAG_LEVEL_SEPARATOR).some((level) => level === '') ? { key: 'tagEmptyLevel', params: { tag: normal } } : null;
}

/** The paths above a tag, top first: "A|B|C" → ["A", "A|B"]; none for a flat tag. */
export function tagAncestors(tag: string): string[] {
  const levels = tagLevels(tag);
  const out: string[] = [];
  for (let i = 1; i < levels.length; i++) out.push(levels.slice(0, i).join(TAG_LEVEL_SEPARATOR));
  return out;
}

/** Whether `tag` is the node `node` or lies under it ("A|B|C" is under "A|B" and "A", not under "A|Bx"). */
export function isTagUnder(tag: string, node: string): boolean {
  const t = tagKey(tag);
  const n = tagKey(node);
  return t === n || t.startsWith(`${n}${TAG_LEVEL_SEPARATOR}`);
}

/**
 * The tag `tag` becomes when node `from` is renamed (or moved) to `to`: "Helyszín|Budapest|Üllői út"
 * with Helyszín|Budapest → Városok|Budapest is "Városok|Budapest|Üllői út"; a tag not under
 * `from` is returned unchanged.
 */
export function renamedTag(tag: string, from: string, to: string): string {
  if (!isTagUnder(tag, from)) return tag;
  const depth = tagLevels(from).length;
  return [...tagLevels(to), ...tagLevels(tag).slice(depth)].join(TAG_LEVEL_SEPARATOR);
}

/**
 * The flat keywords of some tags, for dc:subject and IPTC Keywords: every level of every path
 * (the leaf and its ancestors), each once, in order. That is Lightroom Classic's default (each
 * keyword's "Include on Export" and "Export Containing Keywords" are on), so a program that reads
 * only flat keywords (Bridge, Photo Mechanic, a stock agency) finds "Budapest" in
 * "Helyszín|Budapest|Üllői út" as Fototar's own search does.
 */
export function flattenTags(tags: readonly string[]): string[] {
  return normaliseTags(tags.flatMap((tag) => tagLevels(tag)));
}

/**
 * One photo's tags from hierarchical paths (lr:hierarchicalSubject, digiKam:TagsList) and flat
 * keywords (dc:subject, IPTC Keywords) read together: the paths, then each flat keyword that is
 * no level of any path. The flat list a program writes beside the paths is their flattening
 * (see flattenTags), so keeping it too would show every leaf twice ("Üllői út" beside
 * "Helyszín|Budapest|Üllői út").
 */
export function mergeKeywords(paths: readonly string[], flat: readonly string[]): string[] {
  const normalPaths = normaliseTags(paths);
  const levels = new Set(normalPaths.flatMap((path) => tagLevels(path).map(tagKey)));
  return normaliseTags([...normalPaths, ...flat.filter((keyword) => !levels.has(tagKey(keyword)))]);
}

/** A digiKam tag path ("Helyszín/Budapest", digiKam:TagsList) as a Fototar one ("Helyszín|Budapest"). */
export function tagFromDigiKam(path: string): string {
  return path.split('/').map((level) => level.trim()).join(TAG_LEVEL_SEPARATOR);
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
    const tag = normaliseTag(raw);
    const key = tag.toLocaleLowerCase('hu');
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
