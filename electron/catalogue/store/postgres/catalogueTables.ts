// The tables a catalogue is made of, as both engines hold them (store/migrations.ts for SQLite,
// pgMigrations.ts for PostgreSQL): what `fototar migrate` copies, in an order that satisfies
// the foreign keys, each with the key it is read in. Each engine's own bookkeeping stays out:
// SQLite's search index tables and change log (a client's cache of the rows), PostgreSQL's row
// versions, and the folder column both engines derive from the file's path.
import { createHash, type Hash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { PoolClient } from 'pg';

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

/** A table's columns in SQLite, in their order there. */
export function sqliteColumns(db: DatabaseSync, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
}

/** The columns a migration copies: all but those each engine derives. */
export function copiedColumns(columns: readonly string[], table: CatalogueTable): string[] {
  return columns.filter((column) => !table.derived.includes(column));
}

/** Rows are read from PostgreSQL a page at a time: a million photos never sit in memory. */
const PAGE_ROWS = 5000;

/**
 * A table's rows from PostgreSQL as arrays of `columns`, in SQLite's order of its key: ids in
 * number order, text keys in byte order (SQLite's BINARY collation; COLLATE "C" here).
 */
export async function* postgresRows(client: PoolClient, table: CatalogueTable, columns: readonly string[]): AsyncGenerator<unknown[]> {
  const keyIndex = columns.indexOf(table.orderBy);
  if (keyIndex < 0) throw new Error(`${table.name}: its key ${table.orderBy} is not among the columns read`);
  const order = table.orderBy === 'id' ? table.orderBy : `${table.orderBy} COLLATE "C"`;
  let after: unknown = null;
  for (;;) {
    const where = after === null ? '' : `WHERE ${order} > $1`;
    const { rows } = await client.query<unknown[]>({
      text: `SELECT ${columns.join(', ')} FROM ${table.name} ${where} ORDER BY ${order} LIMIT ${PAGE_ROWS}`,
      values: after === null ? [] : [after],
      rowMode: 'array',
    });
    yield* rows;
    if (rows.length < PAGE_ROWS) return;
    after = rows[rows.length - 1]![keyIndex];
  }
}
