import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMetadata, mapMetadata, validDate } from '../../../../../electron/catalogue/metadata/readMetadata.ts';
import { repairLegacyText } from '../../../../../electron/catalogue/metadata/legacyText.ts';
import { latin2, makeJpeg } from '../../../../support/fixtures.ts';

test('IPTC written as UTF-8 reads back intact', async () => {
  const meta = await readMetadata(await makeJpeg({ iptc: { caption: 'Főplébániatemplom, Győr', keywords: ['tér', 'műemlék'], byline: 'Kovács Béla', city: 'Győr' } }));
  assert.equal(meta.fields.caption, 'Főplébániatemplom, Győr');
  assert.deepEqual(meta.fields.tags, ['tér', 'műemlék']);
  assert.equal(meta.fields.photographer, 'Kovács Béla');
  assert.equal(meta.fields.city, 'Győr');
});

test('legacy Latin-2 IPTC with no declared character set is repaired', async () => {
  const meta = await readMetadata(await makeJpeg({ iptc: { caption: 'Főplébániatemplom', keywords: ['Tűzoltóság'] }, iptcEncode: latin2 }));
  assert.equal(meta.fields.caption, 'Főplébániatemplom');
  assert.deepEqual(meta.fields.tags, ['Tűzoltóság']);
});

test('8-bit text without Hungarian telltales is read as Western European', () => {
  assert.equal(repairLegacyText(Buffer.from('Caf\xe9 M\xfcller', 'latin1').toString('latin1')), 'Café Müller');
  assert.equal(repairLegacyText('already Unicode: Üllői'), 'already Unicode: Üllői');
});

test('XMP wins over IPTC, and an embedded Fortepan credit names the donor, not the photographer', async () => {
  const meta = await readMetadata(await makeJpeg({
    xmp: { description: 'XMP felirat', credit: 'Fortepan / Nagy Gyula', creator: 'Berkó Pál' },
    iptc: { caption: 'IPTC felirat' },
  }));
  assert.equal(meta.fields.caption, 'XMP felirat');
  assert.equal(meta.fields.donor, 'Nagy Gyula');
  assert.equal(meta.fields.photographer, 'Berkó Pál');
  assert.equal(meta.fields.source, 'Fortepan');
  assert.equal(meta.fields.licence, 'CC BY-SA 3.0');
});

test('bogus dates are rejected', () => {
  assert.equal(validDate('0000:00:00 00:00:00'), null);
  assert.equal(validDate('    :  :     :  :  '), null);
  assert.equal(validDate(new Date(Date.UTC(1899, 10, 30))), null);
  assert.equal(validDate(new Date(Date.now() + 400 * 86400_000)), null);
  assert.equal(validDate('2003:08:06 18:04:34'), '2003-08-06T18:04:34Z');
});

test('a camera date is the photo date; a scanner date is the digitisation date', () => {
  const camera = mapMetadata({ ifd0: { Make: 'NIKON CORPORATION', Model: 'NIKON D300' }, exif: { DateTimeOriginal: new Date(Date.UTC(2012, 6, 14, 16, 30, 12)) } });
  assert.equal(camera.takenAt, '2012-07-14T16:30:12Z');
  assert.equal(camera.fields.date, '2012-07-14');
  assert.equal(camera.camera, 'NIKON CORPORATION NIKON D300');
  const scan = mapMetadata({ ifd0: { Make: 'EPSON', Model: 'Perfection V750', Software: 'EPSON Scan' }, exif: { DateTimeOriginal: new Date(Date.UTC(2015, 0, 2)) } });
  assert.equal(scan.takenAt, null);
  assert.equal(scan.digitizedAt, '2015-01-02T00:00:00Z');
  assert.equal(scan.fields.date, '');
});

test('GPS 0,0 and impossible altitudes are dropped', () => {
  assert.equal(mapMetadata({ gps: { latitude: 0, longitude: 0 } }).gps, null);
  assert.deepEqual(mapMetadata({ gps: { latitude: 47.5, longitude: 19.05, GPSAltitude: 4294967284 } }).gps, { lat: 47.5, lon: 19.05, alt: null });
  assert.deepEqual(mapMetadata({ gps: { latitude: 47.5, longitude: 19.05, GPSAltitude: 120 } }).gps, { lat: 47.5, lon: 19.05, alt: 120 });
});

test('XML entities in XMP are decoded exactly once', async () => {
  const { decodeXmlEntities } = await import('../../../../../electron/catalogue/metadata/xmlEntities.ts');
  assert.equal(decodeXmlEntities('A &amp; B &lt;b&gt; &#60;i&#x3E; &amp;lt; &quot;q&quot; &apos;'), 'A & B <b> <i> &lt; "q" \'');
  assert.equal(decodeXmlEntities('&#0; &#xD800; &unknown;'), '&#0; &#xD800; &unknown;');
  const meta = await readMetadata(await makeJpeg({ xmp: { title: '<img src=x onerror=alert(1)>', credit: 'Fortepan / Kiss & Nagy' } }));
  assert.equal(meta.fields.title, '<img src=x onerror=alert(1)>');
  assert.equal(meta.fields.donor, 'Kiss & Nagy');
});
