// What the catalogue's search service asks of the search behind it: pages of a query's hits (in
// best-match or a sort order), the ids of a selection, facets and status. A folder catalogue's
// is SearchService (a worker thread over the index file, searchService.ts); a team catalogue's
// is TeamSearchService (this client's index of the server's rows, teamSearchService.ts).
import type { SearchFacets } from '../../../shared/searchFacets.ts';
import type { SortDirection, SortField } from '../../../shared/photoSort.ts';

export interface SearchOrder {
  field: SortField;
  direction: SortDirection;
}

export interface SearchStatus {
  ready: boolean;
  photos: number;
  baseSize: number;
  deltaSize: number;
  seq: number;
  /** Milliseconds from receiving the index bytes to the index ready (building it if need be). */
  loadMs: number;
  built: boolean;
  rebuilding: boolean;
}

export interface SearchEngine {
  /** How long reading the index file took at start (for the benchmark; 0 where there is none). */
  readonly readMs: number;
  /** Starts loading the index (opening a catalogue calls this; it does not wait). */
  start(): void;
  /** One page of a query's hits (photo ids, best first or in `sort`'s order) and their total. */
  search(query: string, offset: number, limit: number, sort?: SearchOrder): Promise<{ total: number; ids: number[]; suggestion?: string }>;
  /** Hit ids for a selection: never cancelled by a newer query, and it cancels none. */
  ids(query: string, offset: number, limit: number, sort?: SearchOrder): Promise<{ total: number; ids: number[] }>;
  facets(query: string): Promise<Omit<SearchFacets, 'error'>>;
  status(): Promise<SearchStatus>;
  /** Stops it; a team catalogue's resolves once it has stopped following the server. */
  close(): void | Promise<void>;
}
