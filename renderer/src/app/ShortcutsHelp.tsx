// The keyboard shortcuts overlay (press ?), generated from the one key map (keyMap.ts).
import { useTranslation } from 'react-i18next';
import { SHORTCUT_SHEET, keyLabel } from './keyMap.ts';

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(['app', 'common']);
  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-help">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <dl>
          {SHORTCUT_SHEET.map(({ keys, what }) => (
            <div className="shortcut" key={what}>
              <dt>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="muted">{t('shortcuts.or')}</span>}
                    <kbd>{keyLabel(k, t)}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{t(`shortcuts.what.${what}`)}</dd>
            </div>
          ))}
        </dl>
        <div className="button-row end">
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('common:close')}
          </button>
        </div>
      </div>
    </div>
  );
}
