// A team catalogue's collections on PostgreSQL (CollectionRecords, collectionRecords.ts), with
// the rules every engine applies (collections/collectionRules.ts). Each change is one
// transaction that first locks the collection's row, so two archivists adding to or reordering
// the same collection take turns and its positions stay a plain sequence 0..n-1.
import type { Pool, PoolClient } from 'pg';
import { collectionNameKey, type Collection, type CollectionSummary } from '../../../../shared/collections.ts';
import { hungarianCollator } from '../../../../shared/textFold.ts';
import { CatalogueError } from '../../catalogueError.ts';
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
} from '../../collections/collectionRules.ts';
import type { CollectionRecords } from '../collectionRecords.ts';
import type { PhotoReads } from '../photoReads.ts';
import { inTransaction } from './pgTransaction.ts';

const SUMMARY_SQL = `SELECT c.id, c.name, c.updated_at, c.query, (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id) AS count FROM collections c`;

/** PostgreSQL's answer to a second collection of the same name (its unique key). */
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export class PgCollectionRecords implements CollectionRecords {
  readonly #pool: Pool;
  readonly #photos: PhotoReads;
  /** Told after every change, so the open app hears of it (collectionsChanged). */
  readonly #changed: () => void;

  constructor(pool: Pool, photos: PhotoReads, changed: () => void = () => {}) {
    this.#pool = pool;
    this.#photos = photos;
    this.#changed = changed;
  }

  async list(): Promise<CollectionSummary[]> {
    const { rows } = await this.#pool.query<CollectionRow>(SUMMARY_SQL);
    return rows.map(toSummary).sort((a, b) => hungarianCollator.compare(a.name, b.name));
  }

  async summary(id: number, db: Pool | PoolClient = this.#pool): Promise<CollectionSummary> {
    const { rows } = await db.query<CollectionRow>(`${SUMMARY_SQL} WHERE c.id = $1`, [id]);
    if (!rows[0]) throw new CatalogueError('not-found', 'collectionNotFound', { id });
    return toSummary(rows[0]);
  }

  async idByName(name: string): Promise<number> {
    const { rows } = await this.#pool.query<{ id: string }>('SELECT id FROM collections WHERE name_key = $1', [collectionNameKey(name)]);
    if (!rows[0]) throw new CatalogueError('not-found', 'collectionNameNotFound', { name: name.trim() });
    return Number(rows[0].id);
  }

  async get(id: number): Promise<Collection> {
    const summary = await this.summary(id);
    const stored = await this.items(id);
    return collectionOf(summary, stored, await this.#photos.summaries([...new Set(stored.map((i) => i.photoId))]));
  }

  async items(id: number, db: Pool | PoolClient = this.#pool): Promise<StoredItem[]> {
    const { rows } = await db.query<{ id: string; photo_id: string; position: number; modified: number }>(
      'SELECT id, photo_id, position, modified FROM collection_items WHERE collection_id = $1 ORDER BY position, id',
      [id],
    );
    return rows.map((r) => ({ itemId: Number(r.id), photoId: Number(r.photo_id), position: r.position, modified: r.modified !== 0 }));
  }

  async create(name: string, query?: string): Promise<CollectionSummary> {
    const clean = checkName(name);
    const saved = query === undefined ? null : checkQuery(query);
    const now = new Date().toISOString();
    let id: number;
    try {
      const { rows } = await this.#pool.query<{ id: string }>(
        'INSERT INTO collections (name, name_key, created_at, updated_at, query) VALUES ($1, $2, $3, $3, $4) RETURNING id',
        [clean, collectionNameKey(clean), now, saved],
      );
      id = Number(rows[0]!.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new CatalogueError('invalid-input', 'collectionExists', { name: clean });
      throw error;
    }
    this.#changed();
    return await this.summary(id);
  }

  async rename(id: number, name: string): Promise<CollectionSummary> {
    await this.summary(id);
    const clean = checkName(name);
    try {
      await this.#pool.query('UPDATE collections SET name = $1, name_key = $2, updated_at = $3 WHERE id = $4', [clean, collectionNameKey(clean), new Date().toISOString(), id]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new CatalogueError('invalid-input', 'collectionExists', { name: clean });
      throw error;
    }
    this.#changed();
    return await this.summary(id);
  }

  async delete(id: number): Promise<void> {
    await this.summary(id);
    await this.#pool.query('DELETE FROM collections WHERE id = $1', [id]);
    this.#changed();
  }

  async add(id: number, photoIds: readonly number[], at?: number): Promise<{ added: number; duplicates: number[] }> {
    checkPickable(await this.summary(id));
    const wanted = [...new Set(photoIds)];
    const found = new Set((await this.#photos.summaries(wanted)).map((p) => p.id));
    const unknown = wanted.filter((p) => !found.has(p));
    if (unknown.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: unknown.join(', ') });
    return await this.#changing(id, async (client, current, now) => {
      const duplicates = duplicatesOf(current, photoIds);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO collection_items (collection_id, photo_id, position, modified, added_at)
           SELECT $1, photo, -1, 0, $3 FROM unnest($2::bigint[]) WITH ORDINALITY AS a(photo, n) ORDER BY n RETURNING id`,
        [id, [...photoIds], now],
      );
      // Identity values are handed out in insertion order: the ids follow the photos given.
      const added = rows.map((row) => Number(row.id)).sort((a, b) => a - b);
      return { order: orderWithAdded(current, added, at), result: { added: photoIds.length, duplicates } };
    });
  }

  async removeItems(id: number, itemIds: readonly number[]): Promise<number> {
    await this.summary(id);
    return await this.#changing(id, async (client, current) => {
      const drop = checkKnownPicks(current, itemIds);
      await client.query('DELETE FROM collection_items WHERE id = ANY($1::bigint[])', [[...drop]]);
      return { order: current.filter((i) => !drop.has(i.itemId)).map((i) => i.itemId), result: drop.size };
    });
  }

  async removePhotos(id: number, photoIds: readonly number[]): Promise<number> {
    return await this.removeItems(id, picksOfPhotos(await this.items(id), photoIds));
  }

  async move(id: number, itemId: number, position: number): Promise<void> {
    await this.summary(id);
    await this.#changing(id, async (_client, current) => ({ order: orderWithMoved(current, itemId, position), result: undefined }));
  }

  async itemOfPhoto(id: number, photoId: number): Promise<StoredItem> {
    return pickOfPhoto(await this.items(id), photoId);
  }

  async setModified(id: number, itemId: number, modified: boolean): Promise<void> {
    const result = await this.#pool.query('UPDATE collection_items SET modified = $1 WHERE id = $2 AND collection_id = $3', [modified ? 1 : 0, itemId, id]);
    if (!result.rowCount) throw new CatalogueError('not-found', 'pickNotFound', { ids: itemId });
    await this.#pool.query('UPDATE collections SET updated_at = $1 WHERE id = $2', [new Date().toISOString(), id]);
    this.#changed();
  }

  /**
   * One change to a collection's picks: its row locked (another archivist's change to the same
   * collection waits), its picks read, `work` done, the picks renumbered in the order it gives,
   * committed, and only then announced.
   */
  async #changing<T>(id: number, work: (client: PoolClient, current: StoredItem[], now: string) => Promise<{ order: number[]; result: T }>): Promise<T> {
    const result = await inTransaction(this.#pool, async (client) => {
      const locked = await client.query('SELECT id FROM collections WHERE id = $1 FOR UPDATE', [id]);
      if (!locked.rowCount) throw new CatalogueError('not-found', 'collectionNotFound', { id });
      const now = new Date().toISOString();
      const { order, result } = await work(client, await this.items(id, client), now);
      await client.query('UPDATE collection_items SET position = o.n - 1 FROM unnest($1::bigint[]) WITH ORDINALITY AS o(item, n) WHERE collection_items.id = o.item', [order]);
      await client.query('UPDATE collections SET updated_at = $1 WHERE id = $2', [now, id]);
      return result;
    });
    this.#changed();
    return result;
  }
}
