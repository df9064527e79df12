// A child process for the crash tests: opens a catalogue and keeps working on it (edits, batch
// edits or an ingest), printing a line after each commit, until the parent kills it with SIGKILL.
// Usage: node busyCatalogue.ts <edit|batch|ingest|hold> <catalogueDir> [photosDir]
import { Catalogue } from '../../electron/catalogue/catalogue.ts';

const [mode, dir, photos] = process.argv.slice(2);
const catalogue = Catalogue.open(dir, { create: mode === 'ingest', purpose: `test ${mode}` });
const say = (line: string) => process.stdout.write(`${line}\n`);
say('open');

if (mode === 'edit') {
  const [first] = (await catalogue.photos.list(0, 1)).photos;
  for (let i = 1; ; i++) {
    await catalogue.photos.update([first.id], { caption: `edit ${i}`, notes: `note ${i}` });
    say(`committed ${i}`);
  }
} else if (mode === 'batch') {
  const ids = (await catalogue.photos.list(0, 1000)).photos.map((p) => p.id);
  for (let i = 1; ; i++) {
    await catalogue.photos.update(ids, { caption: `batch ${i}`, tags: [`t${i}`, 'közös'], date: `${1900 + (i % 100)}` });
    say(`committed ${i}`);
  }
} else if (mode === 'ingest') {
  await catalogue.ingest.run([photos], { poolSize: 2, onProgress: (p) => say(`progress ${p.done}`) });
  say('done');
} else if (mode === 'hold') {
  // Holds the catalogue, and so a reference to it: an unreferenced Catalogue is garbage, and
  // collecting it closes its lock's SQLite connection, which frees the lock.
  setInterval(() => catalogue.health(), 1000);
}
