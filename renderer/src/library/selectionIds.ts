// The ids a selection holds, for actions that take a list (add to a collection): as picked, or
// every result of its query but those left out.
import { MAX_SELECTION_IDS, type Selection } from '../../../shared/selection.ts';
import { api } from '../common/bridge.ts';

export async function selectionIds(selection: Selection): Promise<number[]> {
  if (!selection.all) return selection.ids;
  const left = new Set(selection.ids);
  return (await api.resultIds({ query: selection.query, offset: 0, limit: MAX_SELECTION_IDS })).ids.filter((id) => !left.has(id));
}
