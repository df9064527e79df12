import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

async function freshCatalogue() {
  const dir = await tempDir();
  return { dir, photos: path.join(dir, 'photos'), catalogue: Catalogue.open(path.join(dir, 'cat'), { create: true }) };
}

test('ingests a folder recursively, reads metadata and makes both thumbnails with orientation applied', async () => {
  const { photos, catalogue } = await freshCatalogue();
  await writeFixture(photos, 'a/fortepan_12345.jpg', makeJpeg({
    width: 80, height: 40, orientation: 6,
    xmp: { title: 'Üllői út', description: 'Villamos az Üllői úton', subject: ['villamos', 'utca'], credit: 'Fortepan / Nagy Gyula', city: 'Budapest', location: 'Üllői út', dateCreated: '1956' },
  }));
  await writeFixture(photos, 'b/c/scan.png', sharp({ create: { width: 30, height: 20, channels: 3, background: '#333' } }).png().toBuffer());
  await writeFixture(photos, 'b/page.webp', sharp({ create: { width: 30, height: 20, channels: 3, background: '#333' } }).webp().toBuffer());
  await writeFixture(photos, 'b/scan.tif', sharp({ create: { width: 30, height: 20, channels: 3, background: '#333' } }).tiff().toBuffer());
  await writeFixture(photos, 'notes.txt', Promise.resolve(Buffer.from('not an image')));
  try {
    const progress: number[] = [];
    const report = await catalogue.ingest.run([photos], { onProgress: (p) => progress.push(p.done) });
    const skipped = report.skipped.map((s) => `${path.relative(photos, s.path)}: ${s.reason}, ${s.message}`);
    assert.deepEqual(
      { ...report, failed: report.failed.length, skipped },
      { added: 4, updated: 0, unchanged: 0, failed: 0, warnings: [], skipped: ['notes.txt: text, text file'], skippedByReason: { text: 1 }, photos: 4 },
    );
    assert.ok(progress.includes(4));

    const [photo] = (await Array.fromAsync(catalogue.photos.iterateAll())).filter((p) => p.fortepanId === 12345);
    assert.equal(photo.title, 'Üllői út');
    assert.equal(photo.caption, 'Villamos az Üllői úton');
    assert.deepEqual(photo.tags, ['villamos', 'utca']);
    assert.equal(photo.donor, 'Nagy Gyula');
    assert.equal(photo.city, 'Budapest');
    assert.equal(photo.date, '1956');
    assert.equal(photo.credit, 'Fortepan / Nagy Gyula');
    assert.equal(photo.licence, 'CC BY-SA 3.0');
    // Orientation 6 turns an 80×40 image on its side.
    assert.deepEqual([photo.width, photo.height], [40, 80]);
    const grid = await catalogue.photos.imageFile(photo.id, 'grid');
    const preview = await catalogue.photos.imageFile(photo.id, 'preview');
    assert.ok(grid && preview);
    const gridMeta = await sharp(grid).metadata();
    assert.deepEqual([gridMeta.width, gridMeta.height], [40, 80]);
    assert.ok(grid.startsWith(catalogue.paths.root));
    const formats = (await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => p.format).sort();
    assert.deepEqual(formats, ['jpeg', 'png', 'tiff', 'webp']);
  } finally {
    catalogue.close();
  }
});

test('a broken file is reported with a reason and the rest goes on', async () => {
  const { photos, catalogue } = await freshCatalogue();
  await writeFixture(photos, 'good.jpg', makeJpeg());
  await writeFixture(photos, 'broken.jpg', Promise.resolve(Buffer.from('this is not a JPEG at all')));
  await writeFixture(photos, 'empty.jpg', Promise.resolve(Buffer.alloc(0)));
  const good = await makeJpeg({ width: 200, height: 200 });
  await writeFixture(photos, 'truncated.jpg', Promise.resolve(good.subarray(0, Math.floor(good.length / 2))));
  try {
    const report = await catalogue.ingest.run([photos, path.join(photos, 'does-not-exist')]);
    const reasons = Object.fromEntries(report.failed.map((f) => [path.basename(f.path), f.reason]));
    assert.match(reasons['broken.jpg'], /not an image format/);
    assert.match(reasons['empty.jpg'], /empty file/);
    assert.match(reasons['does-not-exist'], /not found/);
    // A truncated JPEG still decodes partly: catalogued, not lost.
    assert.equal(report.added, 2);
  } finally {
    catalogue.close();
  }
});

