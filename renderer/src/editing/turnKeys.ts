// Ctrl+] / Ctrl+[ (⌘ on macOS), Lightroom's keys: rotate the selected photos a quarter clockwise
// or counter-clockwise. By the key's character, or by its place on the keyboard where the layout
// puts other letters there (the Hungarian ú and ő keys).
export function turnForKey(e: KeyboardEvent): 90 | 270 | null {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey) return null;
  if (e.key === ']' || (e.code === 'BracketRight' && !e.altKey)) return 90;
  if (e.key === '[' || (e.code === 'BracketLeft' && !e.altKey)) return 270;
  return null;
}
