// An export worker thread: renders one picture at a time (renderPicture.ts), so an export uses
// every core and the main thread (and Electron's UI) never waits on image work.
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import type { PoolReply, PoolTask } from '../workers/workerPool.ts';
import type { RenderRequest, RenderResult } from './exportPool.ts';
import { renderPicture } from './renderPicture.ts';

// One libvips thread per worker, as in the ingest: the pool is sized to the cores, so the machine
// is used once, not once per worker. No operation cache: each original is read once.
sharp.concurrency(1);
sharp.cache(false);
// What renderPicture loads for its first picture, loaded now, while the worker waits for one.
void import('../thumbnails/makeThumbnails.ts');

// eslint-disable-next-line @typescript-eslint/no-misused-promises -- every error is caught below and answered as a result
parentPort?.on('message', async (task: PoolTask<RenderRequest>) => {
  let result: RenderResult;
  const transfer: ArrayBuffer[] = [];
  try {
    const { data, width, height } = await renderPicture(task.request.pick, task.request.facts, task.request.options);
    result = { ok: true, data, width, height };
    // A picture that has its memory to itself (the usual case: the last metadata insert made it)
    // is handed over, not copied: a few MB less to copy and collect per picture.
    if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer) transfer.push(data.buffer);
  } catch (error) {
    result = { ok: false, reason: (error as Error).message };
  }
  const reply = { taskId: task.taskId, result } satisfies PoolReply<RenderResult>;
  try {
    parentPort?.postMessage(reply, transfer);
  } catch {
    // Memory that cannot be handed over (a native module's own) is copied instead.
    parentPort?.postMessage(reply);
  }
});
