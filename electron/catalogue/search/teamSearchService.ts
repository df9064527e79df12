// A team catalogue's search: this client's own index of the server's rows (teamSearchIndex.ts),
// answered in this process as the folder catalogue's worker answers (searchWorker.ts): the same
// evaluator, "Did you mean", facets and sorted hits. What the index does not hold — a sort
// field's order and a folder's photos — is read from the server (teamSearchReads.ts) and kept
// until the index next changes. The index is opened (built, or read from this client's cache and
// caught up) on start; requests made meanwhile wait for it.
import type { Pool } from 'pg';
import { parseSearchQuery } from '../../../shared/searchQuery.ts';
import type { SortField } from '../../../shared/photoSort.ts';
import type { SearchFacets } from '../../../shared/searchFacets.ts';
import { CatalogueError } from '../catalogueError.ts';
import type { EvaluatedQuery } from './queryEvaluator.ts';
import { searchQuery } from './suggestion.ts';
import { countFacets } from './searchFacets.ts';
import { fieldOrder, sortHits, type FieldOrder } from './sortedHits.ts';
import { TeamSearchIndex, type TeamSearchOptions } from './teamSearchIndex.ts';
import type { SearchEngine, SearchOrder, SearchStatus } from './searchEngine.ts';
import { teamFolderMembers, teamSortedIds } from '../store/postgres/teamSearchReads.ts';

/** Queries (and folders) whose results are kept while the index is unchanged. */
const CACHE_SIZE = 8;

export class TeamSearchService implements SearchEngine {
  readonly #pool: Pool;
  readonly #options: TeamSearchOptions;
  #opening: Promise<TeamSearchIndex> | null = null;
  #team: TeamSearchIndex | null = null;
  #loadMs = 0;
  #closed = false;
  readonly #results = new Map<string, { version: number; result: EvaluatedQuery }>();
  readonly #folders = new Map<string, { version: number; bits: Uint8Array }>();
  readonly #orders = new Map<SortField, FieldOrder>();
  readonly #sorted = new WeakMap<EvaluatedQuery, Map<string, Int32Array>>();
  readonly readMs = 0;

  constructor(pool: Pool, options: TeamSearchOptions = {}) {
    this.#pool = pool;
    this.#options = options;
  }

  /** The index, once open (null before): how many photos it holds, for events. */
  get opened(): TeamSearchIndex | null {
    return this.#team;
  }

  start(): void {
    void this.#index().catch(() => undefined);
  }

  #index(): Promise<TeamSearchIndex> {
    if (this.#closed) return Promise.reject(new CatalogueError('search-failed', 'catalogueClosed'));
    if (!this.#opening) {
      const started = performance.now();
      this.#opening = TeamSearchIndex.open(this.#pool, this.#options).then(
        (team) => {
          this.#loadMs = performance.now() - started;
          if (this.#closed) void team.close();
          else this.#team = team;
          return team;
        },
        (error: Error) => {
          // The server was away: the next request tries again.
          this.#opening = null;
          throw new CatalogueError('search-failed', 'searchIndexUnreadable', { reason: error.message });
        },
      );
    }
    return this.#opening;
  }

  async #run(query: string): Promise<{ team: TeamSearchIndex; result: EvaluatedQuery }> {
    const team = await this.#index();
    // The folders the query filters by, read from the server first (the evaluation is synchronous).
    const parsed = parseSearchQuery(query);
    const members = new Map<string, Uint8Array>();
    if (parsed.ok) for (const clause of parsed.clauses) if (clause.kind === 'folder') members.set(clause.key, await this.#members(clause.key, team));
    // Nothing awaits from here on: the index is the same throughout the evaluation.
    const kept = this.#results.get(query);
    if (kept && kept.version === team.version) return { team, result: kept.result };
    const result = searchQuery(team.index, query, () => {}, (key) => members.get(key) ?? new Uint8Array(0));
    remember(this.#results, query, { version: team.version, result });
    return { team, result };
  }

  async #members(key: string, team: TeamSearchIndex): Promise<Uint8Array> {
    const kept = this.#folders.get(key);
    if (kept && kept.version === team.version) return kept.bits;
    const version = team.version;
    const bits = await teamFolderMembers(this.#pool, key);
    remember(this.#folders, key, { version, bits });
    return bits;
  }

  async #inOrder(team: TeamSearchIndex, result: EvaluatedQuery, sort: SearchOrder): Promise<Int32Array> {
    const name = `${sort.field} ${sort.direction}`;
    const byOrder = this.#sorted.get(result) ?? new Map<string, Int32Array>();
    this.#sorted.set(result, byOrder);
    let ids = byOrder.get(name);
    if (!ids) {
      let order = this.#orders.get(sort.field);
      if (!order || order.seq !== team.version) {
        const version = team.version;
        const read = await teamSortedIds(this.#pool, sort.field);
        order = fieldOrder(version, read.ids, read.present);
        this.#orders.set(sort.field, order);
      }
      ids = sortHits(result.ids.allIds(), order, sort.direction);
      byOrder.set(name, ids);
    }
    return ids;
  }

  async search(query: string, offset: number, limit: number, sort?: SearchOrder): Promise<{ total: number; ids: number[]; suggestion?: string }> {
    const { team, result } = await this.#run(query);
    const ids = sort ? Array.from((await this.#inOrder(team, result, sort)).subarray(offset, offset + limit)) : result.ids.page(offset, limit);
    return { total: result.ids.length, ids, suggestion: result.suggestion };
  }

  /** As search: in one process, nothing cancels a query, so a selection's ids are a search's. */
  ids(query: string, offset: number, limit: number, sort?: SearchOrder): Promise<{ total: number; ids: number[] }> {
    return this.search(query, offset, limit, sort);
  }

  async facets(query: string): Promise<Omit<SearchFacets, 'error'>> {
    const { team, result } = await this.#run(query);
    return countFacets(team.index, result.slots);
  }

  async status(): Promise<SearchStatus> {
    const team = await this.#index();
    const index = team.index;
    return {
      ready: true,
      photos: index.size,
      baseSize: index.baseSize,
      deltaSize: index.deltaSize,
      seq: index.seq,
      loadMs: this.#loadMs,
      built: !team.loadedFromCache,
      rebuilding: false,
    };
  }

  /** Stops following the change feed; resolves once it has. */
  async close(): Promise<void> {
    this.#closed = true;
    const team = this.#team;
    this.#team = null;
    await team?.close();
  }
}

/** Keeps `value` under `key`, the newest CACHE_SIZE only. */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}
