// The ids a selection holds, for actions that take a list (add to a collection): as picked, or
// every result of its query but those left out.
import { MAX_SELECTION_IDS, type Selection } from '../../../shared/selection.ts';
import { api } from '../common/bridge.ts';
import type { PhotoSort } from '../../../shared/photoSort.ts';

/** "All except" comes in the grid's order (`sort`), so picks join a collection as shown. */
export async function selectionIds(selection: Selection, sort?: PhotoSort | null): Promise<number[]> {
  if (!selection.all) return selection.ids;
  const left = new Set(selection.ids);
  return (await api.resultIds({ query: selection.query, offset: 0, limit: MAX_SELECTION_IDS, ...(sort ? { sort } : {}) })).ids.filter((id) => !left.has(id));
}
