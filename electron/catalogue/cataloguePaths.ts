// A catalogue is one folder: the database, the thumbnail cache and the search index.
// Originals stay where they are; nothing here ever points the app at a file outside this folder
// except the originals' own paths recorded in the database.
import path from 'node:path';

export interface CataloguePaths {
  root: string;
  database: string;
  thumbnails: string;
  searchIndex: string;
  lock: string;
}

export function cataloguePaths(root: string): CataloguePaths {
  const absolute = path.resolve(root);
  return {
    root: absolute,
    database: path.join(absolute, 'catalogue.sqlite'),
    thumbnails: path.join(absolute, 'thumbnails'),
    searchIndex: path.join(absolute, 'search-index.bin'),
    lock: path.join(absolute, 'catalogue.lock'),
  };
}

export type ThumbnailSize = 'grid' | 'preview';

/** Thumbnails are named by content hash, so a moved file keeps its thumbnails. */
export function thumbnailPath(paths: CataloguePaths, hash: string, size: ThumbnailSize): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: ${hash}`);
  return path.join(paths.thumbnails, hash.slice(0, 2), `${hash}.${size}.jpg`);
}
