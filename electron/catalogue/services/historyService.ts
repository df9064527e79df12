// Undo and redo: the same edit history for the app's Ctrl+Z and the CLI's `fototar undo`, kept in
// the catalogue (editing/editHistory.ts holds its rules; the store runs each step in one transaction).
import type { HistoryState, PhotoHistoryEntry, UndoResult } from '../../../shared/editHistory.ts';
import type { HistoryStep } from '../store/catalogueStore.ts';
import type { CatalogueCore } from './catalogueCore.ts';
import { CatalogueError } from '../catalogueError.ts';

export class HistoryService {
  readonly #core: CatalogueCore;

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  async undo(): Promise<UndoResult> {
    return await this.#step(() => this.#core.store.undo());
  }

  async redo(): Promise<UndoResult> {
    return await this.#step(() => this.#core.store.redo());
  }

  async state(): Promise<HistoryState> {
    return await this.#core.store.historyState();
  }

  /** Every recorded change to the photo's fields, newest first; 'not-found' for an unknown photo. */
  async photo(id: number): Promise<PhotoHistoryEntry[]> {
    if (!(await this.#core.photos.hashOf(id))) throw new CatalogueError('not-found', 'photoNotFound', { ids: id });
    return await this.#core.store.photoHistory(id);
  }

  async #step(run: () => Promise<HistoryStep>): Promise<UndoResult> {
    this.#core.assertWritable();
    const done = await run();
    if (done) await this.#core.photosChanged(done.ids);
    return { label: done?.label ?? null, ids: done?.ids ?? [], history: await this.#core.store.historyState() };
  }
}
