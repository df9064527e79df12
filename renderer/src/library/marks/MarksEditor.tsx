// Rating, flag and colour label by mouse, for one photo (the detail panel) or a selection (the
// batch editor). A click on what is already set takes it off (the star of the current rating,
// the flag it has, its label); a mark where the selected photos differ shows nothing as set.
import { useTranslation } from 'react-i18next';
import { COLOUR_LABELS, MAX_RATING, type PhotoMarks } from '../../../../shared/photoMarks.ts';
import type { PhotoPatch } from '../../../../shared/types.ts';
import './marks.css';

/** The marks shown: a value, or null where the selected photos differ. */
export type ShownMarks = { [K in keyof PhotoMarks]: PhotoMarks[K] | null };

export function MarksEditor({ marks, onChange }: { marks: ShownMarks; onChange(patch: PhotoPatch): void }) {
  const { t } = useTranslation('library');
  const stars = Array.from({ length: MAX_RATING }, (_, i) => i + 1);
  return (
    <div className="marks-editor" data-testid="marks-editor">
      <div className="mark-group" role="group" aria-label={t('marks.rating')}>
        {stars.map((n) => (
          <button
            type="button"
            key={n}
            className={marks.rating !== null && n <= marks.rating ? 'on' : ''}
            aria-pressed={marks.rating === n}
            title={t('marks.stars', { count: n })}
            data-testid={`mark-star-${n}`}
            onClick={() => onChange({ rating: marks.rating === n ? 0 : n })}
          >
            {marks.rating !== null && n <= marks.rating ? '★' : '☆'}
          </button>
        ))}
      </div>
      <div className="mark-group" role="group" aria-label={t('marks.flag')}>
        {(['pick', 'reject'] as const).map((flag) => (
          <button
            type="button"
            key={flag}
            className={`flag-button flag-${flag}${marks.flag === flag ? ' on' : ''}`}
            aria-pressed={marks.flag === flag}
            title={t(`marks.${flag}`)}
            data-testid={`mark-flag-${flag}`}
            onClick={() => onChange({ flag: marks.flag === flag ? '' : flag })}
          >
            {flag === 'pick' ? '⚑' : '✕'}
          </button>
        ))}
      </div>
      <div className="mark-group" role="group" aria-label={t('marks.label')}>
        {COLOUR_LABELS.map((label) => (
          <button
            type="button"
            key={label}
            className={`label-button label-${label}${marks.label === label ? ' on' : ''}`}
            aria-pressed={marks.label === label}
            title={t(`marks.labels.${label}`)}
            data-testid={`mark-label-${label}`}
            onClick={() => onChange({ label: marks.label === label ? '' : label })}
          />
        ))}
      </div>
    </div>
  );
}
