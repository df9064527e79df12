// Metadata that travels: an exported copy (JPEG and TIFF) and an XMP sidecar carry date, place,
// GPS and the credit fields in the standard fields other programs read. ExifTool reads them back;
// a fresh catalogue reads the sidecars and the exported copies back to the same date and place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { buildXmp, readSidecar, writeSidecars } from '../../../../../electron/catalogue/sidecars/xmpSidecar.ts';
import { exportFacts, xmpPacket } from '../../../../../electron/catalogue/collections/exportMetadata.ts';
import { circaDateCreated, whenWhereExif, whenWhereIim, whenWhereXmp } from '../../../../../electron/catalogue/metadata/standardFields.ts';
import { exifApp1, insertJpegSegment } from '../../../../../electron/catalogue/metadata/tiffTags.ts';
import type { Photo } from '../../../../../shared/types.ts';
import { exiftool, hasExiftool } from '../../../../support/exiftool.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

const skip = hasExiftool ? false : 'exiftool is not installed (Debian: libimage-exiftool-perl)';

const EVERY_ACCENT = 'áéíóöőúüű ÁÉÍÓÖŐÚÜŰ';
const DESCRIBED = {
  title: 'Az Erzsébet híd Pest felől',
  caption: `Villamos és gyalogosok a hídon. Ékezetek: ${EVERY_ACCENT}`,
  donor: 'Budapest Főváros Levéltára',
  photographer: 'Berkó Pál',
  country: 'Magyarország',
  city: 'Budapest',
  place: 'Erzsébet híd',
  tags: ['híd', 'Duna', 'közlekedés'],
  licence: 'CC BY-SA 3.0',
  source: 'Fortepan',
};

interface DateCase {
  date: string;
  /** ExifTool's reading (-n) of IIM 2:55 and of XMP photoshop:DateCreated. */
  iim: string;
  xmp: string;
  /** ExifIFD:DateTimeOriginal, for a day known exactly only. */
  exif: string | undefined;
}

// The standard fields hold what they can (a year with 00 for month and day in IIM; the range's or
// decade's earliest year); the EDTF text travels beside them.
const CASES: DateCase[] = [
  { date: '1946', iim: '1946:00:00', xmp: '1946', exif: undefined },
  { date: '1946-05-12', iim: '1946:05:12', xmp: '1946:05:12', exif: '1946:05:12 00:00:00' },
  { date: '1945/1947', iim: '1945:00:00', xmp: '1945', exif: undefined },
  { date: '194X', iim: '1940:00:00', xmp: '1940', exif: undefined },
];

// The original scans carry a position (47°29′24″ N, 19°2′30″ E, 105 m: the Pest end of the bridge).
const GPS = { lat: 47 + 29 / 60 + 24 / 3600, lon: 19 + 2 / 60 + 30 / 3600, alt: 105 };

let dir = '';
let catalogue: Catalogue;
let photos: Photo[] = [];
let collection = 0;

before(async () => {
  dir = await tempDir('fototar-travel-');
  const originals = path.join(dir, 'photos');
  for (let i = 0; i < CASES.length; i++) {
    await writeFixture(
      originals,
      `fortepan_${2000 + i}.jpg`,
      makeJpeg({
        width: 60,
        height: 40,
        exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 29/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '19/1 2/1 30/1', GPSAltitudeRef: '0', GPSAltitude: '105/1' } },
      }),
    );
  }
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([originals]);
  const ids = (await Array.fromAsync(catalogue.photos.iterateAll())).sort((a, b) => (a.fortepanId ?? 0) - (b.fortepanId ?? 0)).map((p) => p.id);
  for (const [i, c] of CASES.entries()) await catalogue.photos.update([ids[i]], { ...DESCRIBED, date: c.date });
  photos = await catalogue.photos.getMany(ids);
  collection = (await catalogue.collections.create('Hidak')).id;
  await catalogue.collections.add(collection, ids);
});

after(() => catalogue?.close());

const near = (actual: unknown, expected: number, what: string) => assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-5, `${what}: ${String(actual)} ≠ ${expected}`);
// ExifTool's JSON gives "1946" as a number: dates are compared as text.
const str = (value: unknown) => (value === undefined ? undefined : String(value));
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

