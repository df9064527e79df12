// Fault injection for backup and restore: the real `fototar backup` and `fototar restore` are
// killed with SIGKILL at every named step (FOTOTAR_FAULT=pause:<step>, see
// electron/catalogue/faultInjection.ts) and at a spread of moments in between (slow:<ms>
// stretches each step so the kills land inside them). After every kill: the catalogue opens, its
// integrity_check is ok, its content is all-or-nothing (the old state or the restored one, never a
// mix), every backup listed is whole, and after that open nothing is left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { listBackups } from '../../../../../electron/catalogue/store/catalogueBackup.ts';
import { checkDatabaseFile } from '../../../../../electron/catalogue/store/databaseCheck.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { filesUnder, integrity, recordCatalogue } from '../../../../support/storeFixtures.ts';
import { runFototar, startFototar } from '../../../../support/cli.ts';

const BACKUP_STEPS = ['backup:start', 'backup:copied', 'backup:checked', 'backup:renamed'];
const RESTORE_STEPS = ['restore:locked', ...BACKUP_STEPS, 'restore:kept', 'restore:copied', 'restore:checkpointed', 'restore:index-dropped', 'restore:renamed'];
const SLOW_MS = 40;

/** Every kill timing: paused at each step, then killed 0, 15, 30… ms after the first step began. */
function timings(steps: string[], spread: number): { env: string; label: string; afterMs: number }[] {
  return [
    ...steps.map((step) => ({ env: `pause:${step}`, label: `paused at ${step}`, afterMs: 0 })),
    ...Array.from({ length: spread }, (_, i) => ({ env: `slow:${SLOW_MS}`, label: `${i * 15} ms into the run`, afterMs: i * 15 })),
  ];
}

async function killAt(args: string[], timing: { env: string; afterMs: number }): Promise<void> {
  const pauseStep = timing.env.startsWith('pause:') ? timing.env.slice('pause:'.length) : null;
  const run = startFototar(args, { FOTOTAR_FAULT: timing.env }, (line) => (pauseStep ? line === `fault-point ${pauseStep}` : line.startsWith('fault-point ')));
  const reached = await run.reached;
  assert.ok(reached, `the run ended before the kill: ${run.stderr()}`);
  if (timing.afterMs) await new Promise((resolve) => setTimeout(resolve, timing.afterMs));
  run.proc.kill('SIGKILL');
  await run.exited;
}

interface State {
  count: number;
  captions: string[];
}

/** Opens the catalogue as the app does, checks it, returns its content, closes it. */
async function openAndCheck(catalogueDir: string, label: string): Promise<State> {
  const catalogue = Catalogue.open(catalogueDir);
  try {
    await catalogue.whenWritable();
    assert.equal(integrity(catalogue.paths.database), 'ok', label);
    const photos = (await Array.fromAsync(catalogue.photos.iterateAll()));
    for (const backup of listBackups(catalogue.paths)) assert.ok(checkDatabaseFile(backup.file, 'integrity_check').ok, `${label}: ${backup.file} is whole`);
    const left = filesUnder(catalogueDir).filter((name) => /\.partial|\.restoring/.test(name));
    assert.deepEqual(left, [], `${label}: nothing left behind after opening`);
    return { count: photos.length, captions: [...new Set(photos.map((p) => p.caption))] };
  } finally {
    catalogue.close();
  }
}

test('fototar backup killed at 20 moments: the catalogue is untouched and every backup is whole', async () => {
  const { catalogueDir } = await recordCatalogue(200, 'mentendő');
  const all = timings(BACKUP_STEPS, 16);
  assert.ok(all.length >= 20);
  for (const timing of all) {
    await killAt(['backup', '--catalogue', catalogueDir], timing);
    const state = await openAndCheck(catalogueDir, `backup ${timing.label}`);
    assert.deepEqual(state, { count: 200, captions: ['mentendő'] }, `backup ${timing.label}`);
  }
  // And it still completes.
  assert.equal(runFototar(['backup', '--catalogue', catalogueDir]).status, 0);
});

test('fototar restore killed at 20 moments: the old database or the restored one, whole, never a mix', async () => {
  // The backup: 200 photos "visszaállított"; the current state: 201 photos "jelenlegi".
  const { catalogueDir } = await recordCatalogue(200, 'visszaállított');
  const made = runFototar(['backup', '--catalogue', catalogueDir, '--json']);
  assert.equal(made.status, 0, made.stderr);
  const backupFile = JSON.parse(made.stdout).file as string;
  const makeCurrent = async () => {
    const catalogue = Catalogue.open(catalogueDir);
    try {
      await catalogue.photos.update(await catalogue.photos.ids(), { caption: 'jelenlegi' });
      catalogue.store.photos.insert(fortepanRecord(9999, { caption: 'jelenlegi' }), new Date().toISOString());
    } finally {
      catalogue.close();
    }
  };
  await makeCurrent();
  const OLD = { count: 201, captions: ['jelenlegi'] };
  const NEW = { count: 200, captions: ['visszaállított'] };
  const all = timings(RESTORE_STEPS, 12);
  assert.ok(all.length >= 20);
  const seen = new Set<string>();
  for (const timing of all) {
    await killAt(['restore', backupFile, '--catalogue', catalogueDir], timing);
    const state = await openAndCheck(catalogueDir, `restore ${timing.label}`);
    const which = JSON.stringify(state) === JSON.stringify(OLD) ? 'old' : JSON.stringify(state) === JSON.stringify(NEW) ? 'new' : null;
    assert.ok(which, `restore ${timing.label}: neither the old nor the restored state: ${JSON.stringify(state)}`);
    seen.add(which);
    if (timing.env === 'pause:restore:renamed') assert.equal(which, 'new', 'killed after the rename: restored');
    if (timing.env === 'pause:restore:index-dropped') assert.equal(which, 'old', 'killed before the rename: as it was');
    if (which === 'new') await makeCurrent();
    // Copies taken before each restore are kept (never pruned): remove them between trials.
    for (const name of fs.readdirSync(path.join(catalogueDir, 'backups'))) if (name.includes('before-restore')) fs.rmSync(path.join(catalogueDir, 'backups', name));
  }
  assert.deepEqual([...seen].sort(), ['new', 'old'], 'kills landed both before and after the switch');
});
