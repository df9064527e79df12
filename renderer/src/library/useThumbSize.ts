// The thumbnail size the person chose, kept across sessions in this browser or window's storage
// (a way of looking, like the window's size: not part of the catalogue).
import { useCallback, useState } from 'react';
import { clampThumbSize, steppedThumbSize, THUMB_DEFAULT } from './thumbSize.ts';

const KEY = 'fototar.thumbSize';

function stored(): number {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === null ? THUMB_DEFAULT : clampThumbSize(Number(value));
  } catch {
    return THUMB_DEFAULT;
  }
}

export interface ThumbSize {
  size: number;
  setSize(size: number): void;
  step(direction: 1 | -1): void;
}

export function useThumbSize(): ThumbSize {
  const [size, setState] = useState(stored);
  const setSize = useCallback((next: number) => {
    const value = clampThumbSize(next);
    setState(value);
    try {
      window.localStorage.setItem(KEY, String(value));
    } catch {
      // Storage refused (private window, quota): the size still applies for this session.
    }
  }, []);
  const step = useCallback((direction: 1 | -1) => setState((current) => {
    const value = steppedThumbSize(current, direction);
    try {
      window.localStorage.setItem(KEY, String(value));
    } catch {
      // As above.
    }
    return value;
  }), []);
  return { size, setSize, step };
}
