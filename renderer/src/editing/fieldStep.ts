// Alt+arrows in a field of the editor: save it (by leaving it) and describe the next or previous
// photo in the same field. Not for the batch editor: a selection has no "next photo".
import { requestFieldFocus } from './fieldFocus.ts';

/** False when the key is not for this (the browser keeps it). */
export function fieldStep(e: KeyboardEvent, delta: number, selected: number, move: (delta: number) => void): boolean | void {
  if (!(e.target instanceof HTMLElement) || !e.target.id.startsWith('field-') || selected > 1) return false;
  const field = e.target.id.slice('field-'.length);
  e.target.blur();
  requestFieldFocus(field, true);
  move(delta);
}
