// The sort control of the grid's toolbar: a field and a direction toggle, both reachable with
// Tab; the choice applies to the grid, a search's results and the metadata export.
import { useTranslation } from 'react-i18next';
import { SORT_CHOICES, isSortChoice, type PhotoSort } from '../../../../shared/photoSort.ts';
import './sortControl.css';

export function SortControl({ sort, onSort }: { sort: PhotoSort | null; onSort(sort: PhotoSort): void }) {
  const { t } = useTranslation('library');
  const current = sort ?? { field: 'relevance', direction: 'asc' };
  const descending = current.direction === 'desc';
  return (
    <div className="grid-toolbar" role="toolbar" aria-label={t('sort.toolbar')}>
      <label className="sort-label" htmlFor="grid-sort">{t('sort.label')}</label>
      <select
        id="grid-sort"
        className="sort-select"
        value={current.field}
        disabled={!sort}
        title={current.field === 'relevance' ? t('sort.relevanceHint') : undefined}
        onChange={(e) => isSortChoice(e.target.value) && onSort({ field: e.target.value, direction: current.direction })}
      >
        {SORT_CHOICES.map((field) => (
          <option key={field} value={field}>{t(`sort.fields.${field}`)}</option>
        ))}
      </select>
      <button
        type="button"
        className="button sort-direction"
        disabled={!sort || current.field === 'relevance'}
        aria-pressed={descending}
        title={t(descending ? 'sort.descending' : 'sort.ascending')}
        onClick={() => onSort({ field: current.field, direction: descending ? 'asc' : 'desc' })}
      >
        <span aria-hidden="true">{descending ? '↓' : '↑'}</span> {t(descending ? 'sort.descendingShort' : 'sort.ascendingShort')}
      </button>
    </div>
  );
}
