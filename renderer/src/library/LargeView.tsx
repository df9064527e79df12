// The large view: one photo filling the window, with its caption and credit; Z (or a click on
// the zoom button) shows it at 100% in the loupe (Loupe.tsx), the wheel zooms to 400%.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoSummary } from '../../../shared/types.ts';
import { bridge } from '../common/bridge.ts';
import { photoDate, photoTitle } from '../common/labels.ts';
import { ingestReason } from '../ingest/ingestReasons.ts';
import { usePhoto } from '../editing/usePhoto.ts';
import { Loupe } from './Loupe.tsx';
import { TurnButtons } from '../editing/TurnButtons.tsx';

export function LargeView({
  summary,
  position,
  total,
  onPrev,
  onNext,
  onClose,
  zoom,
  onZoom,
}: {
  summary: PhotoSummary;
  position: number;
  total: number;
  onPrev(): void;
  onNext(): void;
  onClose(): void;
  /** Null: the picture fits; else its scale (1 = 100%). */
  zoom: number | null;
  onZoom(zoom: number | null): void;
}) {
  const { t } = useTranslation(['library', 'common']);
  const { t: tIngest } = useTranslation('ingest');
  const { photo } = usePhoto(summary.id);
  const caption = photo?.caption ?? summary.caption;
  const credit = photo?.credit ?? summary.credit;
  const date = photoDate(photo?.date ?? summary.date);
  // Another photo, or the view closed: back to fit.
  useEffect(() => () => onZoom(null), [summary.id, onZoom]);
  const size = photo && photo.id === summary.id && photo.width && photo.height ? { width: photo.width, height: photo.height } : null;
  const zoomable = !summary.previewError && size !== null;
  // While the photo is looked at, its full picture is fetched and decoded in the background, so
  // Z shows the scan's own pixels at once. Not for photos flicked past (300 ms), and only one.
  useEffect(() => {
    if (!zoomable) return;
    let image: HTMLImageElement | null = null;
    const timer = window.setTimeout(() => {
      image = new Image();
      image.decoding = 'async';
      image.src = bridge.imageUrl(summary.id, 'full', summary.thumbVersion);
      image.decode().catch(() => undefined); // a failure shows when the loupe asks again
    }, 300);
    return () => {
      window.clearTimeout(timer);
      if (image) image.src = '';
    };
  }, [zoomable, summary.id, summary.thumbVersion]);
  return (
    <div className="overlay large-view" data-testid="large-view" role="dialog" aria-modal="true" aria-label={photoTitle(summary)} onClick={onClose}>
      <div className="large-stage">
        {summary.previewError ? (
          <div className="no-preview large">
            <span className="no-preview-label">{t('grid.noPreview')}</span>
            <span className="no-preview-reason">{ingestReason(summary.previewError, tIngest)}</span>
          </div>
        ) : zoom !== null && size ? (
          <Loupe id={summary.id} version={summary.thumbVersion} alt={photoTitle(summary)} width={size.width} height={size.height} zoom={zoom} onZoom={onZoom} />
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
      {zoomable && (
        <button
          type="button"
          className="zoom-button"
          data-testid="loupe-zoom"
          aria-pressed={zoom !== null}
          title={t('large.zoomHint')}
          onClick={(e) => {
            e.stopPropagation();
            onZoom(zoom === null ? 1 : null);
          }}
        >
          {zoom === null ? t('large.fit') : `${Math.round(zoom * 100)}%`}
        </button>
      )}
      {!summary.previewError && <TurnButtons target={{ ids: [summary.id] }} className="large-turn" />}
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
