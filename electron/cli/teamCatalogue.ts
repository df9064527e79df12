// What the command line does with a team catalogue on PostgreSQL besides opening it as any
// catalogue (cliSupport.ts): the team's named folders of originals (`fototar roots`), and the name
// the archivist chose once (--as, else $FOTOTAR_ARCHIVIST, else `fototar archivist`, else the OS user).
import { openTeamPool } from '../catalogue/store/postgres/pgLocation.ts';
import { defaultConfigDirectory, PreferenceStore } from '../preferences/userPreferences.ts';
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
