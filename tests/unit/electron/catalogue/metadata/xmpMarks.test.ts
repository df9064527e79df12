// Ratings, flags and colour labels travel as Lightroom and digiKam write them: ExifTool reads
// xmp:Rating, xmp:Label and digiKam's labels from Fototar's sidecars and exported JPEG and TIFF
// copies; a fresh catalogue reads Fototar's, Lightroom's and digiKam's sidecars and embedded XMP back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { writeSidecars } from '../../../../../electron/catalogue/sidecars/xmpSidecar.ts';
import type { PhotoMarks } from '../../../../../shared/photoMarks.ts';
import { exiftool, hasExiftool } from '../../../../support/exiftool.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

const skip = hasExiftool ? false : 'exiftool is not installed (Debian: libimage-exiftool-perl)';

const MARKED: PhotoMarks[] = [
  { rating: 4, flag: 'pick', label: 'red' },
  { rating: 2, flag: 'reject', label: 'purple' },
  { rating: 0, flag: '', label: 'green' },
];

let dir: string;
let catalogue: Catalogue;
let ids: number[];

before(async () => {
  dir = await tempDir('fototar-marks-');
  const originals = path.join(dir, 'photos');
  for (let i = 0; i < MARKED.length + 1; i++) await writeFixture(originals, `fortepan_${3000 + i}.jpg`, makeJpeg({ width: 50, height: 40 }));
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([originals]);
  ids = (await Array.fromAsync(catalogue.photos.iterateAll())).sort((a, b) => (a.fortepanId ?? 0) - (b.fortepanId ?? 0)).map((p) => p.id);
  for (const [i, marks] of MARKED.entries()) await catalogue.photos.update([ids[i]], marks);
});

after(() => catalogue?.close());

/** What Lightroom shows: xmp:Rating (-1 = rejected) and the label's name; and digiKam's labels. */
function assertMarks(tags: Record<string, unknown>, marks: PhotoMarks, where: string): void {
  assert.equal(tags['XMP-xmp:Rating'], marks.flag === 'reject' ? -1 : marks.rating || undefined, `${where}: xmp:Rating`);
  assert.equal(tags['XMP-xmp:Label'], marks.label ? marks.label[0].toUpperCase() + marks.label.slice(1) : undefined, `${where}: xmp:Label`);
  assert.equal(tags['XMP-digiKam:PickLabel'], marks.flag === 'pick' ? 3 : marks.flag === 'reject' ? 1 : undefined, `${where}: digiKam:PickLabel`);
  assert.equal(tags['XMP-digiKam:ColorLabel'], { '': undefined, red: 1, yellow: 3, green: 4, blue: 5, purple: 6 }[marks.label], `${where}: digiKam:ColorLabel`);
}

test('ExifTool reads rating, flag and label from the sidecars; a fresh catalogue reads them back exactly', { skip }, async () => {
  const photos = await catalogue.photos.getMany(ids);
  const report = writeSidecars(photos, 'name.ext.xmp');
  MARKED.forEach((marks, i) => assertMarks(exiftool(report.written[i], ['-n']), marks, path.basename(report.written[i])));
  assertMarks(exiftool(report.written[3], ['-n']), { rating: 0, flag: '', label: '' }, 'an unmarked photo');
  const fresh = Catalogue.open(path.join(dir, 'fresh'), { create: true });
  try {
    await fresh.ingest.run([path.join(dir, 'photos')]);
    for (const photo of photos) {
      const copy = (await Array.fromAsync(fresh.photos.iterateAll())).find((p) => p.file === photo.file)!;
      // The stars of a rejected photo come back too (fototar:Rating beside xmp:Rating -1).
      assert.deepEqual({ rating: copy.rating, flag: copy.flag, label: copy.label }, { rating: photo.rating, flag: photo.flag, label: photo.label });
    }
  } finally {
    fresh.close();
    for (const file of report.written) fs.rmSync(file);
  }
});

