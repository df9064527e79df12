// Collections in the catalogue database: named, ordered picks. All SQL about collections lives
// here. Every change runs in one transaction and renumbers positions 0..n-1, so the order is
// always a plain sequence (figure = position + 1) whatever was added, moved or removed.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import os from 'node:os';
import path from 'node:path';
import { collectionNameKey, type Collection, type CollectionItem, type CollectionSummary } from '../../../shared/collections.ts';
import { hungarianCollator } from '../../../shared/textFold.ts';
import type { Photo, PhotoSummary } from '../../../shared/types.ts';
import { CatalogueError } from '../catalogueError.ts';
import { inTransaction } from './openDatabase.ts';
import type { PhotoRepository } from './photoRepository.ts';
import { safeFileNamePart } from '../collections/exportNames.ts';
import { statementCache } from './statementCache.ts';

export const MAX_COLLECTION_NAME = 200;
/** As long as a search may be (the API's query limit). */
export const MAX_SMART_QUERY = 1000;

interface CollectionRow {
  id: number;
  name: string;
  count: number;
  updated_at: string;
  query: string | null;
}

interface ItemRow {
  id: number;
  photo_id: number;
  position: number;
  modified: number;
}

export interface StoredItem {
  itemId: number;
  photoId: number;
  position: number;
  modified: boolean;
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
    const photos = this.#summaries(this.#photos.getMany([...new Set(stored.map((i) => i.photoId))]));
    const byId = new Map(photos.map((p) => [p.id, p]));
    const items: CollectionItem[] = [];
    for (const item of stored) {
      const photo = byId.get(item.photoId);
      if (photo) items.push({ itemId: item.itemId, position: item.position, photo, modified: item.modified });
    }
    return { ...summary, items, defaultExportDir: path.join(os.homedir(), 'Fototar exports', safeFileNamePart(summary.name) || `collection-${id}`) };
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
    const summary = this.summary(id);
    // A smart collection's photos are its query's results: nothing is picked into it.
    if (summary.query !== undefined) throw new CatalogueError('invalid-input', 'collectionIsSmart', { name: summary.name });
    const unknown = [...new Set(photoIds)].filter((p) => !this.#photos.get(p));
    if (unknown.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: unknown.join(', ') });
    return this.#changing(() => {
      const current = this.items(id);
      const present = new Set(current.map((i) => i.photoId));
      const duplicates: number[] = [];
      const seenNow = new Set<number>();
      for (const photoId of photoIds) {
        if ((present.has(photoId) || seenNow.has(photoId)) && !duplicates.includes(photoId)) duplicates.push(photoId);
        seenNow.add(photoId);
      }
      const now = new Date().toISOString();
      const insert = this.#prepare('INSERT INTO collection_items (collection_id, photo_id, position, modified, added_at) VALUES (?, ?, ?, 0, ?)');
      const newIds = photoIds.map((photoId) => Number(insert.run(id, photoId, -1, now).lastInsertRowid));
      const order = current.map((i) => i.itemId);
      const where = at === undefined ? order.length : Math.max(0, Math.min(order.length, at));
      order.splice(where, 0, ...newIds);
      this.#renumber(id, order, now);
      return { added: photoIds.length, duplicates };
    });
  }

  /** Removes the given picks (item ids); unknown ones are an error so nothing half-happens. */
  removeItems(id: number, itemIds: readonly number[]): number {
    this.summary(id);
    return this.#changing(() => {
      const current = this.items(id);
      const known = new Set(current.map((i) => i.itemId));
      const unknown = itemIds.filter((i) => !known.has(i));
      if (unknown.length) throw new CatalogueError('not-found', 'pickNotFound', { ids: unknown.join(', ') });
      const drop = new Set(itemIds);
      const remove = this.#prepare('DELETE FROM collection_items WHERE id = ?');
      for (const itemId of drop) remove.run(itemId);
      this.#renumber(id, current.filter((i) => !drop.has(i.itemId)).map((i) => i.itemId), new Date().toISOString());
      return drop.size;
    });
  }

  /** Removes every pick of these photos (the CLI names photos, not picks). */
  removePhotos(id: number, photoIds: readonly number[]): number {
    const wanted = new Set(photoIds);
    const current = this.items(id);
    const missing = [...wanted].filter((p) => !current.some((i) => i.photoId === p));
    if (missing.length) throw new CatalogueError('not-found', 'photoNotInCollection', { ids: missing.join(', ') });
    return this.removeItems(id, current.filter((i) => wanted.has(i.photoId)).map((i) => i.itemId));
  }

  /** Moves one pick to a 0-based position (clamped to the list). */
  move(id: number, itemId: number, position: number): void {
    this.summary(id);
    this.#changing(() => {
      const order = this.items(id).map((i) => i.itemId);
      const from = order.indexOf(itemId);
      if (from < 0) throw new CatalogueError('not-found', 'pickNotFound', { ids: itemId });
      order.splice(from, 1);
      order.splice(Math.max(0, Math.min(order.length, position)), 0, itemId);
      this.#renumber(id, order, new Date().toISOString());
    });
  }

  /** The one pick of a photo, for commands that name photos; two picks of it are ambiguous. */
  itemOfPhoto(id: number, photoId: number): StoredItem {
    const picks = this.items(id).filter((i) => i.photoId === photoId);
    if (picks.length === 0) throw new CatalogueError('not-found', 'photoNotInCollection', { ids: photoId });
    if (picks.length > 1) {
      throw new CatalogueError('invalid-input', 'photoInCollectionTwice', { id: photoId, count: picks.length, figures: picks.map((p) => p.position + 1).join(', ') });
    }
    return picks[0];
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

function toSummary(row: CollectionRow): CollectionSummary {
  const summary: CollectionSummary = { id: row.id, name: row.name, count: Number(row.count), updatedAt: row.updated_at };
  if (row.query !== null) summary.query = row.query;
  return summary;
}

/** A smart collection's query: what the search box takes (shared/searchQuery.ts reads it). */
function checkQuery(query: string): string {
  const clean = query.trim();
  if (!clean) throw new CatalogueError('invalid-input', 'smartCollectionNeedsQuery');
  if (clean.length > MAX_SMART_QUERY) throw new CatalogueError('invalid-input', 'smartCollectionQueryTooLong', { max: MAX_SMART_QUERY });
  if (/[\u0000-\u001f\u007f]/.test(clean)) throw new CatalogueError('invalid-input', 'smartCollectionQueryControl');
  return clean;
}

function checkName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new CatalogueError('invalid-input', 'collectionNeedsName');
  if (clean.length > MAX_COLLECTION_NAME) throw new CatalogueError('invalid-input', 'collectionNameTooLong', { max: MAX_COLLECTION_NAME });
  if (/[\u0000-\u001f\u007f]/.test(clean)) throw new CatalogueError('invalid-input', 'collectionNameControl');
  return clean;
}
