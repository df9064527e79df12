// An archivist's own search of a team catalogue: the same index a folder catalogue's search
// worker keeps (searchIndex.ts, Lunr's weights in typed arrays), built on this computer from the
// server's rows and kept current from the change feed (store/postgres/changeFeed.ts), so a
// colleague's save is found here moments after it commits, and a client that was away reads
// what changed meanwhile when it connects again. The rows are read in id order in slices of
// SEGMENT_SIZE, as the folder catalogue's build reads them, so both engines rank alike.
import type { Pool } from 'pg';
import { parseSearchQuery } from '../../../shared/searchQuery.ts';
import { BaseBuilder, prepareSegment, SearchIndex, SEGMENT_SIZE } from './searchIndex.ts';
import { WordFolder, type SearchSource } from './searchDocument.ts';
import { evaluate } from './queryEvaluator.ts';
import { changeCursorNow, listenForChanges, type FeedStatus } from '../store/postgres/changeFeed.ts';
import { allTeamSearchSources, teamSearchSourcesById } from '../store/postgres/teamSearchSources.ts';

/** After a failed read of changed rows (the connection went), try them again this much later. */
const RETRY_MS = 1000;

export interface TeamSearchOptions {
  /** The change feed's connection was lost, or is back (changeFeed.ts). */
  onStatus?: (status: FeedStatus) => void;
  /** These photos' new versions are searchable now (colleagues' saves, and this client's own). */
  onIndexed?: (ids: readonly number[]) => void;
}

export class TeamSearchIndex {
  readonly #pool: Pool;
  readonly #index: SearchIndex;
  readonly #options: TeamSearchOptions;
  #stop: (() => Promise<void>) | null = null;
  #applying: Promise<void> = Promise.resolve();
  #seq = 0;
  #retry: ReturnType<typeof setTimeout> | null = null;
  readonly #unread = new Set<number>();

  private constructor(pool: Pool, index: SearchIndex, options: TeamSearchOptions) {
    this.#pool = pool;
    this.#index = index;
    this.#options = options;
  }

  /** Builds the index from the server's rows, then follows the change feed from before the read. */
  static async open(pool: Pool, options: TeamSearchOptions = {}): Promise<TeamSearchIndex> {
    // Where the feed starts is taken first: a change committed during the read is read again.
    const cursor = await changeCursorNow(pool);
    const builder = new BaseBuilder();
    const folder = new WordFolder();
    let slice: SearchSource[] = [];
    for await (const page of allTeamSearchSources(pool)) {
      for (const source of page) {
        slice.push(source);
        if (slice.length === SEGMENT_SIZE) {
          builder.add(slice, prepareSegment(slice, folder));
          slice = [];
        }
      }
    }
    if (slice.length) builder.add(slice, prepareSegment(slice, folder));
    const team = new TeamSearchIndex(pool, new SearchIndex(builder.finish(0)), options);
    team.#stop = await listenForChanges(pool, cursor, (changes) => team.#indexAgain(changes.ids), options.onStatus);
    return team;
  }

  get size(): number {
    return this.#index.size;
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
