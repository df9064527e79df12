// What a file is, from its first bytes: an image format the ingest hands on to the workers, or
// why it is not an image. Archives hold JPEGs named `scan_0042` or `photo.dat`, PNGs named .jpg,
// and beside them Thumbs.db, .DS_Store, AppleDouble `._` forks, PDFs and notes: the name decides
// nothing about the content, except where content alone cannot tell (camera RAWs built on TIFF,
// below) and for the system files operating systems leave by name. Pure: bytes and a name in,
// a verdict out; scanFolders.ts does the reading (HEAD_BYTES of each file, a few at a time).
import type { SkipReason } from '../../../shared/skipReasons.ts';

/** How much of a file is read to sniff it: every signature below lies in its first 4 KB. */
export const HEAD_BYTES = 4096;

export interface ImageFormatInfo {
  /** The format's name as people know it (the same in every language). */
  label: string;
  /** Extensions its files carry; a file with another one gets a "named .x but its content is …" note. */
  extensions: readonly string[];
  /** A camera RAW: catalogued like any image (with its embedded preview where one decodes). */
  raw: boolean;
}

const image = (label: string, extensions: string[], raw = false): ImageFormatInfo => ({ label, extensions, raw });

export const IMAGE_FORMATS = {
  jpeg: image('JPEG', ['.jpg', '.jpeg', '.jpe', '.jfif', '.jif']),
  png: image('PNG', ['.png', '.apng']),
  gif: image('GIF', ['.gif']),
  webp: image('WebP', ['.webp']),
  tiff: image('TIFF', ['.tif', '.tiff']),
  bigtiff: image('BigTIFF', ['.tif', '.tiff', '.btf', '.tf8']),
  bmp: image('BMP', ['.bmp', '.dib']),
  jp2: image('JPEG 2000', ['.jp2', '.jpx', '.jpf', '.jpm', '.jph']),
  j2k: image('JPEG 2000 codestream', ['.j2k', '.j2c', '.jpc']),
  heic: image('HEIC', ['.heic', '.heif', '.hif', '.heics', '.heifs']),
  heif: image('HEIF', ['.heif', '.heic', '.hif', '.heifs', '.heics']),
  avif: image('AVIF', ['.avif', '.avifs', '.heif', '.hif']),
  jxl: image('JPEG XL', ['.jxl']),
  cr2: image('Canon CR2', ['.cr2'], true),
  cr3: image('Canon CR3', ['.cr3'], true),
  crw: image('Canon CRW', ['.crw'], true),
  nef: image('Nikon NEF', ['.nef', '.nrw'], true),
  arw: image('Sony ARW', ['.arw', '.srf', '.sr2'], true),
  dng: image('DNG', ['.dng'], true),
  pef: image('Pentax PEF', ['.pef'], true),
  srw: image('Samsung SRW', ['.srw'], true),
  tiffRaw: image('camera RAW (TIFF-based)', ['.erf', '.3fr', '.kdc', '.dcr', '.mef', '.mos', '.iiq'], true),
  orf: image('Olympus ORF', ['.orf'], true),
  rw2: image('Panasonic RW2', ['.rw2', '.rwl'], true),
  raf: image('Fujifilm RAF', ['.raf'], true),
  mrw: image('Minolta MRW', ['.mrw'], true),
  x3f: image('Sigma X3F', ['.x3f'], true),
} as const satisfies Record<string, ImageFormatInfo>;

export type ImageFormat = keyof typeof IMAGE_FORMATS;

export type Sniffed =
  | { kind: 'image'; format: ImageFormat }
  /** `what`: the format or file name that tells the reason apart ("PDF", "Thumbs.db"), or null. */
  | { kind: 'skip'; reason: SkipReason; what: string | null };

const IMAGE_EXTENSIONS = new Set<string>(Object.values(IMAGE_FORMATS).flatMap((f) => f.extensions));

/** The name's extension, lower case, with its dot ("" when there is none; a dotfile's name is no extension). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** Whether the name says "image": such a file is the person's photo, and if it is none, a failure to report. */
export function namedLikeImage(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(name));
}

// Left by operating systems and photo tools beside the photos; known by name, never read.
const SYSTEM_FILES = new Map(
  ['Thumbs.db', 'ehthumbs.db', 'ehthumbs_vista.db', 'desktop.ini', '.DS_Store', 'Icon\r', '.localized', '.directory', 'Picasa.ini', '.picasa.ini', '.BridgeSort', '.BridgeLabelsAndRatings', '.BridgeCache', '.BridgeCacheT'].map((n) => [n.toLowerCase(), n]),
);

