// A search's hits in a sort order (shared/photoSort.ts), in the search worker. The catalogue's
// whole order for a field is read once from its index (store: sortedIds) and kept as each
// photo's rank until the catalogue changes; a search's hits are then ordered by rank, a typed
// array sort, whatever their number: exact at 200,000 photos, with no row read.
import type { SortDirection, SortField } from '../../../shared/photoSort.ts';
import type { PhotoRepository } from '../store/photoRepository.ts';

export interface FieldOrder {
  /** The catalogue's change seq the order was read at. */
  seq: number;
  /** Photo ids in ascending order; the first `present` have a value. */
  ids: Int32Array;
  present: number;
  /** rank[id]: the id's position in `ids` (-1: not a photo then). */
  rank: Int32Array;
}

export class SortOrders {
  readonly #photos: PhotoRepository;
  readonly #orders = new Map<SortField, FieldOrder>();

  constructor(photos: PhotoRepository) {
    this.#photos = photos;
  }

  /** The order of `field` as of `seq` (read again when the catalogue changed since). */
  order(field: SortField, seq: number): FieldOrder {
    const known = this.#orders.get(field);
    if (known && known.seq === seq) return known;
    const { ids, present } = this.#photos.sortedIds(field);
    const fresh = fieldOrder(seq, ids, present);
    this.#orders.set(field, fresh);
    return fresh;
  }
}

/** An order read from the catalogue (`ids` ascending, the first `present` with a value), ranked. */
export function fieldOrder(seq: number, ids: readonly number[], present: number): FieldOrder {
  const order = Int32Array.from(ids);
  let max = 0;
  for (const id of order) if (id > max) max = id;
  const rank = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < order.length; i++) rank[order[i]] = i;
  return { seq, ids: order, present, rank };
}

/**
 * The hits (any order) as ids in the sort order: ascending, or descending with the photos
 * without a value still last (and among them, higher ids first). A hit the order does not know
 * (added after it was read) goes at the very end.
 */
export function sortHits(hits: ArrayLike<number>, order: FieldOrder, direction: SortDirection): Int32Array {
  const unknown = order.ids.length;
  const ranks = new Int32Array(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const id = hits[i];
    const r = id < order.rank.length ? order.rank[id] : -1;
    ranks[i] = r < 0 ? unknown + id : r;
  }
  ranks.sort();
  const out = new Int32Array(ranks.length);
  const idOf = (r: number) => (r >= unknown ? r - unknown : order.ids[r]);
  if (direction === 'asc') {
    for (let i = 0; i < ranks.length; i++) out[i] = idOf(ranks[i]);
    return out;
  }
  // Descending: the ranks with a value backwards, then the rest backwards.
  let split = 0;
  while (split < ranks.length && ranks[split] < order.present) split++;
  let k = 0;
  for (let i = split - 1; i >= 0; i--) out[k++] = idOf(ranks[i]);
  for (let i = ranks.length - 1; i >= split; i--) out[k++] = idOf(ranks[i]);
  return out;
}
