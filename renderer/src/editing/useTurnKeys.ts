// The rotate keys (turnKeys.ts) on the grid's selection, in the grid and in the large view: never
// while typing in a field, over a dialog or in a collection's lightbox. The selection is
// addressed as it is (shared/selection.ts), so Ctrl+A then Ctrl+] turns every photo of the search.
import { useEffect, useRef } from 'react';
import type { Selection } from '../../../shared/selection.ts';
import { isEditable } from '../app/useKeyMap.ts';
import { turnPhotos } from './turnPhotos.ts';
import { turnForKey } from './turnKeys.ts';
import { errorText } from '../common/errorText.ts';

export function useTurnKeys(selection: Selection, count: number, onError: (message: string) => void): void {
  const latest = useRef({ selection, count, onError });
  latest.current = { selection, count, onError };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const rotate = turnForKey(e);
      if (rotate === null || isEditable(e.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]:not([data-testid="large-view"]), [data-testid="lightbox"]')) return;
      e.preventDefault();
      const { selection: s, count: n, onError: fail } = latest.current;
      if (n > 0) void turnPhotos({ selection: s }, { rotate }).catch((error: unknown) => fail(errorText(error)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
