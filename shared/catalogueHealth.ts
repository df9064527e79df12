// Whether the catalogue database may be changed. A writable catalogue is checked in the
// background when it opens (SQLite's quick_check): meanwhile it can be browsed, and edits wait
// for the answer; a damaged one stays read-only with a one-line message offering the latest
// backup. The UI shows `message` as it is.
import type { MessageRef } from './errorMessages.ts';

export type CatalogueHealthState = 'checking' | 'ok' | 'damaged';

export interface CatalogueHealth {
  state: CatalogueHealthState;
  /** One plain sentence when the state is not 'ok'. */
  message?: string;
  /** The same sentence by key, for the UI's language. */
  messageRef?: MessageRef;
  /** The newest backup `fototar restore latest` would put back (a file path), when there is one. */
  latestBackup?: string;
}