test('ingesting the same folder again changes nothing; a changed file is updated, keeping edits', async () => {
  const { photos, catalogue } = await freshCatalogue();
  const file = await writeFixture(photos, 'fortepan_1.jpg', makeJpeg({ colour: '#111111' }));
  await writeFixture(photos, 'fortepan_2.jpg', makeJpeg({ colour: '#222222' }));
  try {
    await catalogue.ingest.run([photos]);
    const again = await catalogue.ingest.run([photos]);
    assert.deepEqual([again.added, again.updated, again.unchanged, again.photos], [0, 0, 2, 2]);

    const id = catalogue.store.photos.byFile(file)!.id;
    await catalogue.photos.update([id], { caption: 'Kézzel írt felirat' });
    await fs.writeFile(file, await makeJpeg({ colour: '#999999', xmp: { description: 'from the file' } }));
    const changed = await catalogue.ingest.run([photos]);
    assert.deepEqual([changed.added, changed.updated, changed.unchanged], [0, 1, 1]);
    assert.equal((await catalogue.photos.get(id)).caption, 'Kézzel írt felirat');
  } finally {
    catalogue.close();
  }
});

test('a moved file is relinked with its edits intact', async () => {
  const { photos, catalogue } = await freshCatalogue();
  const file = await writeFixture(photos, 'old/fortepan_5.jpg', makeJpeg({ colour: '#445566' }));
  try {
    await catalogue.ingest.run([photos]);
    const id = catalogue.store.photos.byFile(file)!.id;
    await catalogue.photos.update([id], { donor: 'Ebner' });
    const moved = path.join(photos, 'new', 'renamed.jpg');
    await fs.mkdir(path.dirname(moved), { recursive: true });
    await fs.rename(file, moved);
    const report = await catalogue.ingest.run([photos]);
    assert.deepEqual([report.added, report.updated, report.photos], [0, 1, 1]);
    const photo = await catalogue.photos.get(id);
    assert.equal(photo.file, moved);
    assert.equal(photo.donor, 'Ebner');
  } finally {
    catalogue.close();
  }
});

test('edits save at once and survive reopening the catalogue', async () => {
  const { dir, photos, catalogue } = await freshCatalogue();
  await writeFixture(photos, 'fortepan_77.jpg', makeJpeg());
  await catalogue.ingest.run([photos]);
  const [{ id }] = (await catalogue.photos.list(0, 10)).photos;
  await catalogue.photos.update([id], { caption: 'Főplébániatemplom', tags: [' templom ', 'Templom', 'Győr'], date: '195X' });
  catalogue.close();

  const reopened = Catalogue.open(path.join(dir, 'cat'));
  try {
    const photo = await reopened.photos.get(id);
    assert.equal(photo.caption, 'Főplébániatemplom');
    assert.deepEqual(photo.tags, ['templom', 'Győr']);
    assert.deepEqual([photo.dateFrom, photo.dateTo], ['1950-01-01', '1959-12-31']);
    await assert.rejects(async () => await reopened.photos.update([id], { date: 'tavasz' }), /Date not saved/);
    assert.equal((await reopened.photos.get(id)).date, '195X');
  } finally {
    reopened.close();
  }
});

