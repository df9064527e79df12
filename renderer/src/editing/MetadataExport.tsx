// "Export metadata…": the photos' metadata as a CSV or XLSX file to edit in a spreadsheet and
// import back, written by the catalogue as `fototar export-metadata` writes it. The file speaks
// the UI's language: in Hungarian, Hungarian headers and dates and ";" between CSV cells, which
// Hungarian Excel opens as columns; in English, English ones and ",".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Selection } from '../../../shared/selection.ts';
import { api } from '../common/bridge.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { saveFile } from './saveFile.ts';
import { errorText } from '../common/errorText.ts';

export function MetadataExport({ selection }: { /** The photos to export; every photo when absent. */ selection?: Selection }) {
  const { t } = useTranslation('editing');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [state, setState] = useState<{ kind: 'busy' | 'done' | 'error'; text: string } | null>(null);

  const run = async () => {
    setState({ kind: 'busy', text: t('exportMetadata.exporting') });
    try {
      const file = await api.exportMetadata({ selection, format, lang: currentLanguage() });
      saveFile(file);
      setState({ kind: 'done', text: t('exportMetadata.done', { file: file.fileName }) });
    } catch (e) {
      setState({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <section className="metadata-export" aria-labelledby="metadata-export-title" data-testid="metadata-export">
      <h3 id="metadata-export-title">{t('exportMetadata.heading')}</h3>
      <p className="muted small">
        {t(selection ? 'exportMetadata.selectionIntro' : 'exportMetadata.catalogueIntro')} {t('exportMetadata.languageNote')}
      </p>
      <div className="metadata-export-row">
        <select
          className="text-input"
          aria-label={t('exportMetadata.format')}
          data-testid="export-metadata-format"
          value={format}
          onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}
        >
          <option value="csv">{t('exportMetadata.csv')}</option>
          <option value="xlsx">{t('exportMetadata.xlsx')}</option>
        </select>
        <button type="button" className="button small" data-testid="export-metadata" disabled={state?.kind === 'busy'} onClick={() => void run()}>
          {t('exportMetadata.button')}
        </button>
      </div>
      {state && state.kind !== 'busy' && (
        <p className={state.kind === 'error' ? 'field-error' : 'field-hint'} role="status" data-testid="export-metadata-status">
          {state.text}
        </p>
      )}
    </section>
  );
}
