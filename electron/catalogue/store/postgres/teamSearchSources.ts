// A team catalogue's rows as the search indexes them, read from PostgreSQL: the same columns and
// the same mapping as a folder catalogue's (store/searchSources.ts), so both engines index, and
// so find, a photo alike. BIGINT comes as text from pg and is turned back into numbers here.
import type { Pool, PoolClient } from 'pg';
import type { SearchSource } from '../../search/searchDocument.ts';
import { SEARCH_SOURCE_COLUMNS, toSource, type SourceRow } from '../searchSources.ts';

/** Rows per query when every photo is read: a page at a time, by id, never one huge result. */
const PAGE = 10_000;

type PgSourceRow = Omit<SourceRow, 'id' | 'fortepan_id'> & { id: string; fortepan_id: string | null };

function fromPg(row: PgSourceRow): SearchSource {
  return toSource({ ...row, id: Number(row.id), fortepan_id: row.fortepan_id === null ? null : Number(row.fortepan_id) });
}

/** Every photo, in id order, a page at a time. */
export async function* allTeamSearchSources(db: Pool | PoolClient): AsyncGenerator<SearchSource[]> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<PgSourceRow>(`SELECT ${SEARCH_SOURCE_COLUMNS} FROM photos WHERE id > $1 ORDER BY id LIMIT ${PAGE}`, [after]);
    if (!rows.length) return;
    yield rows.map(fromPg);
    after = Number(rows[rows.length - 1]!.id);
  }
}

/** These photos as the search indexes them; an id with no row (removed) is left out. */
export async function teamSearchSourcesById(db: Pool | PoolClient, ids: readonly number[]): Promise<Map<number, SearchSource>> {
  const out = new Map<number, SearchSource>();
  if (!ids.length) return out;
  const { rows } = await db.query<PgSourceRow>(`SELECT ${SEARCH_SOURCE_COLUMNS} FROM photos WHERE id = ANY($1::bigint[])`, [ids]);
  for (const row of rows) out.set(Number(row.id), fromPg(row));
  return out;
}

/** The catalogue's own identity (pgMigrations.ts 5): what a client's kept index is filed under. */
export async function teamCatalogueId(db: Pool | PoolClient): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM fototar_catalogue LIMIT 1');
  return rows[0]!.id;
}
