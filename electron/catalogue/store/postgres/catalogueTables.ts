// The tables a catalogue is made of, as both engines hold them (store/migrations.ts for SQLite,
// pgMigrations.ts for PostgreSQL): what `fototar migrate` copies, in an order that satisfies
// the foreign keys, each with the key it is read in. Each engine's own bookkeeping stays out:
// SQLite's search index tables and change log (a client's cache of the rows), PostgreSQL's row
// versions, and the folder column both engines derive from the file's path.
import { createHash, type Hash } from 'node:crypto';

export interface CatalogueTable {
  readonly name: string;
  /** The column rows are read in order of: unique, so both engines list them alike. */
  readonly orderBy: string;
  /** Columns each engine computes for itself; not copied, not compared. */
  readonly derived: readonly string[];
}

export const CATALOGUE_TABLES: readonly CatalogueTable[] = [
  { name: 'settings', orderBy: 'key', derived: [] },
  { name: 'photos', orderBy: 'id', derived: ['folder', 'version'] },
  { name: 'edit_history', orderBy: 'id', derived: [] },
  { name: 'collections', orderBy: 'id', derived: [] },
  { name: 'collection_items', orderBy: 'id', derived: [] },
];

/** Tables whose key is an identity column: its sequence must continue after the copied ids. */
export const IDENTITY_TABLES = CATALOGUE_TABLES.filter((table) => table.orderBy === 'id').map((table) => table.name);

/**
 * A digest of a table's rows in key order, the same from either engine: each value as text
 * (pg gives BIGINT as a string and SQLite as a number; a float8 comes back as the same double
 * from both), NULL told apart from the text "null". Equal digests on both sides are the
 * migration's proof that every row arrived with every value.
 */
export class RowDigest {
  readonly #hash: Hash = createHash('sha256');
  rows = 0;

  add(values: readonly unknown[]): void {
    this.#hash.update(JSON.stringify(values.map((value) => (value === null || value === undefined ? null : String(value)))));
    this.#hash.update('\n');
    this.rows++;
  }

  digest(): string {
    return this.#hash.digest('hex');
  }
}
