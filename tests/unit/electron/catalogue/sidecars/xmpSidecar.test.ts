import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { buildXmp, escapeXml, sidecarPath, writeSidecars } from '../../../../../electron/catalogue/sidecars/xmpSidecar.ts';
import { writeSidecarSettings } from '../../../../../electron/catalogue/store/sidecarSettings.ts';
import { EDITABLE_FIELDS, type Photo } from '../../../../../shared/types.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';
import { exiftool as readWithExiftool } from '../../../../support/exiftool.ts';
import { makeJpeg, writeFixture, xmpPacket } from '../../../../support/fixtures.ts';

/** What ExifTool reads from a sidecar, tag names with their groups, structures as objects. */
const exiftool = (file: string) => readWithExiftool(file, ['-struct']);

const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);
const asText = (value: unknown) => (value === undefined ? '' : String(value));
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const DESCRIBED = {
  title: 'Üllői út & Kálvin tér <1956>',
  caption: 'Tüntetők a "Múzeum" körúton,\r\nmásodik sor: ő ű Ő Ű – \'idézet\'',
  date: '1956-10-23',
  donor: 'Budapest Főváros Levéltára / Klösz György fényképei',
  photographer: 'Berkó Pál',
  country: 'Magyarország',
  city: 'Budapest',
  place: 'Múzeum körút',
  tags: ['forradalom', 'tüntetés & felvonulás', '1956'],
  licence: 'CC BY-SA 3.0',
  source: 'Fortepan',
  archiveRef: 'HU.BFL.XV.19.d.1.05.054',
  notes: 'Negatív: 6×6, <ellenőrizni>',
};

function assertExiftoolReads(tags: Record<string, unknown>, photo: Photo): void {
  assert.equal(asText(tags['XMP-dc:Title']), photo.title);
  assert.equal(asText(tags['XMP-dc:Description']), photo.caption);
  assert.deepEqual(asList(tags['XMP-dc:Subject']), photo.tags);
  assert.deepEqual(asList(tags['XMP-dc:Creator']), photo.photographer ? [photo.photographer] : []);
  assert.equal(asText(tags['XMP-photoshop:Credit']), photo.credit);
  assert.equal(asText(tags['XMP-photoshop:Source']), photo.source);
  assert.equal(asText(tags['XMP-photoshop:City']), photo.city);
  assert.equal(asText(tags['XMP-photoshop:Country']), photo.country);
  assert.equal(asText(tags['XMP-iptcCore:Location']), photo.place);
  assert.equal(asText(tags['XMP-xmpRights:UsageTerms']), photo.licence);
  assert.equal(asText(tags['XMP-fototar:Date']), photo.date);
  assert.equal(asText(tags['XMP-fototar:Donor']), photo.donor);
  assert.equal(asText(tags['XMP-fototar:Notes']), photo.notes);
  // The photograph as an object (IPTC Extension, Artwork or Object): the EDTF date as Circa Date
  // Created, the archive reference as Source Inventory Number.
  const object = { ...(photo.date ? { AOCircaDateCreated: photo.date } : {}), ...(photo.archiveRef ? { AOSourceInvNo: photo.archiveRef } : {}) };
  assert.deepEqual(tags['XMP-iptcExt:ArtworkOrObject'], Object.keys(object).length ? [object] : undefined);
}

test('ExifTool reads back from the sidecar exactly what the catalogue holds, Hungarian text intact', async () => {
  const { catalogue, ids } = await archivistCatalogue(2);
  try {
    await catalogue.photos.update([ids[0]], DESCRIBED);
    await catalogue.photos.update([ids[1]], { caption: 'Csak felirat', date: '195X', tags: ['egy'] });
    const photos = await catalogue.photos.getMany(ids);
    const originals = photos.map((p) => sha(p.file));
    const report = writeSidecars(photos, 'name.ext.xmp');
    assert.deepEqual(report.written, photos.map((p) => `${p.file}.xmp`));

    const first = exiftool(report.written[0]);
    assertExiftoolReads(first, photos[0]);
    // The donor names Klösz György, not Berkó Pál; Budapest City Archives asks for its reference.
    assert.equal(photos[0].credit, 'Fortepan / Budapest Főváros Levéltára / Klösz György fényképei / Berkó Pál. Archive reference: HU.BFL.XV.19.d.1.05.054');
    assert.equal(asText(first['XMP-photoshop:DateCreated']), '1956:10:23');
    assert.equal(asText(first['XMP-xmpRights:WebStatement']), 'https://creativecommons.org/licenses/by-sa/3.0/');

    const second = exiftool(report.written[1]);
    assertExiftoolReads(second, photos[1]);
    // 195X is no XMP date: the standard field holds the decade's first year, the EDTF goes beside it.
    assert.equal(second['XMP-photoshop:DateCreated'], 1950);
    assert.deepEqual(second['XMP-iptcExt:ArtworkOrObject'], [{ AOCircaDateCreated: '195X' }]);
    assert.equal(asText(second['XMP-fototar:DateFrom']), '1950-01-01');

    assert.deepEqual(photos.map((p) => sha(p.file)), originals, 'originals are never modified');
  } finally {
    catalogue.close();
  }
});

