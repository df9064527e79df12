// The worker thread that owns the search index, so neither the UI nor the main process ever
// waits on a query. It reads the catalogue database itself (read-only, WAL lets it read while
// the main process writes), loads the persisted index or builds one, and before each request
// replays the search_changes log, so an edit by the app or by the CLI is searchable at once.
//
// Started with mode 'build', the same file is the background builder: it builds a fresh base
// from the database, writes it, and says which seq it reflects; the query worker keeps
// answering from the old base plus delta meanwhile, then swaps.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { DatabaseSync } from 'node:sqlite';
import type { SearchStatus } from './searchEngine.ts';
import { openDatabase, readSnapshotAsync } from '../store/openDatabase.ts';
import { parseSearchQuery } from '../../../shared/searchQuery.ts';
import { buildBase, SearchIndex, SEGMENT_SIZE, type BaseIndex } from './searchIndex.ts';
import { buildBaseInParallel, serveSegments } from './parallelBuild.ts';
import { parseIndexBytes, readIndexFile, readPostingsInBackground, writeIndexFile, type IndexBytes } from './indexFile.ts';
import { allSearchSources, changesSince, latestChangeSeq, photoCount, searchSourcesById } from '../store/searchSources.ts';
import { evaluate, SearchCancelled, warmFuzzy, type EvaluatedQuery } from './queryEvaluator.ts';
import { searchQuery } from './suggestion.ts';
import { warmWordForms } from './wordForms.ts';
import { countFacets } from './searchFacets.ts';
import type { MessageRef } from '../../../shared/errorMessages.ts';
import type { SortDirection, SortField } from '../../../shared/photoSort.ts';
import { PhotoRepository } from '../store/photoRepository.ts';
import { SortOrders, sortHits } from './sortedHits.ts';
import { readSortSetting } from '../store/sortSetting.ts';
import { folderMembers } from '../store/folderQueries.ts';

export interface SearchWorkerData {
  /** 'segment': one of a parallel build's workers (parallelBuild.ts), given nothing but its mode. */
  mode: 'serve' | 'build' | 'segment';
  database: string;
  indexFile: string;
  /** Int32Array over it: [0] the generation of the newest query; older ones give up. */
  control: SharedArrayBuffer;
}

/** The first message the serving worker gets: the index file's bytes, read by the main thread. */
export interface IndexMessage {
  type: 'index';
  bytes: IndexBytes | null;
}

export type SearchRequest =
  | { type: 'search'; id: number; gen: number; query: string; offset: number; limit: number; sort?: { field: SortField; direction: SortDirection } }
  | { type: 'facets'; id: number; gen: number; query: string }
  | { type: 'status'; id: number };

export type SearchReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: 'search-cancelled' | 'search-failed' } & MessageRef };

/** Rebuild the base in the background once the delta holds this share of the catalogue. */
const REBUILD_SHARE = 0.05;
const REBUILD_MIN = 5000;
const CACHE_SIZE = 8;

/**
 * Reads a consistent snapshot: the seq and every photo as of that seq. A catalogue of more than
 * one segment is built on every core (parallelBuild.ts); the read transaction stays open while
 * the workers prepare its segments.
 */
function buildFromDatabase(db: DatabaseSync): Promise<BaseIndex> {
  return readSnapshotAsync(db, async () => {
    const seq = latestChangeSeq(db);
    if (photoCount(db) <= SEGMENT_SIZE) return buildBase(allSearchSources(db), seq);
    return buildBaseInParallel(allSearchSources(db), seq, { worker: new URL(import.meta.url) });
  });
}

async function runBuilder(data: SearchWorkerData): Promise<void> {
  const db = openDatabase(data.database, { readOnly: true });
  try {
    const base = await buildFromDatabase(db);
    writeIndexFile(data.indexFile, base);
    parentPort!.postMessage({ built: base.seq });
  } finally {
    db.close();
  }
}

/**
 * Requests that arrive before the index bytes (the main thread reads the file while this
 * worker loads its code) wait in a queue.
 */
function serve(data: SearchWorkerData): void {
  const port = parentPort!;
  const queue: SearchRequest[] = [];
  let handle: ((request: SearchRequest) => void) | null = null;
  port.on('message', (message: SearchRequest | IndexMessage) => {
    if (message.type === 'index') {
      // A failure to open is the worker's error (an unhandled rejection ends it), as it was.
      void open(data, message.bytes).then((opened) => {
        handle = opened;
        for (const request of queue.splice(0)) opened(request);
      });
    } else if (handle) handle(message);
    else queue.push(message);
  });
}

