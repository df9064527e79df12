// Holds the characters typed between Enter (edit this photo) and the editor's field taking the
// focus (fieldFocus.ts). Listens in the capture phase, so no shortcut (marks, Space, B, Delete)
// sees a key meant for the field. A click or Escape means the user went elsewhere: the wait ends.
import { useEffect } from 'react';
import { cancelFieldFocus, fieldFocusPending, holdTyped } from './fieldFocus.ts';
import { isEditable } from '../app/useKeyMap.ts';

/** A key that types a character (AltGr's characters too: Hungarian keyboards type @ { [ with it). */
function typesCharacter(e: KeyboardEvent): boolean {
  const altGraph = e.getModifierState('AltGraph');
  return [...e.key].length === 1 && (altGraph || (!e.ctrlKey && !e.metaKey && !e.altKey));
}

export function useTypeAhead(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target) || !fieldFocusPending()) return;
      if (e.key === 'Escape') return cancelFieldFocus();
      if (!typesCharacter(e) && e.key !== 'Backspace' && e.key !== 'Delete') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.key !== 'Delete') holdTyped(e.key);
    };
    const onPointer = () => cancelFieldFocus();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);
}
