// Keyboard-first editing: the grid asks for a field to be focused (Enter edits the title;
// Alt+arrows keep the same field while moving to the next photo). The editor may not be on
// screen yet (the photo is still loading, or the panel is a render behind the grid), so the
// request waits here until an editor takes it.
//
// What the user types meanwhile is meant for that field, not for the grid: on a slow machine
// "Enter, P, é, c, s" would otherwise flag the photo (P) and open the large view (Space).
// useTypeAhead holds those keys here and the field receives them when it takes the focus.
let requested: string | null = null;
let requestedAt = 0;
let typed = '';

/** A request older than this was not taken (no editor came): keys go back to the grid. */
const PENDING_MS = 4000;

/**
 * Focuses an editor field now if one is on screen; `later` waits for the next editor instead
 * (moving to another photo: the field on screen still belongs to the photo being left).
 */
export function requestFieldFocus(field: string, later = false): void {
  requested = field;
  requestedAt = performance.now();
  typed = '';
  if (!later) takeFieldFocus();
}

/** Called by an editor once its fields exist: focuses the field asked for, if any. */
export function takeFieldFocus(): void {
  if (!fieldFocusPending()) return;
  const element = document.getElementById(`field-${requested}`);
  // An inert field belongs to a panel still showing the photo being left (SelectionPanel.tsx):
  // the request waits for the panel that catches up.
  if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && !element.closest('[inert]')) {
    const text = typed;
    cancelFieldFocus();
    element.focus();
    element.select();
    if (text) typeInto(element, text);
  }
}

/** Whether an editor field has been asked for and has not come yet. */
export function fieldFocusPending(): boolean {
  if (requested !== null && performance.now() - requestedAt > PENDING_MS) cancelFieldFocus();
  return requested !== null;
}

/** Keeps a key typed before the field came; Backspace takes the last one back. */
export function holdTyped(key: string): void {
  typed = key === 'Backspace' ? typed.slice(0, -1) : typed + key;
}

export function cancelFieldFocus(): void {
  requested = null;
  typed = '';
}

/**
 * Types into a focused field as the keyboard would: replaces the selection and fires the input
 * event React's onChange listens to (setRangeText bypasses React's value tracker, so React sees
 * the change).
 */
function typeInto(element: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  element.setRangeText(text, element.selectionStart ?? 0, element.selectionEnd ?? element.value.length, 'end');
  element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
