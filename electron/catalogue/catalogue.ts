// The catalogue: one folder with its database, thumbnails and search index. This class is the
// whole catalogue logic behind the API contract; the CLI, browser mode and Electron's main
// process all drive it unchanged. It never imports electron.
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { CreditFormat, IngestProgress, IngestReport, Photo, PhotoPatch, PhotoSummary, SearchResult } from '../../shared/types.ts';
import { creditList } from '../../shared/creditStyles.ts';
import type { HistoryState, UndoResult } from '../../shared/editHistory.ts';
import type { SidecarReport } from '../../shared/sidecars.ts';
import { parseSearchQuery } from '../../shared/searchQuery.ts';
import type { ImageSize } from '../../shared/api.ts';
import { cataloguePaths, thumbnailPath, type CataloguePaths } from './cataloguePaths.ts';
import { CatalogueError } from './catalogueError.ts';
import { inTransaction, openDatabase } from './store/openDatabase.ts';
import { acquireCatalogueLock, type CatalogueLock } from './store/catalogueLock.ts';
import { listBackups, startAutomaticBackups, type AutomaticBackups } from './store/catalogueBackup.ts';
import { removeLeftovers } from './store/catalogueLeftovers.ts';
import { createDatabaseFile } from './store/createDatabase.ts';
import { HealthMonitor } from './store/healthMonitor.ts';
import type { CatalogueHealth } from '../../shared/catalogueHealth.ts';
import { checkOriginals, relinkOriginal, watchOriginals, type OriginalsReport } from './originals/originalFiles.ts';
import { PhotoRepository } from './store/photoRepository.ts';
import { photoSummary } from '../../shared/photoSummary.ts';
import { SearchService } from './search/searchService.ts';
import type { SearchStatus } from './search/searchWorker.ts';
import type { SearchFacets } from '../../shared/searchFacets.ts';
import { idleProgress, runIngest, type IngestOptions } from './ingest/ingestRunner.ts';
import { applyRecordedEdit, type PlannedEdit } from './editing/recordedEdit.ts';
import { EditHistory } from './editing/editHistory.ts';
import { readSidecarSettings } from './store/sidecarSettings.ts';
import { writeSidecars } from './sidecars/xmpSidecar.ts';
import { recoverInterruptedExports } from './collections/exportPublish.ts';
import { CatalogueEvents } from './events/catalogueEvents.ts';
import { throttle } from './events/throttle.ts';

/** How often an ingest tells the UI about photos it added (progress: five times as often). */
const INGEST_EVENT_MS = 500;

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

export class Catalogue {
  readonly paths: CataloguePaths;
  readonly db: DatabaseSync;
  readonly photos: PhotoRepository;
  /** The search index lives in a worker thread; edits reach it through the search_changes log. */
  readonly #search: SearchService;
  #ingest: { controller: AbortController; progress: IngestProgress; done: Promise<IngestReport | null> } | null = null;
  #lastIngest: IngestProgress = idleProgress();
  #lock: CatalogueLock | null = null;
  readonly #duties = new AbortController();
  /** The background check of a writable catalogue (null when opened read-only: nothing to guard). */
  #health: HealthMonitor | null = null;
  #backups: AutomaticBackups | null = null;
  /** What changed, for the app and browser mode to push to the renderer (shared/events.ts). */
  readonly events: CatalogueEvents;

  private constructor(paths: CataloguePaths, db: DatabaseSync) {
    this.paths = paths;
    this.db = db;
    this.photos = new PhotoRepository(db);
    this.events = new CatalogueEvents(db);
    this.#search = new SearchService(paths);
  }

