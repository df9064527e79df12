// The picture the loupe (the large view at 100–400%) shows: the scan's own pixels, never a
// preview enlarged. Formats every browser decodes (JPEG, PNG, WebP, GIF) are served as the
// original file itself: nothing to make, and a JPEG starts drawing as its bytes arrive. Other
// formats (TIFF, BMP, AVIF, JPEG 2000, HEIC; a camera RAW's embedded preview) are rendered once,
// at full size, in a worker, into the catalogue's thumbnail cache as an upright sRGB JPEG, and
// served from there; so is every format once the person rotated or flipped the photo (turned as
// they turned it, cached under the hash and the turn).
import fs from 'node:fs';
import path from 'node:path';
import type { CataloguePaths } from '../cataloguePaths.ts';
import type { Photo } from '../../../shared/types.ts';
import { exifOfTurn, isUpright, UPRIGHT, type Turn } from '../../../shared/orientation.ts';
import { renderToCache } from './workerRender.ts';

/**
 * Formats (as sharp names them, stored in Photo.format) that browsers show as they are, with the
 * type they are served as: by content, since a file's name may not say (a JPEG named `scan_0042`).
 */
const BROWSER_FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export interface FullImage {
  file: string;
  /** The folder the file must be inside (its own for an original; the cache for a render). */
  root: string;
  /** Its media type. */
  type: string;
}

export function fullRenderPath(paths: CataloguePaths, hash: string, turn: Turn = UPRIGHT): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: ${hash}`);
  return path.join(paths.thumbnails, hash.slice(0, 2), isUpright(turn) ? `${hash}.full.jpg` : `${hash}.full.o${exifOfTurn(turn)}.jpg`);
}

/** The file to show at 100%, or null when there is none (original missing, no decoder). */
export async function fullImage(photo: Photo, paths: CataloguePaths): Promise<FullImage | null> {
  if (photo.missing || photo.previewError) return null;
  const turn: Turn = { rotation: photo.rotation, flipped: photo.flipped };
  const type = photo.format ? BROWSER_FORMATS[photo.format] : undefined;
  // A turned photo is rendered turned (the browser would show the original as it is stored).
  if (type && isUpright(turn)) return fs.existsSync(photo.file) ? { file: photo.file, root: path.dirname(photo.file), type } : null;
  const target = fullRenderPath(paths, photo.hash, turn);
  if (fs.existsSync(target)) return { file: target, root: paths.thumbnails, type: 'image/jpeg' };
  // In a worker (workerRender.ts): the main process never loads sharp or the decoders, and a
  // large master does not hold up the app while it is decoded. Opened as previews are (the
  // format's own decoder, upright, sRGB), at full size, turned as the person turned it.
  const made = await renderToCache(photo, target, 92);
  return made ? { file: made, root: paths.thumbnails, type: 'image/jpeg' } : null;
}
