// Collections in the catalogue database: named, ordered picks. All SQLite SQL about collections
// lives here; the rules (names, where picks go, duplicates) are collections/collectionRules.ts's.
// Every change runs in one transaction and renumbers positions 0..n-1, so the order is always a
// plain sequence (figure = position + 1) whatever was added, moved or removed.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { collectionNameKey, type Collection, type CollectionSummary } from '../../../shared/collections.ts';
import { hungarianCollator } from '../../../shared/textFold.ts';
import type { Photo, PhotoSummary } from '../../../shared/types.ts';
import { CatalogueError } from '../catalogueError.ts';
import { inTransaction } from './openDatabase.ts';
import type { PhotoRepository } from './photoRepository.ts';
import { statementCache } from './statementCache.ts';
import {
  checkKnownPicks,
  checkName,
  checkPickable,
  checkQuery,
  collectionOf,
  duplicatesOf,
  orderWithAdded,
  orderWithMoved,
  pickOfPhoto,
  picksOfPhotos,
  toSummary,
  type CollectionRow,
  type StoredItem,
} from '../collections/collectionRules.ts';

export type { StoredItem };

interface ItemRow {
  id: number;
  photo_id: number;
  position: number;
  modified: number;
}

export class CollectionStore {
  readonly #db: DatabaseSync;
  readonly #photos: PhotoRepository;
  readonly #summaries: (photos: Photo[]) => PhotoSummary[];
  readonly #prepare: (sql: string) => StatementSync;
  /** Told after every change, so the open app hears of it (collectionsChanged). */
  readonly #changed: () => void;

  constructor(db: DatabaseSync, photos: PhotoRepository, summaries: (photos: Photo[]) => PhotoSummary[], changed: () => void = () => {}) {
    this.#db = db;
    this.#changed = changed;
    this.#prepare = statementCache(db);
    this.#photos = photos;
    this.#summaries = summaries;
  }

