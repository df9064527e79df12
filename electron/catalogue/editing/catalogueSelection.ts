// Selections (shared/selection.ts) as the catalogue resolves them: the query's results now,
// minus what was left out, or exactly the ids picked. Resolved at the moment of the call, so a
// batch edit changes exactly what the selection holds, however many photos that is.
import type { Selection } from '../../../shared/selection.ts';

/** A query's result ids in the grid's order (the search service answers it). */
export type ResultIds = (query: string) => Promise<{ total: number; ids: number[] }>;

/** The photo ids a selection holds now, in the query's order for `all`, as given otherwise. */
export async function resolveSelection(resultIds: ResultIds, selection: Selection): Promise<number[]> {
  if (!selection.all) return [...new Set(selection.ids)];
  const { ids } = await resultIds(selection.query);
  if (selection.ids.length === 0) return ids;
  const left = new Set(selection.ids);
  return ids.filter((id) => !left.has(id));
}

export interface Projection {
  selection: Selection;
  /** Photos still selected: those of the selection that `query` shows. */
  count: number;
  /** How many results `query` has. */
  total: number;
  /** Selected photos `query` does not show (no longer selected). */
  hidden: number;
}

/**
 * The selection restricted to what `query` shows: a search that hides selected photos must not
 * leave them selected (and edited) out of sight. The answer is in the smaller form: the ids
 * kept, or "all except" the ids not kept when that list is shorter.
 */
export async function projectSelection(resultIds: ResultIds, selection: Selection, query: string): Promise<Projection> {
  const [shown, selected] = await Promise.all([resultIds(query), resolveSelection(resultIds, selection)]);
  const visible = new Set(shown.ids);
  const kept = selected.filter((id) => visible.has(id));
  const hidden = selected.length - kept.length;
  const total = shown.ids.length;
  if (kept.length > total / 2) {
    const keptSet = new Set(kept);
    return { selection: { query, all: true, ids: shown.ids.filter((id) => !keptSet.has(id)) }, count: kept.length, total, hidden };
  }
  return { selection: { query, all: false, ids: kept }, count: kept.length, total, hidden };
}
