// Makes the grid thumbnail and the large preview from one decode: sharp shrinks on load to the
// preview size, applies the EXIF orientation, and the grid thumbnail is cut from that preview.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';

export const PREVIEW_EDGE = 1600;
export const GRID_EDGE = 320;
/** Refuse decompression bombs before decoding: 200 megapixels is beyond any scan we expect. */
export const MAX_INPUT_PIXELS = 200_000_000;

export interface ImageFacts {
  /** Displayed size, after orientation. */
  width: number;
  height: number;
  format: string;
  pageCount: number | null;
  orientation: number | null;
}

/** Reads the header only; throws a plain-language error for what sharp cannot open. */
export async function imageFacts(input: Buffer): Promise<ImageFacts> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { failOn: 'none', limitInputPixels: false }).metadata();
  } catch (error) {
    throw new Error(describeSharpError(error));
  }
  if (!meta.width || !meta.height) throw new Error('image has no dimensions');
  const rotated = (meta.orientation ?? 1) >= 5 && (meta.orientation ?? 1) <= 8;
  return {
    width: rotated ? meta.height : meta.width,
    height: rotated ? meta.width : meta.height,
    format: meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : (meta.format ?? 'unknown'),
    pageCount: meta.pages && meta.pages > 1 ? meta.pages : null,
    orientation: meta.orientation ?? null,
  };
}

export async function makeThumbnails(input: Buffer, facts: ImageFacts, previewFile: string, gridFile: string): Promise<void> {
  if (facts.width * facts.height > MAX_INPUT_PIXELS) {
    throw new Error(`too large to preview: ${facts.width}×${facts.height} pixels is over the ${MAX_INPUT_PIXELS / 1e6} megapixel limit`);
  }
  let preview: Buffer;
  try {
    preview = await sharp(input, { failOn: 'none', limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true })
      .rotate()
      .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .jpeg({ quality: 82 })
      .toBuffer();
  } catch (error) {
    throw new Error(describeSharpError(error));
  }
  const grid = await sharp(preview).resize(GRID_EDGE, GRID_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 78 }).toBuffer();
  await fs.mkdir(path.dirname(previewFile), { recursive: true });
  // Write then rename: a crash never leaves a half-written thumbnail under the final name.
  await writeAtomically(previewFile, preview);
  await writeAtomically(gridFile, grid);
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(temporary, data);
  await fs.rename(temporary, file);
}

/** Turns libvips' messages into reasons an archivist can read. */
export function describeSharpError(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  if (/unsupported image format/i.test(message)) return 'not an image format Fototar can read';
  if (/pixel limit/i.test(message)) return 'image dimensions exceed the pixel limit (possible decompression bomb)';
  if (/heif|hevc|compression format has not been built in/i.test(message)) return 'no decoder for this HEIC/HEVC image on this system';
  if (/premature end|truncated|unexpected end|end of file|Corrupt/i.test(message)) return `file is truncated or corrupt (${firstLine(message)})`;
  return firstLine(message);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim().slice(0, 300);
}
