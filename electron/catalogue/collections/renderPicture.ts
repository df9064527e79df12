// One exported picture: the original decoded, turned upright, resized (never enlarged), encoded as
// JPEG or TIFF, with the facts embedded as EXIF, IPTC and XMP. Runs in an export worker
// (exportWorker.ts), one picture at a time per worker; the export writes what it returns.
import fs from 'node:fs';
import type { CollectionPick } from './collectionCredits.ts';
import type { ExportOptions } from './exportCollection.ts';
import { exifTags, iptcFields, xmpPacket, type ExportFacts } from './exportMetadata.ts';
import { buildIim } from '../metadata/iptcWriter.ts';
import { withJpegMetadata } from '../metadata/jpegMetadata.ts';
import { addTiffTags, exifApp1, TAG } from '../metadata/tiffTags.ts';

/** What of the export's options shapes a picture. */
export type RenderOptions = Pick<ExportOptions, 'size' | 'quality' | 'format'>;

export interface RenderedPicture {
  data: Buffer;
  width: number;
  height: number;
}

export async function renderPicture(pick: Pick<CollectionPick, 'photo'>, facts: ExportFacts, options: RenderOptions): Promise<RenderedPicture> {
  // Loaded when an export runs, in its workers: the main process starts without the native
  // module, and sharp stays external to the bundle.
  // Opened as previews are (openUpright): a JPEG 2000, HEIC or BMP master is decoded by its own
  // decoder and a camera RAW gives its embedded preview, where sharp alone would refuse them.
  const { imageFacts, imageFactsByPath, openUpright } = await import('../thumbnails/makeThumbnails.ts');
  // A JPEG or PNG (nearly every export) is decoded by its path: libvips reads it in strips and
  // the worker holds no copy of the file. Anything else is read in one piece (the promise API
  // reads a large file in 512 KB pieces, each a trip through the thread pool, then joins them).
  let input: Buffer | string = pick.photo.file;
  let decoded = await imageFactsByPath(input);
  if (!decoded) {
    const bytes = fs.readFileSync(pick.photo.file);
    input = bytes;
    decoded = await imageFacts(bytes);
  }
  if (decoded.noPreview) throw new Error(decoded.noPreview);
  // Turned as the person turned the photo (its rotation and flip): a copy shows what the app shows.
  const turn = { rotation: pick.photo.rotation, flipped: pick.photo.flipped };
  let image = await openUpright(input, decoded, options.size ?? Math.max(decoded.width, decoded.height), 'none', turn);
  if (options.size) image = image.resize({ width: options.size, height: options.size, fit: 'inside', withoutEnlargement: true });
  image = image.withXmp(xmpPacket(facts));
  const exif = exifTags(facts);
  const iim = buildIim(iptcFields(facts));
  if (options.format === 'tiff') {
    const { data, info } = await image.tiff({ compression: 'lzw', predictor: 'horizontal' }).toBuffer({ resolveWithObject: true });
    const withTags = addTiffTags(data, [...exif, { tag: TAG.IPTC, type: 7, value: iim }]);
    return { data: withTags.tiff, width: info.width, height: info.height };
  }
  const quality = options.quality ?? 90;
  const { data, info } = await image
    .jpeg({ quality, chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0' })
    .toBuffer({ resolveWithObject: true });
  return { data: withJpegMetadata(data, exifApp1(exif), iim), width: info.width, height: info.height };
}
