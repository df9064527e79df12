// The catalogue: one folder with its database, thumbnails and search index. The one door into
// it: the API handler, the CLI and the servers call `catalogue.<service>.<verb>()` (photos,
// collections, tags, history, search, originals, exchange, exports, backups, ingest), and the
// services reach the store (store/: the only home of SQL) through CatalogueCore, built by
// OpenCatalogue (openCatalogue.ts) as a team catalogue's is. It never imports electron.
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { cataloguePaths, thumbnailPath, type CataloguePaths } from './cataloguePaths.ts';
import { CatalogueError } from './catalogueError.ts';
import { openDatabase } from './store/openDatabase.ts';
import { acquireCatalogueLock, type CatalogueLock } from './store/catalogueLock.ts';
import { listBackups, type AutomaticBackups } from './store/catalogueBackup.ts';
import { removeLeftovers } from './store/catalogueLeftovers.ts';
import { createDatabaseFile } from './store/createDatabase.ts';
import { HealthMonitor } from './store/healthMonitor.ts';
import type { CatalogueHealth } from '../../shared/catalogueHealth.ts';
import { PhotoRepository } from './store/photoRepository.ts';
import { CollectionStore } from './store/collectionStore.ts';
import { photoSummary } from '../../shared/photoSummary.ts';
import { SearchService } from './search/searchService.ts';
import { SqliteStore } from './store/sqliteStore.ts';
import { recoverInterruptedExports } from './collections/exportPublish.ts';
import { CatalogueEvents } from './events/catalogueEvents.ts';
import { folderWriteWatch } from './events/externalWrites.ts';
import { OpenCatalogue } from './openCatalogue.ts';
// The export's workers are started by the CLI before it opens the catalogue (cli/commands/export.ts).
export { startExportWorkers, type ExportPool } from './collections/exportPool.ts';
export type { ExportRequest } from './services/exportsService.ts';

export interface OpenOptions {
  /** Create the folder and database when they do not exist (ingest does; other commands do not). */
  create?: boolean;
  /** Who holds the catalogue, shown to a second instance: 'app', 'serve', 'ingest'… */
  purpose?: string;
  /**
   * Read without taking the lock, for commands that only look (list, show, credits): SQLite's
   * WAL lets them read a consistent snapshot while the app holds the catalogue. Writes fail.
   */
  readOnly?: boolean;
}

export class Catalogue extends OpenCatalogue {
  /** The connection: for the store's repositories and tests; nothing outside the catalogue uses it. */
  readonly db: DatabaseSync;
  /** The store (store/: its repositories and writes), for tests and tools that set up data; callers use the services. */
  readonly store: SqliteStore;

  #lock: CatalogueLock | null = null;
  /** The background check of a writable catalogue (null when opened read-only: nothing to guard). */
  #health: HealthMonitor | null = null;
  #backups: AutomaticBackups | null = null;

  private constructor(paths: CataloguePaths, db: DatabaseSync) {
    const photos = new PhotoRepository(db);
    const events = new CatalogueEvents(folderWriteWatch(db), {
      photoCount: () => (db.isOpen ? photos.count() : null),
      // Read at once, as the event is sent: events stay in the order of the writes.
      historyState: () => (db.isOpen ? store.historyStateNow() : null),
    });
    const collections = new CollectionStore(db, photos, (list) => list.map(photoSummary), () => events.emit({ type: 'collectionsChanged' }));
    const store = new SqliteStore(db, paths, photos, collections);
    super({
      paths,
      store,
      events,
      // The search index lives in a worker thread; edits reach it through the search_changes log.
      searchEngine: new SearchService(paths),
      thumbnailFile: async (hash, size) => {
        const file = thumbnailPath(paths, hash, size);
        return fs.existsSync(file) ? file : null;
      },
    });
    this.db = db;
    this.store = store;
  }

  static open(directory: string, options: OpenOptions = {}): Catalogue {
    const paths = cataloguePaths(directory);
    const size = fileSize(paths.database);
    if (size === null) {
      if (!options.create) {
        throw new CatalogueError('catalogue-missing', 'catalogueMissing', { root: paths.root, directory });
      }
      try {
        fs.mkdirSync(paths.thumbnails, { recursive: true });
      } catch (error) {
        throw new CatalogueError('catalogue-unreadable', 'catalogueFolderNotCreated', { root: paths.root, reason: (error as Error).message });
      }
    } else if (size === 0 && !(options.create && listBackups(paths).length === 0)) {
      // An empty file where a catalogue was is a truncated one (or one never finished): making a
      // new catalogue over it would hide the loss. A brand-new folder (no backups) is begun again.
      throw new CatalogueError('catalogue-corrupt', 'catalogueEmpty', { file: paths.database, root: paths.root });
    }
    if (options.readOnly) return new Catalogue(paths, openDatabase(paths.database, { readOnly: true }));
    // One Fototar per catalogue (see store/catalogueLock.ts); the lock is taken before the
    // database is touched and released on close, or at once if opening fails.
    const lock = acquireCatalogueLock(paths.lock, paths.root, options.purpose ?? 'app');
    try {
      // What a killed backup, restore or creation left behind is never a usable file.
      removeLeftovers(paths);
      // Made whole under its final name in one rename (store/createDatabase.ts). An empty file in
      // a folder that never had a backup is one an older Fototar was killed while creating.
      const now = fileSize(paths.database);
      if (options.create && (now === null || now === 0)) createDatabaseFile(paths.database);
      const db = openDatabase(paths.database);
      const catalogue = new Catalogue(paths, db);
      catalogue.#lock = lock;
      // An export this catalogue was publishing when the process died is rolled back now.
      recoverInterruptedExports(paths.root);
      catalogue.#health = new HealthMonitor(db, paths);
      return catalogue;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  override health(): CatalogueHealth {
    return this.#health?.health() ?? { state: 'ok' };
  }

  /** Resolves once the opening check has passed; throws the damaged catalogue's message. */
  override async whenWritable(): Promise<void> {
    await this.#health?.whenWritable();
  }

  protected override assertWritable(): void {
    this.#health?.assertWritable();
  }

  get name(): string {
    return path.basename(this.paths.root);
  }

  get location(): string {
    return this.paths.root;
  }

  close(): void {
    void this.stopServices();
    this.#health?.stop();
    // A long-running host's last copy: anything saved since the last backup is in one.
    if (this.#backups && this.health().state === 'ok') this.#backups.backupOnClose();
    this.#backups = null;
    if (this.db.isOpen) this.db.close();
    this.#lock?.release();
    this.#lock = null;
  }

  /**
   * For long-running hosts (the app, browser mode), once the opening check has passed: a database
   * backup at once when the last is over 6 hours old, then every 6 hours, and at close when
   * anything changed; originals checked on open and every 10 minutes.
   */
  startBackgroundDuties(options: { onBackupError?: (error: Error) => void } = {}): void {
    const start = () => {
      if (this.duties.signal.aborted || !this.db.isOpen) return;
      this.#backups = this.backups.startAutomatic({ onError: options.onBackupError });
      const backups = this.#backups;
      const stopWatch = this.originals.watch();
      this.duties.signal.addEventListener('abort', () => {
        backups.stop();
        stopWatch();
      });
    };
    // A damaged catalogue is neither backed up (over a good backup) nor written to.
    this.whenWritable().then(start, (error: Error) => options.onBackupError?.(error));
  }
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
