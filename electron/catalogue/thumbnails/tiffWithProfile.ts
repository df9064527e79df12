// Raw 8-bit pixels with an ICC profile, as a minimal uncompressed TIFF. sharp takes raw pixels
// only as sRGB; wrapped this way, libvips reads the profile and sharp converts the pixels from
// it to sRGB like any embedded profile (a JPEG 2000 in ProPhoto or eciRGB, an iPhone's Display P3).

/** Baseline TIFF (TIFF 6.0, little-endian, one strip); 1-4 channels, the extra one being alpha. */
export function tiffWithProfile(pixels: Buffer, width: number, height: number, channels: 1 | 2 | 3 | 4, icc: Buffer): Buffer {
  const alpha = channels === 2 || channels === 4;
  const entries: Array<[tag: number, type: number, count: number, value: number | Buffer]> = [];
  const SHORT = 3;
  const LONG = 4;
  const UNDEFINED = 7;
  const bitsPerSample = Buffer.alloc(channels * 2);
  for (let i = 0; i < channels; i++) bitsPerSample.writeUInt16LE(8, i * 2);
  entries.push([256, LONG, 1, width]);
  entries.push([257, LONG, 1, height]);
  entries.push([258, SHORT, channels, channels <= 2 ? 8 | (channels === 2 ? 8 << 16 : 0) : bitsPerSample]);
  entries.push([259, SHORT, 1, 1]); // no compression
  entries.push([262, SHORT, 1, channels <= 2 ? 1 : 2]); // BlackIsZero or RGB
  entries.push([273, LONG, 1, 0]); // StripOffsets: filled in below
  entries.push([277, SHORT, 1, channels]);
  entries.push([278, LONG, 1, height]);
  entries.push([279, LONG, 1, pixels.length]);
  entries.push([284, SHORT, 1, 1]); // chunky
  if (alpha) entries.push([338, SHORT, 1, 2]); // unassociated alpha
  entries.push([34675, UNDEFINED, icc.length, icc]);

  const ifdSize = 2 + entries.length * 12 + 4;
  let extra = 8 + ifdSize;
  const blocks: Buffer[] = [];
  const ifd = Buffer.alloc(ifdSize);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(count, at + 4);
    if (Buffer.isBuffer(value)) {
      ifd.writeUInt32LE(extra, at + 8);
      blocks.push(value);
      extra += value.length + (value.length % 2); // values start on a word boundary
      if (value.length % 2) blocks.push(Buffer.alloc(1));
    } else if (type === SHORT && count === 1) ifd.writeUInt16LE(value, at + 8);
    else ifd.writeUInt32LE(value >>> 0, at + 8);
  });
  // StripOffsets: the pixels come after everything else.
  ifd.writeUInt32LE(extra, 2 + entries.findIndex(([tag]) => tag === 273) * 12 + 8);
  const header = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  return Buffer.concat([header, ifd, ...blocks, pixels]);
}