test('opening a folder that is not a catalogue says so instead of creating one', async () => {
  const dir = await tempDir();
  assert.throws(() => Catalogue.open(path.join(dir, 'nothing')), /No catalogue at/);
  await fs.writeFile(path.join(dir, 'catalogue.sqlite'), 'garbage that is not SQLite, long enough to look like a header.....');
  assert.throws(() => Catalogue.open(dir), /damaged|not a database/);
});

test('embedded credits in the forms seen in real files give donor, Fortepan number and licence; FI numbers mean Fortepan Iowa', async () => {
  const { photos, catalogue } = await freshCatalogue();
  const forms: [string, string, { credit?: string; identifier?: string; archiveRef?: string; creator?: string }][] = [
    ['a', 'scan_a.jpg', { credit: 'FOTO:FORTEPAN / Nagy Gyula' }],
    ['b', 'scan_b.jpg', { credit: 'Fotó: Nagy Gyula / FORTEPAN' }],
    ['c', 'scan_c.jpg', { credit: 'FOTO:Fortepan — ID 24628 : Adományozó/Donor: Nagy Gyula.' }],
    ['d', 'scan_d.jpg', { credit: 'Fortepan / Budapest Főváros Levéltára', identifier: 'Fortepan 30001', archiveRef: 'HU.BFL.XV.19.d.1.05.054' }],
    ['e', 'FI0001858.jpg', { credit: 'Lissa Potter/Fortepan Iowa' }],
    ['f', 'scan_f.jpg', { credit: 'Magyar Nemzeti Múzeum', creator: 'ismeretlen' }],
    ['0', 'scan_0.jpg', { identifier: 'FI0000042' }],
  ];
  for (const [colour, name, xmp] of forms) {
    await writeFixture(photos, name, makeJpeg({ colour: `#${colour.repeat(6)}`, xmp }));
  }
  try {
    await catalogue.ingest.run([photos]);
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));
    for (const name of ['scan_a.jpg', 'scan_b.jpg', 'scan_c.jpg']) {
      const photo = byName.get(name)!;
      assert.deepEqual([photo.donor, photo.source, photo.licence], ['Nagy Gyula', 'Fortepan', 'CC BY-SA 3.0'], name);
    }
    assert.equal(byName.get('scan_a.jpg')!.fortepanId, null);
    assert.equal(byName.get('scan_c.jpg')!.fortepanId, 24628, 'the number the credit states');
    assert.equal(byName.get('scan_c.jpg')!.credit, 'Fortepan / Nagy Gyula');
    const bfl = byName.get('scan_d.jpg')!;
    assert.equal(bfl.fortepanId, 30001, 'dc:identifier "Fortepan 30001"');
    assert.equal(bfl.archiveRef, 'HU.BFL.XV.19.d.1.05.054', 'read from Iptc4xmpExt:AOSourceInvNo');
    assert.equal(bfl.credit, 'Fortepan / Budapest Főváros Levéltára. Archive reference: HU.BFL.XV.19.d.1.05.054');
    const iowa = byName.get('FI0001858.jpg')!;
    assert.deepEqual([iowa.iowaId, iowa.fortepanId, iowa.donor, iowa.source, iowa.licence], ['FI0001858', null, 'Lissa Potter', 'Fortepan Iowa', 'CC BY-SA 4.0']);
    assert.equal(iowa.credit, '"FI0001858" by Lissa Potter/Fortepan Iowa, CC-BY-SA 4.0');
    const fromMetadata = byName.get('scan_0.jpg')!;
    assert.deepEqual([fromMetadata.iowaId, fromMetadata.source, fromMetadata.licence], ['FI0000042', 'Fortepan Iowa', 'CC BY-SA 4.0'], 'an FI number in dc:identifier');
    const other = byName.get('scan_f.jpg')!;
    assert.deepEqual([other.donor, other.source, other.licence, other.credit], ['', '', '', 'Magyar Nemzeti Múzeum'], '"ismeretlen" is not printed as a name');
  } finally {
    catalogue.close();
  }
});
