// What the command line can do with a team catalogue on PostgreSQL before the app and every
// command open one as they open a folder (issue 18): edit fields (`fototar edit`), undo your own
// last step (`fototar undo`) and read a photo's history (`fototar history`), each under the
// archivist's name (--as, else $FOTOTAR_ARCHIVIST, else the OS user).
import type { PhotoPatch } from '../../shared/types.ts';
import { connectTo, teamPool } from '../catalogue/store/postgres/pgLocation.ts';
import { archivistName, TeamEdits } from '../catalogue/store/postgres/teamEdits.ts';
import { CatalogueError } from '../catalogue/catalogueError.ts';
import type pg from 'pg';

/** Runs `work` on a pool of the team catalogue at `location`, refusing a database that holds none. */
export async function withTeamCatalogue<T>(location: string, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = teamPool(location, 2);
  try {
    const client = await connectTo(pool, location);
    try {
      const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('photo_changes') IS NOT NULL AS present");
      if (!rows[0]?.present) throw new CatalogueError('invalid-input', 'migrateNoCatalogue', { location });
    } finally {
      client.release();
    }
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** The same patch saved to each photo as one step of this archivist's; the photos that changed. */
export async function editTeamCatalogue(location: string, ids: readonly number[], patch: PhotoPatch, as?: string): Promise<number[]> {
  return await withTeamCatalogue(location, (pool) => new TeamEdits(pool, archivistName(as)).save(ids.map((id) => ({ id, patch }))));
}

/** This archivist's last step taken back; null when there is none. */
export async function undoInTeamCatalogue(location: string, as?: string): Promise<{ label: string; ids: number[] } | null> {
  return await withTeamCatalogue(location, (pool) => new TeamEdits(pool, archivistName(as)).undo());
}
