// CSV (or JSON) metadata import: choose a file, see every change it would make and every line
// that cannot be used, then apply it all as one undoable step (Ctrl+Z takes it back). Beside it,
// the export of every photo's metadata, to edit in a spreadsheet and import back.
import './archivistDesk.css';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportResult } from '../../../shared/metadataExchange.ts';
import { readDate } from '../../../shared/datePhrases.ts';
import { api } from '../common/bridge.ts';
import { errorText, serverText } from '../common/errorText.ts';
import type { ErrorKey, ErrorParams } from '../../../shared/errorMessages.ts';
import { useLatestAnswer } from '../common/useLatestAnswer.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { photoDate } from '../common/labels.ts';
import { MetadataExport } from './MetadataExport.tsx';
import { FieldError } from '../common/FieldError.tsx';

const SHOWN_CHANGES = 200;
const ENCODINGS = ['UTF-8', 'UTF-8 with BOM', 'UTF-16LE', 'UTF-16BE', 'Windows-1250', 'XLSX'] as const;

/** The encoding the catalogue read the file in, said in the UI language (an unknown name as it came). */
function encodingName(t: TFunction<'editing'>, encoding: string): string {
  return (ENCODINGS as readonly string[]).includes(encoding) ? t(`import.encodings.${encoding as (typeof ENCODINGS)[number]}`) : encoding;
}

/** A value as the editor shows it: a date as the UI language writes it ("1944 ősze"), not its EDTF. */
function shownValue(field: string, value: string): string {
  return field === 'date' ? photoDate(value) : value;
}

/** Why a line was not used: an unreadable date in the UI language (as the editor says it), anything else by the catalogue's message key. */
function dateProblem(unreadableDate: string | undefined, fallback: string): string {
  if (unreadableDate === undefined) return fallback;
  const read = readDate(unreadableDate, currentLanguage());
  return read.ok ? fallback : read.error;
}

const rowProblem = (t: TFunction<'editing'>, item: { unreadableDate?: string; key?: ErrorKey; params?: ErrorParams }, english: string, dateKey: 'import.badDate' | 'import.dateLeft') =>
  item.unreadableDate !== undefined ? t(dateKey, { message: dateProblem(item.unreadableDate, english) }) : serverText(english, item);

