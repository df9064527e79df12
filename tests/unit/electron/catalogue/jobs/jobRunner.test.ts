import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobRunner, type JobEvent } from '../../../../../electron/catalogue/jobs/jobRunner.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';

/** A job that reports three steps and then waits for `release` (or for its cancel signal). */
function steppedJob(release: Promise<void>) {
  return async ({ signal, progress }: { signal: AbortSignal; progress(p: number): void }) => {
    for (let i = 1; i <= 3; i++) progress(i);
    await new Promise<void>((resolve, reject) => {
      void release.then(resolve);
      signal.addEventListener('abort', () => reject(new CatalogueError('export-cancelled', 'exportCancelled')), { once: true });
    });
    return 'made';
  };
}

test('jobs: one of each kind at a time; another kind may run alongside; the kind is free again after', async () => {
  const jobs = new JobRunner();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const first = jobs.run('export', steppedJob(released));
  assert.ok(jobs.isRunning('export'));
  // Refused at once, whatever the job would have done.
  await assert.rejects(jobs.run('export', async () => 'second'), (error: unknown) => error instanceof CatalogueError && error.code === 'busy');
  assert.equal(await jobs.run('backup', async () => 'backup ran'), 'backup ran');
  release();
  assert.equal(await first, 'made');
  assert.ok(!jobs.isRunning('export'));
  assert.equal(await jobs.run('export', async () => 'again'), 'again');
});

test('jobs: a typed event per step — started, progress in order, done with the result', async () => {
  const jobs = new JobRunner();
  const events: JobEvent<number, string>[] = [];
  let freeWhenDone: boolean | null = null;
  await jobs.run<number, string>('ingest', steppedJob(Promise.resolve()), {
    onEvent: (event) => {
      events.push(event);
      if (event.type === 'done') freeWhenDone = !jobs.isRunning('ingest');
    },
  });
  assert.deepEqual(
    events.map((e) => (e.type === 'progress' ? `progress ${e.progress}` : e.type === 'done' ? `done ${e.result}` : e.type)),
    ['started', 'progress 1', 'progress 2', 'progress 3', 'done made'],
  );
  // Whoever hears "done" can start the next job of the kind at once.
  assert.equal(freeWhenDone, true);
});

test('jobs: cancel() and the caller\'s own signal stop the job, which ends "cancelled"; a failure ends "failed"', async () => {
  const jobs = new JobRunner();
  const types: string[] = [];
  const running = jobs.run('export', steppedJob(new Promise(() => {})), { onEvent: (e) => types.push(e.type) });
  assert.equal(jobs.cancel('export'), true);
  await assert.rejects(running, /cancelled/);
  assert.equal(types.at(-1), 'cancelled');
  assert.equal(jobs.cancel('export'), false);

  const controller = new AbortController();
  const own = jobs.run('ingest', steppedJob(new Promise(() => {})), { signal: controller.signal });
  controller.abort();
  await assert.rejects(own, /cancelled/);
  assert.ok(!jobs.isRunning('ingest'));

  const failedTypes: string[] = [];
  await assert.rejects(
    jobs.run('backup', async () => {
      throw new Error('disk full');
    }, { onEvent: (e) => failedTypes.push(e.type) }),
    /disk full/,
  );
  assert.deepEqual(failedTypes, ['started', 'failed']);
  assert.ok(!jobs.isRunning('backup'));
});
