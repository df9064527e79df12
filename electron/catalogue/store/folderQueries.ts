// The folders photos came from: counts per folder for the tree (migration 12's `folder` column
// and its index), and the photos of a folder with its subfolders: those whose path starts with
// the folder key, one range [key, folderKeyEnd(key)) of the unique index on `file`, which holds
// the ids too (shared/folderPath.ts: a file's folder starts with a key exactly when its path does).
import type { DatabaseSync } from 'node:sqlite';
import { folderKeyEnd } from '../../../shared/folderPath.ts';

/** Photos per folder (each folder itself, not its subfolders): one scan of the folder index. */
export function folderCounts(db: DatabaseSync): { folder: string; count: number }[] {
  const rows = db.prepare('SELECT folder, count(*) AS n FROM photos GROUP BY folder').all() as { folder: string | null; n: number }[];
  return rows.map((r) => ({ folder: r.folder ?? '', count: Number(r.n) }));
}

/** How many photos a folder and its subfolders hold. */
export function countInFolder(db: DatabaseSync, key: string): number {
  return Number((db.prepare('SELECT count(*) AS n FROM photos WHERE file >= ? AND file < ?').get(key, folderKeyEnd(key)) as { n: number }).n);
}

/** A bitmap by photo id of the photos in a folder and its subfolders (1 = inside). */
export function folderMembers(db: DatabaseSync, key: string): Uint8Array {
  const max = Number((db.prepare('SELECT max(id) AS m FROM photos').get() as { m: number | null }).m ?? 0);
  const bits = new Uint8Array(max + 1);
  // One JSON array instead of a row object per photo: a folder may hold 100,000 photos.
  const { ids } = db.prepare('SELECT json_group_array(id) AS ids FROM photos WHERE file >= ? AND file < ?').get(key, folderKeyEnd(key)) as { ids: string };
  for (const id of JSON.parse(ids) as number[]) bits[id] = 1;
  return bits;
}

/** The photos of a folder and its subfolders, for relinking the folder as a whole. */
export function photosInFolder(db: DatabaseSync, key: string): { id: number; file: string; hash: string; fileSize: number }[] {
  const rows = db.prepare('SELECT id, file, hash, file_size FROM photos WHERE file >= ? AND file < ? ORDER BY file').all(key, folderKeyEnd(key)) as {
    id: number;
    file: string;
    hash: string;
    file_size: number;
  }[];
  return rows.map((r) => ({ id: r.id, file: r.file, hash: r.hash, fileSize: Number(r.file_size) }));
}
