// An ingest worker thread: decodes, hashes, parses and thumbnails one file at a time, so the
// main thread (and Electron's UI) never waits on image work, and a parser that hangs on one
// file can be stopped by terminating this thread.
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { processFile, type ProcessRequest, type ProcessResult } from './processFile.ts';
import type { PoolReply, PoolTask } from '../workers/workerPool.ts';

// One libvips thread per worker: the pool is sized to the cores, so the machine is used once.
sharp.concurrency(1);
sharp.cache(false);

export type WorkerTask = PoolTask<ProcessRequest>;
export type WorkerReply = PoolReply<ProcessResult>;

// eslint-disable-next-line @typescript-eslint/no-misused-promises -- every error is caught below and answered as a result
parentPort?.on('message', async (task: WorkerTask) => {
  let result: ProcessResult;
  try {
    result = await processFile(task.request);
  } catch (error) {
    result = { ok: false, reason: `could not process: ${(error as Error).message}` };
  }
  parentPort?.postMessage({ taskId: task.taskId, result } satisfies WorkerReply);
});
