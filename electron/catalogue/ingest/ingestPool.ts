// The ingest's worker pool: ingestWorker.ts in each worker (one file at a time), a deadline per
// file, and the reasons the ingest report gives for a file its worker could not answer (the UI
// reads some of them back: renderer/src/ingest/ingestReasons.ts).
import { WorkerPool, type PoolFailure } from '../workers/workerPool.ts';
import type { ProcessRequest, ProcessResult } from './processFile.ts';

/** Where the worker's code is: the .ts source under Node, the bundled .mjs in Electron and the CLI bundle. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./ingestWorker.ts', import.meta.url) : new URL('./ingestWorker.mjs', import.meta.url);
}

function reason(failure: PoolFailure): string {
  switch (failure.kind) {
    case 'crashed':
      return `the reader crashed on this file (${failure.message})`;
    case 'exited':
      return `the reader stopped unexpectedly (exit ${failure.code})`;
    case 'timedOut':
      return `timed out after ${failure.seconds} s: a decoder or metadata parser hung on this file`;
    case 'closed':
      return 'ingest stopped before this file was read';
  }
}

export type IngestPool = WorkerPool<ProcessRequest, ProcessResult>;

export function ingestPool(options: { size?: number; taskTimeoutMs?: number } = {}): IngestPool {
  return new WorkerPool<ProcessRequest, ProcessResult>({
    worker: workerUrl(),
    size: options.size,
    taskTimeoutMs: options.taskTimeoutMs ?? 60_000,
    failed: (failure) => ({ ok: false, reason: reason(failure) }),
  });
}
