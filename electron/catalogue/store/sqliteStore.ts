// The single-user catalogue's store: one SQLite file, read and written synchronously through
// node:sqlite, behind CatalogueStore's promises (catalogueStore.ts). Each method is what a
// service used to do with the connection itself.
import type { DatabaseSync } from 'node:sqlite';
import type { HistoryState, PhotoHistoryEntry } from '../../../shared/editHistory.ts';
import type { PhotoSort } from '../../../shared/photoSort.ts';
import type { SidecarSettings } from '../../../shared/sidecars.ts';
import type { TurnRequest } from '../../../shared/orientation.ts';
import { CatalogueError } from '../catalogueError.ts';
import { applyRecordedEdit, type PlannedEdit } from '../editing/recordedEdit.ts';
import { applyTurnEdit } from '../editing/turnEdit.ts';
import { EditHistory } from '../editing/editHistory.ts';
import { photoHistoryOfSteps } from '../editing/photoHistory.ts';
import { HistoryRepository } from './historyRepository.ts';
import type { CataloguePaths } from '../cataloguePaths.ts';
import { makeBackup, startAutomaticBackups, type AutomaticBackups, type BackupInfo } from './catalogueBackup.ts';
import type { CatalogueStore, HistoryStep } from './catalogueStore.ts';
import type { CollectionStore } from './collectionStore.ts';
import { readFieldValues } from './fieldValues.ts';
import { folderCounts, photosInFolder } from './folderQueries.ts';
import { inTransaction } from './openDatabase.ts';
import type { PhotoRepository } from './photoRepository.ts';
import { readSidecarSettings, writeSidecarSettings } from './sidecarSettings.ts';
import { readSortSetting, writeSortSetting } from './sortSetting.ts';
import { SqlitePhotoReads, type PhotoReads } from './photoReads.ts';
import { SqliteOriginalsRecords, type OriginalsRecords } from './originalsRecords.ts';
import { SqliteCollectionRecords, type CollectionRecords } from './collectionRecords.ts';
import { runIngest, type IngestOptions } from '../ingest/ingestRunner.ts';
import type { IngestTarget } from './catalogueStore.ts';
import type { IngestReport } from '../../../shared/types.ts';

export class SqliteStore implements CatalogueStore {
  /** The photos' rows as such, synchronous: for this store's transactions, an ingest, tests and benchmarks. */
  readonly photos: PhotoRepository;
  readonly photoReads: PhotoReads;
  readonly originals: OriginalsRecords;
  readonly collections: CollectionRecords;
  readonly #db: DatabaseSync;
  readonly #paths: CataloguePaths;

  constructor(db: DatabaseSync, paths: CataloguePaths, photos: PhotoRepository, collections: CollectionStore) {
    this.#db = db;
    this.#paths = paths;
    this.photos = photos;
    this.photoReads = new SqlitePhotoReads(photos);
    this.originals = new SqliteOriginalsRecords(photos);
    this.collections = new SqliteCollectionRecords(collections);
  }

  async applyEdit(edits: readonly PlannedEdit[], label?: string, options: { coalesce?: boolean } = {}): Promise<number[]> {
    return applyRecordedEdit(this.#db, this.photos, edits, label, options);
  }

  async turn(ids: readonly number[], request: TurnRequest): Promise<number[]> {
    return applyTurnEdit(this.#db, this.photos, ids, request);
  }

  async undo(): Promise<HistoryStep> {
    return this.#step((history, now) => history.undo(now));
  }

  async redo(): Promise<HistoryStep> {
    return this.#step((history, now) => history.redo(now));
  }

  /** Read at once (not a promise): events carry it as they are sent, in the order of the writes. */
  historyStateNow(): HistoryState {
    return new EditHistory(this.#db, this.photos).state();
  }

  async historyState(): Promise<HistoryState> {
    return this.historyStateNow();
  }

  async photoHistory(id: number): Promise<PhotoHistoryEntry[]> {
    return photoHistoryOfSteps(new HistoryRepository(this.#db).newestFirst(), id);
  }

  #step(run: (history: EditHistory, now: string) => HistoryStep): HistoryStep {
    const history = new EditHistory(this.#db, this.photos);
    try {
      return inTransaction(this.#db, () => run(history, new Date().toISOString()));
    } catch (error) {
      throw new CatalogueError('not-saved', 'undoNotSaved', { reason: (error as Error).message });
    }
  }

  async sort(): Promise<PhotoSort> {
    return readSortSetting(this.#db);
  }

  async setSort(sort: PhotoSort): Promise<PhotoSort> {
    return writeSortSetting(this.#db, sort);
  }

  async sidecarSettings(): Promise<SidecarSettings> {
    return readSidecarSettings(this.#db);
  }

  async setSidecarSettings(settings: Partial<SidecarSettings>): Promise<SidecarSettings> {
    return writeSidecarSettings(this.#db, settings);
  }

  async folderCounts(): Promise<{ folder: string; count: number }[]> {
    return folderCounts(this.#db);
  }

  async photosInFolder(key: string): Promise<{ id: number; file: string; hash: string; fileSize: number }[]> {
    return photosInFolder(this.#db, key);
  }

  fieldValues(columns: readonly string[], limit: number): Promise<Record<string, string[]>> {
    return readFieldValues(this.#db, this.#paths.database, columns, limit);
  }

  backup(options: { keep?: number; label?: string } = {}): Promise<BackupInfo> {
    return makeBackup(this.#db, this.#paths, options);
  }

  startAutomaticBackups(options: { onError?: (error: Error) => void; beforeBackup?: () => Promise<void> }): AutomaticBackups {
    return startAutomaticBackups(this.#db, this.#paths, options);
  }

  ingest(context: IngestTarget, inputs: readonly string[], options: IngestOptions): Promise<IngestReport> {
    return runIngest({ db: this.#db, photos: this.photos, ...context }, inputs, options);
  }
}
