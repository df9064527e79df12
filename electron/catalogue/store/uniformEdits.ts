// One patch for many photos (a batch edit, `fototar edit`), applied set-based: per field, one
// SELECT groups the photos whose value would change by their current value (the undo record)
// and one UPDATE changes them all, the selection held in a temporary table. A batch edit of
// 200,000 photos is a handful of statements, not 200,000 reads and writes from JavaScript.
//
// The undo step is recorded in a compact form (UniformStep) instead of one {id, before, after}
// per photo: per field, the value written and the photos grouped by what they held before.
// Undo and redo are set-based too (see EditHistory). The SQL of such steps lives here, in the
// store; the rules (checking the patch, the label, recording the step) are editing/'s.
import type { DatabaseSync } from 'node:sqlite';
import { EDITABLE_FIELDS, type EditableField, type PhotoPatch } from '../../../shared/types.ts';
import { parseEdtf } from '../../../shared/edtf.ts';
import { CatalogueError } from '../catalogueError.ts';
import { faultPoint } from '../faultInjection.ts';
import { columnText, FIELD_COLUMN } from './fieldWrites.ts';
import { isSortedColumn, SORT_KEY_COLUMN, sortKeyFor } from './sortColumns.ts';
import { fewOfCatalogue, selectedPhotos } from './selectedPhotos.ts';

/** What one field of a uniform step did: the value written, and each earlier value with its photos. */
export interface UniformFieldChange {
  /** The column's value after the step (tags: their JSON text). */
  after: string;
  /** [column value before, photo ids that held it]. */
  before: [string, number[]][];
}

/** The compact form of an undo step whose photos all got the same patch. */
export interface UniformStep {
  form: 'uniform';
  fields: Partial<Record<EditableField, UniformFieldChange>>;
}

export function isUniformStep(value: unknown): value is UniformStep {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { form?: unknown }).form === 'uniform';
}

/** "differs from ?": tags compare as JSON values, so spacing in a stored list is no change. */
function differs(field: EditableField, table = 'p'): string {
  const column = `${table}.${FIELD_COLUMN[field]}`;
  return field === 'tags' ? `json(${column}) IS NOT json(?)` : `${column} IS NOT ?`;
}

function dateBounds(date: string): [string | null, string | null] {
  const parsed = parseEdtf(date);
  return parsed.ok && parsed.value ? [parsed.value.from, parsed.value.to] : [null, null];
}

/** SET clause and values for writing `value` to a field (a date also sets its bounds, a text its sort key). */
function setClause(field: EditableField, value: string): { sql: string; values: (string | null)[] } {
  const column = FIELD_COLUMN[field];
  if (isSortedColumn(column)) return { sql: `${column} = ?, ${SORT_KEY_COLUMN[column]} = ?`, values: [value, sortKeyFor(column, value)] };
  if (field !== 'date') return { sql: `${column} = ?`, values: [value] };
  return { sql: `${column} = ?, date_from = ?, date_to = ?`, values: [value, ...dateBounds(value)] };
}

/** The undo record of one field: the selected photos whose value would change, grouped by that value. */
export function undoRecordSql(field: EditableField, few: boolean): string {
  const column = FIELD_COLUMN[field];
  return `SELECT p.${column} AS before, json_group_array(p.id) AS ids FROM ${selectedPhotos('edit_selection', few)} WHERE ${differs(field)} GROUP BY p.${column}`;
}

/**
 * Applies `patch` (already checked and normalised) to the photos `ids`, in the caller's
 * transaction. Returns the step to record (null when nothing would change) and the ids changed.
 */
