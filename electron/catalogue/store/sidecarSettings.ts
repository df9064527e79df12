// The catalogue's sidecar settings, kept in its settings table so the CLI and the app agree.
import type { DatabaseSync } from 'node:sqlite';
import type { SidecarSettings } from '../../../shared/sidecars.ts';

const AUTO_WRITE = 'sidecars.autoWrite';
const NAMING = 'sidecars.naming';

/** The settings rows that hold them (every engine's store reads these keys). */
export const SIDECAR_SETTING_KEYS = [AUTO_WRITE, NAMING] as const;

/** The settings from their rows' values (missing or unknown values read as the defaults). */
export function sidecarSettingsFrom(values: ReadonlyMap<string, string>): SidecarSettings {
  return {
    autoWrite: values.get(AUTO_WRITE) === '1',
    naming: values.get(NAMING) === 'name.xmp' ? 'name.xmp' : 'name.ext.xmp',
  };
}

/** The rows a change of the settings writes: [key, value]. */
export function sidecarSettingRows(settings: Partial<SidecarSettings>): [string, string][] {
  const rows: [string, string][] = [];
  if (settings.autoWrite !== undefined) rows.push([AUTO_WRITE, settings.autoWrite ? '1' : '0']);
  if (settings.naming !== undefined) rows.push([NAMING, settings.naming]);
  return rows;
}

export function readSidecarSettings(db: DatabaseSync): SidecarSettings {
  const rows = db.prepare('SELECT key, value FROM settings WHERE key IN (?, ?)').all(...SIDECAR_SETTING_KEYS) as { key: string; value: string }[];
  return sidecarSettingsFrom(new Map(rows.map((r) => [r.key, r.value])));
}

export function writeSidecarSettings(db: DatabaseSync, settings: Partial<SidecarSettings>): SidecarSettings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of sidecarSettingRows(settings)) upsert.run(key, value);
  return readSidecarSettings(db);
}
