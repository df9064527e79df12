// What the folder browser (browser mode's Add folder) is told about one folder: its subfolders,
// the way up, and, when the folder could not be listed, why in one line.
import type { MessageRef } from './errorMessages.ts';

export interface FolderEntry {
  name: string;
  /** Absolute path of the subfolder. */
  path: string;
}

export interface FolderListing {
  /** The absolute folder listed (after `~` was expanded); as typed when it could not be resolved. */
  path: string;
  /** The folder above, or null at the root of a drive. */
  parent: string | null;
  /** The user's home folder, where browsing starts. */
  home: string;
  /** Subfolders only, sorted by name; hidden ones (dot-names) only when asked for. */
  folders: FolderEntry[];
  /** More subfolders exist than were listed. */
  truncated: boolean;
  /** Why the folder could not be listed (relative path, missing, not a folder, no permission). */
  error?: string;
  /** The same reason by key (shared/locales/…/errors.json), for the UI's language. */
  errorRef?: MessageRef;
}
