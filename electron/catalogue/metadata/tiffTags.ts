// Writes TIFF tags ourselves where sharp cannot: libvips turns EXIF text into plain ASCII
// ("Berkó Pál" becomes "Berko Pal") and writes no IPTC into TIFF. Exports need Hungarian names
// intact, so we write EXIF text as UTF-8 (what ExifTool itself writes and reads back) plus the
// Windows XP* tags in UCS-2, into a JPEG's APP1 segment or into a TIFF's first IFD, with the
// Exif and GPS sub-IFDs hung from it (the date taken and the position live there, not in IFD0).

export const TAG = {
  ImageDescription: 270,
  Artist: 315,
  XMP: 700,
  Copyright: 33432,
  IPTC: 33723,
  XPTitle: 0x9c9b,
  XPComment: 0x9c9c,
  XPAuthor: 0x9c9d,
  XPSubject: 0x9c9f,
  ExifIFD: 0x8769,
  GPSIFD: 0x8825,
  ExifVersion: 0x9000,
  DateTimeOriginal: 0x9003,
  GPSVersionID: 0,
  GPSLatitudeRef: 1,
  GPSLatitude: 2,
  GPSLongitudeRef: 3,
  GPSLongitude: 4,
  GPSAltitudeRef: 5,
  GPSAltitude: 6,
} as const;

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8 };

export interface TiffTag {
  tag: number;
  /** TIFF field type: 1 BYTE, 2 ASCII, 4 LONG, 5 RATIONAL, 7 UNDEFINED. */
  type: 1 | 2 | 4 | 5 | 7;
  value: Buffer;
}

/** A pointer tag (ExifIFD, GPSIFD) whose value is a sub-IFD holding these tags, laid out with its IFD. */
export interface SubIfd {
  tag: number;
  entries: readonly TiffTag[];
}

export type TiffEntry = TiffTag | SubIfd;

function isSubIfd(entry: TiffEntry): entry is SubIfd {
  return 'entries' in entry;
}

/** Unsigned RATIONALs (numerator/denominator pairs, little-endian as the IFDs are written). */
export function rationalTag(tag: number, values: readonly [number, number][]): TiffTag {
  const value = Buffer.alloc(values.length * 8);
  values.forEach(([numerator, denominator], i) => {
    value.writeUInt32LE(numerator, i * 8);
    value.writeUInt32LE(denominator, i * 8 + 4);
  });
  return { tag, type: 5, value };
}

/** Bytes (GPSVersionID, GPSAltitudeRef). */
export function byteTag(tag: number, bytes: readonly number[]): TiffTag {
  return { tag, type: 1, value: Buffer.from(bytes) };
}

/** EXIF "ASCII" text written as UTF-8 and NUL-terminated. */
export function textTag(tag: number, text: string): TiffTag {
  return { tag, type: 2, value: Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]) };
}

/** Windows' XP* tags: UCS-2 little-endian, NUL-terminated, typed BYTE. */
export function xpTag(tag: number, text: string): TiffTag {
  return { tag, type: 1, value: Buffer.concat([Buffer.from(text, 'utf16le'), Buffer.from([0, 0])]) };
}

interface RawEntry {
  tag: number;
  type: number;
  count: number;
  /** The 4 bytes of the value/offset field, as in the file. */
  field: Buffer;
}

/**
 * Lays out one little-endian IFD at `ifdOffset` (absolute in the TIFF): entries sorted by tag,
 * then the values too long for their field. `raw` entries are copied as they are (their offsets
 * keep pointing at data that stays where it was).
 */
function layoutIfd(ifdOffset: number, tags: readonly TiffTag[], raw: readonly RawEntry[]): Buffer {
  const entries = [...raw.map((e) => ({ tag: e.tag })), ...tags.map((t) => ({ tag: t.tag }))].sort((a, b) => a.tag - b.tag);
  const headSize = 2 + entries.length * 12 + 4;
  const head = Buffer.alloc(headSize);
  const data: Buffer[] = [];
  let dataOffset = ifdOffset + headSize;
  head.writeUInt16LE(entries.length, 0);
  entries.forEach((entry, i) => {
    const at = 2 + i * 12;
    const rawEntry = raw.find((r) => r.tag === entry.tag);
    const tag = tags.find((t) => t.tag === entry.tag);
    head.writeUInt16LE(entry.tag, at);
    if (tag) {
      head.writeUInt16LE(tag.type, at + 2);
      head.writeUInt32LE(tag.value.length / TYPE_SIZES[tag.type], at + 4);
      if (tag.value.length <= 4) {
        tag.value.copy(head, at + 8);
      } else {
        head.writeUInt32LE(dataOffset, at + 8);
        const padded = tag.value.length % 2 ? Buffer.concat([tag.value, Buffer.from([0])]) : tag.value;
        data.push(padded);
        dataOffset += padded.length;
      }
    } else if (rawEntry) {
      head.writeUInt16LE(rawEntry.type, at + 2);
      head.writeUInt32LE(rawEntry.count, at + 4);
      rawEntry.field.copy(head, at + 8);
    }
  });
  head.writeUInt32LE(0, headSize - 4); // no next IFD
  return Buffer.concat([head, ...data]);
}

