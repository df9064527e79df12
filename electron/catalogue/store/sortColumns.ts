// The stored sort keys (shared/sortKey.ts) beside the columns they order, and the ORDER BY of
// each sort field. A key is NULL where its column is empty, so "missing last" is one IS NULL
// test that the indexes answer; every writer of photos (insert, the per-photo and the set-based
// edits, undo and redo, CSV import, an ingest filling empty fields, relink) sets the keys
// through these helpers, in the same statement as the value.
import type { DatabaseSync } from 'node:sqlite';
import { hungarianSortKey } from '../../../shared/sortKey.ts';
import type { SortDirection, SortField } from '../../../shared/photoSort.ts';

/** Text columns with a sort key, and the key's column. */
export const SORT_KEY_COLUMN = {
  title: 'title_sort',
  donor: 'donor_sort',
  photographer: 'photographer_sort',
  country: 'country_sort',
  city: 'city_sort',
  place: 'place_sort',
  file: 'file_sort',
} as const;
export type SortedColumn = keyof typeof SORT_KEY_COLUMN;

export function isSortedColumn(column: string): column is SortedColumn {
  return Object.hasOwn(SORT_KEY_COLUMN, column);
}

/** The key stored for a column's value; null for an empty value (sorted last). The file sorts by its name. */
export function sortKeyFor(column: SortedColumn, value: string): string | null {
  const text = column === 'file' ? value.slice(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1) : value;
  return text.trim() ? hungarianSortKey(text) : null;
}

/** Lets SQL compute keys (the migration that fills them for an existing catalogue). */
export function registerSortKeyFunction(db: DatabaseSync): void {
  db.function('fototar_sort_key', { deterministic: true }, (column: unknown, value: unknown) =>
    typeof column === 'string' && isSortedColumn(column) && typeof value === 'string' ? sortKeyFor(column, value) : null,
  );
}

/** The columns each sort field orders by, in turn (then the id); a photo with all of them NULL has no value. */
const ORDER_COLUMNS: Record<SortField, readonly string[]> = {
  date: ['date_from'],
  id: ['fortepan_id'],
  title: ['title_sort'],
  donor: ['donor_sort'],
  photographer: ['photographer_sort'],
  // Country, then town, then the place within it, as Fortepan files places.
  place: ['country_sort', 'city_sort', 'place_sort'],
  added: ['added_at'],
  file: ['file_sort'],
};

/**
 * The two halves of an order: the photos with a value, ordered by it, then those without, by id.
 * Each half is one index range (see the indexes of migration 8), walked forwards or backwards.
 */
export function orderHalves(field: SortField, direction: SortDirection): { present: string; missing: string } {
  const columns = ORDER_COLUMNS[field];
  const dir = direction === 'desc' ? ' DESC' : '';
  const hasValue = columns.map((c) => `${c} IS NOT NULL`).join(' OR ');
  const noValue = columns.map((c) => `${c} IS NULL`).join(' AND ');
  return {
    present: `WHERE (${hasValue}) ORDER BY ${[...columns, 'id'].map((c) => c + dir).join(', ')}`,
    missing: `WHERE ${noValue} ORDER BY id${dir}`,
  };
}
