// Exports the open collection: folder, size, quality and format; a progress bar and Cancel while it
// runs (cancel leaves nothing behind); existing files are replaced only after the author confirms.
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ExportFormat, ExportProgress } from '../../../shared/collections.ts';
import type { CreditWarning } from '../../../shared/figureCredits.ts';
import { ApiError } from '../../../shared/apiClient.ts';
import { api } from '../common/bridge.ts';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';
import { useCatchUpWhenQuiet } from '../common/useCatchUpWhenQuiet.ts';
import type { CreditChoice } from './CreditsPanel.tsx';
import { errorText, serverText } from '../common/errorText.ts';
import { FieldError } from '../common/FieldError.tsx';


export function ExportDialog({
  collectionId,
  collectionName,
  defaultDir,
  count,
  credits,
  onClose,
}: {
  collectionId: number;
  collectionName: string;
  defaultDir: string;
  count: number;
  credits: CreditChoice;
  onClose(): void;
}) {
  const { t } = useTranslation('collections');
  const [outDir, setOutDir] = useState(defaultDir);
  const [size, setSize] = useState('2400');
  const [quality, setQuality] = useState('90');
  const [format, setFormat] = useState<ExportFormat>('jpeg');
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [warnings, setWarnings] = useState<CreditWarning[]>([]);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  // Warnings before export: no licence or credit, ShareAlike, the same photo twice.
  useEffect(() => {
    api.collectionCredits({ id: collectionId, style: credits.style, lang: credits.lang, format: 'txt' }).then(
      (r) => setWarnings(r.warnings),
      () => undefined,
    );
  }, [collectionId, credits.style, credits.lang]);

  const running = progress?.state === 'running';
  // Progress is pushed by the catalogue while this dialog's export runs.
  const heard = useCatchUpWhenQuiet(running, () => {
    api.exportProgress({}).then((p) => setProgress((c) => (c?.state === 'running' ? p : c)), () => undefined);
  });
  useCatalogueEvent('exportProgress', (e) => {
    heard();
    setProgress((current) => (current === null ? current : e.progress));
  });

  const sizeValue = size.trim() === '' ? undefined : Number(size);
  const qualityValue = Number(quality);
  const invalid =
    !outDir.trim() ||
    (sizeValue !== undefined && (!Number.isInteger(sizeValue) || sizeValue < 16 || sizeValue > 30000)) ||
    !Number.isInteger(qualityValue) ||
    qualityValue < 1 ||
    qualityValue > 100;

  const start = async (overwrite: boolean) => {
    setError(null);
    setConfirmReplace(null);
    setCancelling(false);
    try {
      // The catalogue writes only into folders chosen in this session: this one, confirmed here.
      await api.chooseFolder({ path: outDir.trim(), purpose: 'export' });
      const started = await api.startExport({
        id: collectionId,
        outDir: outDir.trim(),
        size: sizeValue,
        quality: qualityValue,
        format,
        style: credits.style,
        lang: credits.lang,
        overwrite,
      });
      setProgress(started);
      // Events sent before this answer arrived were not ours yet: read the state once to catch up.
      if (started.state === 'running') api.exportProgress({}).then((p) => setProgress((c) => (c?.state === 'running' ? p : c)), () => undefined);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'output-exists') setConfirmReplace(errorText(e));
      else setError(errorText(e));
    }
  };

  const cancel = () => {
    setCancelling(true);
    api.cancelExport({}).then(setProgress, () => setCancelling(false));
  };

  const close = () => {
    if (running) return;
    onClose();
  };

  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && close()} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), close())}>
      <form
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        data-testid="export-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid && !running) void start(false);
        }}
      >
        <h2 id="export-title">{t('export.title', { name: collectionName })}</h2>
        <p className="muted">
          <Trans t={t} i18nKey="export.intro" count={count} values={{ count }} components={{ code: <code /> }} />
        </p>
        <label className="field wide">
          <span className="field-label">{t('export.folder')}</span>
          <input ref={input} type="text" className="text-input" data-testid="export-folder" value={outDir} spellCheck={false} disabled={running} onChange={(e) => setOutDir(e.target.value)} />
        </label>
        <div className="export-options">
          <label className="field">
            <span className="field-label">{t('export.size')}</span>
            <input type="number" min={16} max={30000} className="text-input" data-testid="export-size" value={size} disabled={running} onChange={(e) => setSize(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('export.quality')}</span>
            <input type="number" min={1} max={100} className="text-input" value={quality} disabled={running || format === 'tiff'} onChange={(e) => setQuality(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('export.format')}</span>
            <select className="text-input" data-testid="export-format" value={format} disabled={running} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              <option value="jpeg">JPEG</option>
              <option value="tiff">{t('export.tiff')}</option>
            </select>
          </label>
        </div>
        <p className="muted small">
          {t('export.creditsIn', { style: t(`credits.styles.${credits.style}`), language: t(`export.languages.${credits.lang}`) })}
        </p>

        {warnings.length > 0 && (
          <ul className="credit-warnings" data-testid="export-warnings" aria-label={t('export.checkBefore')}>
            {warnings.map((w) => (
              <li key={`${w.kind}:${w.figures.join(',')}`} data-kind={w.kind}>
                {w.message}
              </li>
            ))}
          </ul>
        )}
        {progress && progress.state !== 'idle' && (
          <div className="export-progress" data-testid="export-progress" data-state={progress.state}>
            <div className="ingest-line">
              <strong>
                {progress.state === 'running'
                  ? cancelling
                    ? t('export.cancelling')
                    : t('export.exporting')
                  : progress.state === 'done'
                    ? t('export.exported')
                    : progress.state === 'cancelled'
                      ? t('export.cancelled')
                      : t('export.failed')}
              </strong>
              <span className="ingest-count">
                {t('export.progress', { done: progress.done, total: progress.total })}
              </span>
              <span className="ingest-file mono">{progress.currentFile ?? ''}</span>
            </div>
            <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
              <div className="progress-fill" style={{ width: `${(fraction * 100).toFixed(2)}%` }} />
            </div>
            {progress.state === 'failed' && progress.error && <p className="field-error" data-testid="export-failed">{serverText(progress.error, progress.errorRef)}</p>}
            {progress.state === 'done' && progress.report && (
              <p className="small" data-testid="export-done">
                <Trans t={t} i18nKey="export.files" count={progress.report.files.length} values={{ count: progress.report.files.length, dir: progress.report.outDir }} components={{ code: <code /> }} />
              </p>
            )}
          </div>
        )}
        {confirmReplace && (
          <div className="notice" role="alert" data-testid="export-confirm-replace">
            {/* Said in the UI language; the catalogue's own words, naming the files, on hover. */}
            <p title={confirmReplace}>{t('export.exists', { dir: outDir.trim() })}</p>
            <div className="button-row">
              <button type="button" className="button" onClick={() => setConfirmReplace(null)}>
                {t('export.keep')}
              </button>
              <button type="button" className="button primary" data-testid="export-replace" onClick={() => void start(true)}>
                {t('export.replace')}
              </button>
            </div>
          </div>
        )}
        <FieldError text={error} testId="export-error" />
        <div className="button-row end">
          {running ? (
            <button type="button" className="button" data-testid="export-cancel" onClick={cancel} disabled={cancelling}>
              {t('export.cancelExport')}
            </button>
          ) : (
            <>
              <button type="button" className="button ghost" onClick={onClose}>
                {t('export.close')}
              </button>
              <button type="submit" className="button primary" data-testid="export-start" disabled={invalid}>
                {progress?.state === 'done' ? t('export.again') : t('export.start')}
              </button>
            </>
          )}
        </div>
      </form>
    </div>
  );
}
