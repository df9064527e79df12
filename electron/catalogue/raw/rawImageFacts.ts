// A camera RAW file as the thumbnail maker sees it: the facts of the photo (the sensor image's
// size, the RAW's orientation, its EXIF) with its largest real embedded JPEG as the thing to
// decode, or the reason there is none.
import type { ImageFacts } from '../thumbnails/makeThumbnails.ts';
import { rawFacts } from './rawPreview.ts';
import { sniffRawFormat, type RawFormat } from './rawFormat.ts';

export { sniffRawFormat };

/** Facts before orientation (`withOrientation` swaps the sides for 5-8). */
export async function rawImageFacts(input: Buffer, format: RawFormat): Promise<ImageFacts> {
  const raw = await rawFacts(input, format);
  const preview = raw.preview;
  return {
    width: raw.width,
    height: raw.height,
    format: raw.format,
    pageCount: null,
    orientation: raw.orientation,
    // The RAW's own EXIF orientation is applied to the preview (the camera stores its JPEGs
    // unrotated; an orientation inside the JPEG, if any, repeats it and is not applied again).
    sharpOrients: false,
    embedded: raw.exif ? { exif: raw.exif } : {},
    decoder: preview ? 'sharp' : 'none',
    noPreview: raw.noPreview,
    // A progressive JPEG is decoded whole, every DCT coefficient kept (2 bytes a sample, 3 samples at most).
    wholeDecode: preview?.progressive ? { kind: 'progressive JPEG', bytes: preview.width * preview.height * 3 * 2 } : null,
    embeddedPreview: preview ? { offset: preview.offset, length: preview.length, width: preview.width, height: preview.height } : undefined,
  };
}
