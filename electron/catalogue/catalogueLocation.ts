// Which engine a catalogue's location names: a PostgreSQL address is a team catalogue, anything
// else a folder (the rule: shared/catalogueChoices.ts, which the window's dialog uses too). Its own
// file, without the PostgreSQL driver, so a command on a folder decides without loading it.
export { isPostgresLocation } from '../../shared/catalogueChoices.ts';
