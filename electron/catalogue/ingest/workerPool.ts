// A pool of ingest workers sized to the cores. Each worker has one task at a time and a
// deadline: a file that makes a parser loop forever costs one terminated worker, not the ingest.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProcessRequest, ProcessResult } from './processFile.ts';
import type { WorkerReply, WorkerTask } from './ingestWorker.ts';

/** Where the worker's code is: the .ts source under Node, the bundled .mjs in Electron. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./ingestWorker.ts', import.meta.url) : new URL('./ingestWorker.mjs', import.meta.url);
}

interface Task {
  request: ProcessRequest;
  resolve: (result: ProcessResult) => void;
}

interface Slot {
  worker: Worker;
  busy: { taskId: number; resolve: (r: ProcessResult) => void; timer: NodeJS.Timeout } | null;
  /** Files this worker has done: it is replaced by a fresh one after RECYCLE_AFTER. */
  done: number;
}

/**
 * A worker is retired after this many files. Its heap (and whatever a parser or decoder keeps
 * per file) goes with it, so memory stays flat over a 200,000-file ingest; starting a worker
 * costs ~50 ms, under 0.1% of the time its files take.
 */
export const RECYCLE_AFTER = 500;

export interface WorkerPoolOptions {
  size?: number;
  taskTimeoutMs?: number;
}

export class WorkerPool {
  readonly size: number;
  readonly #timeoutMs: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Task[] = [];
  #nextTaskId = 1;
  #closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? os.availableParallelism());
    this.#timeoutMs = options.taskTimeoutMs ?? 60_000;
    for (let i = 0; i < this.size; i++) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerUrl()), busy: null, done: 0 };
    slot.worker.on('message', (reply: WorkerReply) => {
      if (slot.busy?.taskId === reply.taskId) this.#finish(slot, reply.result);
    });
    slot.worker.on('error', (error) => this.#replace(slot, `the reader crashed on this file (${error.message})`));
    slot.worker.on('exit', (code) => {
      if (!this.#closed && slot.busy) this.#replace(slot, `the reader stopped unexpectedly (exit ${code})`);
    });
    return slot;
  }

  #finish(slot: Slot, result: ProcessResult): void {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
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
  #replace(slot: Slot, reason: string): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    const busy = slot.busy;
    slot.busy = null;
    if (busy) clearTimeout(busy.timer);
    void slot.worker.terminate();
    if (!this.#closed) this.#slots[index] = this.#spawn();
    busy?.resolve({ ok: false, reason });
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
      const timer = setTimeout(
        () => this.#replace(slot, `timed out after ${Math.round(this.#timeoutMs / 1000)} s: a decoder or metadata parser hung on this file`),
        this.#timeoutMs,
      );
      slot.busy = { taskId, resolve: task.resolve, timer };
      slot.worker.postMessage({ taskId, request: task.request } satisfies WorkerTask);
    }
  }

  run(request: ProcessRequest): Promise<ProcessResult> {
    if (this.#closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<ProcessResult>((resolve) => {
      this.#queue.push({ request, resolve });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#queue.splice(0)) task.resolve({ ok: false, reason: 'ingest stopped before this file was read' });
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}
