// The right-hand panel when several photos are selected: their credit list, to copy, and the
// batch editor. Both address the selection itself, so they cover every selected photo however
// many there are, and both follow every change to the photos as it is announced.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditFormat } from '../../../shared/types.ts';
import type { Selection } from '../../../shared/selection.ts';
import { api } from '../common/bridge.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useCopy } from '../common/useCopied.ts';
import { useCatalogueData } from '../common/useCatalogueData.ts';
import { BatchEditor } from './BatchEditor.tsx';
import { SidecarActions } from './SidecarActions.tsx';
import { errorText } from '../common/errorText.ts';
import { MetadataExport } from './MetadataExport.tsx';
import { TurnButtons } from './TurnButtons.tsx';

/** Longer credit lists are copied, not previewed (a preview of 200,000 lines helps no one). */
const PREVIEW_MAX = 5000;

export function MultiPanel({ selection, count, pending }: { selection: Selection; count: number; pending: boolean }) {
  const { t } = useTranslation('editing');
  // The credits' own words in the UI's language, as the detail panel's credit line.
  const lang = currentLanguage();
  const [format, setFormat] = useState<CreditFormat>('txt');
  const [copyState, copy] = useCopy();
  const [copiedFormat, setCopiedFormat] = useState<CreditFormat | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const previewed = count <= PREVIEW_MAX && !pending;
  const preview = useCatalogueData(
    previewed ? () => api.creditList({ selection, format, lang }).then((r) => ({ selection, format, lang, text: r.text })) : null,
    [selection, format, lang, previewed],
    (e) => e.type === 'photosChanged',
  );
  const current = preview.data !== null && preview.data.selection === selection && preview.data.format === format && preview.data.lang === lang;
  // A change to photos is being read in: what is shown may be older than the catalogue.
  const fresh = current && !preview.loading;

  // Copies what the catalogue holds now: the preview when it is up to date (every change to
  // photos reloads it), otherwise the list asked for at the moment of the click.
  const copyList = async (f: CreditFormat) => {
    setCopiedFormat(f);
    setCopyError(null);
    try {
      if (current && f === format && !preview.loading) copy(preview.data!.text);
      else copy((await api.creditList({ selection, format: f, lang })).text);
    } catch (e) {
      setCopyError(errorText(e));
    }
  };

  return (
    <aside className="detail multi" data-testid="detail" aria-label={t('multi.label')}>
      <div className="detail-body">
        <h2 className="detail-title" data-testid="selection-count">{t('multi.selected', { count })}</h2>
        <p className="muted">{t('multi.intro')}</p>
        {!pending && <TurnButtons target={{ selection }} />}
        <div className="button-row">
          <button type="button" className="button" data-testid="copy-credits-txt" disabled={pending} onClick={() => copyList('txt')}>
            {copyState === 'copied' && copiedFormat === 'txt' ? t('multi.copied') : t('multi.copyText')}
          </button>
          <button type="button" className="button" data-testid="copy-credits-md" disabled={pending} onClick={() => copyList('md')}>
            {copyState === 'copied' && copiedFormat === 'md' ? t('multi.copied') : t('multi.copyMarkdown')}
          </button>
        </div>
        <div className="segmented" role="tablist" aria-label={t('multi.previewFormat')}>
          <button type="button" role="tab" aria-selected={format === 'txt'} className={format === 'txt' ? 'active' : ''} onClick={() => setFormat('txt')}>
            {t('multi.text')}
          </button>
          <button type="button" role="tab" aria-selected={format === 'md'} className={format === 'md' ? 'active' : ''} onClick={() => setFormat('md')}>
            {t('multi.markdown')}
          </button>
        </div>
        {(preview.error || copyError) && <div className="error-box">{copyError ?? preview.error}</div>}
        <pre className={`credit-preview${fresh ? '' : ' stale'}`} data-testid="credit-list-preview">
          {previewed ? (preview.data?.text ?? t('multi.loading')) : t('multi.tooMany', { count })}
        </pre>
        {pending ? <div className="detail-loading">{t('multi.selecting')}</div> : <BatchEditor selection={selection} count={count} />}
        {!selection.all && <SidecarActions ids={selection.ids} />}
        {!pending && <MetadataExport selection={selection} />}
      </div>
    </aside>
  );
}
