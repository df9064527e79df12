// The keyboard shortcuts overlay (press ?), generated from the one key map (keyMap.ts).
import { SHORTCUT_SHEET } from './keyMap.ts';

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-help">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUT_SHEET.map(({ keys, what }) => (
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
