// Undo and redo of catalogue edits (Ctrl+Z, Ctrl+Shift+Z): the steps live in the catalogue, so
// they survive closing the editor panel and restarting the app. Inside a text field the
// browser's own text undo applies; Esc first returns to the grid.
import { useCallback, useEffect, useState } from 'react';
import type { HistoryState, UndoResult } from '../../../shared/editHistory.ts';
import { api } from '../common/bridge.ts';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';
import { errorText } from '../common/errorText.ts';

const EMPTY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export function useUndoRedo(onApplied: (result: UndoResult, kind: 'undo' | 'redo') => void, onError: (message: string) => void) {
  const [history, setHistory] = useState<HistoryState>(EMPTY);

  const refresh = useCallback(() => {
    api.editHistory({}).then(setHistory, () => undefined);
  }, []);

  useEffect(() => refresh(), [refresh]);
  // Any edit, here or in another program, moves the history; the event says where to, mostly.
  useCatalogueEvent('historyChanged', (event) => (event.history ? setHistory(event.history) : refresh()));

  const step = useCallback(
    async (kind: 'undo' | 'redo') => {
      try {
        const result = kind === 'undo' ? await api.undo({}) : await api.redo({});
        setHistory(result.history);
        onApplied(result, kind);
      } catch (e) {
        onError(errorText(e));
      }
    },
    [onApplied, onError],
  );

  return { history, refresh, undo: useCallback(() => step('undo'), [step]), redo: useCallback(() => step('redo'), [step]) };
}
