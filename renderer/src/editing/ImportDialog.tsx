// CSV (or JSON) metadata import: choose a file, see every change it would make and every line
// that cannot be used, then apply it all as one undoable step (Ctrl+Z takes it back).
import './archivistDesk.css';
import { useEffect, useRef, useState } from 'react';
import type { ImportResult } from '../../../shared/metadataExchange.ts';
import { api } from '../common/bridge.ts';
import { numberFormat, plural } from '../common/labels.ts';
import { errorMessage } from '../../../shared/errorMessage.ts';
import { useLatestAnswer } from '../common/useLatestAnswer.ts';

const FIELD_LABELS: Record<string, string> = { caption: 'description' };
const SHOWN_CHANGES = 200;

/** The file's bytes, so the catalogue tells the encoding (the browser would assume UTF-8). */
async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportDialog({ onClose, onApplied }: { onClose(): void; onApplied(result: ImportResult): void }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [keepBlank, setKeepBlank] = useState(false);
  const [skipBadDates, setSkipBadDates] = useState(false);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

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
      onError: (e) => (setPreview(null), setError(errorMessage(e)), setBusy(false)),
    },
  );

  const apply = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const result = await api.importMetadata({ base64: file.base64, keepBlank, skipBadDates, apply: true, name: file.name });
      onApplied(result);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <h2 id="import-title">Import metadata</h2>
        <p className="muted">
          A CSV or XLSX file (Excel's own, Hungarian Excel's “;” CSV and UTF-16 text too) with the columns{' '}
          <code>fortepan_id, file, title, description, date, donor, photographer, country, city, place, tags, licence</code>{' '}
          — or their Hungarian names (<code>Fortepan-szám, cím, leírás, dátum, adományozó…</code>) or Fortepan's own — tags
          separated by “;”. Rows find their photo by Fortepan number or file name. Nothing changes
          until you apply; Ctrl+Z undoes the whole import.
        </p>
        <div className="import-controls">
          <input
            ref={input}
            type="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            aria-label="CSV, XLSX or JSON file to import"
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              if (!chosen) return;
              setPreview(null);
              setFile({ name: chosen.name, base64: await fileAsBase64(chosen) });
            }}
          />
          <label className="check">
            <input type="checkbox" checked={keepBlank} onChange={(e) => setKeepBlank(e.target.checked)} data-testid="import-keep-blank" />
            <span>Empty cells leave fields as they are</span>
          </label>
          <label className="check">
            <input type="checkbox" checked={skipBadDates} onChange={(e) => setSkipBadDates(e.target.checked)} data-testid="import-skip-bad-dates" />
            <span>Import rows whose date cannot be read, without the date</span>
          </label>
        </div>
        {error && (
          <p className="field-error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        {busy && !preview && <p className="muted">Reading…</p>}
        {preview && (
          <div className="import-preview" data-testid="import-preview">
            <p data-testid="import-summary">
              {plural(preview.rows, 'row', 'rows')}: <strong>{plural(preview.changes.length, 'photo changes', 'photos change')}</strong>,{' '}
              {numberFormat.format(preview.unchanged)} unchanged, {numberFormat.format(preview.rejected.length)} rejected
              {preview.ignoredColumns.length > 0 && <> · columns not imported: {preview.ignoredColumns.join(', ')}</>}
            </p>
            {preview.encoding && (
              <p className="muted small" data-testid="import-encoding">
                Read as {preview.encoding}
              </p>
            )}
            {preview.rejected.length > 0 && (
              <ul className="import-rejected" data-testid="import-rejected">
                {preview.rejected.map((r) => (
                  <li key={r.line}>
                    <span className="mono">line {r.line}</span> {r.reason}
                  </li>
                ))}
              </ul>
            )}
            {preview.warnings.length > 0 && (
              <ul className="import-rejected" data-testid="import-warnings">
                {preview.warnings.map((w, i) => (
                  <li key={i}>
                    <span className="mono">line {w.line}</span> {w.message}
                  </li>
                ))}
              </ul>
            )}
            <table className="import-changes" data-testid="import-changes">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Photo</th>
                  <th>Field</th>
                  <th>Now</th>
                  <th>After import</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.slice(0, SHOWN_CHANGES).flatMap((change) =>
                  change.fields.map((f, i) => (
                    <tr key={`${change.line}:${f.field}`}>
                      <td className="mono">{i === 0 ? change.line : ''}</td>
                      <td>{i === 0 ? change.label : ''}</td>
                      <td>{FIELD_LABELS[f.field] ?? f.field}</td>
                      <td className="before">{f.before || <em className="muted">empty</em>}</td>
                      <td className="after">{f.after || <em className="muted">empty</em>}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            {preview.changes.length > SHOWN_CHANGES && (
              <p className="muted small">…and {numberFormat.format(preview.changes.length - SHOWN_CHANGES)} more photos (the CLI's --dry-run lists all).</p>
            )}
          </div>
        )}
        <div className="button-row end">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="import-apply"
            disabled={!preview || preview.changes.length === 0 || busy}
            onClick={apply}
          >
            {preview ? `Apply ${plural(preview.changes.length, 'change', 'changes')}` : 'Apply'}
          </button>
        </div>
      </div>
    </div>
  );
}
