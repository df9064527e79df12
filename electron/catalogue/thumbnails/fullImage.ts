// The picture the loupe (the large view at 100–400%) shows: the scan's own pixels, never a
// preview enlarged. Formats every browser decodes (JPEG, PNG, WebP, GIF) are served as the
// original file itself: nothing to make, and a JPEG starts drawing as its bytes arrive. Other
// formats (TIFF, BMP, AVIF, JPEG 2000, HEIC; a camera RAW's embedded preview) are rendered once,
// at full size, in a worker, into the catalogue's thumbnail cache as an upright sRGB JPEG, and
// served from there.
import fs from 'node:fs';
import path from 'node:path';
import type { CataloguePaths } from '../cataloguePaths.ts';
import type { Photo } from '../../../shared/types.ts';
import type { ExportFacts } from '../collections/exportMetadata.ts';

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

export function fullRenderPath(paths: CataloguePaths, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: ${hash}`);
  return path.join(paths.thumbnails, hash.slice(0, 2), `${hash}.full.jpg`);
}

const rendering = new Map<string, Promise<string | null>>();

/** The file to show at 100%, or null when there is none (original missing, no decoder). */
export async function fullImage(photo: Photo, paths: CataloguePaths): Promise<FullImage | null> {
  if (photo.missing || photo.previewError) return null;
  const type = photo.format ? BROWSER_FORMATS[photo.format] : undefined;
  if (type) return fs.existsSync(photo.file) ? { file: photo.file, root: path.dirname(photo.file), type } : null;
  const target = fullRenderPath(paths, photo.hash);
  if (fs.existsSync(target)) return { file: target, root: paths.thumbnails, type: 'image/jpeg' };
  // One render per picture however many requests ask for it at once.
  let pending = rendering.get(target);
  if (!pending) {
    pending = renderFull(photo, target).finally(() => rendering.delete(target));
    rendering.set(target, pending);
  }
  const made = await pending;
  return made ? { file: made, root: paths.thumbnails, type: 'image/jpeg' } : null;
}

async function renderFull(photo: Photo, target: string): Promise<string | null> {
  // In a worker (the export's renderer, renderPicture.ts): the main process never loads sharp or
  // the decoders, and a large master does not hold up the app while it is decoded. Opened as
  // previews are (the format's own decoder, upright, sRGB), at full size.
  const { exportPool } = await import('../collections/exportPool.ts');
  const pool = exportPool(1);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    const result = await pool.run({ pick: { photo }, facts: NO_FACTS, options: { format: 'jpeg', quality: 92 } });
    if (!result.ok) return null;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(temporary, result.data);
    fs.renameSync(temporary, target);
    return target;
  } catch {
    // Not decodable after all (damaged since the ingest): the loupe keeps the preview.
    fs.rmSync(temporary, { force: true });
    return null;
  } finally {
    await pool.close();
  }
}

/** A picture for the screen, not a copy to hand on: nothing to embed. */
const NO_FACTS: ExportFacts = {
  title: '', caption: '', credit: '', creator: '', source: '', sourceUrl: '', licence: '', licenceUrl: '', rights: '', keywords: [], identifier: '', archiveRef: '',
  date: '', sublocation: '', city: '', country: '', gps: null, marks: { rating: 0, flag: '', label: '' },
};
