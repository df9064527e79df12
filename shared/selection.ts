// A selection over the whole ordered result of a query, not over the pages the grid has loaded:
// either the ids picked (`all: false`) or every result except the ids left out (`all: true`).
// Ctrl+A, Shift+End and long Shift+click ranges are exact at any size without loading the
// photos, and a batch edit sends the selection itself, so no per-call id limit can cut it.

export interface Selection {
  /** The query the selection is defined against ('' = the whole catalogue). */
  query: string;
  /** true: every result of the query except `ids`; false: exactly `ids`. */
  all: boolean;
  ids: number[];
}

/** The most ids a selection carries either way (a range keeps the smaller of range and rest). */
export const MAX_SELECTION_IDS = 1_000_000;

/** Batch edits over more photos than this ask first, naming the count. */
export const CONFIRM_BATCH_OVER = 1000;

export const EMPTY_SELECTION: Selection = { query: '', all: false, ids: [] };

/** How many photos the selection holds, given how many results its query has. */
export function selectionCount(selection: Selection, total: number): number {
  return selection.all ? Math.max(0, total - new Set(selection.ids).size) : new Set(selection.ids).size;
}
