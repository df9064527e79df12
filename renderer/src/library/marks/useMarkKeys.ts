// Runs the marking keys (markKeys.ts) through the batch edit path: one api.editSelection call,
// so the whole selection (every photo of the search, loaded or not) changes as one undoable step,
// and every panel refreshes from the photosChanged event it causes. In the large view the key
// marks the photo shown, as Lightroom's loupe does.
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoSummary } from '../../../../shared/types.ts';
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
  return useCallback(
    (e: KeyboardEvent) => {
      const { model, query, large, active, onError } = latest.current;
      const selection = large ? { query, all: false, ids: [large.id] } : model.count > 0 && !model.pending ? model.selection : null;
      const patch = selection && markPatch(e.key, large ?? active);
      if (!selection || !patch) return false;
      api.editSelection({ selection, patch }).catch((error: unknown) => onError(t('marks.notSaved', { message: errorText(error) })));
    },
    [t],
  );
}