/**
 * What the name alone decides, before anything is read: system files and AppleDouble forks
 * (`._photo.jpg`: a Mac's resource fork on a non-Mac disk, a few hundred bytes that are no JPEG).
 */
export function sniffName(name: string): Sniffed | null {
  const system = SYSTEM_FILES.get(name.toLowerCase());
  if (system) return { kind: 'skip', reason: 'system', what: system };
  if (name.startsWith('._')) return { kind: 'skip', reason: 'system', what: 'AppleDouble' };
  return null;
}

/** A file's kind from its first bytes (at most HEAD_BYTES are looked at) and its name. */
export function sniffFormat(head: Uint8Array, name: string): Sniffed {
  const byName = sniffName(name);
  if (byName) return byName;
  const bytes = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, HEAD_BYTES));
  const found = bytes.length === 0 ? skip('empty') : (sniffImage(bytes, extensionOf(name)) ?? sniffOther(bytes, extensionOf(name)));
  // A hidden file (a dotfile: a tool's settings, a lock) that is not an image is skipped as
  // hidden, whatever it holds; a hidden image is catalogued, as it always was.
  return found.kind === 'skip' && name.startsWith('.') ? skip('hidden') : found;
}

const skip = (reason: SkipReason, what: string | null = null): Sniffed => ({ kind: 'skip', reason, what });
const isImage = (format: ImageFormat): Sniffed => ({ kind: 'image', format });

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.length >= end ? bytes.toString('latin1', start, end) : '';
}

