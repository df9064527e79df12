// A base index built on every core: the photos are cut into the same slices a build in one
// piece makes (searchIndex.ts: segmentsOf), each slice is folded and given to Lunr in a worker
// thread (prepareSegment), and the slices are gathered in order on this thread. Every weight is
// Lunr's for the same slice, so the index is the same, array for array, as one built in one
// piece (tests/unit/electron/catalogue/search/parallelBuild.test.ts).
//
// The workers run the search worker's own module in its 'segment' mode (searchWorker.ts), so the
// bundled app needs no extra file.
import type { MessagePort } from 'node:worker_threads';
import { WorkerPool, type PoolTask } from '../workers/workerPool.ts';
import { BaseBuilder, prepareSegment, segmentsOf, SEGMENT_SIZE, type BaseIndex, type PreparedSegment } from './searchIndex.ts';
import { WordFolder, type SearchSource } from './searchDocument.ts';

type SegmentResult = { ok: true; prepared: PreparedSegment } | { ok: false };

export interface ParallelBuildOptions {
  /** The search worker's module (its own import.meta.url), run in 'segment' mode. */
  worker: URL;
  /** Worker threads; default one per core. */
  size?: number;
  /** Photos per segment; a test makes them small. */
  segmentSize?: number;
  onProgress?: (done: number) => void;
}

/**
 * Builds a base index from `sources` (read in one snapshot by the caller) with the segments
 * prepared in worker threads. A segment whose worker fails is prepared here instead.
 */
export async function buildBaseInParallel(sources: Iterable<SearchSource>, seq: number, options: ParallelBuildOptions): Promise<BaseIndex> {
  const pool = new WorkerPool<SearchSource[], SegmentResult>({
    worker: options.worker,
    workerData: { mode: 'segment' },
    size: options.size,
    taskTimeoutMs: null,
    failed: () => ({ ok: false }),
  });
  try {
    const base = new BaseBuilder();
    const folder = new WordFolder();
    const pending: { batch: SearchSource[]; result: Promise<SegmentResult> }[] = [];
    const gather = async () => {
      const next = pending.shift()!;
      const result = await next.result;
      base.add(next.batch, result.ok ? result.prepared : prepareSegment(next.batch, folder));
      options.onProgress?.(base.documentCount);
    };
    // One segment queued beyond the busy workers keeps them fed; more would only hold memory.
    for (const batch of segmentsOf(sources, options.segmentSize ?? SEGMENT_SIZE)) {
      pending.push({ batch, result: pool.run(batch) });
      if (pending.length > pool.size) await gather();
    }
    while (pending.length) await gather();
    return base.finish(seq);
  } finally {
    await pool.close();
  }
}

/** The worker's side: prepares each slice it is sent, handing the typed arrays back without copying. */
export function serveSegments(port: MessagePort): void {
  const folder = new WordFolder();
  port.on('message', ({ taskId, request }: PoolTask<SearchSource[]>) => {
    const prepared = prepareSegment(request, folder);
    const { segment, years, phrases } = prepared;
    const buffers = [segment.df, segment.term, segment.doc, segment.fieldBit, segment.weight, years, phrases.bytes, phrases.start].map((array) => array.buffer as ArrayBuffer);
    port.postMessage({ taskId, result: { ok: true, prepared } satisfies SegmentResult }, buffers);
  });
}
