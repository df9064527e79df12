// The one home of what a descriptive field may hold, applied on EVERY write path (ingest from
// embedded metadata and sidecars, API and CLI edits, batch edits, CSV/JSON import, tag rename)
// by one function, `applyFieldLimits`. Metadata is text from strangers: one 16 MB sidecar held
// 655,360 tags and a 1,000,000-character title, and every search of its catalogue then took
// half a minute; a title can carry terminal escape sequences that rewrite a clipboard when
// printed; a value decoded with the wrong character set carries U+FFFD for the letters it lost.
import type { EditableField, EditableFields, PhotoPatch } from './types.ts';
import { normaliseTags, tagPathProblem } from './tags.ts';
import { isMarkField, isMarkValue, type MarkField } from './photoMarks.ts';
import { englishMessage, type ErrorKey, type ErrorParams } from './errorMessages.ts';

/** Longest text per field, in UTF-16 code units (what a JavaScript string's length counts). */
export const FIELD_MAX_LENGTH: Readonly<Record<Exclude<EditableField, 'tags' | MarkField>, number>> = {
  title: 2000,
  caption: 20000,
  date: 100,
  donor: 2000,
  photographer: 2000,
  country: 2000,
  city: 2000,
  place: 2000,
  licence: 2000,
  source: 2000,
  archiveRef: 2000,
  notes: 20000,
};
export const MAX_TAGS = 500;
export const MAX_TAG_LENGTH = 200;

/** Fields whose text may run over several lines; in the others a line break becomes a space. */
export const MULTILINE_FIELDS: ReadonlySet<EditableField> = new Set(['caption', 'notes']);

/**
 * Characters no field keeps: C0 controls (ESC starts terminal escape sequences), DEL, C1
 * controls (U+009B is a one-character CSI on some terminals), the bidirectional embeddings,
 * overrides and isolates that make text display in another order than it is stored
 * ("Trojan Source"), lone surrogates (no UTF-8 encoding: SQLite would store them as U+FFFD)
 * and the non-characters U+FFFE/U+FFFF. Tab and line breaks are handled per field.
 */
const ALWAYS_REMOVED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LINE_BREAKS_AND_TABS = /[\t\r\n]+/g;

/** The replacement character: what a decoder writes for bytes it could not read. */
export const REPLACEMENT_CHARACTER = '\ufffd';

export interface FieldNotice {
  field: EditableField;
  /** In English (what the CLI and the ingest report say). */
  message: string;
  /** The same by key (shared/locales/…/errors.json), for the UI's language. */
  key: ErrorKey;
  params: ErrorParams;
}

function notice(field: EditableField, key: ErrorKey, params: ErrorParams = {}): FieldNotice {
  return { field, message: englishMessage(key, params), key, params };
}

export interface CheckedPatch {
  /** The patch as it may be stored; refused values are left out of it. */
  patch: PhotoPatch;
  /** Values cut to their limit or cleaned of control characters: stored, but the user is told. */
  warnings: FieldNotice[];
  /** Values not stored at all (they contain U+FFFD): the caller refuses or reports them. */
  refused: FieldNotice[];
}

/** Text without the characters no field keeps; single-line text with line breaks as spaces. */
export function cleanFieldText(text: string, multiline: boolean): string {
  const cleaned = text.replace(ALWAYS_REMOVED, '');
  return multiline ? cleaned : cleaned.replace(LINE_BREAKS_AND_TABS, ' ');
}

/** Cuts text to `max` code units without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}


/** The one function every write path applies to a patch before storing it. */
export function applyFieldLimits(input: PhotoPatch): CheckedPatch {
  const patch: PhotoPatch = {};
  const warnings: FieldNotice[] = [];
  const refused: FieldNotice[] = [];
  for (const [key, value] of Object.entries(input) as [EditableField, unknown][]) {
    if (value === undefined) continue;
    if (key === 'tags') {
      patch.tags = checkTags(value as readonly string[], warnings, refused);
      continue;
    }
    if (isMarkField(key)) {
      // Marks hold one of a few values (shared/photoMarks.ts): anything else is refused, never guessed.
      if (isMarkValue(key, value)) (patch as Record<string, unknown>)[key] = value;
      else refused.push(notice(key, 'markInvalid', { field: key, value: String(value).slice(0, 100) }));
      continue;
    }
    const text = String(value);
    if (text.includes(REPLACEMENT_CHARACTER)) {
      refused.push(notice(key, 'fieldUndecodable', { field: key }));
      continue;
    }
    const cleaned = cleanFieldText(text, MULTILINE_FIELDS.has(key));
    if (cleaned.replace(LINE_BREAKS_AND_TABS, ' ') !== text.replace(LINE_BREAKS_AND_TABS, ' ')) {
      warnings.push(notice(key, 'fieldControlsRemoved', { field: key }));
    }
    const max = FIELD_MAX_LENGTH[key];
    const cut = cutText(cleaned, max);
    if (cut.length < cleaned.length) warnings.push(notice(key, 'fieldCut', { field: key, max, length: cleaned.length }));
    (patch as Record<string, string>)[key] = cut;
  }
  return { patch, warnings, refused };
}

function checkTags(tags: readonly string[], warnings: FieldNotice[], refused: FieldNotice[]): string[] {
  let controls = false;
  let long = 0;
  let lost = 0;
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = String(raw);
    if (tag.includes(REPLACEMENT_CHARACTER)) {
      lost++;
      continue;
    }
    const cleaned = cleanFieldText(tag, false);
    if (cleaned.replace(LINE_BREAKS_AND_TABS, ' ') !== tag.replace(LINE_BREAKS_AND_TABS, ' ')) controls = true;
    const cut = cutText(cleaned, MAX_TAG_LENGTH);
    if (cut.length < cleaned.length) long++;
    // A path with an empty level ("Helyszín||Budapest") has no place in the tree: refused, by name.
    const problem = tagPathProblem(cut);
    if (problem) {
      refused.push(notice('tags', problem.key, problem.params));
      continue;
    }
    kept.push(cut);
  }
  if (lost) refused.push(notice('tags', 'tagsUndecodable', { count: lost }));
  if (controls) warnings.push(notice('tags', 'tagsControlsRemoved'));
  if (long) warnings.push(notice('tags', 'tagsCut', { count: long, max: MAX_TAG_LENGTH }));
  const unique = normaliseTags(kept);
  if (unique.length > MAX_TAGS) {
    warnings.push(notice('tags', 'tagsTooMany', { max: MAX_TAGS, total: unique.length }));
    return unique.slice(0, MAX_TAGS);
  }
  return unique;
}

/** Applies the limits to a whole set of fields (an ingested file's), keeping refused ones empty. */
export function limitFields(fields: EditableFields): { fields: EditableFields; warnings: string[]; notices: FieldNotice[] } {
  const checked = applyFieldLimits(fields);
  const notices = [...checked.warnings, ...checked.refused];
  return {
    fields: { ...fields, ...Object.fromEntries(checked.refused.map((r) => [r.field, r.field === 'tags' ? checked.patch.tags ?? [] : r.field === 'rating' ? 0 : ''])), ...checked.patch },
    warnings: notices.map((n) => n.message),
    notices,
  };
}

/**
 * What a terminal must never receive raw: C0 controls but tab, line feed and a CR that ends a
 * line (CRLF), DEL, C1 controls and bidirectional overrides. Text written before these rules
 * (or any other text a command prints) may still hold them.
 */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * Shows such characters as visible escapes ("\u001b"). Inside JSON text that is the same
 * JSON escape for the same character, so a JSON document stays valid and means the same.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
