// An exported JPEG gets its EXIF and IPTC with one copy of the picture (jpegMetadata.ts): the
// bytes must be exactly those of the two inserts done one after the other, which ExifTool reads in
// the export tests, for JPEGs with and without a JFIF header and with XMP and a comment in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { withJpegMetadata } from '../../../../../electron/catalogue/metadata/jpegMetadata.ts';
import { buildIim, insertIptc } from '../../../../../electron/catalogue/metadata/iptcWriter.ts';
import { exifApp1, insertJpegSegment, TAG } from '../../../../../electron/catalogue/metadata/tiffTags.ts';
import { makeJpeg } from '../../../../support/fixtures.ts';

const exif = exifApp1([{ tag: TAG.ImageDescription, type: 2, value: Buffer.from('Erzsébet híd, 1946\0', 'utf8') }]);
const iim = buildIim({ objectName: 'Árvíztűrő tükörfúrógép', keywords: ['híd', 'Duna'], city: 'Budapest' });

/** A JPEG's segment markers up to the scan, e.g. ['e0', 'e1', 'ed', 'db', …]. */
function markers(jpeg: Buffer): string[] {
  const found: string[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    found.push(jpeg[at + 1].toString(16));
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return found;
}

test('EXIF and IPTC inserted in one copy are byte for byte the two inserts one after the other', async () => {
  // This sharp writes no JFIF header; other encoders do, so one is put in by hand.
  const plain = await makeJpeg({ width: 40, height: 30 });
  const bare = await makeJpeg({ width: 40, height: 30, xmp: { title: 'Lánchíd' } });
  assert.equal(bare[3], 0xe1, 'the XMP segment comes first');
  const jfif = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const withXmp = Buffer.concat([bare.subarray(0, 2), jfif, bare.subarray(2)]);
  const xmpEnd = 4 + bare.readUInt16BE(4);
  // A comment between the APPn segments: the APP13 goes after it, as insertIptc puts it.
  const comment = Buffer.from([0xff, 0xfe, 0x00, 0x06, 0x61, 0x62, 0x63, 0x64]);
  const commented = Buffer.concat([bare.subarray(0, xmpEnd), comment, bare.subarray(xmpEnd)]);
  for (const [name, jpeg] of [['with JFIF and XMP', withXmp], ['without JFIF', bare], ['with a comment', commented], ['with JFIF only', Buffer.concat([plain.subarray(0, 2), jfif, plain.subarray(2)])]] as const) {
    const once = withJpegMetadata(jpeg, exif, iim);
    assert.deepEqual(once, insertIptc(insertJpegSegment(jpeg, exif), iim), name);
    assert.equal(markers(once).filter((m) => m === 'ed').length, 1, `${name}: one APP13`);
    // Still a picture sharp decodes at its size.
    assert.equal((await sharp(once).metadata()).width, 40, name);
  }
  assert.deepEqual(markers(withJpegMetadata(withXmp, exif, iim)).slice(0, 4), ['e0', 'e1', 'e1', 'ed'], 'JFIF, EXIF, XMP, then IPTC');
});
