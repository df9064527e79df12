// The content sniffer: each format by its first bytes, whatever the file is called; the TIFF
// family by extension where content cannot tell; non-images with the reason they are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { HEAD_BYTES, misnamedExtension, namedLikeImage, sniffFormat, sniffName, type Sniffed } from '../../../../../electron/catalogue/ingest/sniffFormat.ts';

const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
/** An ISO base media file's first box: ftyp with its major brand and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], 'meta');
};
const format = (s: Sniffed) => (s.kind === 'image' ? s.format : `skip:${s.reason}${s.what ? `:${s.what}` : ''}`);
const sniff = (head: Buffer, name = 'file') => format(sniffFormat(head, name));
const tiny = sharp({ create: { width: 8, height: 6, channels: 3, background: '#654321' } });

test('images made by an encoder are told by content, under any name', async () => {
  const made: [string, Buffer][] = [
    ['jpeg', await tiny.clone().jpeg().toBuffer()],
    ['png', await tiny.clone().png().toBuffer()],
    ['gif', await tiny.clone().gif().toBuffer()],
    ['webp', await tiny.clone().webp().toBuffer()],
    ['tiff', await tiny.clone().tiff().toBuffer()],
    ['avif', await tiny.clone().avif().toBuffer()],
  ];
  for (const [expected, file] of made) {
    for (const name of ['scan_0042', 'photo.dat', `x.${expected}`, 'wrong.png']) {
      assert.equal(sniff(file.subarray(0, HEAD_BYTES), name), expected, `${expected} named ${name}`);
    }
  }
});

test('signatures: TIFF (classic, BigTIFF, both byte orders), BMP, JPEG 2000, HEIF family, JPEG XL', () => {
  const cases: [Buffer, string][] = [
    [bytes('II*\0', [8, 0, 0, 0], [0, 0]), 'tiff'],
    [bytes('MM\0*', [0, 0, 0, 8], [0, 0]), 'tiff'],
    [bytes('II+\0', [8, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]), 'bigtiff'],
    [bytes('MM\0+', [0, 8, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]), 'bigtiff'],
    [bytes('BM', Buffer.alloc(12), [40, 0, 0, 0], Buffer.alloc(36)), 'bmp'],
    [bytes([0, 0, 0, 12], 'jP  ', [0x0d, 0x0a, 0x87, 0x0a], [0, 0, 0, 20], 'ftypjp2 '), 'jp2'],
    [bytes([0xff, 0x4f, 0xff, 0x51, 0, 0x2f]), 'j2k'],
    [ftyp('heic', 'mif1', 'heic'), 'heic'],
    [ftyp('heix', 'mif1'), 'heic'],
    [ftyp('hevc', 'msf1'), 'heic'],
    [ftyp('msf1', 'msf1', 'heis'), 'heic'],
    [ftyp('mif1', 'heim'), 'heic'],
    [ftyp('mif1', 'mif1'), 'heif'],
    [ftyp('avif', 'mif1', 'miaf'), 'avif'],
    [ftyp('avis', 'msf1', 'avif'), 'avif'],
    [ftyp('mif1', 'avif'), 'avif'],
    [bytes([0xff, 0x0a, 0xfa, 0x3f]), 'jxl'],
    [bytes([0, 0, 0, 12], 'JXL ', [0x0d, 0x0a, 0x87, 0x0a]), 'jxl'],
  ];
  for (const [head, expected] of cases) assert.equal(sniff(head), expected, `${expected}: ${head.subarray(0, 16).toString('hex')}`);
});

test('camera RAW: by signature where it has one, by extension within the TIFF family', () => {
  const tiffLe = bytes('II*\0', [8, 0, 0, 0], [1, 0], [0x0f, 0x01, 2, 0, 6, 0, 0, 0, 26, 0, 0, 0], [0, 0, 0, 0], 'NIKON\0');
  const cases: [Buffer, string, string][] = [
    [bytes('II*\0', [16, 0, 0, 0], 'CR', [2, 0]), 'IMG_0001.CR2', 'cr2'],
    [bytes('II*\0', [16, 0, 0, 0], 'CR', [2, 0]), 'no-name', 'cr2'],
    [ftyp('crx ', 'crx ', 'isom'), 'IMG_0001.CR3', 'cr3'],
    [bytes('IIRO', [8, 0, 0, 0]), 'P1.ORF', 'orf'],
    [bytes('IIRS', [8, 0, 0, 0]), 'P1.ORF', 'orf'],
    [bytes('MMOR', [0, 0, 0, 8]), 'P1.ORF', 'orf'],
    [bytes('IIU\0', [8, 0, 0, 0]), 'P1.RW2', 'rw2'],
    [bytes('FUJIFILMCCD-RAW 0201FF383501'), 'DSCF.RAF', 'raf'],
    [bytes('II', [0x1a, 0, 0, 0], 'HEAPCCDR'), 'CRW_1.CRW', 'crw'],
    // TIFF inside: the extension decides (content cannot tell a NEF from a Nikon-made TIFF).
    [tiffLe, 'DSC_1.NEF', 'nef'],
    [tiffLe, 'DSC_1.nrw', 'nef'],
    [tiffLe, 'DSC_1.ARW', 'arw'],
    [tiffLe, 'DSC_1.dng', 'dng'],
    [tiffLe, 'IMGP.PEF', 'pef'],
    [tiffLe, 'scan.tif', 'tiff'],
    [tiffLe, 'scan_0042', 'tiff'],
    // DNG says so itself (DNGVersion, tag 0xC612, in IFD0), whatever its name.
    [bytes('II*\0', [8, 0, 0, 0], [1, 0], [0x12, 0xc6, 1, 0, 4, 0, 0, 0, 1, 4, 0, 0], [0, 0, 0, 0]), 'renamed.tif', 'dng'],
    [bytes('MM\0*', [0, 0, 0, 8], [0, 1], [0xc6, 0x12, 0, 1, 0, 0, 0, 4, 1, 4, 0, 0], [0, 0, 0, 0]), 'renamed', 'dng'],
  ];
  for (const [head, name, expected] of cases) assert.equal(sniff(head, name), expected, `${name}: ${head.subarray(0, 12).toString('hex')}`);
  for (const raw of ['cr2', 'cr3', 'nef', 'dng', 'orf', 'rw2', 'raf', 'arw']) assert.ok(namedLikeImage(`x.${raw.toUpperCase()}`), raw);
});

test('system files by name, never read; AppleDouble by content too; hidden files that are not images', () => {
  for (const [name, what] of [
    ['Thumbs.db', 'Thumbs.db'],
    ['thumbs.db', 'Thumbs.db'],
    ['.DS_Store', '.DS_Store'],
    ['desktop.ini', 'desktop.ini'],
    ['Desktop.ini', 'desktop.ini'],
    ['._scan_0042.jpg', 'AppleDouble'],
    ['._notes.txt', 'AppleDouble'],
  ]) {
    assert.deepEqual(sniffName(name), { kind: 'skip', reason: 'system', what }, name);
    // Even when its bytes are a JPEG: these names are the system's, not the person's.
    assert.equal(sniff(bytes([0xff, 0xd8, 0xff, 0xe0]), name), `skip:system:${what}`, name);
  }
  assert.equal(sniffName('fortepan_1.jpg'), null);
  assert.equal(sniff(bytes([0, 5, 0x16, 7, 0, 2, 0, 0], 'Mac OS X        '), 'resource'), 'skip:system:AppleDouble');
  // A dotfile is skipped as hidden unless it is an image (catalogued, as it always was).
  assert.equal(sniff(bytes('[core]\n'), '.gitconfig'), 'skip:hidden');
  assert.equal(sniff(Buffer.alloc(0), '.lock'), 'skip:hidden');
  assert.equal(sniff(bytes([0xff, 0xd8, 0xff, 0xe0]), '.secret.jpg'), 'jpeg');
});

test('non-images each get their reason', () => {
  const zipEntry = (name: string, content = '') =>
    bytes('PK\x03\x04', Buffer.alloc(22), [name.length, 0, 0, 0], name, content);
  const cases: [Buffer, string, string][] = [
    [bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'scan.pdf', 'skip:document:PDF'],
    [bytes('{\\rtf1\\ansi'), 'letter.rtf', 'skip:document:RTF'],
    [bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(8)), 'list.xls', 'skip:document:Microsoft Office 97–2003'],
    [zipEntry('[Content_Types].xml'), 'list.xlsx', 'skip:document:Office Open XML'],
    [zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'), 'list.odt', 'skip:document:OpenDocument'],
    [zipEntry('photos/a.jpg'), 'photos.zip', 'skip:archive:ZIP'],
    [bytes('Rar!\x1a\x07\x01\x00'), 'a.rar', 'skip:archive:RAR'],
    [bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'a.7z', 'skip:archive:7z'],
    [bytes([0x1f, 0x8b, 8, 0]), 'a.tar.gz', 'skip:archive:gzip'],
    [ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'clip.mp4', 'skip:video:MP4 "isom"'],
    [ftyp('qt  ', 'qt  '), 'clip.mov', 'skip:video:QuickTime'],
    [ftyp('M4A ', 'M4A ', 'isom'), 'song.m4a', 'skip:audio:M4A'],
    [bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'), 'clip.avi', 'skip:video:AVI'],
    [bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'a.wav', 'skip:audio:WAV'],
    [bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), 'clip.mkv', 'skip:video:Matroska/WebM'],
    [bytes('ID3\x04\0\0'), 'a.mp3', 'skip:audio:MP3'],
    [bytes('8BPS\0\x01'), 'layers.psd', 'skip:otherImage:Photoshop PSD'],
    [bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg', 'skip:otherImage:SVG'],
    [bytes('<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'), 'fortepan_1.xmp', 'skip:sidecar:XMP'],
    [bytes('<x:xmpmeta xmlns:x="adobe:ns:meta/">'), 'IMG_1.XMP', 'skip:sidecar:XMP'],
    [bytes('<!DOCTYPE html><html>'), 'index.html', 'skip:document:HTML'],
    [bytes('<?xml version="1.0"?><catalog/>'), 'export.xml', 'skip:document:XML'],
    [bytes('Fortepan 54176: Üllői út, 1956\r\n'), 'notes.txt', 'skip:text'],
    [Buffer.from('Hidak\tBudapest\n', 'latin1'), 'list.csv', 'skip:text'],
    [bytes('BMW 1956: text starting with BM\n'), 'cars.txt', 'skip:text'],
    [bytes([0xff, 0xfe], Buffer.from('jegyzet', 'utf16le')), 'notes.txt', 'skip:text'],
    [bytes('SQLite format 3\0'), 'catalogue.db', 'skip:document:SQLite'],
    [Buffer.alloc(0), 'empty.txt', 'skip:empty'],
    [Buffer.alloc(0), 'scan_0042', 'skip:empty'],
    [bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), 'a.out', 'skip:unknown'],
    [Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff)), 'noise.bin', 'skip:unknown'],
  ];
  for (const [head, name, expected] of cases) assert.equal(sniff(head, name), expected, name);
});

test('a text cut mid-letter by the 4 KB head is still text', () => {
  const text = Buffer.from('ő'.repeat(HEAD_BYTES));
  assert.equal(sniff(text.subarray(0, HEAD_BYTES - 1), 'long.txt'), 'skip:text');
  assert.equal(sniff(text, 'long.txt'), 'skip:text', 'only the head is looked at');
});

test('a name that disagrees with the content is noted; one that fits is not', () => {
  assert.equal(misnamedExtension('photo.png', 'jpeg'), '.png');
  assert.equal(misnamedExtension('scan_0042', 'jpeg'), '');
  assert.equal(misnamedExtension('photo.dat', 'jpeg'), '.dat');
  for (const [name, format] of [['a.JPG', 'jpeg'], ['a.jpeg', 'jpeg'], ['a.tiff', 'tiff'], ['a.heif', 'heic'], ['a.avifs', 'avif'], ['a.HIF', 'heic'], ['a.dng', 'dng'], ['a.j2k', 'j2k']] as const) {
    assert.equal(misnamedExtension(name, format), null, name);
  }
  assert.ok(namedLikeImage('scan.JPG') && namedLikeImage('x.avifs') && namedLikeImage('x.jxl'));
  assert.ok(!namedLikeImage('notes.txt') && !namedLikeImage('scan_0042') && !namedLikeImage('.jpg'));
});
