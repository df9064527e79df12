// Ingest progress while a run is going, then its summary, the files skipped as not images, and
// the report of failed files.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IngestProgress } from '../../../shared/types.ts';
import { baseName, formatDuration, formatNumber } from '../common/labels.ts';
import { ingestReason } from './ingestReasons.ts';
import { serverText } from '../common/errorText.ts';
import { SkippedFiles } from './SkippedFiles.tsx';

export function IngestPanel({
  progress,
  cancelling,
  onCancel,
  onDismiss,
}: {
  progress: IngestProgress;
  cancelling: boolean;
  onCancel(): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation(['ingest', 'common']);
  const { t: tIngest } = useTranslation('ingest');
  const [showReport, setShowReport] = useState(true);
  const running = progress.state === 'scanning' || progress.state === 'running';

  if (running) {
    const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
    return (
      <section className="ingest-bar" data-testid="ingest-progress" aria-label={t('progress.label')}>
        <div className="ingest-line">
          <strong>{cancelling ? t('progress.cancelling') : progress.state === 'scanning' ? t('progress.scanning') : t('progress.adding')}</strong>
          <span className="ingest-count">
            {t('progress.count', { done: progress.done, total: progress.total })}
          </span>
          <span className="muted">{progress.rate > 0 ? t('progress.rate', { rate: formatNumber(progress.rate, 1) }) : ''}</span>
          <span className="muted">
            {progress.etaSeconds === null ? '' : progress.etaSeconds < 1 && progress.done < progress.total ? t('progress.finishing') : t('progress.left', { duration: formatDuration(progress.etaSeconds) })}
          </span>
          <span className="ingest-file mono" title={progress.currentFile ?? undefined}>
            {progress.currentFile ? baseName(progress.currentFile) : ''}
          </span>
          <button type="button" className="button small" onClick={onCancel} disabled={cancelling} data-testid="ingest-cancel">
            {t('common:cancel')}
          </button>
        </div>
        <div
          className={`progress${progress.state === 'scanning' || progress.total === 0 ? ' indeterminate' : ''}`}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
        >
          <div className="progress-fill" style={{ width: `${(fraction * 100).toFixed(2)}%` }} />
        </div>
      </section>
    );
  }

  const report = progress.report;
  const failed = report?.failed ?? [];
  const warnings = report?.warnings ?? [];
  const heading =
    progress.state === 'cancelled' ? t('summary.cancelled') : progress.state === 'failed' ? t('summary.failed') : t('summary.finished');
  return (
    <section className={`ingest-bar summary ${progress.state}`} data-testid="ingest-summary" aria-label={t('summary.label')}>
      <div className="ingest-line">
        <strong>{heading}</strong>
        {report && (
          <>
            <span className="stat"><b>{formatNumber(report.added)}</b> {t('summary.added')}</span>
            <span className="stat"><b>{formatNumber(report.updated)}</b> {t('summary.updated')}</span>
            <span className="stat"><b>{formatNumber(report.unchanged)}</b> {t('summary.unchanged')}</span>
            <span className={`stat${failed.length ? ' bad' : ''}`}><b>{formatNumber(failed.length)}</b> {t('summary.failedCount')}</span>
            {warnings.length > 0 && <span className="stat"><b>{formatNumber(warnings.length)}</b> {t('summary.warnings')}</span>}
          </>
        )}
        {progress.error && <span className="field-error">{serverText(progress.error, progress.errorRef)}</span>}
        <span className="spacer" />
        {failed.length + warnings.length > 0 && (
          <button type="button" className="button small ghost" onClick={() => setShowReport((s) => !s)} aria-expanded={showReport}>
            {showReport ? t('summary.hideReport') : t('summary.showReport')}
          </button>
        )}
        <button type="button" className="button small ghost" onClick={onDismiss} aria-label={t('common:dismiss')}>
          {t('common:dismiss')}
        </button>
      </div>
      {report && <SkippedFiles skipped={report.skipped ?? []} byReason={report.skippedByReason ?? {}} />}
      {failed.length + warnings.length > 0 && showReport && (
        <div className="ingest-report" data-testid="ingest-report">
          <h3>{t('summary.reportTitle', { count: failed.length })}</h3>
          <ul>
            {failed.map((f, i) => (
              <li key={`${i}:${f.path}`}>
                <span className="mono report-path">{f.path}</span>
                <span className="report-reason">{ingestReason(f.reason, tIngest)}</span>
              </li>
            ))}
          </ul>
          {warnings.length > 0 && <h3>{t('summary.withWarnings')}</h3>}
          <ul data-testid="ingest-warnings">
            {warnings.map((w, i) => (
              <li key={`w${i}:${w.path}`}>
                <span className="mono report-path">{w.path}</span>
                <span className="report-reason">{serverText(w.message, w)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
