// Camera RAW files that tests make themselves: the container structures of DNG/NEF/CR2 (TIFF),
// ORF (TIFF with an Olympus maker note), RW2, CR3 (ISO boxes) and RAF, laid out as the cameras
// lay them out, with whatever JPEGs a test puts in them and a few bytes standing in for sensor data.
import sharp from 'sharp';

export interface TiffEntrySpec {
  tag: number;
  short?: number[];
  long?: number[];
  ascii?: string;
  undefined?: Buffer;
  /** A block placed in the file: this entry (LONG) holds its offset, `lengthTag` its length. */
  blob?: { data: Buffer; lengthTag: number };
}

export interface IfdSpec {
  entries: TiffEntrySpec[];
  subIfds?: IfdSpec[];
  exif?: IfdSpec;
  next?: IfdSpec;
}

const TAG_SUB_IFDS = 0x14a;
const TAG_EXIF = 0x8769;

/** Little-endian TIFF bytes: `head` (default "II*\0" + offset 8), then IFD0 right after it. */
export function buildTiff(ifd0: IfdSpec, head: Buffer = tiffHead('II*\0')): Buffer {
  const chunks: Buffer[] = [head];
  let pos = head.length;
  const push = (b: Buffer) => {
    const at = pos;
    chunks.push(b);
    pos += b.length;
    if (b.length % 2) {
      chunks.push(Buffer.alloc(1));
      pos += 1;
    }
    return at;
  };
  const writeIfd = (spec: IfdSpec): number => {
    type Row = { tag: number; type: number; count: number; inline?: Buffer; data?: Buffer; patch?: () => number };
    const rows: Row[] = [];
    const patches: { tag: number; value: () => number }[] = [];
    for (const e of spec.entries) {
      if (e.short) rows.push({ tag: e.tag, type: 3, count: e.short.length, data: Buffer.from(new Uint16Array(e.short).buffer) });
      else if (e.long) rows.push({ tag: e.tag, type: 4, count: e.long.length, data: Buffer.from(new Uint32Array(e.long).buffer) });
      else if (e.ascii !== undefined) rows.push({ tag: e.tag, type: 2, count: e.ascii.length + 1, data: Buffer.from(`${e.ascii}\0`, 'latin1') });
      else if (e.undefined) rows.push({ tag: e.tag, type: 7, count: e.undefined.length, data: e.undefined });
      else if (e.blob) {
        const blob = e.blob;
        let blobAt = 0;
        rows.push({ tag: e.tag, type: 4, count: 1, patch: () => blobAt });
        rows.push({ tag: blob.lengthTag, type: 4, count: 1, data: Buffer.from(new Uint32Array([blob.data.length]).buffer) });
        patches.push({ tag: -1, value: () => (blobAt = push(blob.data)) });
      }
    }
    const subAt: number[] = [];
    let exifAt = 0;
    if (spec.subIfds) rows.push({ tag: TAG_SUB_IFDS, type: 4, count: spec.subIfds.length, patch: () => 0 });
    if (spec.exif) rows.push({ tag: TAG_EXIF, type: 4, count: 1, patch: () => exifAt });
    rows.sort((a, b) => a.tag - b.tag);
    const table = Buffer.alloc(2 + rows.length * 12 + 4);
    const at = push(table);
    table.writeUInt16LE(rows.length, 0);
    const fill = () =>
      rows.forEach((row, i) => {
        const o = 2 + i * 12;
        table.writeUInt16LE(row.tag, o);
        table.writeUInt16LE(row.type, o + 2);
        table.writeUInt32LE(row.count, o + 4);
        if (row.tag === TAG_SUB_IFDS && spec.subIfds) {
          if (subAt.length === 1) table.writeUInt32LE(subAt[0], o + 8);
          else table.writeUInt32LE(push(Buffer.from(new Uint32Array(subAt).buffer)), o + 8);
        } else if (row.patch) table.writeUInt32LE(row.patch(), o + 8);
        else if (row.data && row.data.length <= 4) row.data.copy(table, o + 8);
        else if (row.data) table.writeUInt32LE(push(row.data), o + 8);
      });
    for (const p of patches) p.value();
    for (const sub of spec.subIfds ?? []) subAt.push(writeIfd(sub));
    if (spec.exif) exifAt = writeIfd(spec.exif);
    fill();
    if (spec.next) table.writeUInt32LE(writeIfd(spec.next), 2 + rows.length * 12);
    return at;
  };
  writeIfd(ifd0);
  return Buffer.concat(chunks);
}

