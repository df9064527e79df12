// Writes IPTC-IIM (the "legacy" IPTC that many archives and ExifTool still read first) into a JPEG.
// sharp writes EXIF and XMP but not IPTC, so the sample catalogue, fixtures and exports use this.
// Text is written as UTF-8 and declared so (1:90 = ESC % G), so readers never guess a code page.

export interface IptcFields {
  objectName?: string;
  caption?: string;
  keywords?: string[];
  byline?: string;
  credit?: string;
  source?: string;
  copyright?: string;
  /** YYYYMMDD */
  dateCreated?: string;
  city?: string;
  sublocation?: string;
  country?: string;
}

const RECORD2: Record<Exclude<keyof IptcFields, 'keywords'>, number> = {
  objectName: 5,
  dateCreated: 55,
  byline: 80,
  city: 90,
  sublocation: 92,
  country: 101,
  credit: 110,
  source: 115,
  copyright: 116,
  caption: 120,
};

function dataset(record: number, tag: number, value: Buffer): Buffer {
  if (value.length > 0x7fff) throw new Error(`IPTC value too long for dataset ${record}:${tag}`);
  const head = Buffer.from([0x1c, record, tag, value.length >> 8, value.length & 0xff]);
  return Buffer.concat([head, value]);
}

/** Builds IIM datasets; `raw` lets tests write undeclared legacy bytes (e.g. Latin-2). */
export function buildIim(fields: IptcFields, options: { declareUtf8?: boolean; encode?: (s: string) => Buffer } = {}): Buffer {
  const encode = options.encode ?? ((s: string) => Buffer.from(s, 'utf8'));
  const parts: Buffer[] = [];
  if (options.declareUtf8 ?? true) parts.push(dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])));
  parts.push(dataset(2, 0, Buffer.from([0x00, 0x04])));
  for (const [key, tag] of Object.entries(RECORD2) as [Exclude<keyof IptcFields, 'keywords'>, number][]) {
    const value = fields[key];
    if (value) parts.push(dataset(2, tag, encode(value)));
  }
  for (const keyword of fields.keywords ?? []) parts.push(dataset(2, 25, encode(keyword)));
  return Buffer.concat(parts);
}

/** The APP13 segment (Photoshop's IPTC-NAA resource) that carries an IIM block in a JPEG. */
export function app13Segment(iim: Buffer): Buffer {
  const padded = iim.length % 2 ? Buffer.concat([iim, Buffer.from([0])]) : iim;
  const resource = Buffer.concat([
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0x00, 0x00]), // IPTC-NAA resource, empty Pascal name padded to even
    Buffer.from([(iim.length >>> 24) & 0xff, (iim.length >>> 16) & 0xff, (iim.length >>> 8) & 0xff, iim.length & 0xff]),
    padded,
  ]);
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const length = body.length + 2;
  if (length > 0xffff) throw new Error('IPTC block too large for one APP13 segment');
  return Buffer.concat([Buffer.from([0xff, 0xed, length >> 8, length & 0xff]), body]);
}

/** Where a JPEG's APPn and comment segments end (an existing APP13 ends the walk): an APP13 goes there. */
export function afterAppSegments(jpeg: Buffer): number {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1];
    const isAppOrComment = (marker >= 0xe0 && marker <= 0xef && marker !== 0xed) || marker === 0xfe;
    if (!isAppOrComment) break;
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  return offset;
}

/** Returns a copy of the JPEG with an APP13 IPTC block after its APPn segments. */
export function insertIptc(jpeg: Buffer, iim: Buffer): Buffer {
  const offset = afterAppSegments(jpeg);
  return Buffer.concat([jpeg.subarray(0, offset), app13Segment(iim), jpeg.subarray(offset)]);
}
