// A small, bounds-checked reader of TIFF directories (IFDs), for the TIFF-based camera RAW
// formats (DNG, CR2, NEF, ARW, ORF, RW2) and the TIFF blocks inside CR3 and RAF files. It only
// locates things (tags, their values, where their bytes lie); it never decodes pixels. RAW files
// come from strangers: every offset is checked against the buffer, loops and absurd counts end
// the walk instead of hanging it.

/** Byte size of one value of each TIFF field type (1 BYTE … 13 IFD); 0 = unknown type. */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
/** No real file has more; a fuzzed count must not make us read millions of entries. */
const MAX_ENTRIES = 1000;
const MAX_DIRECTORIES = 64;

export const TIFF_TAG = {
  NewSubfileType: 0xfe,
  ImageWidth: 0x100,
  ImageLength: 0x101,
  Compression: 0x103,
  Photometric: 0x106,
  Make: 0x10f,
  Model: 0x110,
  StripOffsets: 0x111,
  Orientation: 0x112,
  StripByteCounts: 0x117,
  SubIFDs: 0x14a,
  JpegOffset: 0x201,
  JpegLength: 0x202,
  ExifIfd: 0x8769,
  GpsIfd: 0x8825,
  MakerNote: 0x927c,
  ExifImageWidth: 0xa002,
  ExifImageHeight: 0xa003,
  DngVersion: 0xc612,
} as const;

export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  /** Absolute offset (in the whole buffer) of the value's bytes; -1 when they lie outside it. */
  at: number;
  /** Byte length of the value. */
  size: number;
}

export interface TiffDirectory {
  /** Absolute offset of the directory. */
  offset: number;
  /** How it was reached: "IFD0", "IFD1", "SubIFD0", "ExifIFD"… (for messages and tests). */
  name: string;
  entries: Map<number, TiffEntry>;
}

export class TiffStructure {
  readonly bytes: Buffer;
  /** Where the TIFF header is in `bytes`; offsets inside the structure count from there (for a maker note, from the maker note's start). */
  readonly base: number;
  readonly littleEndian: boolean;

  private constructor(bytes: Buffer, base: number, littleEndian: boolean) {
    this.bytes = bytes;
    this.base = base;
    this.littleEndian = littleEndian;
  }

  /**
   * The TIFF structure whose header ("II"/"MM" and a magic number) is at `base`. Camera makers
   * use their own magic numbers (Panasonic 0x55, Olympus "RO"/"RS"), so any is accepted.
   */
  static at(bytes: Buffer, base = 0): TiffStructure | null {
    if (base < 0 || base + 8 > bytes.length) return null;
    const order = bytes.toString('latin1', base, base + 2);
    if (order !== 'II' && order !== 'MM') return null;
    return new TiffStructure(bytes, base, order === 'II');
  }

  /** Same byte order, offsets counted from another base (an Olympus maker note's start). */
  rebased(base: number, littleEndian = this.littleEndian): TiffStructure {
    return new TiffStructure(this.bytes, base, littleEndian);
  }

  u16(absolute: number): number {
    return this.littleEndian ? this.bytes.readUInt16LE(absolute) : this.bytes.readUInt16BE(absolute);
  }

  u32(absolute: number): number {
    return this.littleEndian ? this.bytes.readUInt32LE(absolute) : this.bytes.readUInt32BE(absolute);
  }

  /** Offset of IFD0 (relative to the base), from the header. */
  firstDirectoryOffset(): number {
    return this.u32(this.base + 4);
  }

  /** The directory at `relative` (to the base), or null when it lies outside the buffer. */
  directory(relative: number, name: string): { directory: TiffDirectory; next: number } | null {
    const offset = this.base + relative;
    if (relative < 8 || offset + 2 > this.bytes.length) return null;
    const count = this.u16(offset);
    if (count === 0 || count > MAX_ENTRIES) return null;
    const entries = new Map<number, TiffEntry>();
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      if (at + 12 > this.bytes.length) break;
      const tag = this.u16(at);
      const type = this.u16(at + 2);
      const n = this.u32(at + 4);
      const size = (TYPE_SIZES[type] ?? 0) * n;
      if (!size) continue;
      const valueAt = size <= 4 ? at + 8 : this.base + this.u32(at + 8);
      entries.set(tag, { tag, type, count: n, size, at: valueAt + size <= this.bytes.length ? valueAt : -1 });
    }
    const nextAt = offset + 2 + count * 12;
    const next = nextAt + 4 <= this.bytes.length ? this.u32(nextAt) : 0;
    return { directory: { offset, name, entries }, next };
  }

  /** The numbers an entry holds (integers, rationals as their quotient); [] when unreadable. */
  numbers(entry: TiffEntry | undefined, limit = 64): number[] {
    if (!entry || entry.at < 0) return [];
    const out: number[] = [];
    const width = TYPE_SIZES[entry.type];
    for (let i = 0; i < Math.min(entry.count, limit); i++) {
      const at = entry.at + i * width;
      switch (entry.type) {
        case 1: case 7: out.push(this.bytes[at]); break;
        case 6: out.push(this.bytes.readInt8(at)); break;
        case 3: out.push(this.u16(at)); break;
        case 8: out.push(this.littleEndian ? this.bytes.readInt16LE(at) : this.bytes.readInt16BE(at)); break;
        case 4: case 13: out.push(this.u32(at)); break;
        case 9: out.push(this.littleEndian ? this.bytes.readInt32LE(at) : this.bytes.readInt32BE(at)); break;
        case 5: { const den = this.u32(at + 4); out.push(den ? this.u32(at) / den : 0); break; }
        default: return out;
      }
    }
    return out;
  }

  number(entry: TiffEntry | undefined): number | null {
    return this.numbers(entry, 1)[0] ?? null;
  }

  text(entry: TiffEntry | undefined): string {
    if (!entry || entry.at < 0 || entry.type !== 2) return '';
    return this.bytes.toString('latin1', entry.at, entry.at + entry.size).replace(/\0[\s\S]*$/, '').trim();
  }

  /**
   * Every directory: the IFD chain (IFD0, IFD1…), each one's SubIFDs (DNG, NEF, ARW keep the
   * raw image and the large previews there) and the Exif IFD. Visited once each, at most 64.
   */
  directories(): TiffDirectory[] {
    const found: TiffDirectory[] = [];
    const seen = new Set<number>();
    const visit = (relative: number, name: string, depth: number): number => {
      if (found.length >= MAX_DIRECTORIES || seen.has(relative) || depth > 3) return 0;
      seen.add(relative);
      const read = this.directory(relative, name);
      if (!read) return 0;
      found.push(read.directory);
      const { entries } = read.directory;
      this.numbers(entries.get(TIFF_TAG.SubIFDs), 16).forEach((sub, i) => visit(sub, `SubIFD${i || ''}`, depth + 1));
      const exif = this.number(entries.get(TIFF_TAG.ExifIfd));
      if (exif) visit(exif, 'ExifIFD', depth + 1);
      return read.next;
    };
    let next = this.firstDirectoryOffset();
    for (let i = 0; next && i < 8; i++) next = visit(next, `IFD${i}`, 0);
    return found;
  }
}
