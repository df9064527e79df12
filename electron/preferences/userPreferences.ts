// What a person chose for the app itself, not for a catalogue: the UI language, and the name a
// team catalogue records their changes under (set once; the OS user until then). Kept in a
// small JSON file in the user's configuration folder — Electron's userData, or for the CLI's
// browser mode the platform's config folder (FOTOTAR_CONFIG_DIR overrides it, as tests do) — so
// the choice survives restarts and browser mode's changing port. Written atomically; a missing
// or unreadable file is simply "nothing chosen yet".
import os from 'node:os';
import path from 'node:path';
import { isUiLanguage, type UiLanguage } from '../../shared/uiLanguage.ts';
import { cleanArchivistName } from '../../shared/archivistName.ts';
import { readJsonFile, writeJsonFile } from './jsonFile.ts';

export interface UserPreferences {
  language: UiLanguage | null;
  /** The archivist's name in team catalogues; null: not chosen (the OS user's is used). */
  archivist: string | null;
}

export function defaultConfigDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FOTOTAR_CONFIG_DIR) return env.FOTOTAR_CONFIG_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Fototar');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Fototar');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Fototar');
}

export class PreferenceStore {
  readonly file: string;

  constructor(directory: string) {
    this.file = path.join(directory, 'preferences.json');
  }

  read(): UserPreferences {
    const parsed = (readJsonFile(this.file) ?? {}) as { language?: unknown; archivist?: unknown };
    return {
      language: isUiLanguage(parsed.language) ? parsed.language : null,
      archivist: typeof parsed.archivist === 'string' ? cleanArchivistName(parsed.archivist) : null,
    };
  }

  write(change: Partial<UserPreferences>): UserPreferences {
    const next = { ...this.read(), ...change };
    writeJsonFile(this.file, next);
    return next;
  }
}
