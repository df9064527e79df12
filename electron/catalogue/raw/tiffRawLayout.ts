// The layout of the TIFF-based RAW formats: DNG, CR2, NEF, ARW, ORF, RW2. Their embedded JPEGs
// are found by the TIFF tags that point at them, in every directory (IFD0, IFD1, the SubIFDs):
// JPEGInterchangeFormat (EXIF thumbnails, NEF's JpgFromRaw), single-strip JPEG-compressed
// directories (DNG previews, CR2's IFD0 preview), Panasonic's JpgFromRaw tag, Olympus's
// maker-note preview. Uncompressed RGB thumbnails (a NEF's or DNG's 160-pixel IFD0) are not
// candidates: they are thumbnails at best, and libvips showing one was the bug this replaces.
import { TIFF_TAG, TiffStructure, type TiffDirectory } from './tiffStructure.ts';
import { largerSize, plausibleSize, validOrientation, type PreviewCandidate, type RawLayout } from './rawLayout.ts';
import { olympusPreview } from './olympusMakerNote.ts';
import type { RawFormat } from './rawFormat.ts';

/** Panasonic RW2: IFD0 tag 0x2e holds a whole JPEG ("JpgFromRaw"); 0x04-0x07 the sensor's borders. */
const RW2_JPG_FROM_RAW = 0x2e;
const RW2_BORDERS = [0x04, 0x05, 0x06, 0x07] as const;
/** Canon CR2's raw directory (IFD3) carries its slice layout in this tag: never a preview. */
const CR2_SLICES = 0xc640;
const SENSOR_PHOTOMETRIC = new Set([32803, 34892]);

export function tiffRawLayout(input: Buffer, format: RawFormat): RawLayout {
  const tiff = TiffStructure.at(input);
  if (!tiff) return { candidates: [], sensor: null, orientation: null };
  const directories = tiff.directories();
  const ifd0 = directories[0];
  const candidates: PreviewCandidate[] = [];
  let sensor: RawLayout['sensor'] = null;
  for (const directory of directories) {
    candidates.push(...directoryPreviews(tiff, directory));
    // The sensor image: a full-resolution directory (NewSubfileType 0, or none) that is not a
    // JPEG preview. A CR2's raw directory states no size; its Exif IFD does (below).
    if (directory.name !== 'ExifIFD' && (tiff.number(directory.entries.get(TIFF_TAG.NewSubfileType)) ?? 0) === 0 && !isJpegPreview(tiff, directory)) {
      sensor = largerSize(sensor, plausibleSize(tiff.number(directory.entries.get(TIFF_TAG.ImageWidth)), tiff.number(directory.entries.get(TIFF_TAG.ImageLength))));
    }
    if (directory.name === 'ExifIFD') {
      // Canon writes the sensor image's size only here (ExifTool's ImageSize does the same).
      sensor = largerSize(sensor, plausibleSize(tiff.number(directory.entries.get(TIFF_TAG.ExifImageWidth)), tiff.number(directory.entries.get(TIFF_TAG.ExifImageHeight))));
      if (format === 'orf') {
        const preview = olympusPreview(tiff, directory);
        if (preview) candidates.push(preview);
      }
    }
  }
  if (format === 'rw2' && ifd0) {
    const jpg = ifd0.entries.get(RW2_JPG_FROM_RAW);
    if (jpg && jpg.at >= 0) candidates.push({ offset: jpg.at, length: jpg.size, where: 'JpgFromRaw (RW2 tag 0x2e)' });
    // The image inside the sensor's borders, as ExifTool reports it; the Exif size of an RW2 is
    // that of the camera's JPEG, not the raw image.
    const [top, left, bottom, right] = RW2_BORDERS.map((tag) => tiff.number(ifd0.entries.get(tag)));
    if (top !== null && left !== null && bottom !== null && right !== null) sensor = plausibleSize(right - left, bottom - top) ?? sensor;
  }
  return { candidates, sensor, orientation: validOrientation(ifd0 ? tiff.number(ifd0.entries.get(TIFF_TAG.Orientation)) : null) };
}

/** A directory holding one JPEG stream (not sensor data, not tiles, not a CR2 raw slice). */
function isJpegPreview(tiff: TiffStructure, directory: TiffDirectory): boolean {
  const { entries } = directory;
  const compression = tiff.number(entries.get(TIFF_TAG.Compression));
  if (compression !== 6 && compression !== 7) return false;
  if (SENSOR_PHOTOMETRIC.has(tiff.number(entries.get(TIFF_TAG.Photometric)) ?? 0) || entries.has(CR2_SLICES)) return false;
  return entries.get(TIFF_TAG.StripOffsets)?.count === 1 && entries.get(TIFF_TAG.StripByteCounts)?.count === 1;
}

/** The embedded JPEGs one directory points at, in the file's coordinates. */
export function directoryPreviews(tiff: TiffStructure, directory: TiffDirectory, label = directory.name): PreviewCandidate[] {
  const out: PreviewCandidate[] = [];
  const { entries } = directory;
  const start = tiff.number(entries.get(TIFF_TAG.JpegOffset));
  const length = tiff.number(entries.get(TIFF_TAG.JpegLength));
  if (start && length) out.push({ offset: tiff.base + start, length, where: `${label} JPEGInterchangeFormat` });
  if (isJpegPreview(tiff, directory)) {
    const strip = tiff.number(entries.get(TIFF_TAG.StripOffsets));
    const bytes = tiff.number(entries.get(TIFF_TAG.StripByteCounts));
    if (strip && bytes && strip !== start) out.push({ offset: tiff.base + strip, length: bytes, where: `${label} JPEG strip` });
  }
  return out;
}
