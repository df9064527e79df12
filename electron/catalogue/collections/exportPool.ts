// The export's worker pool (the ingest's pool, workers/workerPool.ts, with exportWorker.ts in each
// worker): pictures are rendered in parallel, one per core, as the ingest reads files, and the
// main thread (Electron's UI) only writes what comes back.
import type { CollectionPick } from './collectionCredits.ts';
import type { ExportFacts } from './exportMetadata.ts';
import type { RenderOptions } from './renderPicture.ts';
import { defaultPoolSize, WorkerPool, type PoolFailure } from '../workers/workerPool.ts';

export interface RenderRequest {
  pick: Pick<CollectionPick, 'photo'>;
  facts: ExportFacts;
  options: RenderOptions;
}

/** A rendered picture (its bytes copied across from the worker), or why it could not be made. */
export type RenderResult = { ok: true; data: Uint8Array; width: number; height: number } | { ok: false; reason: string };

/** Where the worker's code is: the .ts source under Node, the bundled .mjs in Electron and the CLI bundle. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./exportWorker.ts', import.meta.url) : new URL('./exportWorker.mjs', import.meta.url);
}

function reason(failure: PoolFailure): string {
  switch (failure.kind) {
    case 'crashed':
      return `the renderer crashed on this picture (${failure.message})`;
    case 'exited':
      return `the renderer stopped unexpectedly (exit ${failure.code})`;
    case 'timedOut':
      return `timed out after ${failure.seconds} s`;
    case 'closed':
      return 'the export stopped before this picture was made';
  }
}

/** Workers for an export of `pictures` pictures: one per core (the ingest's rule), never more than there are pictures. */
export function exportPoolSize(pictures: number, requested?: number): number {
  return Math.max(1, Math.min(pictures, requested ?? defaultPoolSize()));
}

export type ExportPool = WorkerPool<RenderRequest, RenderResult>;

export function exportPool(pictures: number, requested?: number): ExportPool {
  return new WorkerPool<RenderRequest, RenderResult>({
    worker: workerUrl(),
    size: exportPoolSize(pictures, requested),
    // No deadline: a full-size TIFF of a large scan may rightly take minutes on a slow machine;
    // the person can cancel (as before the export had workers).
    taskTimeoutMs: null,
    failed: (failure) => ({ ok: false, reason: reason(failure) }),
  });
}

/**
 * Workers started before the collection is known (one per core): the CLI starts them while it
 * opens and checks the catalogue, so an export does not first wait for them to load sharp.
 */
export function startExportWorkers(): ExportPool {
  return exportPool(Number.POSITIVE_INFINITY);
}
