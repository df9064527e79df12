// The catalogue's remembered sort (shared/photoSort.ts), kept in its settings table beside the
// sidecar settings: it belongs to the catalogue (a year's photos sorted by date in this archive,
// by Fortepan number in that one), so every window, browser tab and machine opening the
// catalogue finds the same order; the person's own preferences (the UI language) are the host's.
import type { DatabaseSync } from 'node:sqlite';
import { readSort, type PhotoSort } from '../../../shared/photoSort.ts';

const SORT = 'view.sort';

export function readSortSetting(db: DatabaseSync): PhotoSort {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SORT) as { value: string } | undefined;
  if (!row) return readSort(null);
  try {
    return readSort(JSON.parse(row.value));
  } catch {
    return readSort(null);
  }
}

export function writeSortSetting(db: DatabaseSync, sort: PhotoSort): PhotoSort {
  const value = readSort(sort);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SORT, JSON.stringify(value));
  return value;
}
