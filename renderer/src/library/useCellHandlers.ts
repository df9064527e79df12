// The grid's cell handlers, the same functions from render to render: the cells are memos, so
// moving the focus redraws the two cells that changed, not every cell in view (inline handlers
// redrew them all: 60 ms a key press at 1920×1080 on a 2-core machine). The latest `select` is
// called through a ref.
import { useCallback, useRef, type MutableRefObject } from 'react';
import type { SelectionModel } from './useSelection.ts';
import { isEditable } from '../app/useKeyMap.ts';

export function useCellHandlers(select: SelectionModel['select'], openLarge: () => void, columns: MutableRefObject<number>) {
  const latest = useRef({ select, openLarge });
  latest.current = { select, openLarge };
  const onCellClick = useCallback((index: number, event: React.MouseEvent) => {
    const toggle = event.ctrlKey || event.metaKey;
    latest.current.select(index, event.shiftKey ? (toggle ? 'range-add' : 'range') : toggle ? 'toggle' : 'single');
    // Clicking the grid gives the keyboard back to the grid.
    if (isEditable(document.activeElement)) (document.activeElement as HTMLElement).blur();
  }, []);
  const onCellOpen = useCallback((index: number) => {
    latest.current.select(index, 'single');
    latest.current.openLarge();
  }, []);
  const onColumnsChange = useCallback(
    (n: number) => {
      columns.current = n;
    },
    [columns],
  );
  return { onCellClick, onCellOpen, onColumnsChange };
}
