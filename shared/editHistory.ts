// Undo and redo as the UI and the CLI see them. Every edit (one field, a batch, a tag rename,
// a CSV import) is one step; steps live in the catalogue, so undo survives restarts.

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** What Ctrl+Z would undo, in words ("Edit caption of Fortepan 7416"), or null. */
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface UndoResult {
  /** The step that was undone or redone, or null when there was nothing to do. */
  label: string | null;
  /**
   * The ids of the photos it changed. Not the photos themselves: undoing a batch edit of
   * 200,000 photos would build and send every one of them, and each panel re-reads what it
   * shows from the photosChanged event anyway.
   */
  ids: number[];
  history: HistoryState;
}

/** Tag use across the catalogue, for autocomplete and the tag manager. */
export interface TagCount {
  tag: string;
  count: number;
}
