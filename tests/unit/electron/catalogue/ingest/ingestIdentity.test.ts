// Identity and change at archive scale: photos are their content hash. Re-ingesting changes
// nothing, renames and moves (also into another folder of the same ingest) relink with edits
// intact, identical files at two paths are flagged as duplicates, and a cancelled ingest leaves
// a catalogue that is consistent and that the same ingest completes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { showPhoto } from '../../../../../electron/cli/cliSupport.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

async function freshCatalogue() {
  const dir = await tempDir();
  return { dir, photos: path.join(dir, 'photos'), catalogue: Catalogue.open(path.join(dir, 'cat'), { create: true }) };
}

/** Every row as stored, so "nothing changed" can be checked column by column. */
function snapshot(catalogue: Catalogue): unknown[] {
  return catalogue.db.prepare('SELECT * FROM photos ORDER BY id').all();
}

function searchChanges(catalogue: Catalogue): number {
  return Number((catalogue.db.prepare('SELECT count(*) AS n FROM search_changes').get() as { n: number }).n);
}

/** A grainy image unlike any other, so each file has its own hash and real decode work. */
function noisyJpeg(seed: number, width = 320, height = 240): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 60 + (seed % 120), sigma: 30 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

test('ingesting the same folders again changes no row and logs no search change', async () => {
  const { photos, catalogue } = await freshCatalogue();
  for (let i = 0; i < 5; i++) await writeFixture(photos, `roll${i % 2}/fortepan_${100 + i}.jpg`, makeJpeg({ colour: `#${i}${i}4466` }));
  await writeFixture(photos, 'roll0/copy.jpg', makeJpeg({ colour: '#004466' })); // same bytes as fortepan_100
  try {
    const first = await catalogue.ingest.run([photos]);
    assert.deepEqual([first.added, first.failed.length], [6, 0]);
    const before = snapshot(catalogue);
    const changesBefore = searchChanges(catalogue);
    for (let run = 0; run < 2; run++) {
      const again = await catalogue.ingest.run([photos]);
      assert.deepEqual([again.added, again.updated, again.unchanged, again.photos], [0, 0, 6, 6]);
    }
    assert.deepEqual(snapshot(catalogue), before);
    assert.equal(searchChanges(catalogue), changesBefore);
  } finally {
    catalogue.close();
  }
});

test('identical files at two paths: the later one is flagged as a duplicate of the first', async () => {
  const { photos, catalogue } = await freshCatalogue();
  const bytes = await makeJpeg({ colour: '#123456', width: 90, height: 60 });
  const original = await writeFixture(photos, 'a/fortepan_300.jpg', Promise.resolve(bytes));
  await writeFixture(photos, 'b/other.jpg', makeJpeg({ colour: '#654321' }));
  try {
    await catalogue.ingest.run([photos]);
    const originalId = catalogue.store.photos.byFile(original)!.id;
    assert.equal((await catalogue.photos.get(originalId)).duplicateOf, null);

    // A second copy appears in another folder (an archivist filed the same scan twice).
    const copy = await writeFixture(photos, 'c/the same scan.jpg', Promise.resolve(bytes));
    const report = await catalogue.ingest.run([photos]);
    assert.deepEqual([report.added, report.updated, report.unchanged], [1, 0, 2]);
    const copyPhoto = await catalogue.photos.get(catalogue.store.photos.byFile(copy)!.id);
    assert.equal(copyPhoto.duplicateOf, originalId);
    assert.equal((await catalogue.photos.get(originalId)).duplicateOf, null);
    // The grid summary and `show --json` carry the flag.
    assert.equal(catalogue.photos.summaries([copyPhoto])[0].duplicateOf, originalId);
    assert.equal(JSON.parse(JSON.stringify(showPhoto(copyPhoto))).duplicateOf, originalId);
    // Both copies are kept as photos; nothing else is flagged.
    assert.deepEqual((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => p.duplicateOf !== null), [false, false, true]);

    // Moving the original away while its copy stays relinks the original, not the copy.
    const movedOriginal = path.join(photos, 'd', 'fortepan_300.jpg');
    await fs.mkdir(path.dirname(movedOriginal), { recursive: true });
    await fs.rename(original, movedOriginal);
    const afterMove = await catalogue.ingest.run([photos]);
    assert.deepEqual([afterMove.added, afterMove.updated, afterMove.photos], [0, 1, 3]);
    assert.equal((await catalogue.photos.get(originalId)).file, movedOriginal);
    assert.equal((await catalogue.photos.get(copyPhoto.id)).duplicateOf, originalId);

    // The copy's content changes: it is no longer a duplicate.
    await fs.writeFile(copy, await makeJpeg({ colour: '#abcdef' }));
    await catalogue.ingest.run([photos]);
    assert.equal((await catalogue.photos.get(copyPhoto.id)).duplicateOf, null);
  } finally {
    catalogue.close();
  }
});

