// Canon CR3 is ISO base media (like MP4), not TIFF. Its metadata and previews, after
// https://github.com/lclevy/canon_cr3:
// - moov/uuid 85c0b687-820f-11e0-8111-f4ce462b6a48 holds CMT1 (a TIFF with IFD0), CMT2 (a TIFF
//   whose first directory is the Exif IFD), CMT4 (GPS) and THMB (a 160×120 JPEG);
// - a top-level uuid eaf42b5e-1c98-4b88-b9fb-b7dc406e4d16 holds PRVW (a 1620×1080 JPEG);
// - the first track's sample is a full-size JPEG (its sample entry "CRAW" carries a JPEG box).
import { TIFF_TAG, TiffStructure } from './tiffStructure.ts';
import { largerSize, plausibleSize, validOrientation, type PreviewCandidate, type RawLayout } from './rawLayout.ts';
import { mergeExifTiff } from './mergeExifTiff.ts';

const CANON_UUID = '85c0b687820f11e08111f4ce462b6a48';
const PREVIEW_UUID = 'eaf42b5e1c984b88b9fbb7dc406e4d16';
const MAX_BOXES = 4096;

interface Box {
  type: string;
  /** Absolute offsets of the box's content (after its header) and of its end. */
  start: number;
  end: number;
}

/** The boxes between `start` and `end`, each clipped to the buffer; a malformed size ends the list. */
function boxes(input: Buffer, start: number, end: number): Box[] {
  const out: Box[] = [];
  let at = start;
  end = Math.min(end, input.length);
  while (at + 8 <= end && out.length < MAX_BOXES) {
    let size = input.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) break;
      size = Number(input.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header) break;
    out.push({ type: input.toString('latin1', at + 4, at + 8), start: at + header, end: Math.min(end, at + size) });
    at += size;
  }
  return out;
}

const child = (input: Buffer, box: Box | undefined, type: string) => (box ? boxes(input, box.start, box.end).find((b) => b.type === type) : undefined);
const uuidOf = (input: Buffer, box: Box) => input.toString('hex', box.start, Math.min(box.end, box.start + 16));

export function cr3Layout(input: Buffer): RawLayout {
  const candidates: PreviewCandidate[] = [];
  const top = boxes(input, 0, input.length);
  const moov = top.find((b) => b.type === 'moov');
  const canon = moov ? boxes(input, moov.start, moov.end).find((b) => b.type === 'uuid' && uuidOf(input, b) === CANON_UUID) : undefined;
  const tiffs = new Map<string, TiffStructure>();
  if (canon) {
    for (const box of boxes(input, canon.start + 16, canon.end)) {
      if (/^CMT[1-4]$/.test(box.type)) {
        const tiff = TiffStructure.at(input, box.start);
        if (tiff) tiffs.set(box.type, tiff);
      } else if (box.type === 'THMB') {
        // version/flags (4), width (2), height (2), JPEG size (4), 4 bytes, then the JPEG.
        candidates.push(sized(input, box, box.start + 16, box.start + 8, 'THMB box'));
      }
    }
  }
  const previewBox = top.find((b) => b.type === 'uuid' && uuidOf(input, b) === PREVIEW_UUID);
  // After the uuid: 8 bytes, then the PRVW box: 4 + 2 bytes, width, height (2 each), 2 bytes, JPEG size (4), the JPEG.
  const prvw = previewBox ? boxes(input, previewBox.start + 24, previewBox.end).find((b) => b.type === 'PRVW') : undefined;
  if (prvw) candidates.push(sized(input, prvw, prvw.start + 16, prvw.start + 12, 'PRVW box'));
  for (const [i, trak] of (moov ? boxes(input, moov.start, moov.end).filter((b) => b.type === 'trak') : []).entries()) {
    const stbl = child(input, child(input, child(input, trak, 'mdia'), 'minf'), 'stbl');
    const jpeg = trackJpeg(input, stbl);
    if (jpeg) candidates.push({ ...jpeg, where: `track ${i + 1} JPEG` });
  }

  const ifd0Tiff = tiffs.get('CMT1');
  const exifTiff = tiffs.get('CMT2');
  const ifd0 = ifd0Tiff?.directories()[0];
  const exif = exifTiff?.directories()[0];
  const sensor = largerSize(
    exif && exifTiff ? plausibleSize(exifTiff.number(exif.entries.get(TIFF_TAG.ExifImageWidth)), exifTiff.number(exif.entries.get(TIFF_TAG.ExifImageHeight))) : null,
    ifd0 && ifd0Tiff ? plausibleSize(ifd0Tiff.number(ifd0.entries.get(TIFF_TAG.ImageWidth)), ifd0Tiff.number(ifd0.entries.get(TIFF_TAG.ImageLength))) : null,
  );
  return {
    candidates,
    sensor,
    orientation: validOrientation(ifd0 && ifd0Tiff ? ifd0Tiff.number(ifd0.entries.get(TIFF_TAG.Orientation)) : null),
    exif: ifd0Tiff ? mergeExifTiff(ifd0Tiff, exifTiff, tiffs.get('CMT4')) ?? undefined : undefined,
  };
}

/** A JPEG whose declared size is at `sizeAt`, starting at `dataAt`, clipped to its box. */
function sized(input: Buffer, box: Box, dataAt: number, sizeAt: number, where: string): PreviewCandidate {
  const declared = sizeAt + 4 <= box.end ? input.readUInt32BE(sizeAt) : 0;
  return { offset: dataAt, length: Math.max(0, Math.min(declared, box.end - dataAt)), where };
}

/** A track whose sample description says JPEG: its first sample (offset from co64/stco, size from stsz). */
function trackJpeg(input: Buffer, stbl: Box | undefined): { offset: number; length: number } | null {
  const stsd = child(input, stbl, 'stsd');
  if (!stsd || input.subarray(stsd.start, stsd.end).indexOf('JPEG', 0, 'latin1') < 0) return null;
  const stsz = child(input, stbl, 'stsz');
  const co64 = child(input, stbl, 'co64');
  const stco = child(input, stbl, 'stco');
  if (!stsz || stsz.start + 12 > stsz.end) return null;
  // Full box header (4), sample size (4; 0 = sizes listed), count (4), then the sizes.
  let length = input.readUInt32BE(stsz.start + 4);
  if (length === 0 && stsz.start + 16 <= stsz.end) length = input.readUInt32BE(stsz.start + 12);
  let offset: number | null = null;
  if (co64 && co64.start + 16 <= co64.end) offset = Number(input.readBigUInt64BE(co64.start + 8));
  else if (stco && stco.start + 12 <= stco.end) offset = input.readUInt32BE(stco.start + 8);
  return offset !== null && length > 0 ? { offset, length } : null;
}
