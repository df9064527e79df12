// Raw metadata blocks (EXIF/TIFF, XMP, IPTC) found where exifr does not look or cannot cope:
// blocks sharp hands over for WebP, HEIF, AVIF and TIFF; PNG eXIf chunks after the image data and
// ImageMagick "Raw profile type" text chunks; XMP packets anywhere in the bytes (GIF, JPEG 2000),
// including UTF-16 ones; EXIF IFDs with invalid entries that make exifr drop the whole IFD.
// The blocks are re-wrapped as one synthetic JPEG header so exifr parses them the usual way.
import zlib from 'node:zlib';

export interface EmbeddedBlocks {
  /** A TIFF structure ("II*\0" / "MM\0*"), without the "Exif\0\0" prefix. */
  tiff?: Buffer;
  /** An XMP packet as UTF-8. */
  xmp?: Buffer;
  /** IPTC-IIM datasets, a Photoshop image resource block, or a whole APP13 payload. */
  iptc?: Buffer;
}

const EXIF_PREFIX = Buffer.from('Exif\0\0', 'latin1');
const XMP_NAMESPACE = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const PHOTOSHOP = Buffer.from('Photoshop 3.0\0', 'latin1');

export function tiffFromExif(exif: Buffer | undefined): Buffer | undefined {
  if (!exif || exif.length < 8) return undefined;
  const body = exif.subarray(0, 6).equals(EXIF_PREFIX) ? exif.subarray(6) : exif;
  return isTiffHeader(body) ? body : undefined;
}

function isTiffHeader(b: Buffer): boolean {
  return b.length >= 8 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a));
}

/** XMP as UTF-8: UTF-16 packets (allowed by the XMP spec, rare in practice) are re-encoded. */
export function xmpAsUtf8(xmp: Buffer | undefined): Buffer | undefined {
  if (!xmp || xmp.length < 8) return undefined;
  let text: string;
  if (xmp[0] === 0xfe && xmp[1] === 0xff) text = decodeUtf16be(xmp.subarray(2));
  else if (xmp[0] === 0xff && xmp[1] === 0xfe) text = xmp.subarray(2).toString('utf16le');
  else if (xmp[0] === 0 && xmp[1] !== 0) text = decodeUtf16be(xmp);
  else if (xmp[0] !== 0 && xmp[1] === 0) text = xmp.toString('utf16le');
  else return xmp;
  return Buffer.from(text.replace(/^\ufeff/, ''), 'utf8');
}