for (const format of ['jpeg', 'tiff'] as const) {
  test(`an exported ${format.toUpperCase()} carries xmp:Rating and xmp:Label as ExifTool reads them`, { skip }, async () => {
    const collection = (await catalogue.collections.create(`Jelölt ${format}`)).id;
    await catalogue.collections.add(collection, ids.slice(0, MARKED.length));
    const out = path.join(dir, `export-${format}`);
    const report = await catalogue.exports.run(collection, { outDir: out, size: 40, format, style: 'fortepan', lang: 'hu', overwrite: false });
    MARKED.forEach((marks, i) => assertMarks(exiftool(path.join(out, report.files[i]), ['-n']), marks, report.files[i]));
    // And a catalogue that ingests the copies reads the marks from their embedded XMP.
    const fresh = Catalogue.open(path.join(dir, `fresh-${format}`), { create: true });
    try {
      await fresh.ingest.run([out]);
      const read = (await Array.fromAsync(fresh.photos.iterateAll())).sort((a, b) => a.file.localeCompare(b.file));
      assert.deepEqual(
        read.map((p) => [p.rating, p.flag, p.label]),
        MARKED.map((m) => [m.flag === 'reject' ? 0 : m.rating, m.flag, m.label]),
        'a copy says -1 for a rejected photo: its stars stay with the catalogue',
      );
    } finally {
      fresh.close();
    }
  });
}

const LIGHTROOM = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
 <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="3" xmp:Label="Yellow"/>
</rdf:RDF></x:xmpmeta>`;
const LIGHTROOM_REJECT = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
 <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:Rating>-1</xmp:Rating><xmp:Label>Select</xmp:Label></rdf:Description>
</rdf:RDF></x:xmpmeta>`;
const DIGIKAM = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
 <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:digiKam="http://www.digikam.org/ns/1.0/"
  xmp:Rating="5" digiKam:PickLabel="3" digiKam:ColorLabel="5"/>
</rdf:RDF></x:xmpmeta>`;

test("Lightroom's and digiKam's sidecars are read back on ingest: stars, reject (-1), pick, labels by name and number", async () => {
  const folder = path.join(dir, 'others');
  await writeFixture(folder, 'lr.jpg', makeJpeg({ width: 30, height: 20 }));
  await writeFixture(folder, 'lr_reject.jpg', makeJpeg({ width: 31, height: 20 }));
  await writeFixture(folder, 'dk.jpg', makeJpeg({ width: 32, height: 20 }));
  fs.writeFileSync(path.join(folder, 'lr.xmp'), LIGHTROOM);
  fs.writeFileSync(path.join(folder, 'lr_reject.xmp'), LIGHTROOM_REJECT);
  fs.writeFileSync(path.join(folder, 'dk.jpg.xmp'), DIGIKAM);
  const other = Catalogue.open(path.join(dir, 'others-cat'), { create: true });
  try {
    await other.ingest.run([folder]);
    const byName = new Map((await Array.fromAsync(other.photos.iterateAll())).map((p) => [path.basename(p.file), [p.rating, p.flag, p.label]]));
    assert.deepEqual(byName.get('lr.jpg'), [3, '', 'yellow']);
    assert.deepEqual(byName.get('lr_reject.jpg'), [0, 'reject', 'red'], "Bridge's label set calls red \"Select\"");
    assert.deepEqual(byName.get('dk.jpg'), [5, 'pick', 'blue']);
    // Filterable at once.
    assert.equal((await other.search.query('rating:>=3 flag:pick', 0, 10)).total, 1);
  } finally {
    other.close();
  }
});

test('marks embedded in a file (xmp:Rating, xmp:Label) are read on ingest', async () => {
  const folder = path.join(dir, 'embedded');
  await writeFixture(folder, 'scan.jpg', sharp({ create: { width: 30, height: 20, channels: 3, background: '#777' } }).jpeg().withXmp(LIGHTROOM).toBuffer());
  const other = Catalogue.open(path.join(dir, 'embedded-cat'), { create: true });
  try {
    await other.ingest.run([folder]);
    const [photo] = (await Array.fromAsync(other.photos.iterateAll()));
    assert.deepEqual([photo.rating, photo.flag, photo.label], [3, '', 'yellow']);
  } finally {
    other.close();
  }
});
