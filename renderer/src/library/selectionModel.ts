// Pure operations on a Selection (shared/selection.ts): membership, toggling, unions. A set of
// ids is kept beside the wire form so membership is one lookup however large the selection is.
import type { Selection } from '../../../shared/selection.ts';

export interface SelectionState extends Selection {
  readonly set: ReadonlySet<number>;
}

export function withSet(selection: Selection): SelectionState {
  return { ...selection, set: new Set(selection.ids) };
}

export const NOTHING: SelectionState = withSet({ query: '', all: false, ids: [] });

export function isSelected(selection: SelectionState, id: number): boolean {
  return selection.all ? !selection.set.has(id) : selection.set.has(id);
}

export function only(query: string, id: number): SelectionState {
  return withSet({ query, all: false, ids: [id] });
}

export function everything(query: string): SelectionState {
  return withSet({ query, all: true, ids: [] });
}

export function toggled(selection: SelectionState, id: number): SelectionState {
  const ids = selection.set.has(id) ? selection.ids.filter((x) => x !== id) : [...selection.ids, id];
  return withSet({ ...selection, ids });
}

/** The photos in either selection (both over the same query). */
export function union(a: Selection, b: Selection): SelectionState {
  const bIds = new Set(b.ids);
  const aIds = new Set(a.ids);
  if (!a.all && !b.all) return withSet({ query: b.query, all: false, ids: [...new Set([...a.ids, ...b.ids])] });
  if (a.all && !b.all) return withSet({ query: b.query, all: true, ids: a.ids.filter((id) => !bIds.has(id)) });
  if (!a.all && b.all) return withSet({ query: b.query, all: true, ids: b.ids.filter((id) => !aIds.has(id)) });
  return withSet({ query: b.query, all: true, ids: a.ids.filter((id) => bIds.has(id)) });
}

export function sameSelection(a: Selection, b: Selection): boolean {
  if (a.query !== b.query || a.all !== b.all || a.ids.length !== b.ids.length) return false;
  const ids = new Set(a.ids);
  return b.ids.every((id) => ids.has(id));
}
