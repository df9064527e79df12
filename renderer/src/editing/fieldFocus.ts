// Keyboard-first editing: the grid asks for a field to be focused (Enter edits the title;
// Alt+arrows keep the same field while moving to the next photo). The editor may not be on
// screen yet (the photo is still loading), so the request waits here until an editor takes it.
let requested: string | null = null;

/**
 * Focuses an editor field now if one is on screen; `later` waits for the next editor instead
 * (moving to another photo: the field on screen still belongs to the photo being left).
 */
export function requestFieldFocus(field: string, later = false): void {
  requested = field;
  if (!later) takeFieldFocus();
}

/** Called by an editor once its fields exist: focuses the field asked for, if any. */
export function takeFieldFocus(): void {
  if (requested === null) return;
  const element = document.getElementById(`field-${requested}`);
  // An inert field belongs to a panel still showing the photo being left (SelectionPanel.tsx):
  // the request waits for the panel that catches up.
  if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && !element.closest('[inert]')) {
    requested = null;
    element.focus();
    element.select();
  }
}

export function cancelFieldFocus(): void {
  requested = null;
}