export function applyUniformPatch(db: DatabaseSync, ids: readonly number[], patch: PhotoPatch, now: string): { step: UniformStep; changed: number[] } | null {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS edit_selection (id INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.edit_selection');
  try {
    db.prepare('INSERT OR IGNORE INTO temp.edit_selection (id) SELECT value FROM json_each(?)').run(JSON.stringify(ids));
    const missing = db
      .prepare('SELECT e.id FROM temp.edit_selection e WHERE NOT EXISTS (SELECT 1 FROM photos p WHERE p.id = e.id) ORDER BY e.id')
      .all()
      .map((r) => Number((r as { id: number }).id));
    if (missing.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: missing.join(', ') });

    // First what every field would change (the undo record), grouped by the value it held.
    const step: UniformStep = { form: 'uniform', fields: {} };
    const changed = new Set<number>();
    const few = fewOfCatalogue(db, ids.length);
    for (const field of EDITABLE_FIELDS) {
      if (patch[field] === undefined) continue;
      // A rating is kept as text like every other value; the INTEGER column turns '3' back into 3
      // on every write (SQLite's column affinity), so a replayed step compares equal.
      const after = columnText(field, patch[field]);
      const groups = db
        .prepare(undoRecordSql(field, few))
        .all(after) as { before: string; ids: string }[];
      if (groups.length === 0) continue;
      const before = groups.map((g): [string, number[]] => [g.before, JSON.parse(g.ids) as number[]]);
      for (const [, group] of before) for (const id of group) changed.add(id);
      step.fields[field] = { after, before };
    }
    if (changed.size === 0) return null;
    const fields = EDITABLE_FIELDS.filter((f) => step.fields[f]);
    // Then one UPDATE per field over the selection.
    for (const field of fields) {
      const { after } = step.fields[field]!;
      const set = setClause(field, after);
      db.prepare(`UPDATE photos AS p SET ${set.sql}, updated_at = ? WHERE p.id IN (SELECT id FROM temp.edit_selection) AND ${differs(field)}`).run(
        ...set.values,
        now,
        after,
      );
      faultPoint('photo-updated');
    }
    return { step, changed: [...changed] };
  } finally {
    db.exec('DELETE FROM temp.edit_selection');
  }
}

/**
 * Writes each photo's value from temp.edit_values into one field (a date with its bounds, a
 * sorted text with its sort key). A few photos are found by their ids in the table, each value
 * by its photo's id (UPDATE … FROM the table let SQLite scan every photo for the few in it); many
 * are written by a join, a quarter faster than one lookup per photo.
 */
export function replaySql(field: EditableField, few: boolean): string {
  const column = FIELD_COLUMN[field];
  const extra: [string, string][] =
    field === 'date' ? [['date_from', 'v.date_from'], ['date_to', 'v.date_to']] : isSortedColumn(column) ? [[SORT_KEY_COLUMN[column], 'v.sort_key']] : [];
  const targets = [column, ...extra.map(([target]) => target)];
  const sources = ['v.value', ...extra.map(([, source]) => source)];
  if (!few) return `UPDATE photos SET ${targets.map((target, i) => `${target} = ${sources[i]}`).join(', ')}, updated_at = ? FROM temp.edit_values AS v WHERE photos.id = v.id`;
  return `UPDATE photos SET (${targets.join(', ')}, updated_at) = (SELECT ${sources.join(', ')}, ? FROM temp.edit_values AS v WHERE v.id = photos.id) WHERE photos.id IN (SELECT id FROM temp.edit_values)`;
}

/** Puts every field of the step back as it was (undo), or writes it again (redo). Caller's transaction. */
export function replayUniformStep(db: DatabaseSync, step: UniformStep, direction: 'undo' | 'redo', now: string): number[] {
  // Each photo's value goes into a keyed temporary table first, one insert per group over its
  // flat id list, then one UPDATE joins it: json_each nested in json_each (or joined to the
  // UPDATE) re-reads the JSON text for every element, quadratic at 200,000 photos.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS edit_values (id INTEGER PRIMARY KEY, value TEXT NOT NULL, date_from TEXT, date_to TEXT, sort_key TEXT)');
  const changed = new Set<number>();
  try {
    for (const field of EDITABLE_FIELDS) {
      const change = step.fields[field];
      if (!change) continue;
      const column = FIELD_COLUMN[field];
      for (const [, ids] of change.before) for (const id of ids) changed.add(id);
      db.exec('DELETE FROM temp.edit_values');
      const insert = db.prepare('INSERT INTO temp.edit_values (id, value, date_from, date_to, sort_key) SELECT value, ?, ?, ?, ? FROM json_each(?)');
      for (const [before, ids] of change.before) {
        const value = direction === 'undo' ? before : change.after;
        const [from, to] = field === 'date' ? dateBounds(value) : [null, null];
        insert.run(value, from, to, isSortedColumn(column) ? sortKeyFor(column, value) : null, JSON.stringify(ids));
      }
      const count = change.before.reduce((sum, [, ids]) => sum + ids.length, 0);
      db.prepare(replaySql(field, fewOfCatalogue(db, count))).run(now);
    }
  } finally {
    db.exec('DELETE FROM temp.edit_values');
  }
  return [...changed];
}
