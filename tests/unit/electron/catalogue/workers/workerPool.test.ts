// The worker pool the ingest and the export share: answers come back to the task that asked,
// whatever the order; a crash, a hang past the deadline, or closing the pool answers a task with
// the caller's own failure result; closing answers the tasks that were running too (an export's
// cancel waits on them), and the pool then refuses new ones.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerPool, type PoolFailure } from '../../../../../electron/catalogue/workers/workerPool.ts';
import { tempDir } from '../../../../support/fixtures.ts';

interface Request {
  value?: number;
  hang?: boolean;
  crash?: boolean;
}
type Result = { ok: true; value: number } | { ok: false; failure: PoolFailure };

let worker: URL;

before(async () => {
  const dir = await tempDir('fototar-pool-');
  const file = path.join(dir, 'testWorker.mjs');
  fs.writeFileSync(
    file,
    [
      "import { parentPort } from 'node:worker_threads';",
      'parentPort.on("message", ({ taskId, request }) => {',
      '  if (request.hang) return;',
      '  if (request.crash) throw new Error("boom");',
      // Later tasks answer sooner: answers arrive out of order.
      '  setTimeout(() => parentPort.postMessage({ taskId, result: { ok: true, value: request.value * 2 } }), 50 - request.value);',
      '});',
    ].join('\n'),
  );
  worker = pathToFileURL(file);
});

const pool = (size: number, taskTimeoutMs: number | null = null) =>
  new WorkerPool<Request, Result>({ worker, size, taskTimeoutMs, failed: (failure) => ({ ok: false, failure }) });

test('each task gets its own answer, more tasks than workers', async () => {
  const p = pool(3);
  try {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => p.run({ value: i })));
    assert.deepEqual(results, Array.from({ length: 10 }, (_, i) => ({ ok: true, value: i * 2 })));
  } finally {
    await p.close();
  }
});

test('closing answers the running and the queued tasks as closed, and refuses new ones', async () => {
  const p = pool(2);
  const pending = [p.run({ hang: true }), p.run({ hang: true }), p.run({ hang: true })];
  await p.close();
  assert.deepEqual(await Promise.all(pending), [0, 1, 2].map(() => ({ ok: false, failure: { kind: 'closed' } })));
  await assert.rejects(p.run({ value: 1 }), /closed/);
  await p.close();
});

test('a crash fails only its task; a fresh worker takes the next', async () => {
  const p = pool(1);
  try {
    assert.deepEqual(await p.run({ crash: true }), { ok: false, failure: { kind: 'crashed', message: 'boom' } });
    assert.deepEqual(await p.run({ value: 4 }), { ok: true, value: 8 });
  } finally {
    await p.close();
  }
});

test('a hang past the deadline fails only its task; a fresh worker takes the next', async () => {
  // A deadline far above what a fresh worker needs to start and answer, even on a loaded machine.
  const p = pool(1, 3000);
  try {
    assert.deepEqual(await p.run({ hang: true }), { ok: false, failure: { kind: 'timedOut', seconds: 3 } });
    assert.deepEqual(await p.run({ value: 4 }), { ok: true, value: 8 });
  } finally {
    await p.close();
  }
});