test('a file renamed within its folder is relinked, keeping its edits and its id', async () => {
  const { photos, catalogue } = await freshCatalogue();
  const file = await writeFixture(photos, 'roll/IMG_0001.jpg', makeJpeg({ colour: '#336699' }));
  await writeFixture(photos, 'roll/IMG_0002.jpg', makeJpeg({ colour: '#993366' }));
  try {
    await catalogue.ingest.run([photos]);
    const id = catalogue.store.photos.byFile(file)!.id;
    await catalogue.photos.update([id], { caption: 'Lánchíd, 1949', tags: ['híd'] });
    const renamed = path.join(photos, 'roll', 'fortepan_4711.jpg');
    await fs.rename(file, renamed);
    const report = await catalogue.ingest.run([photos]);
    assert.deepEqual([report.added, report.updated, report.unchanged, report.photos], [0, 1, 1, 2]);
    const photo = await catalogue.photos.get(id);
    assert.equal(photo.file, renamed);
    assert.equal(photo.caption, 'Lánchíd, 1949');
    assert.deepEqual(photo.tags, ['híd']);
    assert.equal(photo.duplicateOf, null);
    assert.ok(await catalogue.photos.imageFile(id, 'grid'), 'its thumbnails still resolve');
  } finally {
    catalogue.close();
  }
});

test('a file moved from one added folder to another added folder is relinked', async () => {
  const dir = await tempDir();
  const donorA = path.join(dir, 'Ebner');
  const donorB = path.join(dir, 'Kölcsey');
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  const file = await writeFixture(donorA, 'fortepan_9.jpg', makeJpeg({ colour: '#5a4a3a' }));
  await writeFixture(donorB, 'fortepan_10.jpg', makeJpeg({ colour: '#3a4a5a' }));
  try {
    await catalogue.ingest.run([donorA, donorB]);
    const id = catalogue.store.photos.byFile(file)!.id;
    await catalogue.photos.update([id], { donor: 'Ebner' });
    const moved = path.join(donorB, 'sub', 'fortepan_9.jpg');
    await fs.mkdir(path.dirname(moved), { recursive: true });
    await fs.rename(file, moved);
    const report = await catalogue.ingest.run([donorA, donorB]);
    assert.deepEqual([report.added, report.updated, report.photos], [0, 1, 2]);
    assert.equal((await catalogue.photos.get(id)).file, moved);
    assert.equal((await catalogue.photos.get(id)).donor, 'Ebner');
    assert.equal(catalogue.store.photos.byFile(file), null);
  } finally {
    catalogue.close();
  }
});

test('a cancelled ingest leaves a consistent catalogue, and the same ingest then completes it', async () => {
  const { photos, catalogue } = await freshCatalogue();
  const total = 60;
  for (let i = 0; i < total; i++) await writeFixture(photos, `f_${String(i).padStart(3, '0')}.jpg`, noisyJpeg(i, 900, 700));
  try {
    const controller = new AbortController();
    const report = await catalogue.ingest.run([photos], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 8) controller.abort();
      },
    });
    const count = await catalogue.photos.count();
    assert.ok(count >= 8 && count < total, `cancelled after ${count} of ${total}`);
    assert.equal(report.photos, count);
    // Consistent: the database is sound, every photo's thumbnails exist, no half-written files.
    assert.equal((catalogue.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    for await (const photo of catalogue.photos.iterateAll()) {
      assert.equal(photo.previewError, null, photo.file);
      assert.ok(await catalogue.photos.imageFile(photo.id, 'grid') && await catalogue.photos.imageFile(photo.id, 'preview'), `${photo.file}: thumbnails`);
    }
    const leftovers = (await fs.readdir(catalogue.paths.thumbnails, { recursive: true })).filter((name) => String(name).endsWith('.tmp'));
    assert.deepEqual(leftovers, []);

    const rest = await catalogue.ingest.run([photos]);
    assert.deepEqual([rest.added, rest.unchanged, rest.failed.length, rest.photos], [total - count, count, 0, total]);
    const rows = catalogue.db.prepare('SELECT count(DISTINCT file) AS files, count(DISTINCT hash) AS hashes, count(*) AS n FROM photos').get() as Record<string, number>;
    assert.deepEqual({ ...rows }, { files: total, hashes: total, n: total });
    // Two workers finish in any order, yet photos are written in the folder's order.
    const files = (catalogue.db.prepare('SELECT file FROM photos ORDER BY id').all() as { file: string }[]).map((r) => r.file);
    assert.deepEqual(files, [...files].sort());
  } finally {
    catalogue.close();
  }
});
