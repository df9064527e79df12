// A pool of worker threads sized to the cores, for image work off the main thread (the ingest's
// reading and thumbnails, the export's rendering). Each worker has one task at a time and may have
// a deadline: a file that makes a decoder loop forever costs one terminated worker, not the run.
// The pool knows nothing of what its tasks are: the caller names the worker module and says what
// result a task gets when its worker fails it (ingest/ingestPool.ts, collections/exportPool.ts).
import os from 'node:os';
import { Worker } from 'node:worker_threads';

/** What a worker is sent, and what it answers (a worker module replies with the same taskId). */
export interface PoolTask<Request> {
  taskId: number;
  request: Request;
}

export interface PoolReply<Result> {
  taskId: number;
  result: Result;
}

/** Why a task got no answer from its worker. */
export type PoolFailure =
  | { kind: 'crashed'; message: string }
  | { kind: 'exited'; code: number }
  | { kind: 'timedOut'; seconds: number }
  /** The pool was closed before the task ran, or while it ran. */
  | { kind: 'closed' };

export interface WorkerPoolOptions<Result> {
  /** The worker's module: its .ts source under Node, the bundled .mjs in the builds. */
  worker: URL;
  /** Given to each worker as its workerData (a module serving several kinds of worker reads its mode there). */
  workerData?: unknown;
  /** Number of workers; default: the cores (os.availableParallelism()). */
  size?: number;
  /** A task's deadline; null: none. */
  taskTimeoutMs: number | null;
  /** The result of a task its worker did not answer. */
  failed: (failure: PoolFailure) => Result;
}

interface Task<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
}

interface Slot<Result> {
  worker: Worker;
  busy: { taskId: number; resolve: (r: Result) => void; timer: NodeJS.Timeout | null } | null;
  /** Tasks this worker has done: it is replaced by a fresh one after RECYCLE_AFTER. */
  done: number;
}

/**
 * A worker is retired after this many tasks. Its heap (and whatever a parser or decoder keeps
 * per file) goes with it, so memory stays flat over a 200,000-file ingest; starting a worker
 * costs ~50 ms, under 0.1% of the time its files take.
 */
export const RECYCLE_AFTER = 500;

/** The number of workers a pool has when the caller does not say: one per core. */
export function defaultPoolSize(): number {
  return os.availableParallelism();
}

export class WorkerPool<Request, Result> {
  readonly size: number;
  readonly #worker: URL;
  readonly #workerData: unknown;
  readonly #timeoutMs: number | null;
  readonly #failed: (failure: PoolFailure) => Result;
  readonly #slots: Slot<Result>[] = [];
  readonly #queue: Task<Request, Result>[] = [];
  #nextTaskId = 1;
  #closed = false;
  #closing: Promise<void> | null = null;

  constructor(options: WorkerPoolOptions<Result>) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.#worker = options.worker;
    this.#workerData = options.workerData;
    this.#timeoutMs = options.taskTimeoutMs;
    this.#failed = options.failed;
    for (let i = 0; i < this.size; i++) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot<Result> {
    const slot: Slot<Result> = { worker: new Worker(this.#worker, { workerData: this.#workerData }), busy: null, done: 0 };
    slot.worker.on('message', (reply: PoolReply<Result>) => {
      if (slot.busy?.taskId === reply.taskId) this.#finish(slot, reply.result);
    });
    slot.worker.on('error', (error) => this.#replace(slot, { kind: 'crashed', message: error.message }));
    slot.worker.on('exit', (code) => {
      if (!this.#closed && slot.busy) this.#replace(slot, { kind: 'exited', code });
    });
    return slot;
  }

  #finish(slot: Slot<Result>, result: Result): void {
    const busy = slot.busy;
    if (!busy) return;
    if (busy.timer) clearTimeout(busy.timer);
    slot.busy = null;
    if (++slot.done >= RECYCLE_AFTER && !this.#closed) {
      const index = this.#slots.indexOf(slot);
      void slot.worker.terminate();
      if (index >= 0) this.#slots[index] = this.#spawn();
    }
    busy.resolve(result);
    this.#pump();
  }

  /** Ends a worker that crashed or hung, fails its task with the reason, and starts a fresh one. */
  #replace(slot: Slot<Result>, failure: PoolFailure): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    const busy = slot.busy;
    slot.busy = null;
    if (busy?.timer) clearTimeout(busy.timer);
    void slot.worker.terminate();
    if (!this.#closed) this.#slots[index] = this.#spawn();
    busy?.resolve(this.#failed(failure));
    this.#pump();
  }

  /** Hands queued tasks to idle workers; runs synchronously so no slot is given out twice. */
  #pump(): void {
    if (this.#closed) return;
    for (const slot of this.#slots) {
      if (slot.busy) continue;
      const task = this.#queue.shift();
      if (!task) return;
      const taskId = this.#nextTaskId++;
      const timeoutMs = this.#timeoutMs;
      const timer = timeoutMs === null ? null : setTimeout(() => this.#replace(slot, { kind: 'timedOut', seconds: Math.round(timeoutMs / 1000) }), timeoutMs);
      slot.busy = { taskId, resolve: task.resolve, timer };
      slot.worker.postMessage({ taskId, request: task.request } satisfies PoolTask<Request>);
    }
  }

  run(request: Request): Promise<Result> {
    if (this.#closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<Result>((resolve) => {
      this.#queue.push({ request, resolve });
      this.#pump();
    });
  }

  /**
   * Stops the workers (a running task is not waited for) and answers every task not yet answered
   * as closed, so whoever awaits one goes on at once (an export's cancel). Every call waits for
   * the same end.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    const unanswered = this.#queue.splice(0).map((task) => task.resolve);
    for (const slot of this.#slots) {
      if (!slot.busy) continue;
      if (slot.busy.timer) clearTimeout(slot.busy.timer);
      unanswered.push(slot.busy.resolve);
      slot.busy = null;
    }
    for (const resolve of unanswered) resolve(this.#failed({ kind: 'closed' }));
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}
