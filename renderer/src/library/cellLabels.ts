// The words on a grid card, translated once per language for the whole grid rather than on
// every card: a Page Down at 1920×1080 draws two dozen new cards, and an i18next lookup
// (namespace, plural rules, interpolation) per badge and mark on each was a quarter of the
// render's time.
import type { TFunction } from 'i18next';
import { COLOUR_LABELS, MAX_RATING, type ColourLabel } from '../../../shared/photoMarks.ts';

export interface CellLabels {
  noPreview: string;
  thumbFailed: string;
  missing: string;
  duplicate: string;
  duplicateTitle(id: number): string;
  flag: Record<'pick' | 'reject', string>;
  /** By rating (0 unused): "3 stars". */
  stars: readonly string[];
  colour: Record<ColourLabel, string>;
}

export function cellLabels(t: TFunction<'library'>): CellLabels {
  return {
    noPreview: t('grid.noPreview'),
    thumbFailed: t('grid.thumbFailed'),
    missing: t('grid.missing'),
    duplicate: t('grid.duplicate'),
    duplicateTitle: (id) => t('grid.duplicateTitle', { id }),
    flag: { pick: t('marks.pick'), reject: t('marks.reject') },
    stars: Array.from({ length: MAX_RATING + 1 }, (_, count) => (count ? t('marks.stars', { count }) : '')),
    colour: Object.fromEntries(COLOUR_LABELS.map((label) => [label, t(`marks.labels.${label}`)])) as Record<ColourLabel, string>,
  };
}
