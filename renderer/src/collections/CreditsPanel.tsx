// The collection's credit list with a live preview: style, language and format chosen here; the
// warnings an author must see before sending it; copy, and save as a file (DOCX included).
// The DOCX preview is drawn from the same figure entries the document is built from.
import { useState } from 'react';
import type { CollectionCredits } from '../../../shared/collections.ts';
import { CREDIT_WORDS, type CreditLang, type CreditStyle } from '../../../shared/creditStyles.ts';
import { creditListHeading, type CreditListFormat } from '../../../shared/figureCredits.ts';
import { api } from '../common/bridge.ts';
import { useCopy } from '../common/useCopied.ts';
import { useCatalogueData } from '../common/useCatalogueData.ts';

const STYLES: [CreditStyle, string][] = [
  ['fortepan', 'Fortepan'],
  ['press', 'Press'],
  ['commons', 'Commons'],
  ['tasl', 'TASL'],
];
const FORMATS: [CreditListFormat, string][] = [
  ['docx', 'DOCX'],
  ['txt', 'Text'],
  ['md', 'Markdown'],
  ['html', 'HTML'],
  ['csv', 'CSV'],
];

export interface CreditChoice {
  style: CreditStyle;
  lang: CreditLang;
  format: CreditListFormat;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
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
      const file = await api.collectionCreditsFile({ id: collectionId, style, lang, format });
      const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: file.mime }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const value = credits?.value ?? null;
  const words = CREDIT_WORDS[lang];
  return (
    <aside className="detail credits-panel" aria-label="Credit list" data-testid="credits-panel">
      <div className="detail-body">
        <h2 className="detail-title">Credit list</h2>
        <div className="credit-options">
          <div className="segmented" role="radiogroup" aria-label="Style">
            {STYLES.map(([s, label]) => (
              <button key={s} type="button" role="radio" aria-checked={style === s} data-testid={`credit-style-${s}`} className={style === s ? 'active' : ''} onClick={() => onChoice({ ...choice, style: s })}>
                {label}
              </button>
            ))}
          </div>
          <div className="segmented" role="radiogroup" aria-label="Language">
            {(['hu', 'en'] as const).map((l) => (
              <button key={l} type="button" role="radio" aria-checked={lang === l} data-testid={`credit-lang-${l}`} className={lang === l ? 'active' : ''} onClick={() => onChoice({ ...choice, lang: l })}>
                {l === 'hu' ? 'Magyar' : 'English'}
              </button>
            ))}
          </div>
          <div className="segmented" role="radiogroup" aria-label="Format">
            {FORMATS.map(([f, label]) => (
              <button key={f} type="button" role="radio" aria-checked={format === f} data-testid={`credit-format-${f}`} className={format === f ? 'active' : ''} onClick={() => onChoice({ ...choice, format: f })}>
                {label}
              </button>
            ))}
          </div>
        </div>
        {value && value.warnings.length > 0 && (
          <ul className="credit-warnings" data-testid="credit-warnings" aria-label="Warnings">
            {value.warnings.map((w) => (
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
            {value?.entries.length === 0 && <p className="muted">The collection is empty.</p>}
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
            {value?.text ?? 'Loading…'}
          </pre>
        )}
        <div className="button-row">
          {format !== 'docx' && (
            <button type="button" className="button" data-testid="copy-collection-credits" disabled={!value} onClick={() => value && copy(value.text)}>
              {copyState === 'copied' ? 'Copied' : 'Copy'}
            </button>
          )}
          <button type="button" className="button" data-testid="save-collection-credits" onClick={save}>
            Save {FORMATS.find(([f]) => f === format)?.[1]}…
          </button>
        </div>
      </div>
    </aside>
  );
}