async function open(data: SearchWorkerData, bytes: IndexBytes | null): Promise<(request: SearchRequest) => void> {
  const port = parentPort!;
  const control = new Int32Array(data.control);
  const db = openDatabase(data.database, { readOnly: true });
  const started = performance.now();
  let built = false;
  let base = bytes ? parseIndexBytes(bytes) : null;
  const latest = latestChangeSeq(db);
  // A base from the future (a restored database, a copied folder) cannot be caught up: rebuild.
  if (!base || base.seq > latest) {
    base = await buildFromDatabase(db);
    built = true;
    try {
      writeIndexFile(data.indexFile, base);
    } catch {
      // A read-only catalogue folder: search still works, it is rebuilt next time.
    }
  }
  let index = new SearchIndex(base);
  const loadMs = performance.now() - started;
  let rebuilding: Worker | null = null;
  const cache = new Map<string, { seq: number; result: EvaluatedQuery }>();
  const orders = new SortOrders(new PhotoRepository(db));
  // A query's hits in each sort asked for, kept as long as the query's result is.
  const sortedResults = new WeakMap<EvaluatedQuery, Map<string, Int32Array>>();
  const sorted = (result: EvaluatedQuery, sort: { field: SortField; direction: SortDirection }): Int32Array => {
    const byOrder = sortedResults.get(result) ?? new Map<string, Int32Array>();
    sortedResults.set(result, byOrder);
    const name = `${sort.field} ${sort.direction}`;
    let ids = byOrder.get(name);
    if (!ids) {
      ids = sortHits(result.ids.allIds(), orders.order(sort.field, index.seq), sort.direction);
      byOrder.set(name, ids);
    }
    return ids;
  };

  const sync = () => {
    if (latestChangeSeq(db) <= index.seq) return;
    const changes = changesSince(db, index.seq);
    const sources = searchSourcesById(db, changes.ids);
    index.apply([...sources.values()], changes.ids.filter((id) => !sources.has(id)), changes.seq);
    cache.clear();
    if (!rebuilding && index.deltaSize + index.deadCount > Math.max(REBUILD_MIN, index.baseSize * REBUILD_SHARE)) startRebuild();
  };

  const startRebuild = () => {
    // The builder replaces the index file: read what the current base still lacks first.
    index.base.ensurePostings?.(0, index.base.terms.length);
    // (and its phrase text, read from the file until now).
    index.base.text ??= index.base.textFile?.readAll() ?? null;
    const builder = new Worker(new URL(import.meta.url), { workerData: { ...data, mode: 'build' } satisfies SearchWorkerData });
    rebuilding = builder;
    builder.once('message', () => {
      const fresh = readIndexFile(data.indexFile);
      if (fresh) {
        index = new SearchIndex(fresh);
        cache.clear();
        sync();
      }
    });
    // A failed rebuild leaves the current index answering; the next change tries again.
    builder.on('error', (error) => console.error(`Search index rebuild failed: ${error.message}`));
    builder.once('exit', () => {
      if (rebuilding === builder) rebuilding = null;
    });
  };

  // Folder filters (folder:"…"): each folder's photos read once per catalogue change.
  const folderCache = new Map<string, { seq: number; bits: Uint8Array }>();
  const members = (key: string): Uint8Array => {
    const cached = folderCache.get(key);
    if (cached && cached.seq === index.seq) return cached.bits;
    const bits = folderMembers(db, key);
    folderCache.set(key, { seq: index.seq, bits });
    while (folderCache.size > CACHE_SIZE) folderCache.delete(folderCache.keys().next().value!);
    return bits;
  };

  const run = (query: string, gen: number): EvaluatedQuery => {
    const check = () => {
      if (Atomics.load(control, 0) > gen) throw new SearchCancelled();
    };
    check();
    sync();
    const cached = cache.get(query);
    if (cached && cached.seq === index.seq) {
      cache.delete(query);
      cache.set(query, cached);
      return cached.result;
    }
    const result = searchQuery(index, query, check, members);
    cache.set(query, { seq: index.seq, result });
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return result;
  };

  const handle = (request: SearchRequest) => {
    try {
      let value: unknown;
      if (request.type === 'search') {
        const result = run(request.query, request.gen);
        const ids = request.sort
          ? Array.from(sorted(result, request.sort).subarray(request.offset, request.offset + request.limit))
          : result.ids.page(request.offset, request.limit);
        value = { total: result.ids.length, ids, suggestion: result.suggestion };
      } else if (request.type === 'facets') {
        value = countFacets(index, run(request.query, request.gen).slots);
      } else {
        sync();
        value = {
          ready: true,
          photos: index.size,
          baseSize: index.baseSize,
          deltaSize: index.deltaSize,
          seq: index.seq,
          loadMs,
          built,
          rebuilding: rebuilding !== null,
        } satisfies SearchStatus;
      }
      port.postMessage({ id: request.id, ok: true, value } satisfies SearchReply);
    } catch (error) {
      const cancelled = error instanceof SearchCancelled;
      port.postMessage({
        id: request.id,
        ok: false,
        error: cancelled ? { code: 'search-cancelled', key: 'searchReplaced' } : { code: 'search-failed', key: 'searchFailed', params: { reason: (error as Error).message } },
      } satisfies SearchReply);
    }
  };
  port.postMessage({ ready: true });
  // Idle work after opening, so no query pays for it: the posting lists, the fuzzy matcher's
  // length buckets, the compound table of the Hungarian matching, and the evaluator's code
  // paths compiled.
  const opened = index.base;
  void readPostingsInBackground(opened).catch(() => undefined);
  setTimeout(() => {
    warmFuzzy(index);
    warmWordForms(index);
    const warm = parseSearchQuery('a b year:1950..1960 -c');
    if (warm.ok) evaluate(index, warm.clauses).ids.page(0, 10);
    // The catalogue's remembered sort: its order read now, so the first sorted search does not.
    const remembered = readSortSetting(db);
    if (remembered.field !== 'relevance') orders.order(remembered.field, index.seq);
  }, 20).unref();
  return handle;
}

const data = workerData as SearchWorkerData;
if (parentPort && data) {
  if (data.mode === 'build') void runBuilder(data);
  else if (data.mode === 'segment') serveSegments(parentPort);
  else serve(data);
}