function decodeUtf16be(b: Buffer): string {
  const swapped = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** The first XMP packet in the bytes, in UTF-8 or UTF-16, or undefined. */
export function findXmpPacket(input: Buffer): Buffer | undefined {
  const candidates: [string, BufferEncoding | 'utf16be'][] = [['<x:xmpmeta', 'latin1'], ['<x:xmpmeta', 'utf16le'], ['<x:xmpmeta', 'utf16be']];
  for (const [marker, encoding] of candidates) {
    const open = encode(marker, encoding);
    const start = input.indexOf(open);
    if (start < 0) continue;
    const close = encode('</x:xmpmeta>', encoding);
    const end = input.indexOf(close, start);
    if (end < 0) continue;
    const packet = input.subarray(start, end + close.length);
    if (encoding === 'latin1') return packet;
    return Buffer.from(encoding === 'utf16le' ? packet.toString('utf16le') : decodeUtf16be(packet), 'utf8');
  }
  return undefined;
}

function encode(text: string, encoding: BufferEncoding | 'utf16be'): Buffer {
  if (encoding !== 'utf16be') return Buffer.from(text, encoding);
  const b = Buffer.from(text, 'utf16le');
  b.swap16();
  return b;
}

/** Longest decompressed text chunk read from a PNG: a text bomb costs no more than this. */
const MAX_PNG_TEXT = 4 * 1024 * 1024;

/** eXIf anywhere in the file (libvips ignores it after IDAT) and ImageMagick raw profiles. */
export function pngBlocks(input: Buffer): EmbeddedBlocks {
  const blocks: EmbeddedBlocks = {};
  if (input.length < 8 || input.readUInt32BE(0) !== 0x89504e47) return blocks;
  let offset = 8;
  while (offset + 12 <= input.length) {
    const length = input.readUInt32BE(offset);
    const type = input.toString('latin1', offset + 4, offset + 8);
    const data = input.subarray(offset + 8, Math.min(input.length, offset + 8 + length));
    offset += 12 + length;
    if (type === 'eXIf') blocks.tiff ??= tiffFromExif(Buffer.from(data));
    else if (type === 'zTXt' || type === 'tEXt' || type === 'iTXt') {
      const keywordEnd = data.indexOf(0);
      if (keywordEnd < 0) continue;
      const keyword = data.toString('latin1', 0, keywordEnd);
      const profile = /^Raw profile type (exif|xmp|iptc|APP1)$/i.exec(keyword)?.[1].toLowerCase();
      if (!profile) continue;
      const text = chunkText(type, data, keywordEnd);
      const bytes = text === null ? null : rawProfileBytes(text);
      if (!bytes) continue;
      if (profile === 'xmp') blocks.xmp ??= bytes;
      else if (profile === 'iptc') blocks.iptc ??= bytes;
      else blocks.tiff ??= tiffFromExif(bytes);
    }
    if (type === 'IEND') break;
  }
  return blocks;
}

function chunkText(type: string, data: Buffer, keywordEnd: number): string | null {
  try {
    if (type === 'tEXt') return data.toString('latin1', keywordEnd + 1);
    if (type === 'zTXt') return zlib.inflateSync(data.subarray(keywordEnd + 2), { maxOutputLength: MAX_PNG_TEXT }).toString('latin1');
    // iTXt: keyword\0 compressed-flag method language\0 translated\0 text
    const compressed = data[keywordEnd + 1] === 1;
    let p = data.indexOf(0, keywordEnd + 3);
    if (p < 0) return null;
    p = data.indexOf(0, p + 1);
    if (p < 0) return null;
    const body = data.subarray(p + 1);
    return (compressed ? zlib.inflateSync(body, { maxOutputLength: MAX_PNG_TEXT }) : body).toString('latin1');
  } catch {
    return null; // corrupt or over the size cap: no profile
  }
}

/** ImageMagick's raw profile: "\n<name>\n<length>\n<hex digits, wrapped>". */
function rawProfileBytes(text: string): Buffer | null {
  const match = /^\s*\S+\s+(\d+)\s+([0-9a-fA-F\s]+)$/.exec(text);
  if (!match) return null;
  const hex = match[2].replace(/\s+/g, '');
  const bytes = Buffer.from(hex.slice(0, Number(match[1]) * 2), 'hex');
  return bytes.length ? bytes : null;
}

/** JPEG 2000 (JP2) metadata lives in uuid boxes: EXIF, XMP and IPTC each have their own UUID. */
export function jp2Blocks(input: Buffer): EmbeddedBlocks {
  const blocks: EmbeddedBlocks = {};
  if (input.length < 12 || input.readUInt32BE(0) !== 12 || input.toString('latin1', 4, 8) !== 'jP  ') return blocks;
  const EXIF_UUID = Buffer.from('JpgTiffExif->JP2', 'latin1');
  const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
  const IPTC_UUID = Buffer.from('33c7a4d2b81d4723a0baf1a3e097ad38', 'hex');
  let offset = 0;
  for (let boxes = 0; offset + 8 <= input.length && boxes < 1000; boxes++) {
    let size = input.readUInt32BE(offset);
    const type = input.toString('latin1', offset + 4, offset + 8);
    let header = 8;
    if (size === 1 && offset + 16 <= input.length) {
      size = Number(input.readBigUInt64BE(offset + 8));
      header = 16;
    } else if (size === 0) size = input.length - offset;
    if (size < header) break;
    if (type === 'uuid' && offset + header + 16 <= input.length) {
      const uuid = input.subarray(offset + header, offset + header + 16);
      const body = input.subarray(offset + header + 16, Math.min(input.length, offset + size));
      if (uuid.equals(EXIF_UUID)) blocks.tiff ??= tiffFromExif(Buffer.from(body));
      else if (uuid.equals(XMP_UUID)) blocks.xmp ??= Buffer.from(body);
      else if (uuid.equals(IPTC_UUID)) blocks.iptc ??= Buffer.from(body);
    }
    offset += size;
  }
  return blocks;
}

const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];
const SUB_IFD_TAGS = new Set([0x8769, 0x8825]);

/**
 * Returns a copy of a TIFF structure whose IFD0, Exif and GPS IFD entries with an invalid type
 * or a value outside the block are neutralised (type UNDEFINED, count 0). exifr drops a whole
 * IFD on one such entry (a Sony DSC-HX5V writes a type-0 entry in IFD0).
 */
