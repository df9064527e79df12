// Rotate left, rotate right and flip for one photo (the detail panel, the large view) or a
// selection (the batch panel): Lightroom's and digiKam's buttons, through the one turn path.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Selection } from '../../../shared/selection.ts';
import type { TurnRequest } from '../../../shared/orientation.ts';
import { errorText } from '../common/errorText.ts';
import { turnPhotos } from './turnPhotos.ts';
import './turnButtons.css';

export function TurnButtons({ target, className }: { target: { ids: number[] } | { selection: Selection }; className?: string }) {
  const { t } = useTranslation('editing');
  const [error, setError] = useState<string | null>(null);
  const turn = (request: TurnRequest) => (e: React.MouseEvent) => {
    // In the large view a click elsewhere closes it.
    e.stopPropagation();
    setError(null);
    turnPhotos(target, request).catch((failure: unknown) => setError(errorText(failure)));
  };
  return (
    <div className={`turn-buttons${className ? ` ${className}` : ''}`} role="group" aria-label={t('turn.label')} title={t('turn.note')}>
      <button type="button" className="button small" data-testid="rotate-left" aria-label={t('turn.left')} title={t('turn.leftTitle')} onClick={turn({ rotate: 270 })}>
        ⟲
      </button>
      <button type="button" className="button small" data-testid="rotate-right" aria-label={t('turn.right')} title={t('turn.rightTitle')} onClick={turn({ rotate: 90 })}>
        ⟳
      </button>
      <button type="button" className="button small" data-testid="flip" aria-label={t('turn.flip')} title={t('turn.flipTitle')} onClick={turn({ flip: true })}>
        ⇋
      </button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </div>
  );
}