  static open(directory: string, options: OpenOptions = {}): Catalogue {
    const paths = cataloguePaths(directory);
    const size = fileSize(paths.database);
    if (size === null) {
      if (!options.create) {
        throw new CatalogueError(
          'catalogue-missing',
          `No catalogue at ${paths.root}: create one with "fototar ingest <folder> --catalogue ${directory}".`,
        );
      }
      try {
        fs.mkdirSync(paths.thumbnails, { recursive: true });
      } catch (error) {
        throw new CatalogueError('catalogue-unreadable', `Cannot create the catalogue folder ${paths.root}: ${(error as Error).message}`);
      }
    } else if (size === 0 && !(options.create && listBackups(paths).length === 0)) {
      // An empty file where a catalogue was is a truncated one (or one never finished): making a
      // new catalogue over it would hide the loss. A brand-new folder (no backups) is begun again.
      throw new CatalogueError(
        'catalogue-corrupt',
        `The catalogue database ${paths.database} is empty (0 bytes): it was cut short. Restore a backup with "fototar restore latest --catalogue ${paths.root}", or delete the file to start a new catalogue.`,
      );
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
      const catalogue = new Catalogue(paths, openDatabase(paths.database));
      catalogue.#lock = lock;
      // An export this catalogue was publishing when the process died is rolled back now.
      recoverInterruptedExports(paths.root);
      catalogue.#health = new HealthMonitor(catalogue.db, paths);
      return catalogue;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Whether edits can be saved: 'checking' for the first moments after opening (the database is
   * checked in the background; edits wait), 'ok', or 'damaged' (read-only, with a message).
   */
  health(): CatalogueHealth {
    return this.#health?.health() ?? { state: 'ok' };
  }

  /** Resolves once the opening check has passed; throws the damaged catalogue's message. */
  async whenWritable(): Promise<void> {
    await this.#health?.whenWritable();
  }

  get name(): string {
    return path.basename(this.paths.root);
  }

  close(): void {
    this.#ingest?.controller.abort();
    this.#duties.abort();
    this.events.stop();
    this.#search.close();
    this.#health?.stop();
    // A long-running host's last copy: anything saved since the last backup is in one.
    if (this.#backups && this.health().state === 'ok') this.#backups.backupOnClose();
    this.#backups = null;
    if (this.db.isOpen) this.db.close();
    this.#lock?.release();
    this.#lock = null;
  }

  // --- photos -------------------------------------------------------------------------------

  getPhoto(id: number): Photo {
    const photo = this.photos.get(id);
    if (!photo) throw new CatalogueError('not-found', `No photo with id ${id} in this catalogue.`);
    return photo;
  }

  summaries(photos: Photo[]): PhotoSummary[] {
    return photos.map(photoSummary);
  }

  listPhotos(offset: number, limit: number): { total: number; photos: PhotoSummary[] } {
    return { total: this.photos.count(), photos: this.summaries(this.photos.page(offset, limit)) };
  }

  /**
   * Saves one patch to every photo in one transaction: all are saved, or none and an error.
   * The edit is one undoable step (see editing/recordedEdit.ts).
   */
  updatePhotos(ids: readonly number[], patch: PhotoPatch, options: { coalesce?: boolean } = {}): Photo[] {
    this.#health?.assertWritable();
    const unique = [...new Set(ids)];
    const changed = applyRecordedEdit(this.db, this.photos, unique.map((id) => ({ id, patch })), undefined, options);
    this.photosChanged(changed);
    return this.photos.getMany(unique);
  }

  /** Edits that differ per photo (tag rename, CSV import) as one undoable step. */
  applyEdits(edits: readonly PlannedEdit[], label?: string): number[] {
    this.#health?.assertWritable();
    const changed = applyRecordedEdit(this.db, this.photos, edits, label);
    this.photosChanged(changed);
    return changed;
  }

  /** After photos' fields changed: the search index follows, and sidecars when the setting says so. */
  photosChanged(ids: readonly number[]): SidecarReport | null {
    if (ids.length === 0) return null;
    this.events.photosChanged(ids);
    this.events.emit({ type: 'historyChanged' });
    const settings = readSidecarSettings(this.db);
    if (!settings.autoWrite) return null;
    this.lastSidecarReport = writeSidecars(this.photos.getMany(ids), settings.naming);
    return this.lastSidecarReport;
  }

  /** What the last automatic sidecar write did, so the UI can say when one was not written. */
  lastSidecarReport: SidecarReport | null = null;

  undo(): UndoResult {
    return this.#step((history, now) => history.undo(now));
  }

  redo(): UndoResult {
    return this.#step((history, now) => history.redo(now));
  }

  historyState(): HistoryState {
    return new EditHistory(this.db, this.photos).state();
  }

  #step(run: (history: EditHistory, now: string) => { label: string; ids: number[] } | null): UndoResult {
    this.#health?.assertWritable();
    const history = new EditHistory(this.db, this.photos);
    let done: { label: string; ids: number[] } | null;
    try {
      done = inTransaction(this.db, () => run(history, new Date().toISOString()));
    } catch (error) {
      throw new CatalogueError('not-saved', `Undo/redo was not saved: ${(error as Error).message}`);
    }
    if (done) this.photosChanged(done.ids);
    return { label: done?.label ?? null, photos: done ? this.photos.getMany(done.ids) : [], history: history.state() };
  }

  // --- search -------------------------------------------------------------------------------

  /** Starts loading the search index in its worker without waiting (the UI calls this at open). */
  prepareSearch(): void {
    this.#search.start();
  }

  /**
   * One page of a query's hits, best first. Runs in the search worker; a newer query text
   * rejects this one with CatalogueError 'search-cancelled'. Edits are searchable at once.
   */
  async search(query: string, offset: number, limit: number): Promise<SearchResult> {
    const trimmed = query.trim();
    if (!trimmed) {
      const { total, photos } = this.listPhotos(offset, limit);
      return { total, hits: photos.map((p) => ({ ...p, score: 0 })), error: null };
    }
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) return { total: 0, hits: [], error: parsed.error };
    const page = await this.#search.search(query, offset, limit);
    const photos = this.photos.getMany(page.ids);
    const rank = new Map(page.ids.map((id, i) => [id, i]));
    // A photo deleted between the worker's answer and this read is left out. The score is the
    // rank counted from the end (higher is better): the worker ranks, the page only orders.
    const hits = this.summaries(photos).map((s) => ({ ...s, score: page.total - offset - (rank.get(s.id) ?? 0) }));
    return page.suggestion ? { total: page.total, hits, error: null, suggestion: page.suggestion } : { total: page.total, hits, error: null };
  }

  /** Ids of a query's results [offset, offset + limit) in the grid's order, and their total. */
  async resultIds(query: string, offset = 0, limit = Number.MAX_SAFE_INTEGER): Promise<{ total: number; ids: number[] }> {
    if (!query.trim()) return { total: this.photos.count(), ids: this.photos.idPage(offset, limit) };
    if (!parseSearchQuery(query).ok) return { total: 0, ids: [] };
    return this.#search.ids(query, offset, Math.min(limit, 2 ** 31 - 1));
  }

  /** How long the search index file took to read at open, in milliseconds (for the benchmark). */
  get searchReadMs(): number {
    return this.#search.readMs;
  }

  /** What the search worker holds: photos, base and delta sizes, whether it had to build. */
  searchStatus(): Promise<SearchStatus> {
    return this.#search.status();
  }

  /** Counts per year, donor, place and tag over all hits of a query (see shared/searchFacets.ts). */
  async searchFacets(query: string): Promise<SearchFacets> {
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) {
      return { total: 0, years: [], undated: 0, donors: [], donorCount: 0, places: [], placeCount: 0, tags: [], tagCount: 0, error: parsed.error };
    }
    return { ...(await this.#search.facets(query)), error: null };
  }

  // --- ingest -------------------------------------------------------------------------------

  /** Runs an ingest to the end (the CLI's way). */
  async ingest(inputs: readonly string[], options: Omit<IngestOptions, 'onProgress'> & { onProgress?: IngestOptions['onProgress'] } = {}): Promise<IngestReport> {
    if (this.#ingest) throw new CatalogueError('busy', 'An ingest is already running in this catalogue.');
    await this.whenWritable();
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const state = { controller, progress: idleProgress(), done: Promise.resolve<IngestReport | null>(null) };
    this.#ingest = state;
    let added: number[] = [];
    const announceAdded = throttle(INGEST_EVENT_MS, () => {
      if (!added.length) return;
      this.events.photosChanged(added);
      added = [];
    });
    const announceProgress = throttle(INGEST_EVENT_MS / 5, () => this.events.emit({ type: 'ingestProgress', progress: this.#lastIngest }));
    try {
      return await runIngest(
        {
          db: this.db,
          photos: this.photos,
          catalogueRoot: this.paths.root,
          // The search index follows ingested photos through the search_changes log; the UI
          // hears of them a few times a second, not once per small transaction.
          onPhotosChanged: (ids) => {
            added.push(...ids);
            announceAdded();
          },
        },
        inputs,
        {
          ...options,
          signal: controller.signal,
          onProgress: (progress) => {
            state.progress = progress;
            const stateChanged = progress.state !== this.#lastIngest.state;
            this.#lastIngest = progress;
            if (stateChanged) announceProgress.now();
            else announceProgress();
            options.onProgress?.(progress);
          },
        },
      );
    } finally {
      this.#ingest = null;
      announceAdded.now();
      announceProgress.now();
    }
  }

  /** Starts an ingest in the background (the UI's way); progress is polled. */
  startIngest(inputs: readonly string[]): IngestProgress {
    if (this.#ingest) throw new CatalogueError('busy', 'An ingest is already running; wait for it or cancel it first.');
    this.#lastIngest = { ...idleProgress(), state: 'scanning' };
    this.events.emit({ type: 'ingestProgress', progress: this.#lastIngest });
    this.ingest(inputs).catch((error: Error) => {
      this.#lastIngest = { ...this.#lastIngest, state: 'failed', error: error.message };
      this.events.emit({ type: 'ingestProgress', progress: this.#lastIngest });
    });
    return this.#lastIngest;
  }

  ingestProgress(): IngestProgress {
    return this.#lastIngest;
  }

  cancelIngest(): IngestProgress {
    this.#ingest?.controller.abort();
    return this.#lastIngest;
  }

  // --- credits and images -------------------------------------------------------------------

  creditList(ids: readonly number[], format: CreditFormat): string {
    const photos = this.photos.getMany(ids);
    const found = new Set(photos.map((p) => p.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new CatalogueError('not-found', `No photo with id ${missing.join(', ')} in this catalogue.`);
    return creditList(photos, format);
  }

  // --- originals and backups (originals/originalFiles.ts, store/catalogueBackup.ts) ---------

  /** Stats every original and marks the missing ones (and the found-again ones). */
  async checkOriginals(): Promise<OriginalsReport> {
    await this.whenWritable();
    const report = await checkOriginals(this.db, { signal: this.#duties.signal });
    this.events.photosChanged(report.changed);
    return report;
  }

  /** Points a photo at its moved original (same content), keeping all its metadata. */
  async relinkPhoto(id: number, file: string): Promise<Photo> {
    await this.whenWritable();
    await relinkOriginal(this.db, this.photos, id, file);
    this.events.photosChanged([id]);
    return this.getPhoto(id);
  }

  /**
   * For long-running hosts (the app, browser mode), once the opening check has passed: a database
   * backup at once when the last is over 6 hours old, then every 6 hours, and at close when
   * anything changed; originals checked on open and every 10 minutes.
   */
  startBackgroundDuties(options: { onBackupError?: (error: Error) => void } = {}): void {
    const start = () => {
      if (this.#duties.signal.aborted || !this.db.isOpen) return;
      this.#backups = startAutomaticBackups(this.db, this.paths, { onError: options.onBackupError });
      const backups = this.#backups;
      const stopWatch = watchOriginals(() => this.checkOriginals());
      this.#duties.signal.addEventListener('abort', () => {
        backups.stop();
        stopWatch();
      });
    };
    // A damaged catalogue is neither backed up (over a good backup) nor written to.
    this.whenWritable().then(start, (error: Error) => options.onBackupError?.(error));
  }

  /** The thumbnail file for a photo, always inside this catalogue's folder, or null. */
  imageFile(id: number, size: ImageSize): string | null {
    const entry = this.photos.hashOf(id);
    if (!entry || entry.previewError) return null;
    const file = thumbnailPath(this.paths, entry.hash, size);
    return fs.existsSync(file) ? file : null;
  }
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