export function repairTiff(tiff: Buffer): { tiff: Buffer; repaired: number } {
  const copy = Buffer.from(tiff);
  if (!isTiffHeader(copy)) return { tiff: copy, repaired: 0 };
  const le = copy[0] === 0x49;
  const u16 = (o: number) => (le ? copy.readUInt16LE(o) : copy.readUInt16BE(o));
  const u32 = (o: number) => (le ? copy.readUInt32LE(o) : copy.readUInt32BE(o));
  const w16 = (o: number, v: number) => (le ? copy.writeUInt16LE(v, o) : copy.writeUInt16BE(v, o));
  const w32 = (o: number, v: number) => (le ? copy.writeUInt32LE(v, o) : copy.writeUInt32BE(v, o));
  let repaired = 0;
  const visited = new Set<number>();
  const walk = (ifd: number) => {
    if (visited.has(ifd) || ifd < 8 || ifd + 2 > copy.length) return;
    visited.add(ifd);
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (entry + 12 > copy.length) return;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      const size = (TYPE_SIZES[type] ?? 0) * n;
      const bad = type < 1 || type > 12 || (size > 4 && u32(entry + 8) + size > copy.length);
      if (bad) {
        w16(entry + 2, 7);
        w32(entry + 4, 0);
        repaired++;
      } else if (SUB_IFD_TAGS.has(tag) && (type === 4 || type === 13)) {
        walk(u32(entry + 8));
      }
    }
  };
  walk(u32(4));
  return { tiff: copy, repaired };
}

const XP_TAGS: Record<number, string> = { 0x9c9b: 'XPTitle', 0x9c9c: 'XPComment', 0x9c9d: 'XPAuthor', 0x9c9e: 'XPKeywords', 0x9c9f: 'XPSubject' };

/** Windows Explorer's XP* tags in IFD0, decoded as UTF-16LE (exifr misaligns odd offsets). */
export function readXpTags(tiff: Buffer | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!tiff || !isTiffHeader(tiff)) return out;
  const le = tiff[0] === 0x49;
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return out;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) break;
    const name = XP_TAGS[u16(entry)];
    if (!name || u16(entry + 2) !== 1) continue;
    const n = u32(entry + 4);
    const start = n <= 4 ? entry + 8 : u32(entry + 8);
    if (start + n > tiff.length) continue;
    const text = tiff.subarray(start, start + n - (n % 2)).toString('utf16le').replace(/\0+$/, '').trim();
    if (text) out[name] = text;
  }
  return out;
}

/** A minimal JPEG header carrying the blocks as APP1 (EXIF, XMP) and APP13 (IPTC) segments. */
export function syntheticJpeg(blocks: EmbeddedBlocks): Buffer | null {
  const segments: Buffer[] = [];
  const segment = (marker: number, payload: Buffer) => {
    if (payload.length + 2 > 0xffff) return;
    const head = Buffer.alloc(4);
    head[0] = 0xff;
    head[1] = marker;
    head.writeUInt16BE(payload.length + 2, 2);
    segments.push(head, payload);
  };
  if (blocks.tiff) segment(0xe1, Buffer.concat([EXIF_PREFIX, blocks.tiff]));
  if (blocks.xmp) segment(0xe1, Buffer.concat([XMP_NAMESPACE, blocks.xmp]));
  if (blocks.iptc) segment(0xed, photoshopPayload(blocks.iptc));
  if (!segments.length) return null;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments, Buffer.from([0xff, 0xd9])]);
}

function photoshopPayload(iptc: Buffer): Buffer {
  if (iptc.subarray(0, PHOTOSHOP.length).equals(PHOTOSHOP)) return iptc;
  if (iptc.toString('latin1', 0, 4) === '8BIM') return Buffer.concat([PHOTOSHOP, iptc]);
  // Bare IIM datasets: wrap in an IPTC-NAA image resource (id 0x0404, empty name, even length).
  const head = Buffer.from([0x38, 0x42, 0x49, 0x4d, 0x04, 0x04, 0, 0, 0, 0, 0, 0]);
  head.writeUInt32BE(iptc.length, 8);
  return Buffer.concat([PHOTOSHOP, head, iptc, Buffer.alloc(iptc.length % 2)]);
}
