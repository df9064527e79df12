// Export publish in one process: an error halfway through the moves and a cancel leave the
// earlier export as it was; --overwrite replaces the earlier export's files (its extra figures
// too) and nothing else. A crash at any point is walked in tests/unit/electron/catalogue/store/killNine.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { STAGING_PREFIX } from '../../../../../electron/catalogue/collections/exportPublish.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';

let catalogue: Catalogue;
let dir: string;
let all: number;
let three: number;
const base = { format: 'jpeg' as const, style: 'fortepan' as const, lang: 'en' as const };

function state(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(folder).sort().map((name) => {
      const file = path.join(folder, name);
      return [name, fs.statSync(file).isDirectory() ? 'folder' : crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')];
    }),
  );
}

/** An earlier export of all five photos, plus the person's own files. */
async function earlierExport(name: string): Promise<string> {
  const out = path.join(dir, name);
  await catalogue.exports.run(all, { ...base, outDir: out, size: 24, overwrite: false });
  fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
  fs.writeFileSync(path.join(out, '07_fortepan_1.jpg'), 'mine too, though named like an export picture');
  return out;
}

before(async () => {
  const made = await archivistCatalogue(5);
  catalogue = made.catalogue;
  dir = made.dir;
  const service = catalogue.collections;
  all = (await service.create('All')).id;
  await service.add(all, made.ids);
  three = (await service.create('Three')).id;
  await service.add(three, made.ids.slice(0, 3));
});

after(() => catalogue.close());

test('--overwrite replaces the earlier export, its extra figures included, and nothing of the person', async () => {
  const out = await earlierExport('overwrite');
  const before = state(out);
  const report = await catalogue.exports.run(three, { ...base, outDir: out, size: 32, lang: 'hu', overwrite: true });
  const now = state(out);
  assert.deepEqual(Object.keys(now), [...report.files, 'notes.txt', '07_fortepan_1.jpg'].sort());
  assert.equal(now['notes.txt'], before['notes.txt']);
  assert.equal(now['07_fortepan_1.jpg'], before['07_fortepan_1.jpg']);
  for (const name of report.files) assert.notEqual(now[name], before[name], `${name} replaced`);
  assert.ok(!('04_fortepan_1003.jpg' in now) && !('05_fortepan_1004.jpg' in now), 'the earlier figures 4 and 5 are gone');
});

test('an error halfway through publishing puts every earlier file back', async () => {
  const out = await earlierExport('blocked');
  // A folder where the new credits.txt must go: the moves fail after the pictures went in.
  fs.rmSync(path.join(out, 'credits.txt'));
  fs.mkdirSync(path.join(out, 'credits.txt'));
  const before = state(out);
  await assert.rejects(
    catalogue.exports.run(three, { ...base, outDir: out, size: 32, overwrite: true }),
    (e: CatalogueError) => e.code === 'not-saved' && /could not be moved into .*the folder is as it was/.test(e.message),
  );
  assert.deepEqual(state(out), before);
  assert.ok(!fs.readdirSync(out).some((n) => n.startsWith(STAGING_PREFIX)));
  assert.deepEqual(fs.readdirSync(path.join(catalogue.paths.root, 'pending-exports')), []);
});

test('cancel while overwriting leaves the earlier export as it was', async () => {
  const out = await earlierExport('cancelled');
  const before = state(out);
  const controller = new AbortController();
  await assert.rejects(
    catalogue.exports.run(three, { ...base, outDir: out, size: 32, overwrite: true }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    }),
    (e: CatalogueError) => e.code === 'export-cancelled',
  );
  assert.deepEqual(state(out), before);
});
