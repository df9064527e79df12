// What the collection service asks of a catalogue's collections (named, ordered picks of photos,
// or a smart collection's query): an interface with promises, as PhotoReads and CatalogueStore
// are, so another engine can stand where SQLite stands. SqliteCollectionRecords answers from
// CollectionStore (collectionStore.ts), where the folder catalogue's SQL about collections lives.
import type { Collection, CollectionSummary } from '../../../shared/collections.ts';
import type { CollectionStore, StoredItem } from './collectionStore.ts';

export interface CollectionRecords {
  /** Every collection, in Hungarian alphabetical order. */
  list(): Promise<CollectionSummary[]>;
  /** One collection's name and count; 'not-found' when there is none. */
  summary(id: number): Promise<CollectionSummary>;
  idByName(name: string): Promise<number>;
  /** A collection with its picks in order, each with its photo's card. */
  get(id: number): Promise<Collection>;
  items(id: number): Promise<StoredItem[]>;
  create(name: string, query?: string): Promise<CollectionSummary>;
  rename(id: number, name: string): Promise<CollectionSummary>;
  delete(id: number): Promise<void>;
  /** Adds photos (in the order given) at `at` (default: the end); a photo already there is not added again. */
  add(id: number, photoIds: readonly number[], at?: number): Promise<{ added: number; duplicates: number[] }>;
  removeItems(id: number, itemIds: readonly number[]): Promise<number>;
  removePhotos(id: number, photoIds: readonly number[]): Promise<number>;
  move(id: number, itemId: number, position: number): Promise<void>;
  itemOfPhoto(id: number, photoId: number): Promise<StoredItem>;
  setModified(id: number, itemId: number, modified: boolean): Promise<void>;
}

/** The single-user catalogue's collections: CollectionStore's answers, as promises. */
export class SqliteCollectionRecords implements CollectionRecords {
  readonly #store: CollectionStore;

  constructor(store: CollectionStore) {
    this.#store = store;
  }

  async list() {
    return this.#store.list();
  }
  async summary(id: number) {
    return this.#store.summary(id);
  }
  async idByName(name: string) {
    return this.#store.idByName(name);
  }
  async get(id: number) {
    return this.#store.get(id);
  }
  async items(id: number) {
    return this.#store.items(id);
  }
  async create(name: string, query?: string) {
    return this.#store.create(name, query);
  }
  async rename(id: number, name: string) {
    return this.#store.rename(id, name);
  }
  async delete(id: number) {
    this.#store.delete(id);
  }
  async add(id: number, photoIds: readonly number[], at?: number) {
    return this.#store.add(id, photoIds, at);
  }
  async removeItems(id: number, itemIds: readonly number[]) {
    return this.#store.removeItems(id, itemIds);
  }
  async removePhotos(id: number, photoIds: readonly number[]) {
    return this.#store.removePhotos(id, photoIds);
  }
  async move(id: number, itemId: number, position: number) {
    this.#store.move(id, itemId, position);
  }
  async itemOfPhoto(id: number, photoId: number) {
    return this.#store.itemOfPhoto(id, photoId);
  }
  async setModified(id: number, itemId: number, modified: boolean) {
    this.#store.setModified(id, itemId, modified);
  }
}
