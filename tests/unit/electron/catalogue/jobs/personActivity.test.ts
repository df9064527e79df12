// Background duties give way to the person (jobs/personActivity.ts): the originals check and the
// automatic backup wait while a window keeps asking for photos, and still get done — during
// constant use within their bound, at once when nobody browses; a backup waiting for its moment
// never costs the backup at close; work in worker threads runs at a lower priority.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { PersonActivity } from '../../../../../electron/catalogue/jobs/personActivity.ts';
import { backupDirectory, listBackups, startAutomaticBackups } from '../../../../../electron/catalogue/store/catalogueBackup.ts';
import { BACKGROUND_NICE, LOWER_THREAD_PRIORITY_SOURCE } from '../../../../../electron/catalogue/workers/threadPriority.ts';
import { recordCatalogue, waitFor } from '../../../../support/storeFixtures.ts';

/** Notes a request every `everyMs` until stopped, as a window scrolling the grid asks for thumbnails. */
function browsing(activity: PersonActivity, everyMs = 20) {
  activity.note();
  let lastNote = performance.now();
  // Unref'd: a failing assertion before stop() must not keep the test process alive.
  const timer = setInterval(() => {
    activity.note();
    lastNote = performance.now();
  }, everyMs).unref();
  return {
    stop: () => {
      clearInterval(timer);
      activity.note();
      lastNote = performance.now();
    },
    lastNote: () => lastNote,
  };
}

test('quiet(): at once when nobody asked; after a quiet moment when someone did; never past its bound', async () => {
  const activity = new PersonActivity();
  const t0 = performance.now();
  await activity.quiet({ quietMs: 10_000, atMostMs: 60_000 });
  assert.ok(performance.now() - t0 < 5_000, 'no request yet: no wait');

  // Someone browses for a while, then stops: the wait ends a quiet moment after the last request.
  const person = browsing(activity);
  setTimeout(() => person.stop(), 300);
  await activity.quiet({ quietMs: 150, atMostMs: 60_000 });
  assert.ok(performance.now() - person.lastNote() >= 150 - 1, 'resolved only after 150 ms without a request');

  // Someone never stops: the bound ends the wait while they go on.
  const busy = browsing(activity);
  let ended = false;
  await activity.quiet({ quietMs: 150, atMostMs: 200 }).then(() => (ended = true));
  assert.ok(ended);
  busy.stop();

  // The catalogue closing ends it too.
  const again = browsing(activity);
  const closing = new AbortController();
  const waiting = activity.quiet({ quietMs: 60_000, atMostMs: 60_000, signal: closing.signal });
  closing.abort();
  await waiting;
  again.stop();
});

test('every API call and every image shown is a request of the person', async () => {
  const { catalogueDir } = await recordCatalogue(2, 'kérés');
  const catalogue = Catalogue.open(catalogueDir);
  try {
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(catalogue.activity.sinceLast(), Number.POSITIVE_INFINITY, 'nothing asked yet');
    await createApiHandler(catalogue, { transport: 'browser', version: 'test' })('listPhotos', { offset: 0, limit: 10 });
    assert.ok(catalogue.activity.sinceLast() < 10_000, 'the API call was noted');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const before = catalogue.activity.sinceLast();
    const [id] = await catalogue.photos.ids();
    await catalogue.photos.shownImageFile(id, 'grid');
    assert.ok(catalogue.activity.sinceLast() < before, 'the thumbnail request was noted');
  } finally {
    catalogue.close();
  }
});

test('the background originals check waits while someone browses and finishes when they stop; a check asked for does not wait', async () => {
  const { catalogueDir } = await recordCatalogue(3, 'háttér');
  const catalogue = Catalogue.open(catalogueDir);
  try {
    await catalogue.whenWritable();
    // Asked for (the menu, `fototar check-files`): done while the person goes on browsing.
    const person = browsing(catalogue.activity);
    const asked = await catalogue.originals.check();
    assert.equal(asked.checked, 3);

    // In the background: not before a quiet moment (1 s) or its bound (2 s) per slice.
    let done = false;
    const background = catalogue.originals.check({ background: true }).then((report) => {
      done = true;
      return report;
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(done, false, 'the check waited while the grid was being scrolled');
    person.stop();
    const report = await background;
    assert.equal(report.checked, 3);
  } finally {
    catalogue.close();
  }
});

test('a due backup waits while someone browses, is made when they stop, and never costs the backup at close', async () => {
  const { catalogueDir } = await recordCatalogue(2, 'mentés');
  const catalogue = Catalogue.open(catalogueDir);
  try {
    await catalogue.whenWritable();
    const person = browsing(catalogue.activity);
    catalogue.startBackgroundDuties();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    assert.equal(listBackups(catalogue.paths).length, 0, 'no copy while the grid was being scrolled');
    person.stop();
    await waitFor(() => listBackups(catalogue.paths).length === 1, 'the backup once the person stopped');
  } finally {
    catalogue.close();
  }

  // A backup still waiting for its moment when the app closes after an edit: the close's copy is made.
  const again = Catalogue.open(catalogueDir);
  fs.rmSync(backupDirectory(again.paths), { recursive: true, force: true });
  let release = () => {};
  const made: string[] = [];
  const automatic = startAutomaticBackups(again.db, again.paths, { onBackup: (b) => made.push(b.file), beforeBackup: () => new Promise<void>((resolve) => (release = resolve)) });
  try {
    await again.photos.update(await again.photos.ids(), { caption: 'bezárás előtt' });
    const atClose = automatic.backupOnClose();
    assert.ok(atClose, 'the close made its copy although the due one was waiting');
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(made.length, 1, 'the waiting one was not made after the close');
  } finally {
    again.close();
  }
});

test('a worker running the lower-priority snippet runs at nice 10, the thread that started it unchanged', { skip: process.platform !== 'linux' && 'per-thread priority is Linux only' }, async () => {
  const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  const mine = niceOf(fs.readFileSync('/proc/thread-self/stat', 'utf8'));
  const theirs = await new Promise<number>((resolve, reject) => {
    const worker = new Worker(`${LOWER_THREAD_PRIORITY_SOURCE}\nrequire('node:worker_threads').parentPort.postMessage(require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8'));`, { eval: true });
    worker.once('message', (stat: string) => resolve(niceOf(stat)));
    worker.once('error', reject);
  });
  assert.equal(theirs, Math.max(mine, BACKGROUND_NICE));
  assert.equal(niceOf(fs.readFileSync('/proc/thread-self/stat', 'utf8')), mine);
});
