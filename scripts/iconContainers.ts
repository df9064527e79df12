// The two icon containers the installers want, written from PNG images: Windows' .ico and
// macOS's .icns. Both formats allow PNG data inside (ICO since Windows Vista, ICNS since
// Mac OS X 10.7), so each is a small directory in front of the PNG files.

/** A Windows icon: ICONDIR, one 16-byte ICONDIRENTRY per image, then the PNGs themselves. */
export function icoFile(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = Buffer.alloc(16 * images.length);
  let offset = header.length + entries.length;
  images.forEach(({ size, png }, i) => {
    if (size < 1 || size > 256) throw new Error(`an .ico image is 1 to 256 px, not ${size}`);
    const at = i * 16;
    entries.writeUInt8(size === 256 ? 0 : size, at); // width; 0 means 256
    entries.writeUInt8(size === 256 ? 0 : size, at + 1); // height
    entries.writeUInt8(0, at + 2); // no palette
    entries.writeUInt8(0, at + 3); // reserved
    entries.writeUInt16LE(1, at + 4); // colour planes
    entries.writeUInt16LE(32, at + 6); // bits per pixel
    entries.writeUInt32LE(png.length, at + 8);
    entries.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, entries, ...images.map((image) => image.png)]);
}

/**
 * The ICNS element types that hold PNG data, by their pixel size. The @2x types (ic11–ic14,
 * ic10) are what Retina screens use for the point sizes 16, 32, 128, 256 and 512.
 */
export const ICNS_TYPES: readonly { type: string; pixels: number }[] = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'ic11', pixels: 32 },
  { type: 'icp6', pixels: 64 },
  { type: 'ic12', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic13', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic14', pixels: 512 },
  { type: 'ic10', pixels: 1024 },
];

/** A macOS icon: 'icns' and the file's length, then per image its type, length (with this 8-byte head) and PNG. */
export function icnsFile(images: readonly { type: string; png: Buffer }[]): Buffer {
  const elements = images.map(({ type, png }) => {
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`an ICNS type is four ASCII characters, not ${JSON.stringify(type)}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + elements.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([header, ...elements]);
}
