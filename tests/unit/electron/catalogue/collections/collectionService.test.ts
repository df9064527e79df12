// Collections in the catalogue: order, duplicates, moves, removal, names; and the export: files
// named by figure and identity, metadata read back with ExifTool, no overwrite, cancel leaves
// nothing, originals untouched, names sanitised.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parse as parseCsv } from 'csv-parse/sync';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { exportFileName, exportIdentity, insideFolder, safeFileNamePart } from '../../../../../electron/catalogue/collections/exportNames.ts';
import { STAGING_PREFIX } from '../../../../../electron/catalogue/collections/exportCollection.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

let dir: string;
let catalogue: Catalogue;
const ids: Record<string, number> = {};

before(async () => {
  dir = await tempDir('fototar-collections-');
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'fortepan_54176.jpg', makeJpeg({ width: 640, height: 480, xmp: { description: 'Villamos az Üllői úton', credit: 'Fortepan / Nagy Gyula' } }));
  await writeFixture(photos, 'fortepan_7416.jpg', makeJpeg({ width: 300, height: 400, colour: '#334455', xmp: { description: 'Vitorlások', credit: 'Fortepan / Kurutz Márton' } }));
  await writeFixture(photos, '../../etc/passwd <CON>.jpg'.replace(/\//g, '_'), makeJpeg({ width: 100, height: 100, xmp: { description: 'Other', credit: 'Magyar Nemzeti Múzeum', creator: 'Kovács Béla' } }));
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([photos]);
  for await (const p of catalogue.photos.iterateAll()) ids[p.fortepanId ?? 'other'] = p.id;
  await catalogue.photos.update([ids[54176]], { photographer: 'Berkó Pál', title: 'Villamos', tags: ['villamos'] });
});

after(() => catalogue.close());

const figures = async (id: number) => (await catalogue.collections.items(id)).map((i) => i.photoId);

test('a collection keeps its order; the same photo may be in it twice; moves and removals renumber', async () => {
  const store = catalogue.collections;
  const c = await store.create('  Chapter   3 ');
  assert.equal(c.name, 'Chapter 3');
  await assert.rejects(async () => await store.create('chapter 3'), (e: CatalogueError) => e.code === 'invalid-input' && /already exists/.test(e.message));
  await assert.rejects(async () => await store.create('   '), CatalogueError);
  assert.equal(await store.idByName('CHAPTER 3'), c.id);

  const added = await store.add(c.id, [ids[54176], ids[7416], ids.other]);
  assert.deepEqual(added.duplicates, []);
  assert.deepEqual(await figures(c.id), [ids[54176], ids[7416], ids.other]);
  const again = await store.add(c.id, [ids[54176]]);
  assert.deepEqual(again.duplicates, [ids[54176]], 'adding a photo that is there is allowed and reported');
  assert.deepEqual(await figures(c.id), [ids[54176], ids[7416], ids.other, ids[54176]]);
  assert.deepEqual((await store.items(c.id)).map((i) => i.position), [0, 1, 2, 3]);

  const last = (await store.items(c.id))[3].itemId;
  await store.move(c.id, last, 1);
  assert.deepEqual(await figures(c.id), [ids[54176], ids[54176], ids[7416], ids.other]);
  await assert.rejects(async () => await store.itemOfPhoto(c.id, ids[54176]), /2 times/);
  await store.move(c.id, (await store.itemOfPhoto(c.id, ids.other)).itemId, 0);
  assert.deepEqual(await figures(c.id), [ids.other, ids[54176], ids[54176], ids[7416]]);
  await store.move(c.id, (await store.itemOfPhoto(c.id, ids.other)).itemId, 99);
  assert.deepEqual(await figures(c.id), [ids[54176], ids[54176], ids[7416], ids.other]);

  await store.removeItems(c.id, [(await store.items(c.id))[1].itemId]);
  assert.deepEqual(await figures(c.id), [ids[54176], ids[7416], ids.other]);
  assert.deepEqual((await store.items(c.id)).map((i) => i.position), [0, 1, 2]);
  await assert.rejects(async () => await store.add(c.id, [999999]), (e: CatalogueError) => e.code === 'not-found');
  assert.deepEqual(await figures(c.id), [ids[54176], ids[7416], ids.other], 'a failed add changes nothing');

  // A photo may be in many collections.
  const other = await store.create('Article on 1956');
  await store.add(other.id, [ids[54176]]);
  assert.deepEqual((await catalogue.collections.list()).map((s) => [s.name, s.count]), [['Article on 1956', 1], ['Chapter 3', 3]]);
  await store.rename(other.id, 'Cikk 1956-ról');
  await store.delete(other.id);
  assert.deepEqual((await catalogue.collections.list()).map((s) => s.name), ['Chapter 3']);
  assert.equal(await catalogue.photos.count(), 3, 'deleting a collection keeps the photos');

  const full = await catalogue.collections.get(c.id);
  assert.deepEqual(full.items.map((i) => i.photo.id), [ids[54176], ids[7416], ids.other]);
  assert.equal(full.items[0].photo.credit, 'Fortepan / Nagy Gyula / Berkó Pál');
});

test('collections are stored in the catalogue database (migration 4), in order', () => {
  // Read through a second, read-only connection: what another process would see.
  const db = new DatabaseSync(catalogue.paths.database, { readOnly: true });
  try {
    const rows = db
      .prepare("SELECT i.photo_id, i.position FROM collection_items i JOIN collections c ON c.id = i.collection_id WHERE c.name = 'Chapter 3' ORDER BY i.position")
      .all() as { photo_id: number; position: number }[];
    assert.deepEqual(rows.map((r) => [r.photo_id, r.position]), [[ids[54176], 0], [ids[7416], 1], [ids.other, 2]]);
  } finally {
    db.close();
  }
});

test('export names: figure and identity, sanitised so they cannot leave the folder', () => {
  assert.equal(exportFileName(3, 12, 'fortepan_12345', 'jpg'), '03_fortepan_12345.jpg');
  assert.equal(exportFileName(7, 120, 'fortepan_1', 'tif'), '007_fortepan_1.tif');
  assert.equal(exportIdentity({ id: 1, fortepanId: 12345, file: '/x/anything.jpg' }), 'fortepan_12345');
  assert.equal(exportIdentity({ id: 2, fortepanId: null, file: '/x/Üllői út, 1956.jpg' }), 'Ulloi_ut_1956');
  assert.equal(exportIdentity({ id: 3, fortepanId: null, file: '/x/../../etc/passwd.jpg' }), 'passwd');
  assert.equal(exportIdentity({ id: 4, fortepanId: null, file: 'C:\\scans\\..\\evil.jpg' }), 'evil');
  assert.equal(exportIdentity({ id: 5, fortepanId: null, file: '/x/....jpg' }), 'photo_5');
  assert.equal(safeFileNamePart('../..//x'), 'x');
  assert.equal(safeFileNamePart('CON'), '_CON');
  assert.equal(safeFileNamePart('a'.repeat(300)).length, 80);
  assert.ok(!/[/\\]/.test(safeFileNamePart('a/b\\c')));
  assert.equal(insideFolder('/out', '01_a.jpg'), path.resolve('/out/01_a.jpg'));
  assert.throws(() => insideFolder('/out', '../x.jpg'));
  assert.throws(() => insideFolder('/out', 'a/b.jpg'));
});

const hasExiftool = spawnSync('exiftool', ['-ver']).status === 0;

function exiftool(file: string): Record<string, unknown> {
  const r = spawnSync('exiftool', ['-json', '-G1', '-a', '-struct', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout)[0];
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

test('export writes credited pictures, credit lists and a manifest; ExifTool reads EXIF, IPTC and XMP back', { skip: hasExiftool ? false : 'exiftool is not installed (Debian: libimage-exiftool-perl)' }, async () => {
  const service = catalogue.collections;
  const id = await service.idByName('Chapter 3');
  await service.setModified(id, (await service.items(id))[0].itemId, true);
  const originals = (await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [p.file, sha(p.file), fs.statSync(p.file).mtimeMs] as const);
  const out = path.join(dir, 'export');
  const progress: number[] = [];
  await catalogue.photos.update([ids[7416]], { archiveRef: 'HU.BFL.XV.19.d.1.05.054' });
  const report = await catalogue.exports.run(id, { outDir: out, size: 320, quality: 85, format: 'jpeg', style: 'press', lang: 'hu', overwrite: false }, { onProgress: (p) => progress.push(p.done) });
  await catalogue.photos.update([ids[7416]], { archiveRef: '' });
  const otherName = `03_${exportIdentity(await catalogue.photos.get(ids.other))}.jpg`;
  assert.deepEqual(report.files, ['01_fortepan_54176.jpg', '02_fortepan_7416.jpg', otherName, 'credits.txt', 'credits.docx', 'manifest.csv']);
  assert.deepEqual(fs.readdirSync(out).sort(), [...report.files].sort(), 'nothing else is left in the folder');
  assert.ok(progress.at(-1) === report.files.length);

  const meta = exiftool(path.join(out, '01_fortepan_54176.jpg'));
  assert.equal(meta['File:ImageWidth'], 320);
  assert.equal(meta['File:ImageHeight'], 240);
  assert.equal(meta['IFD0:ImageDescription'], 'Villamos az Üllői úton');
  assert.equal(meta['IFD0:Artist'], 'Berkó Pál');
  assert.equal(meta['IFD0:Copyright'], 'CC BY-SA 3.0 — Fotó: Berkó Pál / Fortepan / Nagy Gyula');
  assert.equal(meta['IFD0:XPAuthor'], 'Berkó Pál');
  assert.equal(meta['IPTC:Caption-Abstract'], 'Villamos az Üllői úton');
  assert.equal(meta['IPTC:By-line'], 'Berkó Pál');
  assert.equal(meta['IPTC:Credit'], 'Fotó: Berkó Pál / Fortepan / Nagy Gyula');
  assert.equal(meta['IPTC:Source'], 'Fortepan');
  assert.equal(meta['IPTC:ObjectName'], 'Villamos');
  assert.equal(meta['IPTC:CopyrightNotice'], 'CC BY-SA 3.0 — Fotó: Berkó Pál / Fortepan / Nagy Gyula');
  assert.equal(meta['XMP-dc:Description'], 'Villamos az Üllői úton');
  assert.deepEqual(meta['XMP-dc:Creator'], ['Berkó Pál']);
  assert.equal(meta['XMP-dc:Title'], 'Villamos');
  assert.equal(meta['XMP-photoshop:Credit'], 'Fotó: Berkó Pál / Fortepan / Nagy Gyula');
  assert.equal(meta['XMP-photoshop:Source'], 'Fortepan');
  assert.equal(meta['XMP-dc:Source'], 'https://fortepan.hu/hu/photos/?id=54176');
  assert.equal(meta['XMP-xmpRights:WebStatement'], 'https://fortepan.hu/hu/photos/?id=54176');
  assert.equal(meta['XMP-xmpRights:UsageTerms'], 'CC BY-SA 3.0 https://creativecommons.org/licenses/by-sa/3.0/');
  assert.equal(meta['XMP-cc:License'], 'https://creativecommons.org/licenses/by-sa/3.0/');
  assert.equal(meta['XMP-cc:AttributionURL'], 'https://fortepan.hu/hu/photos/?id=54176');

  // The archive reference travels as the IPTC Extension's Artwork or Object → Source Inventory Number.
  const withRef = exiftool(path.join(out, '02_fortepan_7416.jpg'));
  assert.deepEqual(withRef['XMP-iptcExt:ArtworkOrObject'], [{ AOSourceInvNo: 'HU.BFL.XV.19.d.1.05.054' }]);
  assert.equal(meta['XMP-iptcExt:ArtworkOrObject'], undefined, 'none recorded, none written');

  const otherMeta = exiftool(path.join(out, otherName));
  // Another source keeps its recorded source (here the file's own credit line) after the photographer.
  assert.equal(otherMeta['IPTC:Credit'], 'Fotó: Kovács Béla / Magyar Nemzeti Múzeum');
  assert.deepEqual(otherMeta['XMP-dc:Creator'], ['Kovács Béla']);
  assert.equal(otherMeta['File:ImageWidth'], 100, 'never enlarged');

  const manifest = parseCsv(fs.readFileSync(path.join(out, 'manifest.csv'), 'utf8'), { bom: true }) as string[][];
  assert.equal(manifest.length, 4);
  assert.equal(manifest[0].join(','), 'figure,file,photo_id,fortepan_id,title,caption,date,credit,creator,source,source_url,licence,licence_url,modified,width,height,original,original_sha256');
  assert.deepEqual(manifest[1].slice(0, 2), ['1', '01_fortepan_54176.jpg']);
  assert.deepEqual(manifest[1].slice(3, 16), ['54176', 'Villamos', 'Villamos az Üllői úton', '', 'Fotó: Berkó Pál / Fortepan / Nagy Gyula', 'Berkó Pál', 'Fortepan', 'https://fortepan.hu/hu/photos/?id=54176', 'CC BY-SA 3.0', 'https://creativecommons.org/licenses/by-sa/3.0/', 'yes', '320', '240']);
  const credits = fs.readFileSync(path.join(out, 'credits.txt'), 'utf8');
  assert.match(credits, /^1\. kép: Fotó: Berkó Pál \/ Fortepan \/ Nagy Gyula \(Fortepan 54176; CC BY-SA 3\.0\)$/m);
  assert.equal(fs.readFileSync(path.join(out, 'credits.docx')).subarray(0, 2).toString('latin1'), 'PK');

  for (const [file, hash, mtime] of originals) {
    assert.equal(sha(file), hash, `${file} untouched`);
    assert.equal(fs.statSync(file).mtimeMs, mtime);
  }
  const warnings = report.warnings.map((w) => w.kind).sort();
  assert.deepEqual(warnings, ['no-licence', 'share-alike']);

  // An existing output is never replaced without asking; with overwrite it is.
  const before = sha(path.join(out, '02_fortepan_7416.jpg'));
  fs.writeFileSync(path.join(out, 'credits.txt'), 'mine');
  await assert.rejects(
    catalogue.exports.run(id, { outDir: out, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: false }),
    (e: CatalogueError) => e.code === 'output-exists' && /6 of the export's files already exist/.test(e.message),
  );
  assert.equal(fs.readFileSync(path.join(out, 'credits.txt'), 'utf8'), 'mine');
  assert.equal(sha(path.join(out, '02_fortepan_7416.jpg')), before);
  await catalogue.exports.run(id, { outDir: out, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: true });
  assert.match(fs.readFileSync(path.join(out, 'credits.txt'), 'utf8'), /^Figure 1: Fortepan \/ Nagy Gyula \/ Berkó Pál/m);
  assert.deepEqual(fs.readdirSync(out).filter((n) => n.startsWith('.')), []);
});

test('TIFF export carries EXIF, IPTC and XMP too', { skip: hasExiftool ? false : 'exiftool is not installed' }, async () => {
  const service = catalogue.collections;
  const id = await service.idByName('Chapter 3');
  const out = path.join(dir, 'export-tiff');
  const report = await catalogue.exports.run(id, { outDir: out, size: 200, format: 'tiff', style: 'fortepan', lang: 'en', overwrite: false });
  assert.equal(report.files[0], '01_fortepan_54176.tif');
  const meta = exiftool(path.join(out, report.files[0]));
  assert.equal(meta['File:FileType'], 'TIFF');
  assert.equal(meta['IFD0:ImageWidth'], 200);
  assert.equal(meta['IFD0:Artist'], 'Berkó Pál');
  assert.equal(meta['IFD0:ImageDescription'], 'Villamos az Üllői úton');
  assert.equal(meta['IPTC:Credit'], 'Fortepan / Nagy Gyula / Berkó Pál');
  assert.equal(meta['IPTC:By-line'], 'Berkó Pál');
  assert.equal(meta['XMP-photoshop:Credit'], 'Fortepan / Nagy Gyula / Berkó Pál');
  assert.equal(meta['XMP-cc:License'], 'https://creativecommons.org/licenses/by-sa/3.0/');
  // The pixels are still readable after the tags were added.
  const sharp = (await import('sharp')).default;
  const stats = await sharp(path.join(out, report.files[0])).stats();
  assert.equal(stats.channels.length, 3);
});

test('cancel leaves no files, not even hidden staging ones', async () => {
  const service = catalogue.collections;
  const id = await service.idByName('Chapter 3');
  const out = path.join(dir, 'export-cancelled');
  const controller = new AbortController();
  await assert.rejects(
    catalogue.exports.run(id, { outDir: out, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: false }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    }),
    (e: CatalogueError) => e.code === 'export-cancelled',
  );
  assert.deepEqual(fs.readdirSync(out), []);

  // The UI's way: start in the background, cancel, poll.
  const started = await catalogue.exports.start(id, { outDir: out, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: false });
  assert.ok(['running', 'done'].includes(started.state));
  catalogue.exports.cancel();
  for (let i = 0; i < 100 && catalogue.exports.progress().state === 'running'; i++) await new Promise((r) => setTimeout(r, 20));
  const final = catalogue.exports.progress();
  if (final.state === 'cancelled') assert.deepEqual(fs.readdirSync(out), []);
  else assert.equal(final.state, 'done', final.error ?? '');
  assert.ok(!fs.readdirSync(out).some((n) => n.startsWith(STAGING_PREFIX)));
});

test('export refuses bad options, an empty collection, and an output on top of an original', async () => {
  const service = catalogue.collections;
  const id = await service.idByName('Chapter 3');
  const base = { format: 'jpeg' as const, style: 'fortepan' as const, lang: 'en' as const, overwrite: true };
  await assert.rejects(catalogue.exports.run(id, { ...base, outDir: path.join(dir, 'x'), size: 5 }), /size/);
  await assert.rejects(catalogue.exports.run(id, { ...base, outDir: path.join(dir, 'x'), quality: 101 }), /quality/);
  const empty = await service.create('Empty');
  await assert.rejects(catalogue.exports.run(empty.id, { ...base, outDir: path.join(dir, 'x') }), /empty/);
  // A photo named like an export file, in the output folder, with --overwrite: refused.
  const photos = path.join(dir, 'photos2');
  await writeFixture(photos, '01_fortepan_999.jpg', makeJpeg({}));
  await catalogue.ingest.run([photos]);
  const trap = catalogue.store.photos.byFile(path.join(photos, '01_fortepan_999.jpg'))!.id;
  const c = await service.create('Trap');
  await service.add(c.id, [trap]);
  const hash = sha(path.join(photos, '01_fortepan_999.jpg'));
  await assert.rejects(catalogue.exports.run(c.id, { ...base, outDir: photos }), /is an original/);
  assert.equal(sha(path.join(photos, '01_fortepan_999.jpg')), hash);
});

test('a staging folder left by a crashed export is removed by the next export; a live one is kept', async () => {
  const service = catalogue.collections;
  const id = await service.idByName('Chapter 3');
  const out = path.join(dir, 'export-after-crash');
  // A process id that cannot be running (above Linux's pid_max), and this process's own.
  const dead = path.join(out, `${STAGING_PREFIX}4194399-abc123`);
  const live = path.join(out, `${STAGING_PREFIX}${process.pid}-def456`);
  fs.mkdirSync(dead, { recursive: true });
  fs.writeFileSync(path.join(dead, '01_fortepan_54176.jpg'), 'half a picture');
  fs.mkdirSync(live, { recursive: true });
  await catalogue.exports.run(id, { outDir: out, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: false });
  assert.ok(!fs.existsSync(dead));
  assert.ok(fs.existsSync(live));
});
