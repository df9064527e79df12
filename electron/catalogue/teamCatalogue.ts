// A team catalogue: the archive's PostgreSQL database, opened by one archivist on their own
// computer (issue 18). The same services as a folder catalogue's (openCatalogue.ts), standing on
// the team's store (PgStore: every change under the archivist's name, a conflict refused), on
// this client's own search index kept current from the server's change feed, and on thumbnails
// copied from the server as they are first shown. What this computer keeps for it (the index,
// the thumbnails) is in a cache folder named by the catalogue's identity, so two servers' or two
// databases' catalogues never mix. A colleague's save reaches this client's panels as the
// change feed brings it.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { cataloguePaths } from './cataloguePaths.ts';
import { CatalogueError } from './catalogueError.ts';
import { CatalogueEvents } from './events/catalogueEvents.ts';
import { OpenCatalogue } from './openCatalogue.ts';
import { TeamSearchService } from './search/teamSearchService.ts';
import { PgStore } from './store/postgres/pgStore.ts';
import { isConnectionError, openTeamPool, postgresPoolConfig } from './store/postgres/pgLocation.ts';
import { teamCatalogueId } from './store/postgres/teamSearchSources.ts';
import { TeamThumbnails } from './store/postgres/teamThumbnails.ts';
import type { FeedStatus } from './store/postgres/changeFeed.ts';
import { listRoots } from './store/postgres/originalRoots.ts';
import { OriginalsOnThisComputer } from './originals/originalsOnThisComputer.ts';
import { fileOnThisComputer, reachableHere, recordedFile, type RootOnThisComputer } from '../../shared/originalRoots.ts';

/** Connections this client keeps to the server: a few requests of one window at once, and the feed's own. */
const POOL_SIZE = 6;

export interface TeamOpenOptions {
  /** Whose changes these are (teamEdits.ts archivistName): the name the team sees. */
  archivist: string;
  /** This computer's folder for team catalogues' caches (preferences/cacheDirectory.ts). */
  cacheDir: string;
  /** Where this computer reaches the catalogue's named folders of originals, by its identity (preferences/rootPaths.ts). */
  localRoots?: (catalogueId: string) => Record<string, string>;
  /** Tells `onChange` when this computer's mapping of named folders changed (`fototar roots map` while the app runs); answers a stop. */
  watchLocalRoots?: (onChange: () => void) => () => void;
  /** A password typed in "Open catalogue…" (or kept in the app's keychain); else PGPASSWORD, ~/.pgpass. */
  password?: string;
}

export class TeamCatalogue extends OpenCatalogue {
  readonly #pool: pg.Pool;
  readonly #location: string;
  readonly #database: string;
  readonly #store: PgStore;
  /**
   * The team's named folders and where this computer reaches each: one array, read again in place
   * (so the store, the originals check and the core, which hold it, see the new state) when a
   * colleague names a folder, when this computer maps one, and when the server is back.
   */
  readonly #roots: RootOnThisComputer[];
  readonly #rootsHere: (() => Record<string, string>) | null;
  #stopWatchingRoots: (() => void) | null = null;
  #rootsRead: Promise<void> = Promise.resolve();
  #closing: Promise<void> | null = null;