function startsWith(bytes: Buffer, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function sniffImage(bytes: Buffer, ext: string): Sniffed | null {
  const four = ascii(bytes, 0, 4);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return isImage('jpeg');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return isImage('png');
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return isImage('gif');
  if (four === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return isImage('webp');
  // Camera RAWs with their own TIFF-like magic, before TIFF itself.
  if (four === 'II*\0' && ascii(bytes, 8, 10) === 'CR') return isImage('cr2');
  if (four === 'IIRO' || four === 'IIRS' || four === 'MMOR') return isImage('orf');
  if (four === 'IIU\0') return isImage('rw2');
  if (ascii(bytes, 0, 15) === 'FUJIFILMCCD-RAW') return isImage('raf');
  if (ascii(bytes, 0, 2) === 'II' && bytes.length >= 14 && bytes.readUInt32LE(2) === 0x1a && ascii(bytes, 6, 14) === 'HEAPCCDR') return isImage('crw');
  if (four === '\0MRM') return isImage('mrw');
  if (four === 'FOVb') return isImage('x3f');
  if (four === 'II+\0' || four === 'MM\0+') return isImage('bigtiff');
  if (four === 'II*\0' || four === 'MM\0*') return isImage(tiffFamily(bytes, ext));
  if (startsWith(bytes, [0, 0, 0, 0x0c]) && ascii(bytes, 4, 8) === 'jP  ') return isImage('jp2');
  if (startsWith(bytes, [0xff, 0x4f, 0xff, 0x51])) return isImage('j2k');
  if (startsWith(bytes, [0xff, 0x0a])) return isImage('jxl');
  if (startsWith(bytes, [0, 0, 0, 0x0c]) && ascii(bytes, 4, 8) === 'JXL ') return isImage('jxl');
  if (ascii(bytes, 4, 8) === 'ftyp') return isoMedia(bytes);
  if (ascii(bytes, 0, 2) === 'BM' && bmpHeader(bytes)) return isImage('bmp');
  return null;
}

/**
 * NEF, ARW, PEF, SRW and most other camera RAWs are TIFF files: IFD0 holds a small preview
 * and the raw data sits in a sub-IFD, with nothing in the first bytes that a scanner's TIFF
 * could not also have (a Nikon-made TIFF has Make "NIKON" too). Content alone cannot tell a
 * NEF from a TIFF, so the extension decides among the TIFF family. DNG alone says so in
 * IFD0 (its DNGVersion tag), which is read when IFD0 lies within the head.
 */
function tiffFamily(bytes: Buffer, ext: string): ImageFormat {
  if (hasDngVersion(bytes)) return 'dng';
  for (const format of ['nef', 'arw', 'dng', 'pef', 'srw', 'tiffRaw'] as const) {
    if ((IMAGE_FORMATS[format].extensions as readonly string[]).includes(ext)) return format;
  }
  return 'tiff';
}

function hasDngVersion(bytes: Buffer): boolean {
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (bytes.length < 8) return false;
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > bytes.length) return false;
  const count = u16(ifd);
  for (let i = 0; i < count && ifd + 2 + i * 12 + 2 <= bytes.length; i++) {
    if (u16(ifd + 2 + i * 12) === 0xc612) return true;
  }
  return false;
}

/** A BMP's DIB header has one of a few sizes: text that happens to start with "BM" has not. */
function bmpHeader(bytes: Buffer): boolean {
  return bytes.length >= 18 && [12, 16, 40, 52, 56, 64, 108, 124].includes(bytes.readUInt32LE(14));
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2']);
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

/** ISO base media (ftyp box): HEIF, HEIC and AVIF images and sequences, CR3; else a video or audio file. */
function isoMedia(bytes: Buffer): Sniffed {
  const size = bytes.readUInt32BE(0);
  const end = Math.min(size >= 16 ? size : 16, bytes.length);
  const major = ascii(bytes, 8, 12);
  const brands = new Set([major]);
  for (let at = 16; at + 4 <= end; at += 4) brands.add(bytes.toString('latin1', at, at + 4));
  const any = (set: Set<string>) => [...brands].some((b) => set.has(b));
  if (major === 'crx ') return isImage('cr3');
  if (any(AVIF_BRANDS)) return isImage('avif');
  if (any(HEIC_BRANDS)) return isImage('heic');
  if (any(HEIF_BRANDS)) return isImage('heif');
  if (major === 'jxl ') return isImage('jxl');
  if (AUDIO_BRANDS.has(major)) return skip('audio', 'M4A');
  if (major === 'qt  ') return skip('video', 'QuickTime');
  if (major.startsWith('3g')) return skip('video', '3GP');
  return skip('video', `MP4 "${major.trim()}"`);
}

function sniffOther(bytes: Buffer, ext: string): Sniffed {
  const four = ascii(bytes, 0, 4);
  // Mac metadata by content too: a resource fork copied under another name.
  if (startsWith(bytes, [0, 0x05, 0x16, 0x07])) return skip('system', 'AppleDouble');
  if (startsWith(bytes, [0, 0x05, 0x16, 0x00])) return skip('system', 'AppleSingle');
  // Documents.
  if (four === '%PDF') return skip('document', 'PDF');
  if (four === '%!PS') return skip('document', 'PostScript');
  if (startsWith(bytes, [0xc5, 0xd0, 0xd3, 0xc6])) return skip('document', 'EPS');
  if (ascii(bytes, 0, 5) === '{\\rtf') return skip('document', 'RTF');
  if (ascii(bytes, 0, 8) === 'AT&TFORM') return skip('document', 'DjVu');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return skip('document', 'Microsoft Office 97–2003');
  if (ascii(bytes, 0, 16) === 'SQLite format 3\0') return skip('document', 'SQLite');
  if (four === 'PK\x03\x04' || four === 'PK\x05\x06') return zipKind(bytes);
  // Images of formats the catalogue does not take.
  if (four === '8BPS') return skip('otherImage', 'Photoshop PSD');
  if (ascii(bytes, 0, 9) === 'gimp xcf ') return skip('otherImage', 'GIMP XCF');
  if (four === 'icns') return skip('otherImage', 'ICNS');
  if (startsWith(bytes, [0, 0, 1, 0]) && bytes.length >= 6 && bytes.readUInt16LE(4) > 0 && bytes.readUInt16LE(4) < 256 && ext === '.ico') return skip('otherImage', 'ICO');
  // Archives.
  if (ascii(bytes, 0, 6) === 'Rar!\x1a\x07') return skip('archive', 'RAR');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return skip('archive', '7z');
  if (startsWith(bytes, [0x1f, 0x8b])) return skip('archive', 'gzip');
  if (ascii(bytes, 0, 3) === 'BZh') return skip('archive', 'bzip2');
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return skip('archive', 'xz');
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return skip('archive', 'Zstandard');
  if (four === 'MSCF') return skip('archive', 'CAB');
  if (ascii(bytes, 257, 262) === 'ustar') return skip('archive', 'tar');
  // Video and audio.
  if (four === 'RIFF' && ascii(bytes, 8, 12) === 'AVI ') return skip('video', 'AVI');
  if (four === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return skip('audio', 'WAV');
  if (four === 'FORM' && /^AIF[FC]$/.test(ascii(bytes, 8, 12))) return skip('audio', 'AIFF');
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return skip('video', 'Matroska/WebM');
  if (startsWith(bytes, [0, 0, 1, 0xba]) || startsWith(bytes, [0, 0, 1, 0xb3])) return skip('video', 'MPEG');
  if (bytes.length > 188 && bytes[0] === 0x47 && bytes[188] === 0x47) return skip('video', 'MPEG-TS');
  if (ascii(bytes, 0, 3) === 'FLV') return skip('video', 'FLV');
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return skip('video', 'Windows Media');
  if (['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(ascii(bytes, 4, 8))) return skip('video', 'QuickTime');
  // An MP3 without an ID3 tag starts with a frame header: FF then Fx/Ex (MPEG 1, 2, 2.5; layer III).
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && [0xfb, 0xfa, 0xf3, 0xf2, 0xe3, 0xe2].includes(bytes[1]))) return skip('audio', 'MP3');
  if (four === 'fLaC') return skip('audio', 'FLAC');
  if (four === 'OggS') return skip('audio', 'Ogg');
  return text(bytes, ext) ?? skip('unknown');
}

/** Office documents, OpenDocument and EPUB are ZIPs: the first entry's name tells them apart. */
function zipKind(bytes: Buffer): Sniffed {
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'PK\x03\x04') {
    const nameLength = bytes.readUInt16LE(26);
    const extra = bytes.readUInt16LE(28);
    const first = bytes.toString('latin1', 30, Math.min(bytes.length, 30 + nameLength));
    const content = bytes.toString('latin1', 30 + nameLength + extra, Math.min(bytes.length, 30 + nameLength + extra + 80));
    if (first === 'mimetype' && content.startsWith('application/epub+zip')) return skip('document', 'EPUB');
    if (first === 'mimetype' && content.startsWith('application/vnd.oasis.opendocument')) return skip('document', 'OpenDocument');
    if (first === '[Content_Types].xml' || first.startsWith('word/') || first.startsWith('xl/') || first.startsWith('ppt/') || first === '_rels/.rels') {
      return skip('document', 'Office Open XML');
    }
  }
  return skip('archive', 'ZIP');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text: no control bytes but tab, line breaks, form feed and escape (so UTF-8 and the code
 * pages old Hungarian text files use both pass), or UTF-16 with its byte-order mark. XMP
 * named .xmp is a sidecar, read with its photo; HTML, SVG and other XML are told apart.
 */
function text(bytes: Buffer, ext: string): Sniffed | null {
  let content: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    content = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2, bytes.length & ~1));
  } else {
    for (const b of bytes) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f) return null;
    content = decodeText(bytes);
  }
  const start = content.replace(/^\ufeff/, '').trimStart().slice(0, 1024).toLowerCase();
  const xml = start.startsWith('<?xml') || start.startsWith('<?xpacket') || start.startsWith('<x:xmpmeta') || start.startsWith('<rdf:rdf');
  const xmp = /<x:xmpmeta|<\?xpacket|<rdf:rdf/.test(start);
  if (ext === '.xmp' && (xmp || xml)) return skip('sidecar', 'XMP');
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return skip('document', 'HTML');
  if (start.startsWith('<svg') || (xml && start.includes('<svg'))) return skip('otherImage', 'SVG');
  if (xmp) return skip('document', 'XMP');
  if (xml) return skip('document', 'XML');
  return skip('text', null);
}

/** UTF-8 where it is (a sequence cut by the head's end is fine), else a code page: only the start matters. */
function decodeText(bytes: Buffer): string {
  for (let cut = 0; cut < 4 && cut < bytes.length; cut++) {
    try {
      return utf8.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try without a last, possibly cut, sequence
    }
  }
  return bytes.toString('latin1');
}

/** The name's extension when it is not one of the format's ("" for a name without one), or null when they agree. */
export function misnamedExtension(name: string, format: ImageFormat): string | null {
  const ext = extensionOf(name);
  return (IMAGE_FORMATS[format].extensions as readonly string[]).includes(ext) ? null : ext;
}
