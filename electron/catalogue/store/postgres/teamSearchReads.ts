// What a team catalogue's search reads from the server beside its index: a sort field's whole
// order (for sorting a search's hits, as sortedHits.ts does with a folder catalogue's) and a
// folder's photos (for folder:"…"). Each is one row: the ids as one JSON array, not a row each.
import type { Pool } from 'pg';
import type { SortField } from '../../../../shared/photoSort.ts';
import { orderHalves } from '../sortColumns.ts';

async function idArray(pool: Pool, select: string, params: unknown[] = []): Promise<number[]> {
  const { rows } = await pool.query<{ ids: string }>(`SELECT array_to_json(ARRAY(${select}))::text AS ids`, params);
  return JSON.parse(rows[0]!.ids) as number[];
}

/** Every photo's id in `field`'s ascending order, those with a value first (`present` of them). */
export async function teamSortedIds(pool: Pool, field: SortField): Promise<{ ids: number[]; present: number }> {
  const halves = orderHalves(field, 'asc');
  const [present, missing] = await Promise.all([idArray(pool, `SELECT id FROM photos ${halves.present}`), idArray(pool, `SELECT id FROM photos ${halves.missing}`)]);
  return { ids: present.concat(missing), present: present.length };
}

/** The photos from a folder (its key) and its subfolders, as a bit per photo id. */
export async function teamFolderMembers(pool: Pool, key: string): Promise<Uint8Array> {
  const ids = await idArray(pool, 'SELECT id FROM photos WHERE starts_with(file, $1)', [key]);
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  const bits = new Uint8Array(max + 1);
  for (const id of ids) bits[id] = 1;
  return bits;
}
