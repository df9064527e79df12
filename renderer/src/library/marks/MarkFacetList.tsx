// The facet panel's marks: how many hits have at least n stars, each flag and each colour label.
// A click puts that filter (rating:>=n, flag:pick, label:red) in the query in place of any other
// of its kind; a second click takes it out. Counts come with the other facets (api.searchFacets).
import { useTranslation } from 'react-i18next';
import { toggledMarkFilter, type MarkFacets } from '../../../../shared/searchFacets.ts';
import { COLOUR_LABELS, MAX_RATING } from '../../../../shared/photoMarks.ts';
import { formatNumber } from '../../common/labels.ts';
import './marks.css';

export function MarkFacetList({ marks, query, onQuery }: { marks: MarkFacets; query: string; onQuery(query: string): void }) {
  const { t } = useTranslation(['search', 'library']);
  const active = (clause: string) => ` ${query.trim()} `.includes(` ${clause} `);
  const chip = (kind: 'rating' | 'flag' | 'label', clause: string, count: number, text: React.ReactNode, title: string, testId: string) => (
    <button type="button" key={clause} className={`facet-value${active(clause) ? ' active' : ''}`} aria-pressed={active(clause)} title={title} data-testid={testId} onClick={() => onQuery(toggledMarkFilter(query, kind, clause))}>
      <span className="facet-name">{text}</span>
      <span className="facet-count">{formatNumber(count)}</span>
    </button>
  );
  const atLeast = (n: number) => marks.ratings.slice(n).reduce((a, b) => a + b, 0);
  return (
    <section className="facet-list facet-marks" aria-label={t('facets.marksTitle')} data-testid="facet-marks">
      <h4>{t('facets.marksTitle')}</h4>
      <div className="mark-row">
        {Array.from({ length: MAX_RATING }, (_, i) => i + 1).map((n) => chip('rating', `rating:>=${n}`, atLeast(n), t('facets.atLeast', { count: n }), t('facets.onlyRating', { count: n }), `facet-rating-${n}`))}
      </div>
      <div className="mark-row">
        {(['pick', 'reject'] as const).map((flag) =>
          chip('flag', `flag:${flag}`, marks.flags[flag], t(`library:marks.${flag}`), t('facets.onlyFlag', { flag: t(`library:marks.${flag}`), value: flag }), `facet-flag-${flag}`),
        )}
      </div>
      <div className="mark-row">
        {COLOUR_LABELS.map((label) =>
          chip('label', `label:${label}`, marks.labels[label], <>
              <span className={`mark-dot label-${label}`} /> {t(`library:marks.labels.${label}`)}
            </>, t('facets.onlyLabel', { label: t(`library:marks.labels.${label}`), value: label }), `facet-label-${label}`),
        )}
      </div>
    </section>
  );
}
