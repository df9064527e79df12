// Undo and redo: the same edit history for the app's Ctrl+Z and the CLI's `fototar undo`, kept in
// the catalogue (editing/editHistory.ts holds its rules).
import type { HistoryState, UndoResult } from '../../../shared/editHistory.ts';
import { CatalogueError } from '../catalogueError.ts';
import { EditHistory } from '../editing/editHistory.ts';
import { inTransaction } from '../store/openDatabase.ts';
import type { CatalogueCore } from './catalogueCore.ts';

export class HistoryService {
  readonly #core: CatalogueCore;

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  async undo(): Promise<UndoResult> {
    return await this.#step((history, now) => history.undo(now));
  }

  async redo(): Promise<UndoResult> {
    return await this.#step((history, now) => history.redo(now));
  }

  async state(): Promise<HistoryState> {
    return new EditHistory(this.#core.db, this.#core.photos).state();
  }

  async #step(run: (history: EditHistory, now: string) => { label: string; ids: number[] } | null): Promise<UndoResult> {
    this.#core.assertWritable();
    const history = new EditHistory(this.#core.db, this.#core.photos);
    let done: { label: string; ids: number[] } | null;
    try {
      done = inTransaction(this.#core.db, () => run(history, new Date().toISOString()));
    } catch (error) {
      throw new CatalogueError('not-saved', 'undoNotSaved', { reason: (error as Error).message });
    }
    if (done) await this.#core.photosChanged(done.ids);
    return { label: done?.label ?? null, ids: done?.ids ?? [], history: history.state() };
  }
}
