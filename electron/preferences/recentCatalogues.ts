// The catalogues opened lately on this computer, newest first, for "Open catalogue…" and for
// the app's next start (it reopens the newest). Folders and team addresses alike; an address
// never carries a password (pgLocation.ts refuses one). Kept beside the preferences.
import path from 'node:path';
import { RECENT_CATALOGUES } from '../../shared/catalogueChoices.ts';
import { readJsonFile, writeJsonFile } from './jsonFile.ts';

export class RecentCatalogues {
  readonly file: string;

  constructor(configDirectory: string) {
    this.file = path.join(configDirectory, 'recent-catalogues.json');
  }

  read(): string[] {
    const parsed = readJsonFile(this.file);
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string' && entry.length > 0).slice(0, RECENT_CATALOGUES) : [];
  }

  /** `location` was opened: first in the list, once (`sameAs` tells two ways of writing one catalogue apart). */
  opened(location: string, sameAs: (a: string, b: string) => boolean = (a, b) => a === b): string[] {
    const next = [location, ...this.read().filter((entry) => !sameAs(entry, location))].slice(0, RECENT_CATALOGUES);
    writeJsonFile(this.file, next);
    return next;
  }
}