/** The date and place in XMP, as both an exported copy and a sidecar carry them. */
function assertXmpWhenWhere(tags: Record<string, unknown>, c: DateCase, where: string): void {
  assert.equal(String(tags['XMP-photoshop:DateCreated']), c.xmp, `${where} ${c.date}: photoshop:DateCreated`);
  assert.equal(str(tags['XMP-iptcExt:ArtworkCircaDateCreated']), c.date, `${where} ${c.date}: the EDTF date beside it`);
  assert.equal(str(tags['XMP-exif:DateTimeOriginal']), c.exif ? c.xmp : undefined, `${where} ${c.date}: exif:DateTimeOriginal only for an exact day`);
  assert.equal(tags['XMP-photoshop:City'], 'Budapest');
  assert.equal(tags['XMP-photoshop:Country'], 'Magyarország');
  assert.equal(tags['XMP-iptcCore:Location'], 'Erzsébet híd');
  assert.equal(tags['XMP-iptcExt:LocationShownCity'], 'Budapest');
  assert.equal(tags['XMP-iptcExt:LocationShownSublocation'], 'Erzsébet híd');
  assert.equal(tags['XMP-iptcExt:LocationShownCountryName'], 'Magyarország');
  near(tags['XMP-iptcExt:LocationShownGPSLatitude'], GPS.lat, 'LocationShown latitude');
  near(tags['XMP-iptcExt:LocationShownGPSLongitude'], GPS.lon, 'LocationShown longitude');
  near(tags['XMP-exif:GPSLatitude'], GPS.lat, 'exif:GPSLatitude');
  near(tags['XMP-exif:GPSLongitude'], GPS.lon, 'exif:GPSLongitude');
  assert.equal(tags['XMP-exif:GPSAltitude'], GPS.alt);
  assert.equal(tags['XMP-dc:Title'], DESCRIBED.title);
  assert.equal(tags['XMP-dc:Description'], DESCRIBED.caption);
  assert.deepEqual(list(tags['XMP-dc:Subject']), DESCRIBED.tags);
  assert.deepEqual(list(tags['XMP-dc:Creator']), [DESCRIBED.photographer]);
  assert.equal(tags['XMP-photoshop:Source'], 'Fortepan');
}

