// Originals live outside the catalogue (originals/originalFiles.ts says how they are checked
// and relinked): which are missing, pointing a photo (or a whole moved folder) at its moved
// files, and the folders they came from (shared/folderTree.ts).
import type { Photo } from '../../../shared/types.ts';
import { CatalogueError } from '../catalogueError.ts';
import { checkOriginals, relinkFolder, relinkOriginal, watchOriginals, type FolderRelinkReport, type OriginalsReport } from '../originals/originalFiles.ts';
import { buildFolderTree, type FolderTree } from '../../../shared/folderTree.ts';
import { folderKey, isAbsoluteFolder } from '../../../shared/folderPath.ts';
import type { CatalogueCore } from './catalogueCore.ts';

export class OriginalsService {
  readonly #core: CatalogueCore;

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  /**
   * Stats every original and marks the missing ones (and the found-again ones). `background`: the
   * check nobody asked for waits, slice by slice, while the person is browsing.
   */
  async check(options: { background?: boolean } = {}): Promise<OriginalsReport> {
    await this.#core.whenWritable();
    const signal = this.#core.closing;
    const beforeSlice = options.background ? () => this.#core.activity.quiet({ signal }) : undefined;
    const report = await checkOriginals(this.#core.store.originals, { signal, beforeSlice });
    this.#core.events.photosChanged(report.changed);
    return report;
  }

  /** The photos whose original is marked missing, in id order. */
  async missing(): Promise<{ id: number; file: string }[]> {
    return await this.#core.photos.missingFiles();
  }

  /** Points a photo at its moved original (same content), keeping all its metadata. */
  async relink(id: number, file: string): Promise<Photo> {
    await this.#core.whenWritable();
    await relinkOriginal(this.#core.photos, this.#core.store.originals, id, file);
    this.#core.events.photosChanged([id]);
    const photo = await this.#core.photos.get(id);
    if (!photo) throw new CatalogueError('not-found', 'photoNotFound', { ids: id });
    return photo;
  }

  /** The folders the photos came from, with their counts (subfolders included). */
  async folders(): Promise<FolderTree> {
    return buildFolderTree(await this.#core.store.folderCounts());
  }

  /**
   * Relinks every photo that came from `from` (and its subfolders) to its file under `to`,
   * found by content (originalFiles.ts relinkFolder); the report says how many were found.
   */
  async relinkFolder(from: string, to: string): Promise<FolderRelinkReport> {
    await this.#core.whenWritable();
    if (!isAbsoluteFolder(from)) throw new CatalogueError('invalid-input', 'folderNotAbsolute', { path: from });
    const key = folderKey(from);
    const inFolder = await this.#core.store.photosInFolder(key);
    if (!inFolder.length) throw new CatalogueError('not-found', 'relinkFolderNoPhotos', { path: from });
    const { report, changed } = await relinkFolder(this.#core.store.originals, inFolder, key, to, { signal: this.#core.closing });
    if (changed.length) this.#core.events.photosChanged(changed);
    return report;
  }

  /** Checks now and every 10 minutes in the background; returns the stop function. */
  watch(): () => void {
    return watchOriginals(() => this.check({ background: true }));
  }
}
