// Opens the catalogue a --catalogue value, FOTOTAR_CATALOGUE or "Open catalogue…" names: a
// PostgreSQL address (postgres://user@host:port/database) is a team catalogue, opened under the
// archivist's name; anything else is a folder, made when it does not exist yet. The app and
// browser mode both open through here, so both engines are reached the same way.
import { Catalogue } from './catalogue.ts';
import type { OpenCatalogue } from './openCatalogue.ts';
import { TeamCatalogue } from './teamCatalogue.ts';
import { isPostgresLocation } from './store/postgres/pgLocation.ts';
import { archivistName } from './store/postgres/teamEdits.ts';
import { RootPaths } from '../preferences/rootPaths.ts';

export interface LocationOptions {
  /** Who holds a folder catalogue, shown to a second instance: 'app', 'fototar serve'… */
  purpose: string;
  /** The name the person chose once (`fototar archivist`, preferences), or null: $FOTOTAR_ARCHIVIST or the OS user then. */
  chosenArchivist: string | null;
  /** A name given for this once (`--as`), before all of those. */
  givenArchivist?: string;
  /** This computer's folder for team catalogues' caches (preferences/cacheDirectory.ts). */
  cacheDir: string;
  /** The person's configuration folder: where this computer's paths to named folders of originals are kept (preferences/rootPaths.ts). */
  configDir: string;
  /** A team catalogue's password typed in "Open catalogue…" or kept in the app's keychain; never stored by this. */
  password?: string;
}

export async function openCatalogueAt(location: string, options: LocationOptions): Promise<OpenCatalogue> {
  if (isPostgresLocation(location)) {
    const roots = new RootPaths(options.configDir);
    return await TeamCatalogue.open(location, { archivist: archivistName(options.givenArchivist, options.chosenArchivist), cacheDir: options.cacheDir, localRoots: (id) => roots.read(id), watchLocalRoots: (onChange) => roots.watch(onChange), ...(options.password !== undefined ? { password: options.password } : {}) });
  }
  return Catalogue.open(location, { create: true, purpose: options.purpose });
}
