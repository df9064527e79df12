// The catalogue host of browser mode (`fototar serve`, `npm start` without Electron): opened as the
// app opens one, with the person's configuration folder for the recent catalogues, so "Open
// catalogue…" works in the browser too. No keychain here: a team catalogue's password typed in
// the dialog serves this opening only (or comes from PGPASSWORD / ~/.pgpass), never kept.
import { CatalogueHost } from '../catalogueHost.ts';
import { APP_VERSION } from '../appVersion.ts';
import { defaultCacheDirectory } from '../preferences/cacheDirectory.ts';
import { RecentCatalogues } from '../preferences/recentCatalogues.ts';
import { SavedPasswords } from '../preferences/savedPasswords.ts';
import { defaultConfigDirectory, PreferenceStore } from '../preferences/userPreferences.ts';

export interface BrowserModeOptions {
  /** Who holds a folder catalogue, shown to a second instance: 'fototar serve'… */
  purpose: string;
  /** A background backup that failed (the catalogue goes on). */
  onBackupError?: (error: Error) => void;
}

/** Opens `location` (a folder's absolute path or a team's address) for browser mode; a failure is thrown. */
export async function browserModeHost(location: string, options: BrowserModeOptions): Promise<CatalogueHost> {
  const configDir = defaultConfigDirectory();
  return await CatalogueHost.open(
    location,
    null,
    { transport: 'browser', version: APP_VERSION },
    {
      options: { purpose: options.purpose, chosenArchivist: new PreferenceStore(configDir).read().archivist, cacheDir: defaultCacheDirectory(), configDir },
      recent: new RecentCatalogues(configDir),
      passwords: new SavedPasswords(configDir, null),
      // Backups on open and every few hours; originals checked for missing files in the background.
      startDuties: (catalogue) => catalogue.startBackgroundDuties(options.onBackupError ? { onBackupError: options.onBackupError } : {}),
    },
  );
}
