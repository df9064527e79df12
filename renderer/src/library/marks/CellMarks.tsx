// A grid card's marks, laid over the picture's bottom edge so a card keeps its size whatever it
// carries: the stars, a pick (⚑) or reject (✕) mark, and the colour label as a dot. The card of a
// rejected photo is dimmed by the grid (the `rejected` class). Nothing shows for an unmarked photo.
import type { CellLabels } from '../cellLabels.ts';
import type { PhotoSummary } from '../../../../shared/types.ts';
import { starText } from '../../../../shared/photoMarks.ts';
import './marks.css';

/** `labels`: the grid's, translated once for every card (cellLabels.ts). */
export function CellMarks({ photo, labels }: { photo: Pick<PhotoSummary, 'rating' | 'flag' | 'label'>; labels: CellLabels }) {
  if (!photo.rating && !photo.flag && !photo.label) return null;
  return (
    <span className="cell-marks" data-testid="cell-marks">
      {photo.flag && (
        <span className={`mark-flag flag-${photo.flag}`} data-testid="cell-flag" data-flag={photo.flag} title={labels.flag[photo.flag]}>
          {photo.flag === 'pick' ? '⚑' : '✕'}
        </span>
      )}
      {photo.rating > 0 && (
        <span className="mark-stars" data-testid="cell-stars" data-rating={photo.rating} title={labels.stars[photo.rating]}>
          {starText(photo.rating).slice(0, photo.rating)}
        </span>
      )}
      {photo.label && <span className={`mark-dot label-${photo.label}`} data-testid="cell-label" data-label={photo.label} title={labels.colour[photo.label]} />}
    </span>
  );
}