  private constructor(pool: pg.Pool, location: string, folder: string, archivist: string, roots: RootOnThisComputer[], rootsHere: (() => Record<string, string>) | null) {
    const paths = cataloguePaths(folder);
    // The change feed's news, for whoever listens (the window's events): set while anyone does.
    let tell: ((ids: readonly number[]) => void) | null = null;
    let say: ((status: FeedStatus) => void) | null = null;
    // The named folders changed on the server (a colleague's `roots add`), or it is back: read them again.
    let reread: (() => void) | null = null;
    const search = new TeamSearchService(pool, {
      cacheDir: path.dirname(folder),
      onIndexed: (ids) => tell?.(ids),
      onStatus: (status) => {
        if (status.state === 'reconnected') reread?.();
        say?.(status);
      },
      onNotice: () => reread?.(),
    });
    const events = new CatalogueEvents(
      (listening) => {
        // A colleague's save (and this client's own, as the feed brings it back): the photos
        // changed, and their histories and the undo step may have.
        tell = (ids) => {
          listening.photosChanged(ids);
          listening.historyChanged();
        };
        // The server gone, and back: the window says so; once back, every panel reads again
        // (the feed has read what colleagues saved meanwhile).
        say = (status) => {
          listening.emit({ type: 'connection', state: status.state === 'lost' ? 'lost' : 'back' });
          if (status.state === 'reconnected') {
            listening.photosChanged('all');
            listening.historyChanged();
            listening.emit({ type: 'collectionsChanged' });
          }
        };
        return () => {
          tell = null;
          say = null;
        };
      },
      // The index holds every photo: its size is the count, with no query per event.
      { photoCount: () => search.opened?.size ?? null, historyState: () => null },
    );
    const thumbnails = new TeamThumbnails(pool, folder);
    const store = new PgStore(pool, archivist, {
      onCollectionsChanged: () => events.emit({ type: 'collectionsChanged' }),
      recordedFile: (local) => recordedFile(local, roots),
      fileHere: (recorded) => (reachableHere(recorded, roots) ? fileOnThisComputer(recorded, roots) : null),
      originals: (records) => new OriginalsOnThisComputer(records, roots),
    });
    super({
      paths,
      store,
      events,
      searchEngine: search,
      thumbnailFile: (hash, size) => thumbnails.file(hash, size),
      originalFile: (file) => fileOnThisComputer(file, roots),
    });
    this.#pool = pool;
    this.#location = location;
    this.#database = postgresPoolConfig(location).database ?? location;
    this.#store = store;
    this.#roots = roots;
    this.#rootsHere = rootsHere;
    reread = () => void this.readRootsAgain();
  }

  /** Reads the team's named folders and this computer's mapping again (a failure: kept as they were, read when the server is back). */
  readRootsAgain(): Promise<void> {
    this.#rootsRead = this.#rootsRead.then(async () => {
      if (this.#closing) return;
      try {
        this.#roots.splice(0, this.#roots.length, ...(await rootsOnThisComputer(this.#pool, this.#rootsHere)));
      } catch {
        // The server gone: the feed says so, and asks again once it is back.
      }
    });
    return this.#rootsRead;
  }

  /** Opens the team catalogue at `location` (postgres://…). */
  static async open(location: string, options: TeamOpenOptions): Promise<TeamCatalogue> {
    const pool = await openTeamPool(location, POOL_SIZE, options.password);
    try {
      const id = await teamCatalogueId(pool);
      const folder = path.join(options.cacheDir, id);
      try {
        fs.mkdirSync(cataloguePaths(folder).thumbnails, { recursive: true });
      } catch (error) {
        throw new CatalogueError('catalogue-unreadable', 'catalogueFolderNotCreated', { root: folder, reason: (error as Error).message });
      }
      // The search index is opened at the first search (a window asks at once: apiHandler.ts).
      // The team's named folders, each where this computer reaches it (read again as they change).
      const rootsHere = options.localRoots ? () => options.localRoots!(id) : null;
      const catalogue = new TeamCatalogue(pool, location.trim(), folder, options.archivist, await rootsOnThisComputer(pool, rootsHere), rootsHere);
      catalogue.#stopWatchingRoots = options.watchLocalRoots?.(() => void catalogue.readRootsAgain()) ?? null;
      return catalogue;
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  get name(): string {
    return this.#database;
  }

  /** A request that met the server gone (a restart, the network): "Cannot reach the PostgreSQL database …". */
  override explain(error: unknown): CatalogueError | null {
    return isConnectionError(error) ? new CatalogueError('catalogue-unreadable', 'postgresUnreachable', { location: this.#location, reason: (error as Error).message }) : null;
  }

  get location(): string {
    return this.#location;
  }

  /**
   * The originals checked now and every 10 minutes, as this computer reaches them (a named folder
   * not mapped here, or not mounted now, is left alone: originalsOnThisComputer.ts). No backups on a
   * timer: the server's own (pg_dump) keep a team catalogue.
   */
  startBackgroundDuties(): void {
    if (this.duties.signal.aborted) return;
    const stopWatch = this.originals.watch();
    this.duties.signal.addEventListener('abort', () => stopWatch());
  }

  /** Stops following the server and closes its connections. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#stopWatchingRoots?.();
      await this.stopServices();
      await this.#rootsRead;
      this.#store.close();
      await this.#pool.end();
    })();
    return this.#closing;
  }
}

/** The team's named folders, each with where this computer reaches it (null: not mapped here). */
async function rootsOnThisComputer(pool: pg.Pool, here: (() => Record<string, string>) | null): Promise<RootOnThisComputer[]> {
  const mapped = here?.() ?? {};
  return (await listRoots(pool)).map((root) => ({ name: root.name, folder: root.folder, local: mapped[root.name] ?? null }));
}
