// CR3 keeps IFD0, the Exif IFD and the GPS IFD as three separate TIFF structures (CMT1, CMT2,
// CMT4). exifr reads one EXIF block, so they are copied into one TIFF: IFD0 with pointers to the
// other two, every value carried over byte for byte in the same byte order.
import { TIFF_TAG, TiffStructure, type TiffDirectory, type TiffEntry } from './tiffStructure.ts';

/** Pointers whose targets are not copied: they would point nowhere in the new block. */
const DROPPED = new Set<number>([TIFF_TAG.ExifIfd, TIFF_TAG.GpsIfd, TIFF_TAG.SubIFDs, TIFF_TAG.JpegOffset, TIFF_TAG.JpegLength, TIFF_TAG.MakerNote, 0xa005]);

interface Source {
  tiff: TiffStructure;
  directory: TiffDirectory;
}

export function mergeExifTiff(ifd0: TiffStructure, exif?: TiffStructure, gps?: TiffStructure): Buffer | null {
  const first = (tiff: TiffStructure | undefined): Source | null => {
    const directory = tiff && tiff.littleEndian === ifd0.littleEndian ? tiff.directories()[0] : undefined;
    return tiff && directory ? { tiff, directory } : null;
  };
  const main = first(ifd0);
  if (!main) return null;
  const subs = [
    { tag: TIFF_TAG.ExifIfd, source: first(exif) },
    { tag: TIFF_TAG.GpsIfd, source: first(gps) },
  ].filter((s): s is { tag: typeof TIFF_TAG.ExifIfd | typeof TIFF_TAG.GpsIfd; source: Source } => s.source !== null);

  const le = ifd0.littleEndian;
  const parts: Buffer[] = [];
  let length = 8;
  const header = Buffer.alloc(8);
  header.write(le ? 'II' : 'MM', 0, 'latin1');
  if (le) { header.writeUInt16LE(42, 2); header.writeUInt32LE(8, 4); } else { header.writeUInt16BE(42, 2); header.writeUInt32BE(8, 4); }
  parts.push(header);

  const entriesOf = (source: Source) => [...source.directory.entries.values()].filter((e) => e.at >= 0 && !DROPPED.has(e.tag));
  const sizeOf = (entries: TiffEntry[], pointers: number) => {
    const count = entries.length + pointers;
    return 2 + count * 12 + 4 + entries.reduce((sum, e) => sum + (e.size > 4 ? e.size + (e.size % 2) : 0), 0);
  };
  const mainEntries = entriesOf(main);
  const ifd0Size = sizeOf(mainEntries, subs.length);
  const subEntries = subs.map((s) => entriesOf(s.source));
  const pointers: { tag: number; offset: number }[] = [];
  let next = 8 + ifd0Size;
  subs.forEach((s, i) => {
    pointers.push({ tag: s.tag, offset: next });
    next += sizeOf(subEntries[i], 0);
  });

  const write = (source: Source, entries: TiffEntry[], extra: { tag: number; offset: number }[]) => {
    const all = [...entries.map((e) => ({ tag: e.tag, entry: e as TiffEntry | null, offset: 0 })), ...extra.map((p) => ({ tag: p.tag, entry: null, offset: p.offset }))].sort((a, b) => a.tag - b.tag);
    const start = length;
    const table = Buffer.alloc(2 + all.length * 12 + 4);
    const data: Buffer[] = [];
    let dataAt = start + table.length;
    const u16 = (v: number, at: number) => (le ? table.writeUInt16LE(v, at) : table.writeUInt16BE(v, at));
    const u32 = (v: number, at: number) => (le ? table.writeUInt32LE(v, at) : table.writeUInt32BE(v, at));
    u16(all.length, 0);
    all.forEach((item, i) => {
      const at = 2 + i * 12;
      u16(item.tag, at);
      if (!item.entry) {
        u16(4, at + 2);
        u32(1, at + 4);
        u32(item.offset, at + 8);
        return;
      }
      const { entry } = item;
      u16(entry.type, at + 2);
      u32(entry.count, at + 4);
      const value = source.tiff.bytes.subarray(entry.at, entry.at + entry.size);
      if (entry.size <= 4) value.copy(table, at + 8);
      else {
        u32(dataAt, at + 8);
        const padded = entry.size % 2 ? Buffer.concat([value, Buffer.alloc(1)]) : value;
        data.push(padded);
        dataAt += padded.length;
      }
    });
    parts.push(table, ...data);
    length = dataAt;
  };
  write(main, mainEntries, pointers);
  subs.forEach((s, i) => write(s.source, subEntries[i], []));
  return Buffer.concat(parts);
}
