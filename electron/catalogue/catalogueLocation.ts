// Which engine a catalogue's location names: a PostgreSQL address (postgres://… or
// postgresql://…) is a team catalogue, anything else a folder. Its own file, without the
// PostgreSQL driver, so a command on a folder decides without loading it.
const SCHEMES = /^postgres(ql)?:\/\//i;

/** Whether a --catalogue value names a PostgreSQL catalogue rather than a folder. */
export function isPostgresLocation(location: string): boolean {
  return SCHEMES.test(location.trim());
}