/** The file's bytes, so the catalogue tells the encoding (the browser would assume UTF-8). */
async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportDialog({ onClose, onApplied }: { onClose(): void; onApplied(result: ImportResult): void }) {
  const { t } = useTranslation('editing');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [keepBlank, setKeepBlank] = useState(false);
  const [skipBadDates, setSkipBadDates] = useState(false);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLButtonElement>(null);
  useEffect(() => chooser.current?.focus(), []);

  useLatestAnswer(
    file
      ? () => {
          setBusy(true);
          setError(null);
          return api.importMetadata({ base64: file.base64, keepBlank, skipBadDates, apply: false, name: file.name });
        }
      : null,
    [file, keepBlank, skipBadDates],
    {
      onAnswer: (r) => (setPreview(r), setBusy(false)),
      onError: (e) => (setPreview(null), setError(errorText(e)), setBusy(false)),
    },
  );

  const apply = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const result = await api.importMetadata({ base64: file.base64, keepBlank, skipBadDates, apply: true, name: file.name });
      onApplied(result);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <h2 id="import-title">{t('import.title')}</h2>
        <p className="muted">
          <Trans t={t} i18nKey="import.intro" components={{ code: <code /> }} />
        </p>
        <div className="import-controls">
          {/* The browser's own file button speaks the browser's language, not the app's: ours does, and opens the same picker. */}
          <span className="import-file">
            <button type="button" ref={chooser} className="button" data-testid="import-choose" title={t('import.file')} onClick={() => input.current?.click()}>
              {t('import.chooseFile')}
            </button>
            <span className={file ? 'mono small' : 'muted small'} data-testid="import-file-name">
              {file?.name ?? t('import.noFile')}
            </span>
          </span>
          <input
            ref={input}
            className="hidden-file-input"
            tabIndex={-1}
            aria-hidden="true"
            type="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              if (!chosen) return;
              setPreview(null);
              setFile({ name: chosen.name, base64: await fileAsBase64(chosen) });
            }}
          />
          <label className="check">
            <input type="checkbox" checked={keepBlank} onChange={(e) => setKeepBlank(e.target.checked)} data-testid="import-keep-blank" />
            <span>{t('import.keepBlank')}</span>
          </label>
          <label className="check">
            <input type="checkbox" checked={skipBadDates} onChange={(e) => setSkipBadDates(e.target.checked)} data-testid="import-skip-bad-dates" />
            <span>{t('import.skipBadDates')}</span>
          </label>
        </div>
        <FieldError text={error} testId="import-error" />
        {busy && !preview && <p className="muted">{t('import.reading')}</p>}
        {preview && (
          <div className="import-preview" data-testid="import-preview">
            <p data-testid="import-summary">
              {t('import.rows', { count: preview.rows })}: <strong>{t('import.photosChange', { count: preview.changes.length })}</strong>,{' '}
              {t('import.unchanged', { count: preview.unchanged })}, {t('import.rejected', { count: preview.rejected.length })}
              {preview.ignoredColumns.length > 0 && <> · {t('import.ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}</>}
            </p>
            {preview.encoding && (
              <p className="muted small" data-testid="import-encoding">
                {t('import.readAs', { encoding: encodingName(t, preview.encoding) })}
              </p>
            )}
            {preview.rejected.length > 0 && (
              <ul className="import-rejected" data-testid="import-rejected">
                {preview.rejected.map((r) => (
                  <li key={r.line}>
                    <span className="mono">{t('import.line', { line: r.line })}</span>{' '}
                    {rowProblem(t, r, r.reason, 'import.badDate')}
                  </li>
                ))}
              </ul>
            )}
            {preview.warnings.length > 0 && (
              <ul className="import-rejected" data-testid="import-warnings">
                {preview.warnings.map((w, i) => (
                  <li key={i}>
                    <span className="mono">{t('import.line', { line: w.line })}</span>{' '}
                    {rowProblem(t, w, w.message, 'import.dateLeft')}
                  </li>
                ))}
              </ul>
            )}
            <table className="import-changes" data-testid="import-changes">
              <thead>
                <tr>
                  <th>{t('import.columns.line')}</th>
                  <th>{t('import.columns.photo')}</th>
                  <th>{t('import.columns.field')}</th>
                  <th>{t('import.columns.now')}</th>
                  <th>{t('import.columns.after')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.slice(0, SHOWN_CHANGES).flatMap((change) =>
                  change.fields.map((f, i) => (
                    <tr key={`${change.line}:${f.field}`}>
                      <td className="mono">{i === 0 ? change.line : ''}</td>
                      <td>{i === 0 ? change.label : ''}</td>
                      <td>{t(`fields.${f.field}`)}</td>
                      <td className="before">{shownValue(f.field, f.before) || <em className="muted">{t('import.empty')}</em>}</td>
                      <td className="after">{shownValue(f.field, f.after) || <em className="muted">{t('import.empty')}</em>}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            {preview.changes.length > SHOWN_CHANGES && (
              <p className="muted small">{t('import.more', { count: preview.changes.length - SHOWN_CHANGES })}</p>
            )}
          </div>
        )}
        {!preview && !busy && <MetadataExport />}
        <div className="button-row end">
          <button type="button" className="button ghost" onClick={onClose}>
            {t('import.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="import-apply"
            disabled={!preview || preview.changes.length === 0 || busy}
            onClick={apply}
          >
            {preview ? t('import.applyChanges', { count: preview.changes.length }) : t('import.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}