for (const format of ['jpeg', 'tiff'] as const) {
  test(`an exported ${format.toUpperCase()} carries date, place, GPS and credit in IPTC-IIM, XMP and EXIF, Hungarian text intact`, { skip }, async () => {
    const out = path.join(dir, `export-${format}`);
    const report = await catalogue.exports.run(collection, { outDir: out, size: 50, format, style: 'fortepan', lang: 'hu', overwrite: false });
    for (const [i, c] of CASES.entries()) {
      const photo = photos[i];
      const file = path.join(out, report.files[i]);
      const tags = exiftool(file, ['-n']);
      const where = `${report.files[i]}`;
      // IPTC-IIM, declared UTF-8 (1:90 = ESC % G) so readers need not guess a code page.
      assert.equal(tags['IPTC:CodedCharacterSet'], '\u001b%G');
      assert.equal(String(tags['IPTC:DateCreated']), c.iim, `${where} ${c.date}: IPTC Date Created`);
      assert.equal(tags['IPTC:City'], 'Budapest');
      assert.equal(tags['IPTC:Sub-location'], 'Erzsébet híd');
      assert.equal(tags['IPTC:Country-PrimaryLocationName'], 'Magyarország');
      assert.equal(tags['IPTC:ObjectName'], DESCRIBED.title);
      assert.equal(tags['IPTC:Caption-Abstract'], DESCRIBED.caption);
      assert.deepEqual(list(tags['IPTC:Keywords']), DESCRIBED.tags);
      assert.equal(tags['IPTC:By-line'], 'Berkó Pál');
      assert.equal(tags['IPTC:Credit'], photo.credit);
      assert.equal(tags['IPTC:Source'], 'Fortepan');
      assert.equal(tags['IPTC:CopyrightNotice'], `CC BY-SA 3.0 — ${photo.credit}`);
      // XMP
      assertXmpWhenWhere(tags, c, where);
      assert.equal(tags['XMP-dc:Identifier'], `Fortepan ${photo.fortepanId}`);
      assert.equal(tags['XMP-dc:Rights'], `CC BY-SA 3.0 — ${photo.credit}`);
      assert.equal(tags['XMP-photoshop:Credit'], photo.credit);
      assert.equal(tags['XMP-xmpRights:UsageTerms'], 'CC BY-SA 3.0 https://creativecommons.org/licenses/by-sa/3.0/');
      assert.equal(tags['XMP-cc:License'], 'https://creativecommons.org/licenses/by-sa/3.0/');
      // EXIF: the date taken only for an exact day; the position in the GPS IFD.
      assert.equal(tags['ExifIFD:DateTimeOriginal'], c.exif, `${where} ${c.date}: EXIF DateTimeOriginal`);
      near(tags['GPS:GPSLatitude'], GPS.lat, 'GPS latitude');
      near(tags['GPS:GPSLongitude'], GPS.lon, 'GPS longitude');
      assert.equal(tags['GPS:GPSLatitudeRef'], 'N');
      assert.equal(tags['GPS:GPSLongitudeRef'], 'E');
      assert.equal(tags['GPS:GPSAltitude'], GPS.alt);
      assert.equal(tags['GPS:GPSAltitudeRef'], 0);
      assert.equal(tags['IFD0:ImageDescription'], DESCRIBED.caption);
      assert.equal(tags['IFD0:Artist'], 'Berkó Pál');
      assert.equal(tags['IFD0:XPComment'], DESCRIBED.caption);
      assert.equal(tags['IFD0:XPTitle'], DESCRIBED.title);
      assert.equal(tags.Warning, undefined, `${where}: ExifTool finds nothing wrong`);
    }
    if (format === 'tiff') {
      const sharp = (await import('sharp')).default;
      assert.equal((await sharp(path.join(out, report.files[0])).stats()).channels.length, 3, 'the pixels are still readable');
    }

    // A catalogue that adds the exported copies reads the same date and place back.
    const fresh = Catalogue.open(path.join(dir, `fresh-${format}`), { create: true });
    try {
      await fresh.ingest.run([out]);
      const read = (await Array.fromAsync(fresh.photos.iterateAll())).sort((a, b) => a.file.localeCompare(b.file));
      assert.deepEqual(
        read.map((p) => [p.date, p.city, p.place, p.country]),
        CASES.map((c) => [c.date, 'Budapest', 'Erzsébet híd', 'Magyarország']),
      );
      for (const p of read) {
        near(p.gps?.lat, GPS.lat, 'GPS read back');
        near(p.gps?.lon, GPS.lon, 'GPS read back');
      }
    } finally {
      fresh.close();
    }
  });
}

test('an XMP sidecar carries date, place and GPS in standard fields; a fresh catalogue reads them back', { skip }, async () => {
  const report = writeSidecars(photos, 'name.ext.xmp');
  assert.equal(report.written.length, CASES.length);
  for (const [i, c] of CASES.entries()) {
    const tags = exiftool(report.written[i], ['-n']);
    assertXmpWhenWhere(tags, c, path.basename(report.written[i]));
    assert.equal(tags['XMP-dc:Identifier'], `Fortepan ${photos[i].fortepanId}`);
    assert.equal(tags['XMP-photoshop:Credit'], photos[i].credit);
    assert.equal(tags['XMP-xmpRights:UsageTerms'], 'CC BY-SA 3.0');
    assert.equal(tags['XMP-xmpRights:WebStatement'], 'https://creativecommons.org/licenses/by-sa/3.0/');
    // Fototar's own field, which its sidecar reader prefers. (ExifTool reads an unknown
    // namespace's "1945/1947" as a fraction: the IPTC Extension's field above is the one to read.)
    assert.ok(fs.readFileSync(report.written[i], 'utf8').includes(`<fototar:Date>${c.date}</fototar:Date>`));
  }
  const fresh = Catalogue.open(path.join(dir, 'fresh-sidecars'), { create: true });
  try {
    await fresh.ingest.run([path.dirname(photos[0].file)]);
    const read = (await Array.fromAsync(fresh.photos.iterateAll())).sort((a, b) => a.file.localeCompare(b.file));
    assert.deepEqual(
      read.map((p) => [p.date, p.city, p.place, p.country, p.caption]),
      CASES.map((c) => [c.date, 'Budapest', 'Erzsébet híd', 'Magyarország', DESCRIBED.caption]),
    );
  } finally {
    fresh.close();
  }
});

