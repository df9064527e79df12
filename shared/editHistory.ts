// Undo and redo as the UI and the CLI see them. Every edit (one field, a batch, a tag rename,
// a CSV import) is one step; steps live in the catalogue, so undo survives restarts.
import type { Photo } from './types.ts';

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
  /** The photos as they are now, so the UI can show them without asking again. */
  photos: Photo[];
  history: HistoryState;
}

/** Tag use across the catalogue, for autocomplete and the tag manager. */
export interface TagCount {
  tag: string;
  count: number;
}
