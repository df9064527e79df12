// Every keyboard shortcut, once: what keys, where they apply, which command they run, and the
// words the shortcuts sheet (ShortcutsHelp, press ?) shows. Entries without a command are
// handled where they happen (a click, Tab between fields, keys inside the tag input or the
// lightbox) and are listed here so the sheet is complete.

export type Command =
  | 'escape'
  | 'findFocus'
  | 'fieldNext'
  | 'fieldPrev'
  | 'undo'
  | 'redo'
  | 'helpToggle'
  | 'largePrev'
  | 'largeNext'
  | 'largeClose'
  | 'moveLeft'
  | 'moveRight'
  | 'moveUp'
  | 'moveDown'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'edit'
  | 'openLarge'
  | 'selectAll';

/** Where a key is live: anywhere; in a text field; on the grid; in the large view; with the sheet open. */
export type Where = 'anywhere' | 'field' | 'app' | 'grid' | 'large' | 'help';

export interface Binding {
  /** As shown on the sheet. */
  keys: string[];
  what: string;
  where: Where;
  command?: Command;
  /** Which key events run the command (Shift is passed on: it extends the selection). */
  test?: (e: KeyboardEvent) => boolean;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (key: string) => (e: KeyboardEvent) => e.key === key && !mod(e) && !e.altKey;
const arrow = (key: string) => (e: KeyboardEvent) => e.key === key && !mod(e) && !e.altKey;

export const KEY_MAP: Binding[] = [
  { keys: ['/', 'Ctrl+F'], what: 'Search', where: 'anywhere', command: 'findFocus', test: (e) => mod(e) && e.key.toLowerCase() === 'f' && !e.shiftKey && !e.altKey },
  { keys: ['Esc'], what: 'Leave a field (back to the grid) · clear the search · close a view', where: 'anywhere', command: 'escape', test: (e) => e.key === 'Escape' },
  { keys: ['Alt+→', 'Alt+↓'], what: 'In a field: save and go to the next photo, same field', where: 'field', command: 'fieldNext', test: (e) => e.altKey && !mod(e) && (e.key === 'ArrowRight' || e.key === 'ArrowDown') },
  { keys: ['Alt+←', 'Alt+↑'], what: 'In a field: save and go to the previous photo, same field', where: 'field', command: 'fieldPrev', test: (e) => e.altKey && !mod(e) && (e.key === 'ArrowLeft' || e.key === 'ArrowUp') },
  { keys: ['Ctrl/⌘+Z'], what: 'Undo the last edit (a batch edit, tag rename or import is one step)', where: 'app', command: 'undo', test: (e) => mod(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z' },
  { keys: ['Ctrl/⌘+Shift+Z', 'Ctrl+Y'], what: 'Redo', where: 'app', command: 'redo', test: (e) => mod(e) && !e.altKey && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')) },
  { keys: ['?'], what: 'Show this help', where: 'help', command: 'helpToggle', test: (e) => e.key === '?' },
  { keys: ['← →'], what: 'Previous / next photo in the large view', where: 'large', command: 'largePrev', test: (e) => e.key === 'ArrowLeft' || e.key === 'ArrowUp' },
  { keys: [], what: '', where: 'large', command: 'largeNext', test: (e) => e.key === 'ArrowRight' || e.key === 'ArrowDown' },
  { keys: [], what: '', where: 'large', command: 'largeClose', test: (e) => e.key === 'Enter' || e.key === ' ' },
  { keys: [], what: '', where: 'grid', command: 'findFocus', test: plain('/') },
  { keys: ['← → ↑ ↓'], what: 'Move through the grid', where: 'grid', command: 'moveLeft', test: arrow('ArrowLeft') },
  { keys: [], what: '', where: 'grid', command: 'moveRight', test: arrow('ArrowRight') },
  { keys: [], what: '', where: 'grid', command: 'moveUp', test: arrow('ArrowUp') },
  { keys: [], what: '', where: 'grid', command: 'moveDown', test: arrow('ArrowDown') },
  { keys: ['Page Up', 'Page Down'], what: 'Move a screen up / down', where: 'grid', command: 'pageUp', test: arrow('PageUp') },
  { keys: [], what: '', where: 'grid', command: 'pageDown', test: arrow('PageDown') },
  { keys: ['Home', 'End'], what: 'First / last photo', where: 'grid', command: 'home', test: arrow('Home') },
  { keys: [], what: '', where: 'grid', command: 'end', test: arrow('End') },
  { keys: ['Shift+arrows', 'Shift+Home', 'Shift+End'], what: 'Extend the selection (over every photo of the search, loaded or not)', where: 'grid' },
  { keys: ['Click'], what: 'Select a photo', where: 'grid' },
  { keys: ['Ctrl/⌘+click'], what: 'Add or remove a photo', where: 'grid' },
  { keys: ['Shift+click'], what: 'Select a range', where: 'grid' },
  { keys: ['Ctrl/⌘+A'], what: 'Select every photo of the search', where: 'grid', command: 'selectAll', test: (e) => mod(e) && !e.altKey && e.key.toLowerCase() === 'a' },
  { keys: ['Enter'], what: 'Edit: the title of the photo (or of the whole selection) takes the keyboard', where: 'grid', command: 'edit', test: plain('Enter') },
  { keys: ['Tab', 'Shift+Tab'], what: 'Next / previous field', where: 'field' },
  { keys: ['Enter'], what: 'In a field: save it (Ctrl+Enter in a text box)', where: 'field' },
  { keys: ['↓ ↑', 'Enter'], what: 'In Tags: choose a suggested tag, take it', where: 'field' },
  { keys: ['Space'], what: 'Open the large view', where: 'grid', command: 'openLarge', test: plain(' ') },
  { keys: ['?'], what: '', where: 'grid', command: 'helpToggle', test: (e) => e.key === '?' },
  { keys: ['B'], what: 'Add the selected photos to the collection marked + in the sidebar', where: 'grid' },
  { keys: ['Alt+← →', 'Alt+↑ ↓'], what: 'In a collection: move the focused picture earlier / later (or drag it)', where: 'grid' },
  { keys: ['Del'], what: 'In a collection: take the focused picture out', where: 'grid' },
];

/** The sheet's rows: every binding that has words (continuation rows of a group have none). */
export const SHORTCUT_SHEET = KEY_MAP.filter((b) => b.what && b.keys.length);

export interface KeyContext {
  /** Focus is in a text field. */
  editable: boolean;
  /** A modal dialog (import, tags, add folder) is open: it owns the keys. */
  dialog: boolean;
  large: boolean;
  help: boolean;
}

function live(where: Where, c: KeyContext): boolean {
  switch (where) {
    case 'anywhere':
      return true;
    case 'field':
      return c.editable;
    case 'app':
      return !c.editable && !c.dialog;
    case 'help':
      return !c.editable && !c.dialog && c.help;
    case 'large':
      return !c.editable && !c.dialog && !c.help && c.large;
    case 'grid':
      return !c.editable && !c.dialog && !c.help && !c.large;
  }
}

/** The command a key event runs here, if any. */
export function commandFor(e: KeyboardEvent, context: KeyContext): Command | null {
  for (const binding of KEY_MAP) {
    if (binding.command && binding.test && live(binding.where, context) && binding.test(e)) return binding.command;
  }
  return null;
}
