// Fujifilm RAF: a big-endian header ("FUJIFILMCCD-RAW ") whose bytes 84-91 give the offset and
// length of a whole JPEG (the camera's preview, with the photo's EXIF in its APP1 segment) and
// bytes 92-99 those of a directory of Fujifilm tags, among them the raw image's size
// (0x111 cropped, 0x100 full; height then width), as ExifTool reads them.
import { TIFF_TAG, TiffStructure } from './tiffStructure.ts';
import { jpegExifTiff } from './jpegExif.ts';
import { plausibleSize, validOrientation, type PreviewCandidate, type RawLayout } from './rawLayout.ts';
import { directoryPreviews } from './tiffRawLayout.ts';

const RAW_CROPPED_SIZE = 0x111;
const RAW_FULL_SIZE = 0x100;

export function rafLayout(input: Buffer): RawLayout {
  if (input.length < 100) return { candidates: [], sensor: null, orientation: null };
  const jpegOffset = input.readUInt32BE(84);
  const jpegLength = input.readUInt32BE(88);
  const candidates: PreviewCandidate[] = [];
  let orientation: number | null = null;
  let exif: Buffer | undefined;
  let sensor = rafSize(input, input.readUInt32BE(92), input.readUInt32BE(96));
  if (jpegOffset && jpegLength) {
    candidates.push({ offset: jpegOffset, length: jpegLength, where: 'RAF JPEG' });
    const block = jpegExifTiff(input, jpegOffset, jpegLength);
    const tiff = block && TiffStructure.at(input, block.offset);
    if (block && tiff) {
      exif = input.subarray(block.offset, block.offset + block.length);
      const directories = tiff.directories();
      orientation = validOrientation(tiff.number(directories[0]?.entries.get(TIFF_TAG.Orientation)));
      // The JPEG's own EXIF thumbnail (IFD1): sometimes all a trimmed file has left.
      for (const directory of directories) if (directory.name === 'IFD1') candidates.push(...directoryPreviews(tiff, directory, 'RAF JPEG IFD1 thumbnail'));
      const exifIfd = directories.find((d) => d.name === 'ExifIFD');
      if (!sensor && exifIfd) sensor = plausibleSize(tiff.number(exifIfd.entries.get(TIFF_TAG.ExifImageWidth)), tiff.number(exifIfd.entries.get(TIFF_TAG.ExifImageHeight)));
    }
  }
  return { candidates, sensor, orientation, exif };
}

/** The raw image's size from the RAF tag directory: cropped if stated, else full. */
function rafSize(input: Buffer, start: number, length: number): RawLayout['sensor'] {
  const end = Math.min(input.length, start + length);
  if (!start || start + 4 > end) return null;
  const count = input.readUInt32BE(start);
  const sizes = new Map<number, { width: number; height: number } | null>();
  let at = start + 4;
  for (let i = 0; i < Math.min(count, 1000) && at + 4 <= end; i++) {
    const tag = input.readUInt16BE(at);
    const size = input.readUInt16BE(at + 2);
    if ((tag === RAW_CROPPED_SIZE || tag === RAW_FULL_SIZE) && size === 4 && at + 8 <= end) {
      sizes.set(tag, plausibleSize(input.readUInt16BE(at + 6), input.readUInt16BE(at + 4)));
    }
    at += 4 + size;
  }
  return sizes.get(RAW_CROPPED_SIZE) ?? sizes.get(RAW_FULL_SIZE) ?? null;
}
