// The rules of collections that do not depend on where they are kept: a name and a smart
// collection's query as they may be saved, what a stored row says, where picks go when photos
// are added or a pick is moved, which photos are picked twice, and a collection as the UI shows
// it. Each engine's store (store/collectionStore.ts for SQLite, store/postgres/pgCollectionRecords.ts)
// keeps the rows and applies these.
import os from 'node:os';
import path from 'node:path';
import type { Collection, CollectionItem, CollectionSummary } from '../../../shared/collections.ts';
import type { PhotoSummary } from '../../../shared/types.ts';
import { CatalogueError } from '../catalogueError.ts';
import { safeFileNamePart } from './exportNames.ts';

export const MAX_COLLECTION_NAME = 200;
/** As long as a search may be (the API's query limit). */
export const MAX_SMART_QUERY = 1000;

/** A collection's row, with its number of picks. */
export interface CollectionRow {
  id: number;
  name: string;
  count: number;
  updated_at: string;
  query: string | null;
}

/** A pick as kept: which photo, where in the list, and whether the picture was changed for print. */
export interface StoredItem {
  itemId: number;
  photoId: number;
  position: number;
  modified: boolean;
}

export function toSummary(row: CollectionRow): CollectionSummary {
  const summary: CollectionSummary = { id: Number(row.id), name: row.name, count: Number(row.count), updatedAt: row.updated_at };
  if (row.query !== null) summary.query = row.query;
  return summary;
}

/** A smart collection's query: what the search box takes (shared/searchQuery.ts reads it). */
export function checkQuery(query: string): string {
  const clean = query.trim();
  if (!clean) throw new CatalogueError('invalid-input', 'smartCollectionNeedsQuery');
  if (clean.length > MAX_SMART_QUERY) throw new CatalogueError('invalid-input', 'smartCollectionQueryTooLong', { max: MAX_SMART_QUERY });
  if (/[\u0000-\u001f\u007f]/.test(clean)) throw new CatalogueError('invalid-input', 'smartCollectionQueryControl');
  return clean;
}

export function checkName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new CatalogueError('invalid-input', 'collectionNeedsName');
  if (clean.length > MAX_COLLECTION_NAME) throw new CatalogueError('invalid-input', 'collectionNameTooLong', { max: MAX_COLLECTION_NAME });
  if (/[\u0000-\u001f\u007f]/.test(clean)) throw new CatalogueError('invalid-input', 'collectionNameControl');
  return clean;
}

/** Photos can be picked into a collection of picks only: a smart collection's are its query's results. */
export function checkPickable(summary: CollectionSummary): void {
  if (summary.query !== undefined) throw new CatalogueError('invalid-input', 'collectionIsSmart', { name: summary.name });
}

/** The photos added that the collection holds already, or that come twice in the addition, each once. */
export function duplicatesOf(current: readonly StoredItem[], photoIds: readonly number[]): number[] {
  const present = new Set(current.map((i) => i.photoId));
  const duplicates: number[] = [];
  const seenNow = new Set<number>();
  for (const photoId of photoIds) {
    if ((present.has(photoId) || seenNow.has(photoId)) && !duplicates.includes(photoId)) duplicates.push(photoId);
    seenNow.add(photoId);
  }
  return duplicates;
}

/** The picks' order once `added` go in at `at` (0-based, clamped; default: the end). */
export function orderWithAdded(current: readonly StoredItem[], added: readonly number[], at?: number): number[] {
  const order = current.map((i) => i.itemId);
  const where = at === undefined ? order.length : Math.max(0, Math.min(order.length, at));
  order.splice(where, 0, ...added);
  return order;
}

/** The picks' order once `itemId` moved to `position` (0-based, clamped). */
export function orderWithMoved(current: readonly StoredItem[], itemId: number, position: number): number[] {
  const order = current.map((i) => i.itemId);
  const from = order.indexOf(itemId);
  if (from < 0) throw new CatalogueError('not-found', 'pickNotFound', { ids: itemId });
  order.splice(from, 1);
  order.splice(Math.max(0, Math.min(order.length, position)), 0, itemId);
  return order;
}

/** Picks to remove, all of them known, or an error so nothing half-happens. */
export function checkKnownPicks(current: readonly StoredItem[], itemIds: readonly number[]): Set<number> {
  const known = new Set(current.map((i) => i.itemId));
  const unknown = itemIds.filter((i) => !known.has(i));
  if (unknown.length) throw new CatalogueError('not-found', 'pickNotFound', { ids: unknown.join(', ') });
  return new Set(itemIds);
}

/** Every pick of these photos (the CLI names photos, not picks); a photo not picked is an error. */
export function picksOfPhotos(current: readonly StoredItem[], photoIds: readonly number[]): number[] {
  const wanted = new Set(photoIds);
  const missing = [...wanted].filter((p) => !current.some((i) => i.photoId === p));
  if (missing.length) throw new CatalogueError('not-found', 'photoNotInCollection', { ids: missing.join(', ') });
  return current.filter((i) => wanted.has(i.photoId)).map((i) => i.itemId);
}

/** The one pick of a photo, for commands that name photos; two picks of it are ambiguous. */
export function pickOfPhoto(current: readonly StoredItem[], photoId: number): StoredItem {
  const picks = current.filter((i) => i.photoId === photoId);
  if (picks.length === 0) throw new CatalogueError('not-found', 'photoNotInCollection', { ids: photoId });
  if (picks.length > 1) {
    throw new CatalogueError('invalid-input', 'photoInCollectionTwice', { id: photoId, count: picks.length, figures: picks.map((p) => p.position + 1).join(', ') });
  }
  return picks[0]!;
}

/** A collection as the UI shows it: its picks in order with their photos' cards, and where its export goes by default. */
export function collectionOf(summary: CollectionSummary, stored: readonly StoredItem[], cards: readonly PhotoSummary[]): Collection {
  const byId = new Map(cards.map((p) => [p.id, p]));
  const items: CollectionItem[] = [];
  for (const item of stored) {
    const photo = byId.get(item.photoId);
    if (photo) items.push({ itemId: item.itemId, position: item.position, photo, modified: item.modified });
  }
  return { ...summary, items, defaultExportDir: path.join(os.homedir(), 'Fototar exports', safeFileNamePart(summary.name) || `collection-${summary.id}`) };
}
