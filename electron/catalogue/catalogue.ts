// The catalogue: one folder with its database, thumbnails and search index. This class is the
// whole catalogue logic behind the API contract; the CLI, browser mode and Electron's main
// process all drive it unchanged. It never imports electron.
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { CreditFormat, IngestProgress, IngestReport, Photo, PhotoPatch, PhotoSummary, SearchResult } from '../../shared/types.ts';
import { creditList } from '../../shared/credit.ts';
import { parseEdtf } from '../../shared/edtf.ts';
import { parseSearchQuery } from '../../shared/searchQuery.ts';
import type { ImageSize } from '../../shared/api.ts';
import { cataloguePaths, thumbnailPath, type CataloguePaths } from './cataloguePaths.ts';
import { CatalogueError } from './catalogueError.ts';
import { inTransaction, openDatabase } from './store/openDatabase.ts';
import { photoToSummary, PhotoRepository } from './store/photoRepository.ts';
import { PhotoSearchIndex, type RankedHit } from './search/photoSearchIndex.ts';
import { idleProgress, runIngest, type IngestOptions } from './ingest/ingestRunner.ts';

export interface OpenOptions {
  /** Create the folder and database when they do not exist (ingest does; other commands do not). */
  create?: boolean;
}

export class Catalogue {
  readonly paths: CataloguePaths;
  readonly db: DatabaseSync;
  readonly photos: PhotoRepository;
  #search: PhotoSearchIndex | null = null;
  #lastSearch: { query: string; hits: RankedHit[] } | null = null;
  #ingest: { controller: AbortController; progress: IngestProgress; done: Promise<IngestReport | null> } | null = null;
  #lastIngest: IngestProgress = idleProgress();

  private constructor(paths: CataloguePaths, db: DatabaseSync) {
    this.paths = paths;
    this.db = db;
    this.photos = new PhotoRepository(db);
  }

  static open(directory: string, options: OpenOptions = {}): Catalogue {
    const paths = cataloguePaths(directory);
    if (!fs.existsSync(paths.database)) {
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
    }
    return new Catalogue(paths, openDatabase(paths.database));
  }

  get name(): string {
    return path.basename(this.paths.root);
  }

  close(): void {
    this.#ingest?.controller.abort();
    if (this.db.isOpen) this.db.close();
  }

  // --- photos -------------------------------------------------------------------------------

  getPhoto(id: number): Photo {
    const photo = this.photos.get(id);
    if (!photo) throw new CatalogueError('not-found', `No photo with id ${id} in this catalogue.`);
    return photo;
  }

  summaries(photos: Photo[]): PhotoSummary[] {
    return photos.map((photo) => photoToSummary(photo, this.photos.thumbVersion(photo.id) ?? ''));
  }

  listPhotos(offset: number, limit: number): { total: number; photos: PhotoSummary[] } {
    return { total: this.photos.count(), photos: this.summaries(this.photos.page(offset, limit)) };
  }

  /** Saves one patch to every photo in one transaction: all are saved, or none and an error. */
  updatePhotos(ids: readonly number[], patch: PhotoPatch): Photo[] {
    if (patch.date !== undefined) {
      const parsed = parseEdtf(patch.date);
      if (!parsed.ok) throw new CatalogueError('invalid-input', `Date not saved: ${parsed.error}`);
    }
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.photos.get(id));
    if (missing.length) throw new CatalogueError('not-found', `No photo with id ${missing.join(', ')} in this catalogue.`);
    try {
      inTransaction(this.db, () => this.photos.patch(unique, patch, new Date().toISOString()));
    } catch (error) {
      throw new CatalogueError('not-saved', `The edit was not saved: ${(error as Error).message}`);
    }
    const photos = this.photos.getMany(unique);
    this.#searchIndex().upsert(photos);
    this.#lastSearch = null;
    return photos;
  }

  // --- search -------------------------------------------------------------------------------

  #searchIndex(): PhotoSearchIndex {
    this.#search ??= new PhotoSearchIndex(this.photos.iterateAll());
    return this.#search;
  }

  search(query: string, offset: number, limit: number): SearchResult {
    const trimmed = query.trim();
    if (!trimmed) {
      const { total, photos } = this.listPhotos(offset, limit);
      return { total, hits: photos.map((p) => ({ ...p, score: 0 })), error: null };
    }
    let hits = this.#lastSearch?.query === query ? this.#lastSearch.hits : null;
    if (!hits) {
      const parsed = parseSearchQuery(query);
      if (!parsed.ok) return { total: 0, hits: [], error: parsed.error };
      hits = this.#searchIndex().search(parsed.clauses);
      this.#lastSearch = { query, hits };
    }
    const page = hits.slice(offset, offset + limit);
    const photos = this.photos.getMany(page.map((h) => h.id));
    const summaries = this.summaries(photos);
    return { total: hits.length, hits: summaries.map((s, i) => ({ ...s, score: page[i]?.score ?? 0 })), error: null };
  }

  // --- ingest -------------------------------------------------------------------------------

  /** Runs an ingest to the end (the CLI's way). */
  async ingest(inputs: readonly string[], options: Omit<IngestOptions, 'onProgress'> & { onProgress?: IngestOptions['onProgress'] } = {}): Promise<IngestReport> {
    if (this.#ingest) throw new CatalogueError('busy', 'An ingest is already running in this catalogue.');
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const state = { controller, progress: idleProgress(), done: Promise.resolve<IngestReport | null>(null) };
    this.#ingest = state;
    try {
      return await runIngest(
        {
          db: this.db,
          photos: this.photos,
          catalogueRoot: this.paths.root,
          onPhotosChanged: (ids) => {
            if (this.#search) this.#search.upsert(this.photos.getMany(ids));
            this.#lastSearch = null;
          },
        },
        inputs,
        {
          ...options,
          signal: controller.signal,
          onProgress: (progress) => {
            state.progress = progress;
            this.#lastIngest = progress;
            options.onProgress?.(progress);
          },
        },
      );
    } finally {
      this.#ingest = null;
    }
  }

  /** Starts an ingest in the background (the UI's way); progress is polled. */
  startIngest(inputs: readonly string[]): IngestProgress {
    if (this.#ingest) throw new CatalogueError('busy', 'An ingest is already running; wait for it or cancel it first.');
    this.#lastIngest = { ...idleProgress(), state: 'scanning' };
    this.ingest(inputs).catch((error: Error) => {
      this.#lastIngest = { ...this.#lastIngest, state: 'failed', error: error.message };
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

  /** The thumbnail file for a photo, always inside this catalogue's folder, or null. */
  imageFile(id: number, size: ImageSize): string | null {
    const entry = this.photos.hashOf(id);
    if (!entry || entry.previewError) return null;
    const file = thumbnailPath(this.paths, entry.hash, size);
    return fs.existsSync(file) ? file : null;
  }
}
