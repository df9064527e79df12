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

/** "2026-12-02 14:05" in this computer's time zone: when a change was saved, as a person reads it. */
export function localMinute(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * One field of one photo changed by one step: a line of the photo's history (`fototar history`,
 * the history panel). Values as the field holds them (tags as a list, a rating as a number).
 */
export interface PhotoHistoryEntry {
  /** When the step was saved (ISO 8601). */
  at: string;
  /** Who saved it: the archivist's name in a team catalogue; null in a folder catalogue, which has one user. */
  author: string | null;
  /** The step's words ("Edit caption of Fortepan 7416"). */
  label: string;
  field: string;
  before: string | number | string[];
  after: string | number | string[];
  /** The step was undone since (a team catalogue lists the undo as an entry of its own). */
  undone: boolean;
  /** This entry is the undo of the step `label` names, by `author` (team catalogues only). */
  undo?: true;
}
