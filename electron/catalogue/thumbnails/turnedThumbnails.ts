// The grid thumbnail and the preview of a photo the person rotated or flipped. The thumbnails
// made at ingest are named by content hash and upright by the file alone, so they stay shared by
// duplicates and valid whatever anyone turns; a turned photo's are made from them on first
// request (a quarter turn of a 1600-px JPEG, in a worker: milliseconds, and possible while the
// original is offline) and cached beside them under the hash and the turn. The image version
// (Photo.thumbVersion) carries the turn, so the grid asks for the new picture at once and a
// restart finds it cached.
import fs from 'node:fs';
import path from 'node:path';
import type { Photo } from '../../../shared/types.ts';
import { exifOfTurn, isUpright, type Turn } from '../../../shared/orientation.ts';
import { thumbnailPath, type CataloguePaths, type ThumbnailSize } from '../cataloguePaths.ts';
import { renderToCache } from './workerRender.ts';

/** Where the thumbnail of `hash` turned by `turn` is cached: `<hash>.<size>.o<EXIF orientation of the turn>.jpg`. */
export function turnedThumbnailPath(paths: CataloguePaths, hash: string, size: ThumbnailSize, turn: Turn): string {
  const upright = thumbnailPath(paths, hash, size);
  return path.join(path.dirname(upright), `${hash}.${size}.o${exifOfTurn(turn)}.jpg`);
}

/**
 * The thumbnail as shown, from the stored upright one (`stored`, found by the caller): that one,
 * or for a turned photo its turned copy (made now if needed).
 */
export async function shownThumbnail(photo: Photo, stored: string, paths: CataloguePaths, size: ThumbnailSize): Promise<string | null> {
  const turn: Turn = { rotation: photo.rotation, flipped: photo.flipped };
  if (isUpright(turn)) return stored;
  const target = turnedThumbnailPath(paths, photo.hash, size, turn);
  if (fs.existsSync(target)) return target;
  // The stored thumbnail stands in for the original: it is already upright by the file's own orientation.
  return renderToCache({ ...photo, file: stored, fileOrientation: null }, target, size === 'grid' ? 85 : 88);
}
