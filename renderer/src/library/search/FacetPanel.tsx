// Facets of the current search, above the grid: the year timeline, and (opened with
// "Refine") the most frequent donors, places and tags with their counts (tags as the keyword
// tree, TagFacetTree.tsx). A click adds donor:"…" / place:"…" / tag:"…" to the query; dragging
// the timeline sets year:a..b.
// Counts come from the search worker (api.searchFacets) for the query the grid shows.
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetField, FacetValue } from '../../../../shared/searchFacets.ts';
import { facetClause, withClause, withYearRange } from '../../../../shared/searchFacets.ts';
import { parseSearchQuery } from '../../../../shared/searchQuery.ts';
import { hungarianCollator } from '../../../../shared/textFold.ts';
import { api } from '../../common/bridge.ts';
import { useCatalogueData } from '../../common/useCatalogueData.ts';
import { formatNumber } from '../../common/labels.ts';
import { YearTimeline } from './YearTimeline.tsx';
import { TagFacetTree } from './TagFacetTree.tsx';
import { compareTagPaths } from '../../../../shared/tagTree.ts';
import { MarkFacetList } from '../marks/MarkFacetList.tsx';
import './searchFacets.css';

interface Props {
  query: string;
  onQuery(query: string): void;
}

const LISTS: { field: FacetField; title: 'facets.donor' | 'facets.place' | 'facets.tag'; only: 'facets.onlyDonor' | 'facets.onlyPlace' | 'facets.onlyTag'; values: 'donors' | 'places' | 'tags'; count: 'donorCount' | 'placeCount' | 'tagCount' }[] = [
  { field: 'donor', title: 'facets.donor', only: 'facets.onlyDonor', values: 'donors', count: 'donorCount' },
  { field: 'place', title: 'facets.place', only: 'facets.onlyPlace', values: 'places', count: 'placeCount' },
  { field: 'tag', title: 'facets.tag', only: 'facets.onlyTag', values: 'tags', count: 'tagCount' },
];

/** A year clause in either language (`year:`, `év:`, `ev:`, `évszám:`), to take it out of the query. */
const YEAR_CLAUSE = /(^|\s)(?:year|[eé]v|[eé]vsz[aá]m):\S+/gi;

function yearRangeOf(query: string): { from: number; to: number } | null {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) return null;
  const year = parsed.clauses.find((c) => c.kind === 'year' && !c.negated);
  return year && year.kind === 'year' ? { from: year.from, to: year.to } : null;
}

function FacetPanelView({ query, onQuery }: Props) {
  const { t } = useTranslation('search');
  const [open, setOpen] = useState(false);
  const [alphabetical, setAlphabetical] = useState(false);

  // Counts follow the query and every change to the photos (any writer, this app or another).
  // A failed load (a newer query cancelled it, or the search failed: the grid says which) keeps
  // what is shown.
  const { data: facets } = useCatalogueData(() => api.searchFacets({ query }), [query], (e) => e.type === 'photosChanged');

  if (!facets || facets.error) return <div className="facet-panel placeholder" aria-hidden="true" />;

  const sorted = (values: FacetValue[]) => (alphabetical ? [...values].sort((a, b) => hungarianCollator.compare(a.value, b.value)) : values);
  const pick = (field: FacetField, value: string) => onQuery(withClause(query, facetClause(field, value)));

  return (
    <div className="facet-panel" data-testid="facet-panel">
      <div className="facet-row">
        <YearTimeline
          years={facets.years}
          undated={facets.undated}
          selected={yearRangeOf(query)}
          onRange={(from, to) => onQuery(withYearRange(query, from, to))}
          onClear={() => onQuery(query.replace(YEAR_CLAUSE, ' ').replace(/\s+/g, ' ').trim())}
        />
        <button type="button" className={`button small refine-toggle${open ? ' active' : ''}`} aria-expanded={open} data-testid="facet-toggle" onClick={() => setOpen((o) => !o)}>
          {t('facets.refine')} {open ? '▴' : '▾'}
        </button>
      </div>
      {open && (
        <div className="facet-lists">
          {facets.marks && <MarkFacetList marks={facets.marks} query={query} onQuery={onQuery} />}
          {LISTS.map((list) => (
            <section className="facet-list" key={list.field} aria-label={t(list.title)} data-testid={`facet-${list.field}`}>
              <h4>
                {t(list.title)} <span className="muted">{formatNumber(facets[list.count])}</span>
              </h4>
              {facets[list.values].length === 0 && <p className="muted small">{t('facets.none')}</p>}
              {list.field === 'tag' ? (
                // Tags are the keyword tree: a node counts what is under it.
                <TagFacetTree values={alphabetical ? [...facets.tags].sort((a, b) => compareTagPaths(a.value, b.value)) : facets.tags} onPick={(path) => pick('tag', path)} />
              ) : (
                <ul>
                  {sorted(facets[list.values]).map((v) => (
                    <li key={v.value}>
                      <button type="button" className="facet-value" title={t(list.only, { value: v.value })} onClick={() => pick(list.field, v.value)}>
                        <span className="facet-name">{v.value}</span>
                        <span className="facet-count">{formatNumber(v.count)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {facets[list.count] > facets[list.values].length && (
                <p className="muted small">{t('facets.mostFrequent', { shown: facets[list.values].length, count: facets[list.count] })}</p>
              )}
            </section>
          ))}
          <label className="facet-sort small">
            <input type="checkbox" checked={alphabetical} onChange={(e) => setAlphabetical(e.target.checked)} /> {t('facets.alphabetical')}
          </label>
        </div>
      )}
    </div>
  );
}

/**
 * Drawn again only when the query or the counts change: the timeline and the lists format
 * hundreds of counts, and the window re-renders at every move of the grid's focus.
 */
export const FacetPanel = memo(FacetPanelView);