test('with the setting on, every edit and every undo rewrites the sidecar; the original stays as it was', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    const file = (await catalogue.photos.get(ids[0])).file;
    const original = sha(file);
    const mtime = fs.statSync(file).mtimeMs;
    writeSidecarSettings(catalogue.db, { autoWrite: true });
    await catalogue.photos.update(ids, { title: 'Első cím' });
    assert.equal(asText(exiftool(`${file}.xmp`)['XMP-dc:Title']), 'Első cím');
    await catalogue.photos.update(ids, { title: 'Második cím' });
    await catalogue.history.undo();
    assert.equal(asText(exiftool(`${file}.xmp`)['XMP-dc:Title']), 'Első cím');
    assert.equal(sha(file), original);
    assert.equal(fs.statSync(file).mtimeMs, mtime);
    assert.deepEqual(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp')), []);
  } finally {
    catalogue.close();
  }
});

test('a fresh catalogue reads Fototar sidecars back on ingest, every field as it was', async () => {
  const { dir, photos, catalogue, ids } = await archivistCatalogue(2);
  try {
    await catalogue.photos.update([ids[0]], DESCRIBED);
    await catalogue.photos.update([ids[1]], { date: '1944/1945', notes: 'csak megjegyzés' });
    writeSidecars(await catalogue.photos.getMany(ids), 'name.ext.xmp');
    const fresh = Catalogue.open(path.join(dir, 'fresh'), { create: true });
    try {
      await fresh.ingest.run([photos]);
      for (const id of ids) {
        const original = await catalogue.photos.get(id);
        const copy = (await Array.fromAsync(fresh.photos.iterateAll())).find((p) => p.file === original.file)!;
        for (const field of EDITABLE_FIELDS) assert.deepEqual(copy[field], original[field], field);
        assert.equal(copy.dateFrom, original.dateFrom);
      }
    } finally {
      fresh.close();
    }
  } finally {
    catalogue.close();
  }
});

test("another program's sidecar is read on ingest and never overwritten", async () => {
  const { dir } = await archivistCatalogue(0);
  const photos = path.join(dir, 'lr');
  const image = await writeFixture(photos, 'scan_001.jpg', makeJpeg({ xmp: { title: 'Beágyazott' } }));
  // Lightroom's naming: scan_001.xmp next to scan_001.jpg.
  const foreign = xmpPacket({ title: 'Lightroomban írt cím', subject: ['Budapest, Üllői út'], credit: 'Fortepan / Nagy Gyula', dateCreated: '1957-05' });
  fs.writeFileSync(path.join(photos, 'scan_001.xmp'), foreign);
  const catalogue = Catalogue.open(path.join(dir, 'cat2'), { create: true });
  try {
    await catalogue.ingest.run([photos]);
    const [photo] = (await Array.fromAsync(catalogue.photos.iterateAll()));
    assert.equal(photo.title, 'Lightroomban írt cím');
    assert.deepEqual(photo.tags, ['Budapest, Üllői út']);
    assert.equal(photo.donor, 'Nagy Gyula');
    assert.equal(photo.date, '1957-05');
    const report = writeSidecars([photo], 'name.xmp');
    assert.deepEqual(report.written, []);
    assert.match(report.skipped[0].reason, /another program/);
    assert.equal(fs.readFileSync(path.join(photos, 'scan_001.xmp'), 'utf8'), foreign);
    assert.equal(sidecarPath(image, 'name.xmp'), path.join(photos, 'scan_001.xmp'));
  } finally {
    catalogue.close();
  }
});

test('XML is built with escaping: markup in metadata stays text', () => {
  assert.equal(escapeXml(`<a href="x">&'\r\u0000`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#13;');
  const xml = buildXmp({
    ...DESCRIBED,
    title: '</rdf:li></rdf:Alt></dc:title><dc:rights>pwned',
    id: 1, file: '/x/a.jpg', hash: '', fortepanId: null, iowaId: null, dateFrom: null, dateTo: null, width: null, height: null, rotation: 0, flipped: false, fileOrientation: null, format: null,
    pageCount: null, takenAt: null, digitizedAt: null, camera: null, gps: null, embeddedCredit: '', embeddedCreator: '', copyright: '',
    credit: '', previewError: null, previewWarning: null, thumbVersion: '', missing: false, duplicateOf: null, addedAt: '', updatedAt: '', rating: 0, flag: '', label: '',
  });
  assert.ok(!xml.includes('<dc:rights>'));
  assert.ok(xml.includes('&lt;/rdf:li&gt;'));
});
