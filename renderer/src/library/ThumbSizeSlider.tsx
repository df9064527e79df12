// The thumbnail-size slider under the grid (the + and - keys do the same from the grid).
import { useTranslation } from 'react-i18next';
import { THUMB_MAX, THUMB_MIN, THUMB_SLIDER_STEP } from './thumbSize.ts';

export function ThumbSizeSlider({ size, onSize }: { size: number; onSize(size: number): void }) {
  const { t } = useTranslation('library');
  return (
    <label className="thumb-size" title={t('thumbSize.hint')}>
      <span className="thumb-size-icon small" aria-hidden="true">▫</span>
      <input
        type="range"
        data-testid="thumb-size"
        aria-label={t('thumbSize.label')}
        min={THUMB_MIN}
        max={THUMB_MAX}
        step={THUMB_SLIDER_STEP}
        value={size}
        onChange={(e) => onSize(Number(e.target.value))}
      />
      <span className="thumb-size-icon" aria-hidden="true">◻</span>
    </label>
  );
}
