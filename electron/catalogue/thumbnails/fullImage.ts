// The picture the loupe (the large view at 100–400%) shows: the scan's own pixels, never a
// preview enlarged. Formats every browser decodes (JPEG, PNG, WebP, GIF) are served as the
// original file itself: nothing to make, and a JPEG starts drawing as its bytes arrive. Other
// formats (TIFF, BMP, AVIF…) are rendered once, at full size, into the catalogue's thumbnail
// cache as a JPEG with the orientation applied, and served from there.
import fs from 'node:fs';
import path from 'node:path';
import type { CataloguePaths } from '../cataloguePaths.ts';
import { MAX_INPUT_PIXELS } from './pixelLimits.ts';

/**
 * Formats (as sharp names them, stored in Photo.format) that browsers show as they are, with the
 * type they are served as: by content, since a file's name may not say (a JPEG named `scan_0042`).
 */
const BROWSER_FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export interface FullImageSource {
  file: string;
  format: string | null;
  hash: string;
  missing: boolean;
  previewError: string | null;
}

export interface FullImage {
  file: string;
  /** The folder the file must be inside (its own for an original; the cache for a render). */
  root: string;
  /** Its media type. */
  type: string;
}

export function fullRenderPath(paths: CataloguePaths, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: ${hash}`);
  return path.join(paths.thumbnails, hash.slice(0, 2), `${hash}.full.jpg`);
}

const rendering = new Map<string, Promise<string | null>>();

/** The file to show at 100%, or null when there is none (original missing, no decoder). */
export async function fullImage(photo: FullImageSource, paths: CataloguePaths): Promise<FullImage | null> {
  if (photo.missing || photo.previewError) return null;
  const type = photo.format ? BROWSER_FORMATS[photo.format] : undefined;
  if (type) return fs.existsSync(photo.file) ? { file: photo.file, root: path.dirname(photo.file), type } : null;
  const target = fullRenderPath(paths, photo.hash);
  if (fs.existsSync(target)) return { file: target, root: paths.thumbnails, type: 'image/jpeg' };
  // One render per picture however many requests ask for it at once.
  let pending = rendering.get(target);
  if (!pending) {
    pending = renderFull(photo.file, target).finally(() => rendering.delete(target));
    rendering.set(target, pending);
  }
  const made = await pending;
  return made ? { file: made, root: paths.thumbnails, type: 'image/jpeg' } : null;
}

async function renderFull(original: string, target: string): Promise<string | null> {
  // Loaded on first use, as for exports: the main process starts without the native module.
  const { default: sharp } = await import('sharp');
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await sharp(original, { failOn: 'none', limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .toColourspace('srgb')
      .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
      .toFile(temporary);
    fs.renameSync(temporary, target);
    return target;
  } catch {
    // Not decodable here (a format only the ingest's own decoders read): the loupe keeps the preview.
    fs.rmSync(temporary, { force: true });
    return null;
  }
}
