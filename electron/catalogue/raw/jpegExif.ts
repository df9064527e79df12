// The EXIF block inside an embedded JPEG (a RAF's JPEG, an RW2's JpgFromRaw): where its TIFF
// structure starts, so its IFD0 (camera, orientation) and IFD1 thumbnail can be read.

const EXIF_PREFIX = Buffer.from('Exif\0\0', 'latin1');

/** Absolute offset and length of the TIFF structure in the JPEG's EXIF APP1 segment, or null. */
export function jpegExifTiff(bytes: Buffer, start: number, length: number): { offset: number; length: number } | null {
  const end = Math.min(bytes.length, start + length);
  if (start + 4 > end || bytes[start] !== 0xff || bytes[start + 1] !== 0xd8) return null;
  let at = start + 2;
  // Only the segments before the image data; a handful at most in a camera's JPEG.
  for (let segments = 0; at + 4 <= end && segments < 32; segments++) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xda || marker === 0xd9) return null;
    const size = bytes.readUInt16BE(at + 2);
    if (size < 2) return null;
    if (marker === 0xe1 && at + 4 + EXIF_PREFIX.length <= end && bytes.subarray(at + 4, at + 10).equals(EXIF_PREFIX)) {
      const tiff = at + 10;
      return { offset: tiff, length: Math.min(end, at + 2 + size) - tiff };
    }
    at += 2 + size;
  }
  return null;
}
