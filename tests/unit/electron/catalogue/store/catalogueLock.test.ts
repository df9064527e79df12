// The catalogue lock (item 10): taken atomically, so of many processes racing for it (over a lock
// left by a dead process) exactly one wins, every time; and a lock file naming a pid that is alive
// but is another process (it started after the lock was written: pid reuse) does not lock the
// catalogue out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { processStartTime } from '../../../../../electron/catalogue/store/processIdentity.ts';
import { tempDir } from '../../../../support/fixtures.ts';
import { recordCatalogue } from '../../../../support/storeFixtures.ts';

const contender = fileURLToPath(new URL('../../../../support/lockContender.ts', import.meta.url));
const PROCESSES = 6;
const TRIALS = 20;

interface Contender {
  proc: ChildProcess;
  next(): Promise<string>;
}

function startContender(): Contender {
  const proc = spawn(process.execPath, [contender], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  return { proc, next: async () => String((await lines.next()).value) };
}

/** A process id that was in use and is now free (a child that has exited). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

test(`${PROCESSES} processes racing for a stale lock: exactly one wins, ${TRIALS} times out of ${TRIALS}`, async () => {
  const dir = await tempDir('fototar-lockrace-');
  const contenders = Array.from({ length: PROCESSES }, startContender);
  try {
    const stale = await deadPid();
    for (let trial = 0; trial < TRIALS; trial++) {
      const root = path.join(dir, `cat${trial}`);
      fs.mkdirSync(root);
      const lockFile = path.join(root, 'catalogue.lock');
      // Left by a Fototar that was killed: its process is gone.
      fs.writeFileSync(lockFile, JSON.stringify({ pid: stale, host: os.hostname(), since: new Date(Date.now() - 60_000).toISOString(), purpose: 'app', token: 'dead' }));
      const startAt = Date.now() + 300;
      for (const c of contenders) c.proc.stdin!.write(`race\t${lockFile}\t${root}\t${startAt}\n`);
      const answers = await Promise.all(contenders.map((c) => c.next()));
      const winners = answers.filter((a) => a === 'won');
      assert.equal(winners.length, 1, `trial ${trial}: ${answers.join(' | ')}`);
      for (const answer of answers.filter((a) => a !== 'won')) assert.match(answer, /^lost The catalogue at .* is in use by another Fototar/);
      const winner = contenders[answers.indexOf('won')];
      winner.proc.stdin!.write('release\n');
      assert.equal(await winner.next(), 'released');
    }
  } finally {
    for (const c of contenders) c.proc.kill('SIGKILL');
  }
});

test('a lock naming a live pid that is another process (started after the lock was written) is taken over', async () => {
  const { catalogueDir } = await recordCatalogue(1, 'x', 'fototar-pidreuse-');
  // A process alive now, which did not exist when the lock was written an hour ago.
  const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  try {
    await new Promise((resolve) => other.once('spawn', resolve));
    const lockFile = path.join(catalogueDir, 'catalogue.lock');
    const since = new Date(Date.now() - 3600_000).toISOString();
    // Written by an older Fototar (no start time recorded) ...
    fs.writeFileSync(lockFile, JSON.stringify({ pid: other.pid, host: os.hostname(), since, purpose: 'app', token: 'old' }));
    const first = Catalogue.open(catalogueDir);
    first.close();
    // ... or with the start time of the process that wrote it, which is not this one's.
    fs.writeFileSync(lockFile, JSON.stringify({ pid: other.pid, host: os.hostname(), since, purpose: 'app', token: 'old2', startTime: '1' }));
    const second = Catalogue.open(catalogueDir);
    second.close();

    // The same pid with its own start time is that process: respected, with a way out.
    if (processStartTime(other.pid!) !== null) {
      fs.writeFileSync(lockFile, JSON.stringify({ pid: other.pid, host: os.hostname(), since: new Date().toISOString(), purpose: 'app', token: 'live', startTime: processStartTime(other.pid!) }));
      assert.throws(
        () => Catalogue.open(catalogueDir),
        (error: unknown) => error instanceof CatalogueError && error.code === 'catalogue-in-use' && new RegExp(`process ${other.pid}.*end process ${other.pid}`).test(error.message),
      );
    }
  } finally {
    other.kill('SIGKILL');
  }
});
