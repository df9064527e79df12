// The keyboard shortcuts overlay (press ?).
const SHORTCUTS: [string[], string][] = [
  [['/', 'Ctrl+F'], 'Search'],
  [['Esc'], 'Clear the search · close a view'],
  [['← → ↑ ↓'], 'Move through the grid'],
  [['Shift+arrows'], 'Extend the selection'],
  [['Click'], 'Select a photo'],
  [['Ctrl/⌘+click'], 'Add or remove a photo'],
  [['Shift+click'], 'Select a range'],
  [['Ctrl/⌘+A'], 'Select all loaded photos'],
  [['Enter', 'Space'], 'Open the large view'],
  [['← →'], 'Previous / next photo in the large view'],
  [['Enter'], 'Save a field (Ctrl+Enter in a text box)'],
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
