// The large view: one photo filling the window, with its caption and credit.
import { useTranslation } from 'react-i18next';
import type { PhotoSummary } from '../../../shared/types.ts';
import { bridge } from '../common/bridge.ts';
import { photoDate, photoTitle } from '../common/labels.ts';
import { ingestReason } from '../ingest/ingestReasons.ts';
import { usePhoto } from '../editing/usePhoto.ts';

export function LargeView({
  summary,
  position,
  total,
  onPrev,
  onNext,
  onClose,
}: {
  summary: PhotoSummary;
  position: number;
  total: number;
  onPrev(): void;
  onNext(): void;
  onClose(): void;
}) {
  const { t } = useTranslation(['library', 'common']);
  const { t: tIngest } = useTranslation('ingest');
  const { photo } = usePhoto(summary.id);
  const caption = photo?.caption ?? summary.caption;
  const credit = photo?.credit ?? summary.credit;
  const date = photoDate(photo?.date ?? summary.date);
  return (
    <div className="overlay large-view" data-testid="large-view" role="dialog" aria-modal="true" aria-label={photoTitle(summary)} onClick={onClose}>
      <div className="large-stage">
        {summary.previewError ? (
          <div className="no-preview large">
            <span className="no-preview-label">{t('grid.noPreview')}</span>
            <span className="no-preview-reason">{ingestReason(summary.previewError, tIngest)}</span>
          </div>
        ) : (
          <img
            key={summary.id}
            src={bridge.imageUrl(summary.id, 'preview', summary.thumbVersion)}
            alt={photoTitle(summary)}
            onClick={(e) => e.stopPropagation()}
          />
        )}
      </div>
      <button type="button" className="nav-button prev" aria-label={t('large.prev')} disabled={position <= 0} onClick={(e) => { e.stopPropagation(); onPrev(); }}>
        ‹
      </button>
      <button type="button" className="nav-button next" aria-label={t('large.next')} disabled={position >= total - 1} onClick={(e) => { e.stopPropagation(); onNext(); }}>
        ›
      </button>
      <button type="button" className="close-button" aria-label={t('common:close')} onClick={onClose}>
        ×
      </button>
      <div className="large-caption" onClick={(e) => e.stopPropagation()}>
        <div className="large-title">
          <strong>{photoTitle(summary)}</strong>
          {date && <span className="muted"> · {date}</span>}
          <span className="muted large-position">{t('large.position', { position: position + 1, total })}</span>
        </div>
        {caption && <p className="large-text">{caption}</p>}
        {credit && <p className="large-credit">{credit}</p>}
      </div>
    </div>
  );
}
