// Ingest progress while a run is going, then its summary and the report of failed files.
import { useState } from 'react';
import type { IngestProgress } from '../../../shared/types.ts';
import { baseName, formatDuration, numberFormat, plural } from '../common/labels.ts';

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
  const [showReport, setShowReport] = useState(true);
  const running = progress.state === 'scanning' || progress.state === 'running';

  if (running) {
    const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
    return (
      <section className="ingest-bar" data-testid="ingest-progress" aria-label="Ingest progress">
        <div className="ingest-line">
          <strong>{cancelling ? 'Cancelling…' : progress.state === 'scanning' ? 'Looking for photos…' : 'Adding photos'}</strong>
          <span className="ingest-count">
            {numberFormat.format(progress.done)} of {numberFormat.format(progress.total)}
          </span>
          <span className="muted">{progress.rate > 0 ? `${progress.rate.toFixed(1)} files/s` : ''}</span>
          <span className="muted">
            {progress.etaSeconds === null ? '' : progress.etaSeconds < 1 && progress.done < progress.total ? 'finishing…' : `${formatDuration(progress.etaSeconds)} left`}
          </span>
          <span className="ingest-file mono" title={progress.currentFile ?? undefined}>
            {progress.currentFile ? baseName(progress.currentFile) : ''}
          </span>
          <button type="button" className="button small" onClick={onCancel} disabled={cancelling} data-testid="ingest-cancel">
            Cancel
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
    progress.state === 'cancelled' ? 'Ingest cancelled' : progress.state === 'failed' ? 'Ingest failed' : 'Ingest finished';
  return (
    <section className={`ingest-bar summary ${progress.state}`} data-testid="ingest-summary" aria-label="Ingest summary">
      <div className="ingest-line">
        <strong>{heading}</strong>
        {report && (
          <>
            <span className="stat"><b>{numberFormat.format(report.added)}</b> added</span>
            <span className="stat"><b>{numberFormat.format(report.updated)}</b> updated</span>
            <span className="stat"><b>{numberFormat.format(report.unchanged)}</b> unchanged</span>
            <span className={`stat${failed.length ? ' bad' : ''}`}><b>{numberFormat.format(failed.length)}</b> failed</span>
            {warnings.length > 0 && <span className="stat"><b>{numberFormat.format(warnings.length)}</b> warnings</span>}
          </>
        )}
        {progress.error && <span className="field-error">{progress.error}</span>}
        <span className="spacer" />
        {failed.length + warnings.length > 0 && (
          <button type="button" className="button small ghost" onClick={() => setShowReport((s) => !s)} aria-expanded={showReport}>
            {showReport ? 'Hide report' : 'Show report'}
          </button>
        )}
        <button type="button" className="button small ghost" onClick={onDismiss} aria-label="Dismiss">
          Dismiss
        </button>
      </div>
      {failed.length + warnings.length > 0 && showReport && (
        <div className="ingest-report" data-testid="ingest-report">
          <h3>Ingest report: {plural(failed.length, 'file', 'files')} could not be added</h3>
          <ul>
            {failed.map((f, i) => (
              <li key={`${i}:${f.path}`}>
                <span className="mono report-path">{f.path}</span>
                <span className="report-reason">{f.reason}</span>
              </li>
            ))}
          </ul>
          {warnings.length > 0 && <h3>Added with warnings</h3>}
          <ul data-testid="ingest-warnings">
            {warnings.map((w, i) => (
              <li key={`w${i}:${w.path}`}>
                <span className="mono report-path">{w.path}</span>
                <span className="report-reason">{w.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
