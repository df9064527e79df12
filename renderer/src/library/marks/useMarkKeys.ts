// Runs the marking keys (markKeys.ts) through the batch edit path: one api.editSelection call,
// so the whole selection (every photo of the search, loaded or not) changes as one undoable step,
// and every panel refreshes from the photosChanged event it causes. In the large view the key
// marks the photo shown, as Lightroom's loupe does.
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoPatch, PhotoSummary } from '../../../../shared/types.ts';
import type { Selection } from '../../../../shared/selection.ts';
import type { SelectionModel } from '../useSelection.ts';
import { api } from '../../common/bridge.ts';
import { errorText } from '../../common/errorText.ts';
import { markPatch } from './markKeys.ts';

interface MarkTarget {
  model: SelectionModel;
  /** The query the grid shows (a one-photo selection in the large view is over it). */
  query: string;
  /** The photo the large view shows, when it is open. */
  large: PhotoSummary | undefined;
  /** The focused photo: whose label decides whether a label key sets or removes it. */
  active: PhotoSummary | undefined;
  onError(text: string): void;
}

export function useMarkKeys(target: MarkTarget): (e: KeyboardEvent) => boolean | void {
  const { t } = useTranslation('library');
  const latest = useRef(target);
  latest.current = target;
  // Keys pressed while a range or a new search is being resolved wait for it (they were dropped
  // before: a busy machine lost the key). Each edit is sent at once, as before: waiting for the
  // previous edit's answer made a key wait on a slow answer the cards no longer needed.
  const waiting = useRef<PhotoPatch[]>([]);
  const apply = useCallback(
    (selection: Selection, patch: PhotoPatch) => {
      api.editSelection({ selection, patch }).catch((error: unknown) => latest.current.onError(t('marks.notSaved', { message: errorText(error) })));
    },
    [t],
  );
  const { pending, selection, count } = target.model;
  useEffect(() => {
    if (pending || waiting.current.length === 0) return;
    const patches = waiting.current.splice(0);
    if (count > 0) for (const patch of patches) apply(selection, patch);
  }, [pending, selection, count, apply]);
  return useCallback(
    (e: KeyboardEvent) => {
      const { model, query, large, active } = latest.current;
      if (!large && model.count === 0 && !model.pending) return false;
      const patch = markPatch(e.key, large ?? active);
      if (!patch) return false;
      if (large) apply({ query, all: false, ids: [large.id] }, patch);
      else if (model.pending) waiting.current.push(patch);
      else apply(model.selection, patch);
      return true;
    },
    [apply],
  );
}
