// The keyboard shortcuts overlay (press ?).
const SHORTCUTS: [string[], string][] = [
  [['/', 'Ctrl+F'], 'Search'],
  [['Esc'], 'Leave a field (back to the grid) · clear the search · close a view'],
  [['← → ↑ ↓'], 'Move through the grid'],
  [['Shift+arrows'], 'Extend the selection'],
  [['Click'], 'Select a photo'],
  [['Ctrl/⌘+click'], 'Add or remove a photo'],
  [['Shift+click'], 'Select a range'],
  [['Ctrl/⌘+A'], 'Select all loaded photos'],
  [['Enter'], 'Edit: the title of the photo (or of the whole selection) takes the keyboard'],
  [['Tab', 'Shift+Tab'], 'Next / previous field'],
  [['Enter'], 'In a field: save it (Ctrl+Enter in a text box)'],
  [['Alt+→', 'Alt+↓'], 'In a field: save and go to the next photo, same field'],
  [['Alt+←', 'Alt+↑'], 'In a field: save and go to the previous photo, same field'],
  [['↓ ↑', 'Enter'], 'In Tags: choose a suggested tag, take it'],
  [['Space'], 'Open the large view'],
  [['← →'], 'Previous / next photo in the large view'],
  [['Ctrl/⌘+Z'], 'Undo the last edit (a batch edit, tag rename or import is one step)'],
  [['Ctrl/⌘+Shift+Z', 'Ctrl+Y'], 'Redo'],
  [['B'], 'Add the selected photos to the collection marked + in the sidebar'],
  [['Alt+← →', 'Alt+↑ ↓'], 'In a collection: move the focused picture earlier / later (or drag it)'],
  [['Del'], 'In a collection: take the focused picture out'],
  [['?'], 'Show this help'],
];

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-help">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div className="shortcut" key={what}>
              <dt>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="muted"> or </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <div className="button-row end">
          <button type="button" className="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
