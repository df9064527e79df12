// The search box's help popover: the query language with examples. Clicking an example puts it
// in the search box. Opened by the ? in the search box; Esc or a click outside closes it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './searchFacets.css';

// The forms, in the order the popover lists them; each has an example and its explanation in
// the search catalogue (help.<form>.example / .text), so a Hungarian UI shows `év:1956` and
// `adományozó:"Nagy Gyula"` — shared/searchQuery.ts reads field names in both languages.
const FORMS = ['words', 'phrase', 'field', 'combine', 'tagPath', 'year', 'yearRange', 'bareRange', 'id', 'or', 'exclude', 'fuzzy', 'marks'] as const;

export function SearchHelp({ onExample, onClose }: { onExample(query: string): void; onClose(): void }) {
  const { t } = useTranslation('search');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (ref.current && !ref.current.contains(target) && !(target instanceof HTMLElement && target.closest('[data-testid="search-help-button"]'))) onClose();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);

  return (
    <div className="search-help" role="dialog" aria-label={t('help.title')} data-testid="search-help" ref={ref}>
      <h3>{t('help.title')}</h3>
      <dl>
        {FORMS.map((form) => {
          const example = t(`help.${form}.example`);
          return (
            <div className="search-help-row" key={form}>
              <dt>
                <button type="button" className="search-help-example" data-testid="search-help-example" title={t('help.searchThis')} onClick={() => onExample(example)}>
                  {example}
                </button>
              </dt>
              <dd>{t(`help.${form}.text`)}</dd>
            </div>
          );
        })}
      </dl>
      <p className="muted small">{t('help.otherLanguage')}</p>
      <p className="muted small">{t('help.ranking')}</p>
    </div>
  );
}
