// What the services read of a catalogue's photos: one photo, pages in any sort order, id lists,
// what a selection shares, tags, files. An interface with promises, so an engine that answers
// over a connection (PostgreSQL, for a team) can stand where SQLite stands, as CatalogueStore
// does for writes. SqlitePhotoReads answers from PhotoRepository (photoRepository.ts), which
// stays synchronous: SQLite's own edit paths read it inside their transactions.
import type { EditableField, EditablePhoto, Photo, PhotoSummary } from '../../../shared/types.ts';
import type { SortDirection, SortField } from '../../../shared/photoSort.ts';
import type { MarkFilter } from '../../../shared/photoMarks.ts';
import type { PhotoRepository, PhotoScope } from './photoRepository.ts';

/** A row of `fototar list`: what names a photo, without the rest of it. */
export interface ListedPhoto {
  id: number;
  file: string;
  fortepanId: number | null;
  title: string;
}

export interface PhotoReads {
  /** Changes whenever anything in the catalogue was written (by this client or another). */
  writeStamp(): Promise<string>;
  count(): Promise<number>;
  get(id: number): Promise<Photo | null>;
  /** The photos of these ids that exist, in the order given. */
  getMany(ids: readonly number[]): Promise<Photo[]>;
  editableMany(ids: readonly number[]): Promise<EditablePhoto[]>;
  /** The grid's cards of these ids that exist, in the order given. */
  summaries(ids: readonly number[]): Promise<PhotoSummary[]>;
  /** A page of cards in the order photos were added. */
  summaryPage(offset: number, limit: number): Promise<PhotoSummary[]>;
  sortedSummaryPage(field: SortField, direction: SortDirection, offset: number, limit: number): Promise<PhotoSummary[]>;
  idPage(offset: number, limit: number): Promise<number[]>;
  sortedIdPage(field: SortField, direction: SortDirection, offset: number, limit: number): Promise<number[]>;
  /** Every photo id, in id order. */
  ids(): Promise<number[]>;
  /** Every photo, a page at a time. */
  iterateAll(): AsyncGenerator<Photo>;
  listed(sort?: { field: SortField; direction: SortDirection }, marks?: MarkFilter): Promise<ListedPhoto[]>;
  /** The thumbnail's content hash and why there is no preview (null: there is one). */
  hashOf(id: number): Promise<{ hash: string; previewError: string | null } | null>;
  /** Every original's path. */
  files(): Promise<string[]>;
  /** The photos whose original is marked missing, in id order. */
  missingFiles(): Promise<{ id: number; file: string }[]>;
  /** Each tag as spelled, with the photos holding it. */
  tagSpellingCounts(): Promise<{ tag: string; count: number }[]>;
  /** Every photo with tags, and its tags. */
  taggedPhotos(): Promise<{ id: number; tags: string[] }[]>;
  /** How many photos the scope holds, and per field the least and greatest value among them. */
  fieldRanges(scope: PhotoScope, fields: readonly EditableField[]): Promise<{ count: number; ranges: Map<EditableField, [string | null, string | null]> }>;
  /** The tag list of each photo in the scope. */
  tagListsOf(scope: PhotoScope): AsyncGenerator<string[]>;
}

/** The single-user catalogue's reads: PhotoRepository's answers, as promises. */
export class SqlitePhotoReads implements PhotoReads {
  readonly #photos: PhotoRepository;

  constructor(photos: PhotoRepository) {
    this.#photos = photos;
  }

  async writeStamp() {
    return this.#photos.writeStamp();
  }
  async count() {
    return this.#photos.count();
  }
  async get(id: number) {
    return this.#photos.get(id);
  }
  async getMany(ids: readonly number[]) {
    return this.#photos.getMany(ids);
  }
  async editableMany(ids: readonly number[]) {
    return this.#photos.editableMany(ids);
  }
  async summaries(ids: readonly number[]) {
    return this.#photos.summaries(ids);
  }
  async summaryPage(offset: number, limit: number) {
    return this.#photos.summaryPage(offset, limit);
  }
  async sortedSummaryPage(field: SortField, direction: SortDirection, offset: number, limit: number) {
    return this.#photos.sortedSummaryPage(field, direction, offset, limit);
  }
  async idPage(offset: number, limit: number) {
    return this.#photos.idPage(offset, limit);
  }
  async sortedIdPage(field: SortField, direction: SortDirection, offset: number, limit: number) {
    return this.#photos.sortedIdPage(field, direction, offset, limit);
  }
  async ids() {
    return this.#photos.ids();
  }
  async *iterateAll() {
    yield* this.#photos.iterateAll();
  }
  async listed(sort?: { field: SortField; direction: SortDirection }, marks?: MarkFilter) {
    return this.#photos.listed(sort, marks);
  }
  async hashOf(id: number) {
    return this.#photos.hashOf(id);
  }
  async files() {
    return this.#photos.files();
  }
  async missingFiles() {
    return this.#photos.missingFiles();
  }
  async tagSpellingCounts() {
    return this.#photos.tagSpellingCounts();
  }
  async taggedPhotos() {
    return this.#photos.taggedPhotos();
  }
  async fieldRanges(scope: PhotoScope, fields: readonly EditableField[]) {
    return this.#photos.fieldRanges(scope, fields);
  }
  async *tagListsOf(scope: PhotoScope) {
    yield* this.#photos.tagListsOf(scope);
  }
}
