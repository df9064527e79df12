// A team catalogue's named folders of originals (pgMigrations.ts 7, shared/originalRoots.ts): the
// team names a folder once, as the catalogue records originals under it; each computer then maps
// the name to its own path (preferences/rootPaths.ts).
import type { Pool } from 'pg';
import { folderKey, isAbsoluteFolder } from '../../../../shared/folderPath.ts';
import { cleanRootName, MAX_ROOT_NAME } from '../../../../shared/originalRoots.ts';
import { CatalogueError } from '../../catalogueError.ts';

export interface NamedRoot {
  name: string;
  folder: string;
  /** How many photos the catalogue records under it. */
  photos: number;
}

export async function listRoots(pool: Pool): Promise<NamedRoot[]> {
  const { rows } = await pool.query<{ name: string; folder: string; photos: string }>(
    'SELECT r.name, r.folder, (SELECT count(*) FROM photos p WHERE starts_with(p.file, r.folder)) AS photos FROM original_roots r ORDER BY r.name',
  );
  return rows.map((row) => ({ name: row.name, folder: row.folder, photos: Number(row.photos) }));
}

/** Names the folder `folder` (as the catalogue records originals under it) `name`, for the team. */
export async function addRoot(pool: Pool, name: string, folder: string): Promise<NamedRoot> {
  const clean = cleanRootName(name);
  if (clean === null) throw new CatalogueError('invalid-input', 'rootNameInvalid', { max: MAX_ROOT_NAME });
  if (!isAbsoluteFolder(folder)) throw new CatalogueError('invalid-input', 'rootFolderNotAbsolute', { folder });
  const key = folderKey(folder);
  const { rows } = await pool.query<{ name: string; folder: string }>('SELECT name, folder FROM original_roots WHERE name = $1 OR folder = $2', [clean, key]);
  const taken = rows[0];
  if (taken) throw new CatalogueError('invalid-input', 'rootTaken', { name: taken.name, folder: taken.folder });
  await pool.query('INSERT INTO original_roots (name, folder) VALUES ($1, $2)', [clean, key]);
  return (await listRoots(pool)).find((root) => root.name === clean)!;
}
