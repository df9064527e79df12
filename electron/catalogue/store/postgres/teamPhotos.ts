// A team catalogue's photos as whole Photo objects, read from PostgreSQL with the folder
// catalogue's own mapping (photoRepository.ts rowToPhoto: the same turn, the same credit line),
// so a credit list or an export made from either engine reads alike. pg gives BIGINT as text
// (every 64-bit value exact); the four BIGINT columns are turned back into numbers here.
import type { Pool, PoolClient } from 'pg';
import type { Photo } from '../../../../shared/types.ts';
import { rowToPhoto, type PhotoRow } from '../photoRepository.ts';

type PgPhotoRow = Omit<PhotoRow, 'id' | 'fortepan_id' | 'file_size' | 'duplicate_of'> & {
  id: string;
  fortepan_id: string | null;
  file_size: string;
  duplicate_of: string | null;
};

const number = (value: string | null): number | null => (value === null ? null : Number(value));

/** These photos, in the order asked; an id with no photo is left out. */
export async function teamPhotos(db: Pool | PoolClient, ids: readonly number[]): Promise<Photo[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<PgPhotoRow>('SELECT * FROM photos WHERE id = ANY($1::bigint[])', [ids]);
  const byId = new Map(
    rows.map((row) => {
      const photo = rowToPhoto({ ...row, id: Number(row.id), fortepan_id: number(row.fortepan_id), file_size: Number(row.file_size), duplicate_of: number(row.duplicate_of) });
      return [photo.id, photo] as const;
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