export function tiffHead(magic: string): Buffer {
  const head = Buffer.alloc(8);
  head.write(magic, 0, 'latin1');
  head.writeUInt32LE(8, 4);
  return head;
}

/** A JPEG `width`×`height`: left half `left`, right half `right` (so orientation shows). */
export async function twoColourJpeg(width: number, height: number, left = '#d02020', right = '#2040d0', exif?: Record<string, Record<string, string>>, orientation?: number): Promise<Buffer> {
  const half = Math.floor(width / 2);
  let image = sharp({ create: { width, height, channels: 3, background: right } })
    .composite([{ input: { create: { width: half, height, channels: 3, background: left } }, left: 0, top: 0 }])
    .jpeg({ quality: 90 });
  if (exif) image = image.withExif(exif);
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

/** Stand-in sensor data: a few bytes; nothing reads them. */
export const SENSOR_BYTES = Buffer.alloc(64, 0x5a);

export const DNG_VERSION = 0xc612;

/**
 * A DNG as Adobe's converter writes one: IFD0 a small uncompressed thumbnail (NewSubfileType 1)
 * with the camera's tags, SubIFD0 the raw CFA image, SubIFD1 a JPEG preview.
 */
export function dng(options: { preview: Buffer; orientation?: number; sensor?: [number, number]; thumbnail?: Buffer }): Buffer {
  const [width, height] = options.sensor ?? [4000, 3000];
  return buildTiff({
    entries: [
      { tag: 0xfe, long: [1] },
      { tag: 0x100, long: [8] },
      { tag: 0x101, long: [8] },
      { tag: 0x103, short: [1] },
      { tag: 0x106, short: [2] },
      { tag: 0x10f, ascii: 'Canon' },
      { tag: 0x110, ascii: 'Canon EOS 6D' },
      { tag: 0x111, blob: { data: Buffer.alloc(8 * 8 * 3, 0xff), lengthTag: 0x117 } },
      { tag: 0x112, short: [options.orientation ?? 1] },
      { tag: 0x115, short: [3] },
      { tag: DNG_VERSION, undefined: Buffer.from([1, 4, 0, 0]) },
    ],
    subIfds: [
      {
        entries: [
          { tag: 0xfe, long: [0] },
          { tag: 0x100, long: [width] },
          { tag: 0x101, long: [height] },
          { tag: 0x103, short: [1] },
          { tag: 0x106, short: [32803] },
          { tag: 0x111, blob: { data: SENSOR_BYTES, lengthTag: 0x117 } },
        ],
      },
      {
        entries: [
          { tag: 0xfe, long: [1] },
          { tag: 0x103, short: [7] },
          { tag: 0x106, short: [6] },
          { tag: 0x111, blob: { data: options.preview, lengthTag: 0x117 } },
        ],
      },
    ],
    exif: { entries: [{ tag: 0x9003, ascii: '2019:06:06 07:29:51' }] },
    next: options.thumbnail ? { entries: [{ tag: 0x103, short: [6] }, { tag: 0x201, blob: { data: options.thumbnail, lengthTag: 0x202 } }] } : undefined,
  });
}

/** An ISO box: size, type, content. */
export function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

const u16be = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
const u32be = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };

/**
 * A CR3: ftyp "crx ", moov with Canon's uuid box (CMT1 = IFD0, CMT2 = Exif IFD, THMB), a track
 * whose sample is the full-size JPEG, the preview uuid box with PRVW, and mdat.
 */
