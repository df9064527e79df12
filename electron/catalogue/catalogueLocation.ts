// Which engine a catalogue's location names: a PostgreSQL address is a team catalogue, anything
// else a folder (the rule: shared/catalogueChoices.ts, which the window's dialog uses too). Its own
// file, without the PostgreSQL driver, so a command on a folder decides without loading it.
import path from 'node:path';
import { isPostgresLocation } from '../../shared/catalogueChoices.ts';

export { isPostgresLocation };

/**
 * A catalogue named on a command line or in FOTOTAR_CATALOGUE: a team's address as written (no
 * path to resolve), a folder resolved against the folder the command runs in.
 */
export function namedLocation(value: string): string {
  return isPostgresLocation(value) ? value.trim() : path.resolve(value);
}