test('another program\'s sidecar keeps the EDTF date beside the standard one; a stale one gives way', async () => {
  // A program that rewrites a sidecar drops the fototar namespace but keeps the IPTC Extension.
  const foreign = buildXmp({ ...photos[2] }).replace(/\s*<fototar:[^>]+>[^<]*<\/fototar:[^>]+>/g, '');
  assert.ok(!foreign.includes('<fototar:'));
  const file = path.join(dir, 'foreign', 'scan.jpg');
  await writeFixture(path.dirname(file), 'scan.jpg.xmp', Buffer.from(foreign, 'utf8'));
  assert.equal((await readSidecar(file))?.fields.date, '1945/1947');
  // Someone changed the standard date in another program: the EDTF beside it no longer belongs to it.
  fs.writeFileSync(`${file}.xmp`, foreign.replace('<photoshop:DateCreated>1945<', '<photoshop:DateCreated>1950<'));
  assert.equal((await readSidecar(file))?.fields.date, '1950');
});

test('south, west and below sea level keep their signs in EXIF and XMP', { skip }, async () => {
  const facts = { date: '1946-05-12', sublocation: '', city: '', country: '', gps: { lat: -33.8688, lon: -70.6693, alt: -20.5 } };
  const sharp = (await import('sharp')).default;
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#777' } })
    .jpeg()
    .withXmp(xmpPacket({ ...exportFacts(photos[0], 'fortepan', 'en'), ...facts }))
    .toBuffer();
  const file = await writeFixture(path.join(dir, 'signs'), 'south.jpg', insertJpegSegment(jpeg, exifApp1(whenWhereExif(facts))));
  const tags = exiftool(file, ['-n']);
  near(tags['GPS:GPSLatitude'], 33.8688, 'EXIF latitude (unsigned, with its ref)');
  assert.equal(tags['GPS:GPSLatitudeRef'], 'S');
  assert.equal(tags['GPS:GPSLongitudeRef'], 'W');
  assert.equal(tags['GPS:GPSAltitudeRef'], 1);
  assert.equal(tags['GPS:GPSAltitude'], 20.5);
  near(tags['Composite:GPSLatitude'], -33.8688, 'signed latitude');
  near(tags['Composite:GPSLongitude'], -70.6693, 'signed longitude');
  near(tags['XMP-exif:GPSLatitude'], -33.8688, 'XMP latitude');
  near(tags['XMP-exif:GPSLongitude'], -70.6693, 'XMP longitude');
  near(tags['XMP-iptcExt:LocationShownGPSLatitude'], -33.8688, 'LocationShown latitude');
  assert.equal(tags['XMP-exif:GPSAltitudeRef'], 1);
  assert.equal(tags['ExifIFD:DateTimeOriginal'], '1946:05:12 00:00:00');
  assert.equal(tags.Warning, undefined);
});

test('a photo with no date, place or position gets none of those fields, not empty ones', () => {
  const none = { date: '', sublocation: '', city: '', country: '', gps: null };
  assert.deepEqual(whenWhereXmp(none, (t) => t), []);
  assert.deepEqual(whenWhereExif(none), []);
  assert.deepEqual(Object.values(whenWhereIim(none)).filter(Boolean), []);
  assert.equal(circaDateCreated({ ...none, date: 'nem dátum' }), '');
  const packet = xmpPacket(exportFacts({ ...photos[0], date: '', city: '', place: '', country: '', gps: null }, 'fortepan', 'en'));
  assert.ok(!/DateCreated|LocationShown|GPS|ArtworkOrObject|photoshop:City/.test(packet), packet);
});
