// Searching the catalogue: pages of hits, result ids, facets. The index lives in a worker thread
// (search/searchService.ts); edits reach it through the search_changes log.
import { emptyMarkFacets } from '../../../shared/searchFacets.ts';
import type { SearchResult } from '../../../shared/types.ts';
import type { SearchFacets } from '../../../shared/searchFacets.ts';
import { parseSearchQuery } from '../../../shared/searchQuery.ts';
import type { SearchStatus } from '../search/searchEngine.ts';
import type { CatalogueCore } from './catalogueCore.ts';
import { browseSort, type PhotoSort } from '../../../shared/photoSort.ts';

/** A search's order for the worker: none for relevance (its own ranking). */
function searchOrder(sort: PhotoSort | undefined) {
  return sort && sort.field !== 'relevance' ? { field: sort.field, direction: sort.direction } : undefined;
}

export class CatalogueSearch {
  readonly #core: CatalogueCore;

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  /** Starts loading the search index in its worker without waiting (the UI calls this at open). */
  prepare(): void {
    this.#core.searchEngine.start();
  }

  /**
   * One page of a query's hits, best first. Runs in the search worker; a newer query text
   * rejects this one with CatalogueError 'search-cancelled'. Edits are searchable at once.
   */
  async query(query: string, offset: number, limit: number, sort?: PhotoSort): Promise<SearchResult> {
    const photos = this.#core.photos;
    if (!query.trim()) {
      const total = await photos.count();
      const page = await (sort ? photos.sortedSummaryPage(browseSort(sort).field, browseSort(sort).direction, offset, limit) : photos.summaryPage(offset, limit));
      return { total, hits: page.map((p) => ({ ...p, score: 0 })), error: null };
    }
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) return { total: 0, hits: [], error: parsed.error, errorRef: { key: parsed.key, params: parsed.params } };
    const page = await this.#core.searchEngine.search(query, offset, limit, searchOrder(sort));
    const rank = new Map(page.ids.map((id, i) => [id, i]));
    // A photo deleted between the worker's answer and this read is left out. The score is the
    // rank counted from the end (higher is better): the worker ranks, the page only orders.
    const hits = (await photos.summaries(page.ids)).map((p) => ({ ...p, score: page.total - offset - (rank.get(p.id) ?? 0) }));
    return page.suggestion ? { total: page.total, hits, error: null, suggestion: page.suggestion } : { total: page.total, hits, error: null };
  }

  /** Ids of a query's results [offset, offset + limit) in the grid's order, and their total. */
  async resultIds(query: string, offset = 0, limit = Number.MAX_SAFE_INTEGER, sort?: PhotoSort): Promise<{ total: number; ids: number[] }> {
    const photos = this.#core.photos;
    if (!query.trim()) {
      const order = sort ? browseSort(sort) : null;
      return { total: await photos.count(), ids: await (order ? photos.sortedIdPage(order.field, order.direction, offset, limit) : photos.idPage(offset, limit)) };
    }
    if (!parseSearchQuery(query).ok) return { total: 0, ids: [] };
    return this.#core.searchEngine.ids(query, offset, Math.min(limit, 2 ** 31 - 1), searchOrder(sort));
  }

  /** Counts per year, donor, place and tag over all hits of a query (see shared/searchFacets.ts). */
  async facets(query: string): Promise<SearchFacets> {
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) {
      return { total: 0, years: [], undated: 0, donors: [], donorCount: 0, places: [], placeCount: 0, tags: [], tagCount: 0, marks: emptyMarkFacets(), error: parsed.error, errorRef: { key: parsed.key, params: parsed.params } };
    }
    return { ...(await this.#core.searchEngine.facets(query)), error: null };
  }

  /** What the search worker holds: photos, base and delta sizes, whether it had to build. */
  status(): Promise<SearchStatus> {
    return this.#core.searchEngine.status();
  }

  /** How long the search index file took to read at open, in milliseconds (for the benchmark). */
  get readMs(): number {
    return this.#core.searchEngine.readMs;
  }
}
