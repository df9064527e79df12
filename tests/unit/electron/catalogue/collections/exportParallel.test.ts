// The export renders its pictures in parallel (a worker per lane, exportPool.ts): the figures keep
// their order and names and the manifest its rows whatever order the workers finish in; a cancel
// while pictures render leaves nothing; one picture that cannot be made fails the export with its
// figure number, as when pictures were made one by one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import sharp from 'sharp';
import type { ExportProgress } from '../../../../../shared/collections.ts';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

const WORKERS = 3;
let dir: string;
let catalogue: Catalogue;
let collection: number;
let files: string[];

before(async () => {
  dir = await tempDir('fototar-export-parallel-');
  const photos = path.join(dir, 'photos');
  // Figure 1 is a large scan and the rest are small, so figure 1 is the last to be made: the
  // workers finish in another order than the figures'. Each has its own size, to tell the
  // manifest's rows apart.
  files = [
    await writeFixture(photos, 'fortepan_1001.jpg', makeJpeg({ width: 4000, height: 3000, colour: '#505050' })),
    ...(await Promise.all(
      [2, 3, 4, 5, 6].map((n) => writeFixture(photos, `fortepan_100${n}.jpg`, makeJpeg({ width: 40 + n, height: 30 + n, colour: `#${n}0${n}0${n}0` }))),
    )),
  ];
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([photos]);
  const ids = files.map((file) => catalogue.store.photos.byFile(file)!.id);
  collection = (await catalogue.collections.create('Parallel')).id;
  // A different order than the files': the collection's order is the figures' order.
  await catalogue.collections.add(collection, [ids[0], ids[3], ids[1], ids[5], ids[2], ids[4]]);
});

after(() => catalogue.close());

const request = (outDir: string) => ({ outDir, size: 1000, format: 'jpeg' as const, style: 'fortepan' as const, lang: 'en' as const, overwrite: false, poolSize: WORKERS });

test('pictures made in parallel keep the figures\' order and names, and the manifest its rows', async () => {
  const out = path.join(dir, 'export');
  const progress: ExportProgress[] = [];
  const report = await catalogue.exports.run(collection, request(out), { onProgress: (p) => progress.push(p) });
  const order = [1001, 1004, 1002, 1006, 1003, 1005];
  const names = order.map((id, i) => `0${i + 1}_fortepan_${id}.jpg`);
  assert.deepEqual(report.files, [...names, 'credits.txt', 'credits.docx', 'manifest.csv']);
  assert.deepEqual(fs.readdirSync(out).sort(), [...report.files].sort());

  // The workers were given figures 2 and 3 before figure 1 was done: the pictures were made at once.
  const started = progress.filter((p) => p.done === 0).map((p) => p.currentFile);
  for (const name of names.slice(0, WORKERS)) assert.ok(started.includes(name), `${name} started before any was done: ${started.join(', ')}`);
  // Progress only goes forward, to the end.
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i].done >= progress[i - 1].done, `done went back at ${i}`);
  assert.equal(progress.at(-1)?.done, report.files.length);

  const rows = parseCsv(fs.readFileSync(path.join(out, 'manifest.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  assert.deepEqual(rows.map((r) => [r.figure, r.file, r.fortepan_id]), order.map((id, i) => [String(i + 1), names[i], String(id)]));
  for (const [i, row] of rows.entries()) {
    const meta = await sharp(path.join(out, row.file)).metadata();
    assert.deepEqual([row.width, row.height], [String(meta.width), String(meta.height)], `row ${i + 1} has its own picture's size`);
    assert.equal(row.original, files[order[i] - 1001]);
  }
  assert.deepEqual([rows[0].width, rows[0].height], ['1000', '750'], 'the large scan, resized');
  assert.deepEqual([rows[1].width, rows[1].height], ['44', '34'], 'a small one, never enlarged');
});

test('a cancel while pictures are being made stops the rest and leaves nothing', async () => {
  const out = path.join(dir, 'export-cancelled');
  const controller = new AbortController();
  const done: number[] = [];
  await assert.rejects(
    catalogue.exports.run(collection, request(out), {
      signal: controller.signal,
      onProgress: (p) => {
        done.push(p.done);
        // A small picture is done; the large one is still being made.
        if (p.done === 1) controller.abort();
      },
    }),
    (e: CatalogueError) => e.code === 'export-cancelled',
  );
  assert.equal(Math.max(...done), 1, 'no picture is written after the cancel');
  assert.deepEqual(fs.readdirSync(out), [], 'not even the hidden staging folder is left');
});

test('one original that cannot be read fails the export with its figure number, and nothing is written', async () => {
  const broken = path.join(dir, 'photos', 'fortepan_1002.jpg');
  const original = fs.readFileSync(broken);
  // Figure 3 (fortepan_1002), damaged after it was catalogued.
  fs.writeFileSync(broken, 'not a picture any more');
  try {
    const out = path.join(dir, 'export-broken');
    await assert.rejects(
      catalogue.exports.run(collection, request(out)),
      (e: CatalogueError) => {
        assert.equal(e.code, 'invalid-input');
        assert.match(e.message, new RegExp(`^Figure 3 \\(${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) could not be converted: .+; nothing was written\\.$`));
        return true;
      },
    );
    assert.deepEqual(fs.readdirSync(out), []);
  } finally {
    fs.writeFileSync(broken, original);
  }
});
