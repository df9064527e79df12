// The collection's credit list with a live preview: style, language and format chosen here; the
// warnings an author must see before sending it; copy, and save as a file (DOCX included).
// The DOCX preview is drawn from the same figure entries the document is built from. The list
// and its warnings are in the language chosen here (a Hungarian publication gets Hungarian
// credits whatever the UI speaks); the panel around them speaks the UI's language.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionCredits } from '../../../shared/collections.ts';
import { CREDIT_STYLES, CREDIT_WORDS, type CreditLang, type CreditStyle } from '../../../shared/creditStyles.ts';
import { creditListHeading, type CreditListFormat } from '../../../shared/figureCredits.ts';
import { api } from '../common/bridge.ts';
import { useCopy } from '../common/useCopied.ts';
import { useCatalogueData } from '../common/useCatalogueData.ts';
import { errorText } from '../common/errorText.ts';
import { saveFile } from '../editing/saveFile.ts';

const FORMATS: readonly CreditListFormat[] = ['docx', 'txt', 'md', 'html', 'csv'];

export interface CreditChoice {
  style: CreditStyle;
  lang: CreditLang;
  format: CreditListFormat;
}

export function CreditsPanel({
  collectionId,
  collectionName,
  choice,
  onChoice,
}: {
  collectionId: number;
  collectionName: string;
  choice: CreditChoice;
  onChoice(choice: CreditChoice): void;
}) {
  const { t } = useTranslation('collections');
  const { style, lang, format } = choice;

  const [copyState, copy] = useCopy();
  const textFormat = format === 'docx' ? 'txt' : format;
  const key = `${collectionId}:${style}:${lang}:${textFormat}`;
  // The preview follows the choice and every change to the collection or its photos.
  const loaded = useCatalogueData(
    () => api.collectionCredits({ id: collectionId, style, lang, format: textFormat }).then((value): { key: string; value: CollectionCredits } => ({ key, value })),
    [key],
    (e) => e.type === 'collectionsChanged' || e.type === 'photosChanged',
  );
  const credits = loaded.data;
  // Shown as stale while the choice or a change to the photos is being read in.
  const fresh = credits?.key === key && !loaded.loading;
  const [saveError, setError] = useState<string | null>(null);
  const error = saveError ?? loaded.error;

  const save = async () => {
    try {
      saveFile(await api.collectionCreditsFile({ id: collectionId, style, lang, format }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const value = credits?.value ?? null;
  const words = CREDIT_WORDS[lang];
  const warnings = value?.warnings ?? [];
  return (
    <aside className="detail credits-panel" aria-label={t('credits.label')} data-testid="credits-panel">
      <div className="detail-body">
        <h2 className="detail-title">{t('credits.heading')}</h2>
        <div className="credit-options">
          <div className="segmented" role="radiogroup" aria-label={t('credits.style')}>
            {CREDIT_STYLES.map((s) => (
              <button key={s} type="button" role="radio" aria-checked={style === s} data-testid={`credit-style-${s}`} className={style === s ? 'active' : ''} title={t(`credits.styleHints.${s}`)} onClick={() => onChoice({ ...choice, style: s })}>
                {t(`credits.styles.${s}`)}
              </button>
            ))}
          </div>
          <div className="segmented" role="radiogroup" aria-label={t('credits.language')}>
            {(['hu', 'en'] as const).map((l) => (
              // Each language named in itself, like the UI's own language switch.
              <button key={l} type="button" role="radio" lang={l} aria-checked={lang === l} data-testid={`credit-lang-${l}`} className={lang === l ? 'active' : ''} onClick={() => onChoice({ ...choice, lang: l })}>
                {l === 'hu' ? 'Magyar' : 'English'}
              </button>
            ))}
          </div>
          <div className="segmented" role="radiogroup" aria-label={t('credits.format')}>
            {FORMATS.map((f) => (
              <button key={f} type="button" role="radio" aria-checked={format === f} data-testid={`credit-format-${f}`} className={format === f ? 'active' : ''} onClick={() => onChoice({ ...choice, format: f })}>
                {t(`credits.formats.${f}`)}
              </button>
            ))}
          </div>
        </div>
        {warnings.length > 0 && (
          <ul className="credit-warnings" data-testid="credit-warnings" aria-label={t('credits.warnings')}>
            {warnings.map((w) => (
              <li key={`${w.kind}:${w.figures.join(',')}`} className={`warning-${w.kind}`} data-kind={w.kind}>
                {w.message}
              </li>
            ))}
          </ul>
        )}
        {error && <div className="error-box">{error}</div>}
        {format === 'docx' ? (
          <div className={`docx-preview${fresh ? '' : ' stale'}`} data-testid="credit-preview">
            <h3>{creditListHeading({ style, lang, collectionName })}</h3>
            {value?.entries.length === 0 && <p className="muted">{t('credits.empty')}</p>}
            {value?.entries.map((e) => (
              <p key={e.figure}>
                <strong>{words.figure(e.figure)}:</strong> {e.credit || words.noCredit}
                {style !== 'tasl' && (
                  <span className="muted">
                    {' '}({[e.identity, e.licence].filter(Boolean).join('; ')})
                  </span>
                )}
              </p>
            ))}
          </div>
        ) : (
          <pre className={`credit-preview${fresh ? '' : ' stale'}`} data-testid="credit-preview">
            {value?.text ?? t('credits.loading')}
          </pre>
        )}
        <div className="button-row">
          {format !== 'docx' && (
            <button type="button" className="button" data-testid="copy-collection-credits" disabled={!value} onClick={() => value && copy(value.text)}>
              {copyState === 'copied' ? t('credits.copied') : t('credits.copy')}
            </button>
          )}
          <button type="button" className="button" data-testid="save-collection-credits" onClick={save}>
            {t('credits.save', { format: t(`credits.formats.${format}`) })}
          </button>
        </div>
      </div>
    </aside>
  );
}
