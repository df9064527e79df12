// An exported JPEG's EXIF and IPTC put in with one copy of the encoded picture: inserting them
// one after the other copied a picture of several MB twice (export workers' time and garbage).
// The result is byte for byte what insertIptc(insertJpegSegment(jpeg, exif), iim) gives.
import { afterAppSegments, app13Segment } from './iptcWriter.ts';
import { afterJfif } from './tiffTags.ts';

/** `jpeg` with the EXIF APP1 segment after its JFIF header and the IIM block in an APP13 after its APPn segments. */
export function withJpegMetadata(jpeg: Buffer, exifSegment: Buffer, iim: Buffer): Buffer {
  const exifAt = afterJfif(jpeg);
  const iptcAt = afterAppSegments(jpeg);
  return Buffer.concat([jpeg.subarray(0, exifAt), exifSegment, jpeg.subarray(exifAt, iptcAt), app13Segment(iim), jpeg.subarray(iptcAt)]);
}
