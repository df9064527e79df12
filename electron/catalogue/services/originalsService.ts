// Originals live outside the catalogue (originals/originalFiles.ts says how they are checked
// and relinked): which are missing, and pointing a photo at its moved file.
import type { Photo } from '../../../shared/types.ts';
import { CatalogueError } from '../catalogueError.ts';
import { checkOriginals, relinkOriginal, watchOriginals, type OriginalsReport } from '../originals/originalFiles.ts';
import type { CatalogueCore } from './catalogueCore.ts';

export class OriginalsService {
  readonly #core: CatalogueCore;

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  /** Stats every original and marks the missing ones (and the found-again ones). */
  async check(): Promise<OriginalsReport> {
    await this.#core.whenWritable();
    const report = await checkOriginals(this.#core.photos, { signal: this.#core.closing });
    this.#core.events.photosChanged(report.changed);
    return report;
  }

  /** The photos whose original is marked missing, in id order. */
  missing(): { id: number; file: string }[] {
    return this.#core.photos.missingFiles();
  }

  /** Points a photo at its moved original (same content), keeping all its metadata. */
  async relink(id: number, file: string): Promise<Photo> {
    await this.#core.whenWritable();
    await relinkOriginal(this.#core.photos, id, file);
    this.#core.events.photosChanged([id]);
    const photo = this.#core.photos.get(id);
    if (!photo) throw new CatalogueError('not-found', 'photoNotFound', { ids: id });
    return photo;
  }

  /** Checks now and every 10 minutes in the background; returns the stop function. */
  watch(): () => void {
    return watchOriginals(() => this.check());
  }
}
