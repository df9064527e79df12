// An open catalogue, whichever engine holds it: a folder (Catalogue, catalogue.ts) or a team's
// PostgreSQL database (TeamCatalogue, teamCatalogue.ts). Both are the one door in: the API
// handler, the servers and the CLI call `catalogue.<service>.<verb>()`, and the services reach
// the store through CatalogueCore, built here from what the engine provides — its store, its
// search, its events and where its thumbnails are — so the renderer cannot tell them apart.
import type { SidecarReport } from '../../shared/sidecars.ts';
import type { CatalogueHealth } from '../../shared/catalogueHealth.ts';
import type { CatalogueError } from './catalogueError.ts';
import type { CataloguePaths, ThumbnailSize } from './cataloguePaths.ts';
import type { CatalogueStore } from './store/catalogueStore.ts';
import type { SearchEngine } from './search/searchEngine.ts';
import { writeSidecars } from './sidecars/xmpSidecar.ts';
import type { CatalogueEvents } from './events/catalogueEvents.ts';
import { JobRunner } from './jobs/jobRunner.ts';
import { PersonActivity } from './jobs/personActivity.ts';
import type { CatalogueCore } from './services/catalogueCore.ts';
import { PhotosService } from './services/photosService.ts';
import { CollectionService } from './collections/collectionService.ts';
import { TagsService } from './services/tagsService.ts';
import { HistoryService } from './services/historyService.ts';
import { CatalogueSearch } from './services/catalogueSearch.ts';
import { OriginalsService } from './services/originalsService.ts';
import { ExchangeService } from './services/exchangeService.ts';
import { ExportsService } from './services/exportsService.ts';
import { BackupsService } from './services/backupsService.ts';
import { IngestService } from './services/ingestService.ts';

/** What an engine gives its open catalogue. */
export interface CatalogueParts {
  /** The catalogue's folder on this computer: a folder catalogue's own, a team catalogue's cache. */
  paths: CataloguePaths;
  store: CatalogueStore;
  events: CatalogueEvents;
  searchEngine: SearchEngine;
  /** A thumbnail's file on this computer (fetched first where the engine keeps them elsewhere), or null. */
  thumbnailFile(hash: string, size: ThumbnailSize): Promise<string | null>;
  /** Where this computer finds an original recorded as `file` (CatalogueCore.originalFile); the same path if absent. */
  originalFile?(file: string): string;
}

export abstract class OpenCatalogue {
  readonly paths: CataloguePaths;
  /** What changed, for the app and browser mode to push to the renderer (shared/events.ts). */
  readonly events: CatalogueEvents;

  readonly photos: PhotosService;
  readonly collections: CollectionService;
  readonly tags: TagsService;
  readonly history: HistoryService;
  readonly search: CatalogueSearch;
  readonly originals: OriginalsService;
  readonly exchange: ExchangeService;
  readonly exports: ExportsService;
  readonly backups: BackupsService;
  readonly ingest: IngestService;
  /** Requests from the windows (an API call, an image): background duties wait while they come. */
  readonly activity = new PersonActivity();

  readonly #parts: CatalogueParts;
  readonly #originalFile: (file: string) => string;
  readonly #jobs = new JobRunner();
  /** Stopped when the catalogue closes: background work watches it. */
  protected readonly duties = new AbortController();

  protected constructor(parts: CatalogueParts) {
    this.#parts = parts;
    this.#originalFile = parts.originalFile ?? ((file) => file);
    this.paths = parts.paths;
    this.events = parts.events;
    const { store } = parts;
    const core: CatalogueCore = {
      paths: parts.paths,
      store,
      photos: store.photoReads,
      collections: store.collections,
      events: parts.events,
      searchEngine: parts.searchEngine,
      jobs: this.#jobs,
      closing: this.duties.signal,
      activity: this.activity,
      thumbnailFile: (hash, size) => parts.thumbnailFile(hash, size),
      originalFile: this.#originalFile,
      assertWritable: () => this.assertWritable(),
      whenWritable: () => this.whenWritable(),
      edit: async (edits, label, options = {}) => {
        this.assertWritable();
        const changed = await store.applyEdit(edits, label, options);
        return { changed, sidecars: await this.#photosChanged(changed) };
      },
      photosChanged: (ids) => this.#photosChanged(ids),
    };
    this.search = new CatalogueSearch(core);
    this.photos = new PhotosService(core, (query) => this.search.resultIds(query));
    this.collections = new CollectionService(core);
    this.tags = new TagsService(core);
    this.history = new HistoryService(core);
    this.originals = new OriginalsService(core);
    this.exchange = new ExchangeService(core, this.photos);
    this.exports = new ExportsService(core);
    this.backups = new BackupsService(core);
    this.ingest = new IngestService(core);
  }

  /** The catalogue's name, as the window's title shows it. */
  abstract get name(): string;

  /** Where the catalogue is, as the app names it: a folder's path, or a server's address without its password. */
  abstract get location(): string;

  /**
   * Whether edits can be saved: 'checking' for the first moments after opening a folder (its
   * database is checked in the background; edits wait), 'ok', or 'damaged' (read-only, with a message).
   */
  health(): CatalogueHealth {
    return { state: 'ok' };
  }

  /** Resolves once edits can be saved; throws the damaged catalogue's message. */
  async whenWritable(): Promise<void> {}

  /** An engine's own failure said as the catalogue's message (a team's server out of reach), or null. */
  explain(_error: unknown): CatalogueError | null {
    return null;
  }

  /** Throws when edits cannot be saved now. */
  protected assertWritable(): void {}

  /** For long-running hosts (the app, browser mode): what the catalogue does in the background. */
  abstract startBackgroundDuties(options?: { onBackupError?: (error: Error) => void }): void;

  abstract close(): void | Promise<void>;

  /** Stops the services' work: jobs, background duties, events and the search. */
  protected stopServices(): void | Promise<void> {
    this.#jobs.cancelAll();
    this.duties.abort();
    this.events.stop();
    return this.#parts.searchEngine.close();
  }

  /** After photos' fields changed: the search index follows, and sidecars when the setting says so. */
  async #photosChanged(ids: readonly number[]): Promise<SidecarReport | null> {
    if (ids.length === 0) return null;
    this.events.photosChanged(ids);
    this.events.historyChanged();
    const settings = await this.#parts.store.sidecarSettings();
    if (!settings.autoWrite) return null;
    // Beside the originals as this computer reaches them.
    const photos = await this.#parts.store.photoReads.getMany(ids);
    return writeSidecars(photos.map((photo) => ({ ...photo, file: this.#originalFile(photo.file) })), settings.naming);
  }
}
