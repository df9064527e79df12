// Every keyboard shortcut, once: what keys, where they apply, which command they run, and the
// words the shortcuts sheet (ShortcutsHelp, press ?) shows. Entries without a command are
// handled where they happen (a click, Tab between fields, keys inside the tag input or the
// lightbox) and are listed here so the sheet is complete. The sheet's words are messages of the
// app catalogue (shortcuts.what.*), so the sheet speaks the UI language.
import type { TFunction } from 'i18next';
import type enApp from '../i18n/locales/en/app.json';

/** A row of the shortcuts sheet, named by its message (app:shortcuts.what.<id>). */
export type ShortcutText = keyof (typeof enApp)['shortcuts']['what'];

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
  | 'largeZoom'
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
  | 'selectAll'
  | 'thumbBigger'
  | 'thumbSmaller'
  | 'mark'
  | 'openCatalogue';

/** Where a key is live: anywhere; in a text field; on the grid; in the large view; with the sheet open. */
export type Where = 'anywhere' | 'field' | 'app' | 'grid' | 'large' | 'help';

export interface Binding {
  /** As shown on the sheet. */
  keys: string[];
  /** The sheet's words; null on continuation rows of a group. */
  what: ShortcutText | null;
  where: Where;
  command?: Command;
  /** Which key events run the command (Shift is passed on: it extends the selection). */
  test?: (e: KeyboardEvent) => boolean;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (key: string) => (e: KeyboardEvent) => e.key === key && !mod(e) && !e.altKey;
const arrow = (key: string) => (e: KeyboardEvent) => e.key === key && !mod(e) && !e.altKey;
/** Lightroom's marking keys, unmodified (Ctrl+digit and Alt+digit stay the browser's and the system's). */
const markKey = (keys: RegExp) => (e: KeyboardEvent) => !mod(e) && !e.altKey && keys.test(e.key);
const RATING_KEYS = /^[0-5]$/;
const FLAG_KEYS = /^[pxuPXU]$/;
const LABEL_KEYS = /^[6-9]$/;

export const KEY_MAP: Binding[] = [
  { keys: ['/', 'Ctrl+F'], what: 'search', where: 'anywhere', command: 'findFocus', test: (e) => mod(e) && e.key.toLowerCase() === 'f' && !e.shiftKey && !e.altKey },
  { keys: ['Esc'], what: 'escape', where: 'anywhere', command: 'escape', test: (e) => e.key === 'Escape' },
  { keys: ['Alt+→', 'Alt+↓'], what: 'fieldNext', where: 'field', command: 'fieldNext', test: (e) => e.altKey && !mod(e) && (e.key === 'ArrowRight' || e.key === 'ArrowDown') },
  { keys: ['Alt+←', 'Alt+↑'], what: 'fieldPrev', where: 'field', command: 'fieldPrev', test: (e) => e.altKey && !mod(e) && (e.key === 'ArrowLeft' || e.key === 'ArrowUp') },
  { keys: ['Ctrl/⌘+Z'], what: 'undo', where: 'app', command: 'undo', test: (e) => mod(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z' },
  { keys: ['Ctrl/⌘+Shift+Z', 'Ctrl+Y'], what: 'redo', where: 'app', command: 'redo', test: (e) => mod(e) && !e.altKey && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')) },
  { keys: ['Ctrl/⌘+Shift+O'], what: 'openCatalogue', where: 'app', command: 'openCatalogue', test: (e) => mod(e) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o' },
  { keys: ['?'], what: 'help', where: 'help', command: 'helpToggle', test: (e) => e.key === '?' },
  { keys: ['← →'], what: 'largeStep', where: 'large', command: 'largePrev', test: (e) => e.key === 'ArrowLeft' || e.key === 'ArrowUp' },
  { keys: [], what: null, where: 'large', command: 'largeNext', test: (e) => e.key === 'ArrowRight' || e.key === 'ArrowDown' },
  { keys: [], what: null, where: 'large', command: 'largeClose', test: (e) => e.key === 'Enter' || e.key === ' ' },
  { keys: ['Z'], what: 'loupe', where: 'large', command: 'largeZoom', test: (e) => !mod(e) && !e.altKey && e.key.toLowerCase() === 'z' },
  { keys: [], what: null, where: 'grid', command: 'findFocus', test: plain('/') },
  { keys: ['← → ↑ ↓'], what: 'move', where: 'grid', command: 'moveLeft', test: arrow('ArrowLeft') },
  { keys: [], what: null, where: 'grid', command: 'moveRight', test: arrow('ArrowRight') },
  { keys: [], what: null, where: 'grid', command: 'moveUp', test: arrow('ArrowUp') },
  { keys: [], what: null, where: 'grid', command: 'moveDown', test: arrow('ArrowDown') },
  { keys: ['Page Up', 'Page Down'], what: 'page', where: 'grid', command: 'pageUp', test: arrow('PageUp') },
  { keys: [], what: null, where: 'grid', command: 'pageDown', test: arrow('PageDown') },
  { keys: ['Home', 'End'], what: 'firstLast', where: 'grid', command: 'home', test: arrow('Home') },
  { keys: [], what: null, where: 'grid', command: 'end', test: arrow('End') },
  { keys: ['Shift+arrows', 'Shift+Home', 'Shift+End'], what: 'extend', where: 'grid' },
  { keys: ['Click'], what: 'select', where: 'grid' },
  { keys: ['Ctrl/⌘+click'], what: 'toggle', where: 'grid' },
  { keys: ['Shift+click'], what: 'range', where: 'grid' },
  { keys: ['Ctrl/⌘+A'], what: 'selectAll', where: 'grid', command: 'selectAll', test: (e) => mod(e) && !e.altKey && e.key.toLowerCase() === 'a' },
  // Plain + and - (= is + unshifted on English keyboards); Ctrl with them stays the window's zoom.
  { keys: ['+', '-'], what: 'thumbSize', where: 'grid', command: 'thumbBigger', test: (e) => !mod(e) && !e.altKey && (e.key === '+' || e.key === '=') },
  { keys: [], what: null, where: 'grid', command: 'thumbSmaller', test: (e) => !mod(e) && !e.altKey && e.key === '-' },
  // Marks (library/marks/markKeys.ts): on the selection in the grid, on the photo shown in the large view.
  { keys: ['0', '1–5'], what: 'rate', where: 'grid', command: 'mark', test: markKey(RATING_KEYS) },
  { keys: ['P', 'X', 'U'], what: 'flag', where: 'grid', command: 'mark', test: markKey(FLAG_KEYS) },
  { keys: ['6', '7', '8', '9'], what: 'colourLabel', where: 'grid', command: 'mark', test: markKey(LABEL_KEYS) },
  { keys: [], what: null, where: 'large', command: 'mark', test: (e) => markKey(RATING_KEYS)(e) || markKey(FLAG_KEYS)(e) || markKey(LABEL_KEYS)(e) },
  { keys: ['Enter'], what: 'edit', where: 'grid', command: 'edit', test: plain('Enter') },
  { keys: ['Tab', 'Shift+Tab'], what: 'tabFields', where: 'field' },
  { keys: ['Enter'], what: 'saveField', where: 'field' },
  { keys: ['↓ ↑', 'Enter'], what: 'tagSuggest', where: 'field' },
  { keys: ['← → ↑ ↓', 'Enter', 'F2'], what: 'keywordTree', where: 'grid' },
  { keys: ['Space'], what: 'openLarge', where: 'grid', command: 'openLarge', test: plain(' ') },
  { keys: ['?'], what: null, where: 'grid', command: 'helpToggle', test: (e) => e.key === '?' },
  { keys: ['B'], what: 'addToCollection', where: 'grid' },
  // Handled by editing/useTurnKeys.ts (turnKeys.ts), in the grid and the large view alike.
  { keys: ['Ctrl/⌘+]', 'Ctrl/⌘+['], what: 'rotate', where: 'app' },
  // The sidebar's folder tree keeps its own keys while it has the focus (folders/FolderTree.tsx).
  { keys: ['↑ ↓', '← →', 'Enter'], what: 'folderTree', where: 'grid' },
  { keys: ['Alt+← →', 'Alt+↑ ↓'], what: 'moveInCollection', where: 'grid' },
  { keys: ['Del'], what: 'removeFromCollection', where: 'grid' },
];

/** The sheet's rows: every binding that has words (continuation rows of a group have none). */
export const SHORTCUT_SHEET = KEY_MAP.filter((b): b is Binding & { what: ShortcutText } => b.what !== null && b.keys.length > 0);

/** Keys named by words ("Click", "Space") in the UI language; key caps (Ctrl, Home, Esc) stay as printed. */
const KEY_WORDS: Record<string, keyof (typeof enApp)['shortcuts']['keys']> = {
  'Shift+arrows': 'shiftArrows',
  Click: 'click',
  'Ctrl/⌘+click': 'modClick',
  'Shift+click': 'shiftClick',
  Space: 'space',
};

export function keyLabel(key: string, t: TFunction<'app'>): string {
  const word = KEY_WORDS[key];
  return word ? t(`shortcuts.keys.${word}`) : key;
}

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
