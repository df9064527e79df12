// The main process's side of the search worker: requests by id, and cancellation. Each new
// query text raises a shared generation number; the worker gives up on any request of an older
// generation (queued or running), so typing "b", "bu", "bud" runs one query, not three.
// Pages and facets of the same query share its generation and never cancel each other.
import { Worker } from 'node:worker_threads';
import type { SearchFacets } from '../../../shared/searchFacets.ts';
import { CatalogueError } from '../catalogueError.ts';
import type { MessageRef } from '../../../shared/errorMessages.ts';
import type { CataloguePaths } from '../cataloguePaths.ts';
import type { IndexMessage, SearchReply, SearchRequest, SearchWorkerData } from './searchWorker.ts';
import type { SearchEngine, SearchStatus } from './searchEngine.ts';
import { readIndexBytes } from './indexFile.ts';
import type { SortDirection, SortField } from '../../../shared/photoSort.ts';

/** Where the worker's code is: the .ts source under Node, the bundled .mjs in Electron. */
export function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./searchWorker.ts', import.meta.url) : new URL('./searchWorker.mjs', import.meta.url);
}

type RequestBody = SearchRequest extends infer R ? (R extends SearchRequest ? Omit<R, 'id'> : never) : never;

export class SearchService implements SearchEngine {
  readonly #paths: CataloguePaths;
  #worker: Worker | null = null;
  readonly #pending = new Map<number, { gen: number; resolve(value: unknown): void; reject(error: Error): void }>();
  readonly #control = new Int32Array(new SharedArrayBuffer(4));
  #nextId = 1;
  #gen = 0;
  #lastQuery: string | null = null;
  #closed = false;
  /** How long reading the index file took at start (for the benchmark). */
  readMs = 0;

  constructor(paths: CataloguePaths) {
    this.#paths = paths;
  }

  /** Starts the worker loading the index (opening a catalogue calls this; it does not wait). */
  start(): void {
    if (this.#worker || this.#closed) return;
    const data: SearchWorkerData = { mode: 'serve', database: this.#paths.database, indexFile: this.#paths.searchIndex, control: this.#control.buffer as SharedArrayBuffer };
    const worker = new Worker(workerUrl(), { workerData: data });
    this.#worker = worker;
    // Read the index file (off this thread, in libuv's pool) while the worker loads its code,
    // then hand the bytes over without copying.
    const started = performance.now();
    void readIndexBytes(this.#paths.searchIndex).then((bytes) => {
      this.readMs = performance.now() - started;
      worker.postMessage({ type: 'index', bytes } satisfies IndexMessage, bytes ? [bytes.data] : []);
    });
    worker.on('message', (reply: SearchReply | { ready: true }) => {
      if (!('id' in reply)) return;
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new CatalogueError(reply.error.code, reply.error.key, reply.error.params));
    });
    const fail = (message: MessageRef) => {
      if (this.#worker === worker) this.#worker = null;
      for (const [, pending] of this.#pending) pending.reject(new CatalogueError('search-failed', message.key, message.params));
      this.#pending.clear();
    };
    worker.on('error', (error) => fail({ key: 'searchIndexUnreadable', params: { reason: error.message } }));
    worker.on('exit', (code) => {
      if (!this.#closed) fail({ key: 'searchStopped', params: { exitCode: code } });
    });
    // The CLI exits when its work is done, even with the worker idle.
    worker.unref();
  }

  #request<T>(body: RequestBody): Promise<T> {
    if (this.#closed) return Promise.reject(new CatalogueError('search-failed', 'catalogueClosed'));
    this.start();
    const worker = this.#worker!;
    const id = this.#nextId++;
    const gen = 'gen' in body ? body.gen : Infinity;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { gen, resolve: resolve as (v: unknown) => void, reject });
      // While a request is pending the process must stay alive for its answer.
      worker.ref();
      worker.postMessage({ ...body, id });
    }).finally(() => {
      if (this.#pending.size === 0) worker.unref();
    });
  }

  #generation(query: string): number {
    if (query !== this.#lastQuery) {
      this.#lastQuery = query;
      this.#gen++;
      // The worker stops work on older queries when it next looks; their callers hear now.
      Atomics.store(this.#control, 0, this.#gen);
      for (const [id, pending] of this.#pending) {
        if (pending.gen < this.#gen) {
          this.#pending.delete(id);
          pending.reject(new CatalogueError('search-cancelled', 'searchReplaced'));
        }
      }
    }
    return this.#gen;
  }

  /** One page of a query's hits (photo ids, best first or in `sort`'s order) and their total. */
  search(query: string, offset: number, limit: number, sort?: { field: SortField; direction: SortDirection }): Promise<{ total: number; ids: number[]; suggestion?: string }> {
    return this.#request({ type: 'search', gen: this.#generation(query), query, offset, limit, ...(sort ? { sort } : {}) });
  }

  /**
   * Hit ids of a query for a selection (ranges, select-all, batch edits): never cancelled by a
   * newer query, and it cancels none, so the grid's own searches go on undisturbed.
   */
  ids(query: string, offset: number, limit: number, sort?: { field: SortField; direction: SortDirection }): Promise<{ total: number; ids: number[] }> {
    return this.#request({ type: 'search', gen: Infinity, query, offset, limit, ...(sort ? { sort } : {}) });
  }

  facets(query: string): Promise<Omit<SearchFacets, 'error'>> {
    return this.#request({ type: 'facets', gen: this.#generation(query), query });
  }

  status(): Promise<SearchStatus> {
    return this.#request({ type: 'status' });
  }

  close(): void {
    this.#closed = true;
    for (const [, pending] of this.#pending) pending.reject(new CatalogueError('search-failed', 'catalogueClosed'));
    this.#pending.clear();
    void this.#worker?.terminate();
    this.#worker = null;
  }
}
