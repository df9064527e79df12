// What checking and relinking originals (originals/originalFiles.ts) reads and writes of the
// photos' rows: where each original is and whether it is missing. An interface with promises,
// as PhotoReads and CatalogueStore are, so another engine can stand where SQLite stands.
import type { PhotoRepository } from './photoRepository.ts';

/** A photo's original pointed at another file (its size and modification time, as stat says). */
export interface Relink {
  id: number;
  file: string;
  size: number;
  mtimeMs: number;
}

export interface OriginalsRecords {
  /** False once the catalogue is closed: a check under way stops. */
  isOpen(): boolean;
  /** The next `limit` photos after id `afterId`, in id order: their original and its mark. */
  filesAfter(afterId: number, limit: number): Promise<{ id: number; file: string; missing: boolean }[]>;
  /** Marks photos missing or found again. */
  setMissing(flips: readonly { id: number; missing: boolean }[]): Promise<void>;
  /** The photo whose original is this file, if any. */
  byFile(file: string): Promise<{ id: number } | null>;
  /** Points photos at their moved originals, all in one transaction. */
  relink(moves: readonly Relink[], now: string): Promise<void>;
}

/** The single-user catalogue's: PhotoRepository's rows. */
export class SqliteOriginalsRecords implements OriginalsRecords {
  readonly #photos: PhotoRepository;

  constructor(photos: PhotoRepository) {
    this.#photos = photos;
  }

  isOpen() {
    return this.#photos.isOpen;
  }
  async filesAfter(afterId: number, limit: number) {
    return this.#photos.filesAfter(afterId, limit);
  }
  async setMissing(flips: readonly { id: number; missing: boolean }[]) {
    this.#photos.setMissingMany(flips);
  }
  async byFile(file: string) {
    return this.#photos.byFile(file);
  }
  async relink(moves: readonly Relink[], now: string) {
    this.#photos.transaction(() => {
      for (const move of moves) this.#photos.relink(move.id, move.file, move.size, move.mtimeMs, now);
    });
  }
}
