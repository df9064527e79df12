// What writing one editable field stores, whichever engine stores it: the field's own column
// (tags as their normalised JSON list), its Hungarian sort key where the column is sorted, and a
// date's EDTF bounds (date_from, date_to) that the timeline and the date sort read. SQLite's
// per-photo edits (photoRepository.ts patch) and a team catalogue's edits on PostgreSQL
// (postgres/teamEdits.ts) both write through here, so the two never store a field differently.
import { EDITABLE_FIELDS, type EditableField, type PhotoPatch } from '../../../shared/types.ts';
import { parseEdtf } from '../../../shared/edtf.ts';
import { normaliseTags } from '../../../shared/tags.ts';
import { isSortedColumn, SORT_KEY_COLUMN, sortKeyFor } from './sortColumns.ts';

/** The column of each editable field: the field's own name, in snake_case. */
export const FIELD_COLUMN: Record<EditableField, string> = Object.fromEntries(
  EDITABLE_FIELDS.map((field) => [field, field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]),
) as Record<EditableField, string>;

export type ColumnValue = string | number | null;

/** The columns a patch writes and their values, in EDITABLE_FIELDS order. */
export function columnWrites(patch: PhotoPatch): [column: string, value: ColumnValue][] {
  const writes: [string, ColumnValue][] = [];
  for (const key of EDITABLE_FIELDS) {
    const value = patch[key];
    if (value === undefined) continue;
    const column = FIELD_COLUMN[key];
    writes.push([column, key === 'tags' ? columnText('tags', value) : (value as string | number)]);
    if (isSortedColumn(column)) writes.push([SORT_KEY_COLUMN[column], sortKeyFor(column, value as string)]);
    if (key === 'date') {
      const dates = dateBounds(value as string);
      writes.push(['date_from', dates.from], ['date_to', dates.to]);
    }
  }
  return writes;
}

export function dateBounds(date: string): { from: string | null; to: string | null } {
  const parsed = parseEdtf(date);
  return parsed.ok && parsed.value ? { from: parsed.value.from, to: parsed.value.to } : { from: null, to: null };
}

/**
 * A field's value as its column holds it, as text: tags as their normalised JSON list, a rating
 * as its digits. Undo steps (uniformEdits.ts) and a team catalogue's record of changes
 * (postgres/teamEdits.ts) keep values so, and compare them so.
 */
export function columnText(field: EditableField, value: unknown): string {
  return field === 'tags' ? JSON.stringify(normaliseTags(value as string[])) : String(value ?? '');
}

/** Such text as the field's value again (tags as a list, a rating as a number). */
export function fieldOfColumnText(field: EditableField, text: string): string | number | string[] {
  if (field === 'tags') return parseTags(text);
  if (field === 'rating') return Number(text);
  return text;
}

/** A tags cell (a JSON array); a damaged cell reads as no tags. */
export function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
