// The catalogue's sidecar settings, kept in its settings table so the CLI and the app agree.
import type { DatabaseSync } from 'node:sqlite';
import type { SidecarSettings } from '../../../shared/sidecars.ts';

const AUTO_WRITE = 'sidecars.autoWrite';
const NAMING = 'sidecars.naming';

export function readSidecarSettings(db: DatabaseSync): SidecarSettings {
  const rows = db.prepare('SELECT key, value FROM settings WHERE key IN (?, ?)').all(AUTO_WRITE, NAMING) as { key: string; value: string }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return {
    autoWrite: map.get(AUTO_WRITE) === '1',
    naming: map.get(NAMING) === 'name.xmp' ? 'name.xmp' : 'name.ext.xmp',
  };
}

export function writeSidecarSettings(db: DatabaseSync, settings: Partial<SidecarSettings>): SidecarSettings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  if (settings.autoWrite !== undefined) upsert.run(AUTO_WRITE, settings.autoWrite ? '1' : '0');
  if (settings.naming !== undefined) upsert.run(NAMING, settings.naming);
  return readSidecarSettings(db);
}