  list(): CollectionSummary[] {
    const rows = this.#prepare(
      `SELECT c.id, c.name, c.updated_at, c.query, (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id) AS count
       FROM collections c`,
    ).all() as unknown as CollectionRow[];
    return rows.map(toSummary).sort((a, b) => hungarianCollator.compare(a.name, b.name));
  }

  summary(id: number): CollectionSummary {
    const row = this.#prepare(
      `SELECT c.id, c.name, c.updated_at, c.query, (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id) AS count
       FROM collections c WHERE c.id = ?`,
    ).get(id) as CollectionRow | undefined;
    if (!row) throw new CatalogueError('not-found', 'collectionNotFound', { id });
    return toSummary(row);
  }

  /** The collection a person named, ignoring case and extra spaces. */
  idByName(name: string): number {
    const row = this.#prepare('SELECT id FROM collections WHERE name_key = ?').get(collectionNameKey(name)) as { id: number } | undefined;
    if (!row) throw new CatalogueError('not-found', 'collectionNameNotFound', { name: name.trim() });
    return row.id;
  }

  get(id: number): Collection {
    const summary = this.summary(id);
    const stored = this.items(id);
    return collectionOf(summary, stored, this.#summaries(this.#photos.getMany([...new Set(stored.map((i) => i.photoId))])));
  }

  items(id: number): StoredItem[] {
    const rows = this.#prepare('SELECT id, photo_id, position, modified FROM collection_items WHERE collection_id = ? ORDER BY position, id').all(
      id,
    ) as unknown as ItemRow[];
    return rows.map((r) => ({ itemId: r.id, photoId: r.photo_id, position: r.position, modified: r.modified !== 0 }));
  }

  /** A collection of picks, or with `query` a smart collection (its photos are the query's results). */
  create(name: string, query?: string): CollectionSummary {
    const clean = checkName(name);
    const saved = query === undefined ? null : checkQuery(query);
    const now = new Date().toISOString();
    try {
      const result = this.#prepare('INSERT INTO collections (name, name_key, created_at, updated_at, query) VALUES (?, ?, ?, ?, ?)').run(
        clean,
        collectionNameKey(clean),
        now,
        now,
        saved,
      );
      this.#changed();
      return this.summary(Number(result.lastInsertRowid));
    } catch (error) {
      if (/UNIQUE/i.test((error as Error).message)) throw new CatalogueError('invalid-input', 'collectionExists', { name: clean });
      throw error;
    }
  }

  rename(id: number, name: string): CollectionSummary {
    this.summary(id);
    const clean = checkName(name);
    try {
      this.#prepare('UPDATE collections SET name = ?, name_key = ?, updated_at = ? WHERE id = ?').run(clean, collectionNameKey(clean), new Date().toISOString(), id);
    } catch (error) {
      if (/UNIQUE/i.test((error as Error).message)) throw new CatalogueError('invalid-input', 'collectionExists', { name: clean });
      throw error;
    }
    this.#changed();
    return this.summary(id);
  }

  delete(id: number): void {
    this.summary(id);
    this.#prepare('DELETE FROM collections WHERE id = ?').run(id);
    this.#changed();
  }

  /**
   * Adds photos (in the order given) at `at` (0-based; default: the end). A photo already in the
   * collection is added again, and its ids come back in `duplicates` so the caller can say so.
   */
  add(id: number, photoIds: readonly number[], at?: number): { added: number; duplicates: number[] } {
    checkPickable(this.summary(id));
    const unknown = [...new Set(photoIds)].filter((p) => !this.#photos.get(p));
    if (unknown.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: unknown.join(', ') });
    return this.#changing(() => {
      const current = this.items(id);
      const duplicates = duplicatesOf(current, photoIds);
      const now = new Date().toISOString();
      const insert = this.#prepare('INSERT INTO collection_items (collection_id, photo_id, position, modified, added_at) VALUES (?, ?, ?, 0, ?)');
      const newIds = photoIds.map((photoId) => Number(insert.run(id, photoId, -1, now).lastInsertRowid));
      this.#renumber(id, orderWithAdded(current, newIds, at), now);
      return { added: photoIds.length, duplicates };
    });
  }

  /** Removes the given picks (item ids); unknown ones are an error so nothing half-happens. */
  removeItems(id: number, itemIds: readonly number[]): number {
    this.summary(id);
    return this.#changing(() => {
      const current = this.items(id);
      const drop = checkKnownPicks(current, itemIds);
      const remove = this.#prepare('DELETE FROM collection_items WHERE id = ?');
      for (const itemId of drop) remove.run(itemId);
      this.#renumber(id, current.filter((i) => !drop.has(i.itemId)).map((i) => i.itemId), new Date().toISOString());
      return drop.size;
    });
  }

  /** Removes every pick of these photos (the CLI names photos, not picks). */
  removePhotos(id: number, photoIds: readonly number[]): number {
    return this.removeItems(id, picksOfPhotos(this.items(id), photoIds));
  }

  /** Moves one pick to a 0-based position (clamped to the list). */
  move(id: number, itemId: number, position: number): void {
    this.summary(id);
    this.#changing(() => {
      this.#renumber(id, orderWithMoved(this.items(id), itemId, position), new Date().toISOString());
    });
  }

  /** The one pick of a photo, for commands that name photos; two picks of it are ambiguous. */
  itemOfPhoto(id: number, photoId: number): StoredItem {
    return pickOfPhoto(this.items(id), photoId);
  }

  setModified(id: number, itemId: number, modified: boolean): void {
    const result = this.#prepare('UPDATE collection_items SET modified = ? WHERE id = ? AND collection_id = ?').run(modified ? 1 : 0, itemId, id);
    if (Number(result.changes) === 0) throw new CatalogueError('not-found', 'pickNotFound', { ids: itemId });
    this.#prepare('UPDATE collections SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    this.#changed();
  }

  /** One transaction, then the change is announced (only once it is committed). */
  #changing<T>(work: () => T): T {
    const result = inTransaction(this.#db, work);
    this.#changed();
    return result;
  }

  #renumber(id: number, order: readonly number[], now: string): void {
    const set = this.#prepare('UPDATE collection_items SET position = ? WHERE id = ?');
    order.forEach((itemId, index) => set.run(index, itemId));
    this.#prepare('UPDATE collections SET updated_at = ? WHERE id = ?').run(now, id);
  }
}
