// What the command line does with a team catalogue on PostgreSQL besides opening it as any
// catalogue (cliSupport.ts): undo and redo of the archivist's own steps (`fototar undo|redo`),
// a photo's history with its authors (`fototar history`), the team's named folders of originals
// (`fototar roots`), and the name the archivist chose once (--as, else $FOTOTAR_ARCHIVIST, else
// `fototar archivist`, else the OS user).
import type { PhotoHistoryEntry } from '../../shared/editHistory.ts';
import { openTeamPool } from '../catalogue/store/postgres/pgLocation.ts';
import { archivistName } from '../catalogue/store/postgres/teamEdits.ts';
import { defaultConfigDirectory, PreferenceStore } from '../preferences/userPreferences.ts';
import { PgStore } from '../catalogue/store/postgres/pgStore.ts';
import { CatalogueError } from '../catalogue/catalogueError.ts';
import type pg from 'pg';
import { addRoot, listRoots, type NamedRoot } from '../catalogue/store/postgres/originalRoots.ts';
import { teamCatalogueId } from '../catalogue/store/postgres/teamSearchSources.ts';
import { RootPaths } from '../preferences/rootPaths.ts';

/** Runs `work` on a pool of the team catalogue at `location`, refusing a database that holds none. */
export async function withTeamCatalogue<T>(location: string, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = await openTeamPool(location, 2);
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** The name this person chose once with `fototar archivist <name>`, or null. */
export function chosenArchivist(): string | null {
  return new PreferenceStore(defaultConfigDirectory()).read().archivist;
}

/** Runs `work` on the store of the team catalogue at `location`, as archivist `as`. */
async function withTeamStore<T>(location: string, as: string | undefined, work: (store: PgStore) => Promise<T>): Promise<T> {
  return await withTeamCatalogue(location, async (pool) => {
    const store = new PgStore(pool, archivistName(as, chosenArchivist()));
    try {
      return await work(store);
    } finally {
      store.close();
    }
  });
}

/** This archivist's last step taken back (undo), or their last undone step put back (redo); null when there is none. */
export async function stepInTeamCatalogue(location: string, kind: 'undo' | 'redo', as?: string): Promise<{ label: string; ids: number[] } | null> {
  return await withTeamStore(location, as, (store) => (kind === 'undo' ? store.undo() : store.redo()));
}

/** Every recorded change to one photo, newest first, with who made it. */
export async function teamPhotoHistory(location: string, id: number): Promise<PhotoHistoryEntry[]> {
  return await withTeamStore(location, undefined, (store) => store.photoHistory(id));
}

/** A team catalogue's named folders of originals, each with where this computer reaches it (null: not mapped here). */
export async function teamRoots(location: string): Promise<(NamedRoot & { here: string | null })[]> {
  return await withTeamCatalogue(location, async (pool) => {
    const here = new RootPaths(defaultConfigDirectory()).read(await teamCatalogueId(pool));
    return (await listRoots(pool)).map((root) => ({ ...root, here: here[root.name] ?? null }));
  });
}

/** Names a folder of originals for the whole team, as the catalogue records originals under it. */
export async function addTeamRoot(location: string, name: string, folder: string): Promise<NamedRoot> {
  return await withTeamCatalogue(location, (pool) => addRoot(pool, name, folder));
}

/** Says where this computer reaches the named folder `name` (null: forgets it). */
export async function mapTeamRoot(location: string, name: string, local: string | null): Promise<void> {
  await withTeamCatalogue(location, async (pool) => {
    if (!(await listRoots(pool)).some((root) => root.name === name)) throw new CatalogueError('invalid-input', 'rootUnknown', { name });
    new RootPaths(defaultConfigDirectory()).write(await teamCatalogueId(pool), name, local);
  });
}