/**
 * Lays out an IFD at `ifdOffset` with its sub-IFDs after it: each SubIfd becomes a LONG pointer
 * to its own IFD. Returns the bytes of all of them, contiguous from `ifdOffset`.
 */
function layoutWithSubIfds(ifdOffset: number, entries: readonly TiffEntry[], raw: readonly RawEntry[]): Buffer {
  const plain = entries.filter((e): e is TiffTag => !isSubIfd(e));
  const subs = entries.filter(isSubIfd);
  const pointer = (tag: number, offset: number): TiffTag => {
    const value = Buffer.alloc(4);
    value.writeUInt32LE(offset);
    return { tag, type: 4, value };
  };
  // The pointers take no room beyond their entries, so a first layout with zeros gives the size.
  let end = ifdOffset + layoutIfd(ifdOffset, [...plain, ...subs.map((s) => pointer(s.tag, 0))], raw).length;
  const pointers: TiffTag[] = [];
  const subBytes: Buffer[] = [];
  for (const sub of subs) {
    const bytes = layoutIfd(end, sub.entries, []);
    pointers.push(pointer(sub.tag, end));
    subBytes.push(bytes);
    end += bytes.length;
  }
  return Buffer.concat([layoutIfd(ifdOffset, [...plain, ...pointers], raw), ...subBytes]);
}

/** An EXIF APP1 segment carrying IFD0 with the given tags (and their Exif/GPS sub-IFDs). */
export function exifApp1(tags: readonly TiffEntry[]): Buffer {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  const tiff = Buffer.concat([header, layoutWithSubIfds(8, tags, [])]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  if (body.length + 2 > 0xffff) throw new Error('EXIF block too large for one APP1 segment');
  return Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
}

/** Inserts a segment after the JPEG's JFIF APP0 (EXIF readers expect it near the start). */
export function insertJpegSegment(jpeg: Buffer, segment: Buffer): Buffer {
  const offset = afterJfif(jpeg);
  return Buffer.concat([jpeg.subarray(0, offset), segment, jpeg.subarray(offset)]);
}

/** Where an EXIF segment goes in a JPEG: after SOI and the JFIF APP0 segment, if there is one. */
export function afterJfif(jpeg: Buffer): number {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  return jpeg[2] === 0xff && jpeg[3] === 0xe0 ? 4 + jpeg.readUInt16BE(4) : 2;
}

/**
 * Returns the TIFF with `tags` added to (or replacing those in) its first IFD. The new IFD is
 * appended and the header pointed at it; image data does not move. Little-endian TIFF only
 * (libvips writes the machine's order); other files are returned unchanged with `false`.
 */
export function addTiffTags(tiff: Buffer, tags: readonly TiffEntry[]): { tiff: Buffer; written: boolean } {
  if (tiff.length < 8 || tiff.toString('latin1', 0, 2) !== 'II' || tiff.readUInt16LE(2) !== 42) return { tiff, written: false };
  const ifd0 = tiff.readUInt32LE(4);
  const count = tiff.readUInt16LE(ifd0);
  const replaced = new Set(tags.map((t) => t.tag));
  const raw: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = ifd0 + 2 + i * 12;
    const tag = tiff.readUInt16LE(at);
    const type = tiff.readUInt16LE(at + 2);
    if (!TYPE_SIZES[type]) return { tiff, written: false };
    if (replaced.has(tag)) continue;
    raw.push({ tag, type, count: tiff.readUInt32LE(at + 4), field: Buffer.from(tiff.subarray(at + 8, at + 12)) });
  }
  const nextIfd = tiff.readUInt32LE(ifd0 + 2 + count * 12);
  const start = tiff.length + (tiff.length % 2); // IFDs start on a word boundary
  const ifd = layoutWithSubIfds(start, tags, raw);
  // Keep any following IFDs (pages, thumbnails) linked after the new first one.
  ifd.writeUInt32LE(nextIfd, 2 + (raw.length + tags.length) * 12);
  const out = Buffer.concat([tiff, Buffer.alloc(start - tiff.length), ifd]);
  out.writeUInt32LE(start, 4);
  return { tiff: out, written: true };
}
