// "Open catalogue…": what the window offers (the catalogues opened lately, newest first) and
// whether a team catalogue's password can be kept (only where the OS keychain holds it). The
// same rule tells the dialog and the host whether a location is a team catalogue's address.
import type { ApiErrorBody } from './api.ts';

export interface CatalogueChoice {
  /** A folder's path, or a team catalogue's address (never with a password). */
  location: string;
  kind: 'folder' | 'team';
}

export interface CatalogueChoices {
  /** The catalogue open now. */
  current: CatalogueChoice;
  /** Opened lately on this computer, newest first, the open one left out. */
  recent: CatalogueChoice[];
  /** Whether another catalogue can be opened here at all (browser mode's `serve` may be tied to one). */
  canOpen: boolean;
  /** Whether "Remember the password" is offered: only where the OS keychain keeps it encrypted. */
  canRememberPassword: boolean;
  /** Locations whose password is kept in the keychain. */
  rememberedPasswords: string[];
  /** The catalogue opened last could not be opened at start (another was opened instead): which, and why. */
  problem: { location: string; error: ApiErrorBody } | null;
}

/** How many catalogues the recent list keeps. */
export const RECENT_CATALOGUES = 8;

/** Whether a location (--catalogue, "Open catalogue…") is a PostgreSQL address (postgres:// or postgresql://) rather than a folder. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

export function catalogueKind(location: string): CatalogueChoice['kind'] {
  return isPostgresLocation(location) ? 'team' : 'folder';
}
