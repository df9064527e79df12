// A team catalogue's thumbnails as files on this client: the server keeps them (thumbnails
// table, pgMigrations.ts 2), so a colleague sees the previews one archivist made without
// ingesting again; each client copies the ones it shows into a cache folder of its own, named
// by content hash as a folder catalogue's thumbnails/ are (cataloguePaths.ts thumbnailPath), and
// serves them from there. A thumbnail never changes under its name (the name is the original's
// content hash), so a cached file is never stale and is read from the server once.
import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { cataloguePaths, thumbnailPath, type ThumbnailSize } from '../../cataloguePaths.ts';

export class TeamThumbnails {
  readonly #pool: Pool;
  readonly #paths: ReturnType<typeof cataloguePaths>;
  /** Reads under way, so two requests for one thumbnail read it from the server once. */
  readonly #reading = new Map<string, Promise<string | null>>();

  /** `cacheDir`: this client's folder for the catalogue (its identity names it, as the search cache's). */
  constructor(pool: Pool, cacheDir: string) {
    this.#pool = pool;
    this.#paths = cataloguePaths(cacheDir);
  }

  /** The thumbnail's file on this client, copied from the server the first time; null when the server has none. */
  async file(hash: string, size: ThumbnailSize): Promise<string | null> {
    const file = thumbnailPath(this.#paths, hash, size);
    if (fs.existsSync(file)) return file;
    let reading = this.#reading.get(file);
    if (!reading) {
      reading = this.#copy(hash, size, file).finally(() => this.#reading.delete(file));
      this.#reading.set(file, reading);
    }
    return await reading;
  }

  async #copy(hash: string, size: ThumbnailSize, file: string): Promise<string | null> {
    const { rows } = await this.#pool.query<{ data: Buffer }>('SELECT data FROM thumbnails WHERE hash = $1 AND size = $2', [hash, size]);
    if (!rows[0]) return null;
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Written under another name and renamed: a reader never sees half a picture.
    const partial = `${file}.${process.pid}.partial`;
    await fs.promises.writeFile(partial, rows[0].data);
    await fs.promises.rename(partial, file);
    return file;
  }
}