export function cr3(options: { thumbnail: Buffer; preview: Buffer; full?: Buffer; make: string; model: string; date: string; orientation?: number }): Buffer {
  const cmt1 = buildTiff({ entries: [{ tag: 0x10f, ascii: options.make }, { tag: 0x110, ascii: options.model }, { tag: 0x112, short: [options.orientation ?? 1] }] });
  const cmt2 = buildTiff({ entries: [{ tag: 0x9003, ascii: options.date }, { tag: 0xa002, long: [6000] }, { tag: 0xa003, long: [4000] }] });
  const thmb = box('THMB', Buffer.alloc(4), u16be(160), u16be(120), u32be(options.thumbnail.length), Buffer.alloc(4), options.thumbnail);
  const canon = box('uuid', Buffer.from('85c0b687820f11e08111f4ce462b6a48', 'hex'), box('CMT1', cmt1), box('CMT2', cmt2), thmb);
  const prvw = box('PRVW', Buffer.alloc(4), u16be(1), u16be(1620), u16be(1080), u16be(1), u32be(options.preview.length), options.preview);
  const previewUuid = box('uuid', Buffer.from('eaf42b5e1c984b88b9fbb7dc406e4d16', 'hex'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]), prvw);
  const ftyp = box('ftyp', Buffer.from('crx ', 'latin1'), u32be(1), Buffer.from('crx isom', 'latin1'));
  const full = options.full ?? Buffer.alloc(0);
  // The track's chunk offset is known only once moov's size is: lay out with a placeholder, then patch.
  const track = (offset: number) => {
    const stsd = box('stsd', Buffer.alloc(4), u32be(1), box('CRAW', Buffer.alloc(78), box('JPEG', Buffer.alloc(4))));
    const stsz = box('stsz', Buffer.alloc(4), u32be(full.length), u32be(1));
    const co64 = box('co64', Buffer.alloc(4), u32be(1), u32be(0), u32be(offset));
    return box('trak', box('mdia', box('minf', box('stbl', stsd, stsz, co64))));
  };
  const layout = (offset: number) => Buffer.concat([ftyp, box('moov', canon, track(offset)), previewUuid]);
  const before = layout(0);
  const mdatHead = 8;
  return Buffer.concat([layout(before.length + mdatHead), box('mdat', full, SENSOR_BYTES)]);
}

/** A RAF: header with the JPEG's offset/length and the raw-size directory (0x111: height, width). */
export function raf(options: { jpeg: Buffer; cropped: [number, number] }): Buffer {
  const header = Buffer.alloc(160);
  header.write('FUJIFILMCCD-RAW 0201FF383501X-T5', 0, 'latin1');
  const directory = Buffer.concat([u32be(1), u16be(0x111), u16be(4), u16be(options.cropped[1]), u16be(options.cropped[0])]);
  const jpegAt = header.length;
  const directoryAt = jpegAt + options.jpeg.length;
  header.writeUInt32BE(jpegAt, 84);
  header.writeUInt32BE(options.jpeg.length, 88);
  header.writeUInt32BE(directoryAt, 92);
  header.writeUInt32BE(directory.length, 96);
  header.writeUInt32BE(directoryAt + directory.length, 100);
  header.writeUInt32BE(SENSOR_BYTES.length, 104);
  return Buffer.concat([header, options.jpeg, directory, SENSOR_BYTES]);
}

/** An uncompressed 8-bit RGB TIFF of `pages` pages (an IFD chain), each one flat colour. */
export function multiPageTiff(width: number, height: number, colours: [number, number, number][]): Buffer {
  const page = ([r, g, b]: [number, number, number]): IfdSpec => {
    const pixels = Buffer.alloc(width * height * 3);
    for (let i = 0; i < pixels.length; i += 3) pixels.set([r, g, b], i);
    return {
      entries: [
        { tag: 0x100, long: [width] },
        { tag: 0x101, long: [height] },
        { tag: 0x102, short: [8, 8, 8] },
        { tag: 0x103, short: [1] },
        { tag: 0x106, short: [2] },
        { tag: 0x111, blob: { data: pixels, lengthTag: 0x117 } },
        { tag: 0x115, short: [3] },
        { tag: 0x116, long: [height] },
      ],
    };
  };
  const pages = colours.map(page);
  pages.forEach((ifd, i) => (ifd.next = pages[i + 1]));
  return buildTiff(pages[0]);
}
