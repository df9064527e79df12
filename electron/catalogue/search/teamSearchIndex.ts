// An archivist's own search of a team catalogue: the same index a folder catalogue's search
// worker keeps (searchIndex.ts, Lunr's weights in typed arrays), built on this computer from the
// server's rows and kept current from the change feed (store/postgres/changeFeed.ts), so a
// colleague's save is found here moments after it commits, and a client that was away reads
// what changed meanwhile when it connects again. With a cache folder, the index is kept between
// sessions and opening reads only what changed since (teamSearchCache.ts). The rows are read in
// id order and built in the folder catalogue's slices, on its worker threads (parallelBuild.ts),
// so both engines rank alike.
import path from 'node:path';
import type { Pool } from 'pg';
import { parseSearchQuery } from '../../../shared/searchQuery.ts';
import { SearchIndex } from './searchIndex.ts';
import { buildBaseInParallel } from './parallelBuild.ts';
import { workerUrl } from './searchService.ts';
import type { SearchSource } from './searchDocument.ts';
import { evaluate } from './queryEvaluator.ts';
import { changeCursorNow, changesSince, listenForChanges, logReachesBack, pruneChangeLog, type FeedNotice, type FeedStatus } from '../store/postgres/changeFeed.ts';
import { allTeamSearchSources, teamCatalogueId, teamSearchSourcesById } from '../store/postgres/teamSearchSources.ts';
import { newGeneration, readTeamSearchCache, writeTeamSearchCache } from './teamSearchCache.ts';

/** After a failed read of changed rows (the connection went), try them again this much later. */
const RETRY_MS = 1000;

export interface TeamSearchOptions {
  /** The change feed's connection was lost, or is back (changeFeed.ts). */
  onStatus?: (status: FeedStatus) => void;
  /** These photos' new versions are searchable now (colleagues' saves, and this client's own). */
  onIndexed?: (ids: readonly number[]) => void;
  /** The feed's other news: the team's named folders changed (changeFeed.ts). */
  onNotice?: (notice: FeedNotice) => void;
  /**
   * Where this client keeps its index between sessions (a folder per catalogue is made inside,
   * teamSearchCache.ts). Without it, every open builds from the server's rows.
   */
  cacheDir?: string;
}

/** Changed photos beyond this share of the catalogue are read by building afresh, not one by one. */
const CATCH_UP_SHARE = 0.1;

export class TeamSearchIndex {
  readonly #pool: Pool;
  readonly #index: SearchIndex;
  readonly #options: TeamSearchOptions;
  #stop: (() => Promise<void>) | null = null;
  #applying: Promise<void> = Promise.resolve();
  #seq = 0;
  #version = 0;
  #retry: ReturnType<typeof setTimeout> | null = null;
  readonly #unread = new Set<number>();

  /** Opened from what this client kept, rather than built from the server's rows. */
  readonly loadedFromCache: boolean;

  private constructor(pool: Pool, index: SearchIndex, options: TeamSearchOptions, loadedFromCache: boolean) {
    this.#pool = pool;
    this.#index = index;
    this.#options = options;
    this.loadedFromCache = loadedFromCache;
  }

  /** Builds the index from the server's rows, then follows the change feed from before the read. */
  static async open(pool: Pool, options: TeamSearchOptions = {}): Promise<TeamSearchIndex> {
    const folder = options.cacheDir ? path.join(options.cacheDir, await teamCatalogueId(pool)) : null;
    const kept = folder ? readTeamSearchCache(folder) : null;
    // The log is kept for a season; whoever opens prunes it (two at once only wait in turn).
    await pruneChangeLog(pool);
    if (kept && (await logReachesBack(pool, kept.cursor))) {
      // What changed while this client was away is read before the first search.
      const missed = await changesSince(pool, kept.cursor);
      if (missed.ids.length <= kept.base.docId.length * CATCH_UP_SHARE) {
        const team = new TeamSearchIndex(pool, new SearchIndex(kept.base), options, true);
        team.#indexAgain(missed.ids);
        await team.#applying;
        team.#stop = await listenForChanges(pool, missed.cursor, (changes) => team.#indexAgain(changes.ids), options.onStatus, options.onNotice);
        return team;
      }
    }
    // Where the feed starts is taken first: a change committed during the read is read again.
    const cursor = await changeCursorNow(pool);
    const sources: SearchSource[] = [];
    for await (const page of allTeamSearchSources(pool)) for (const source of page) sources.push(source);
    // Built on every core, as a folder catalogue's is (parallelBuild.ts): the slices Lunr weighs
    // are the same, and this thread (a window's server) stays free to answer meanwhile.
    const base = await buildBaseInParallel(sources, newGeneration(), { worker: workerUrl() });
    if (folder) writeTeamSearchCache(folder, base, cursor);
    const team = new TeamSearchIndex(pool, new SearchIndex(base), options, false);
    team.#stop = await listenForChanges(pool, cursor, (changes) => team.#indexAgain(changes.ids), options.onStatus, options.onNotice);
    return team;
  }

  get size(): number {
    return this.#index.size;
  }

  /** The index as it is now, for the team catalogue's search (teamSearchService.ts). */
  get index(): SearchIndex {
    return this.#index;
  }

  /** Raised each time changes are applied: what a kept result or sort order was worked out at. */
  get version(): number {
    return this.#version;
  }

  /** The photos a query finds: how many, and the ids of [offset, offset + limit), best first. */
  search(query: string, offset = 0, limit = 50): { total: number; ids: number[] } {
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) return { total: 0, ids: [] };
    const hits = evaluate(this.#index, parsed.clauses).ids;
    return { total: hits.length, ids: hits.page(offset, limit) };
  }

  async close(): Promise<void> {
    if (this.#retry) clearTimeout(this.#retry);
    await this.#stop?.();
    await this.#applying;
  }

  /** Reads these photos' rows again and indexes them, in the order the feed told of them. */
  #indexAgain(ids: readonly number[]): void {
    for (const id of ids) this.#unread.add(id);
    this.#applying = this.#applying.then(async () => {
      const wanted = [...this.#unread];
      if (!wanted.length) return;
      try {
        const sources = await teamSearchSourcesById(this.#pool, wanted);
        for (const id of wanted) this.#unread.delete(id);
        this.#index.apply([...sources.values()], wanted.filter((id) => !sources.has(id)), ++this.#seq);
        this.#version++;
        this.#options.onIndexed?.(wanted);
      } catch {
        // The server is away: these stay unread and are read again shortly (or at the next notice).
        this.#retry ??= setTimeout(() => {
          this.#retry = null;
          this.#indexAgain([]);
        }, RETRY_MS);
      }
    });
  }
}
