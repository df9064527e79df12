// The catalogue's remembered sort (shared/photoSort.ts), kept in its settings table beside the
// sidecar settings: it belongs to the catalogue (a year's photos sorted by date in this archive,
// by Fortepan number in that one), so every window, browser tab and machine opening the
// catalogue finds the same order; the person's own preferences (the UI language) are the host's.
import type { DatabaseSync } from 'node:sqlite';
import { readSort, type PhotoSort } from '../../../shared/photoSort.ts';

/** The settings row that holds the catalogue's sort (every engine's store reads this key). */
export const SORT_SETTING_KEY = 'view.sort';

/** The sort from its row's value (none, or one that does not read, is the default). */
export function sortSettingFrom(value: string | undefined): PhotoSort {
  if (value === undefined) return readSort(null);
  try {
    return readSort(JSON.parse(value));
  } catch {
    return readSort(null);
  }
}

export function readSortSetting(db: DatabaseSync): PhotoSort {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SORT_SETTING_KEY) as { value: string } | undefined;
  return sortSettingFrom(row?.value);
}

export function writeSortSetting(db: DatabaseSync, sort: PhotoSort): PhotoSort {
  const value = readSort(sort);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SORT_SETTING_KEY, JSON.stringify(value));
  return value;
}
