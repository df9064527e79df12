// The search box's help popover: the query language with examples. Clicking an example puts it
// in the search box. Opened by the ? in the search box; Esc or a click outside closes it.
import { useEffect, useRef } from 'react';
import './searchFacets.css';

const FORMS: [string, string][] = [
  ['ulloi ut', 'Plain words: every word must match. Accents and capitals do not matter. The last word also matches longer words while you type.'],
  ['"Üllői út"', 'A phrase: these words, in this order.'],
  ['donor:"Nagy Gyula"', 'Only in the donor. Also photographer:, place:, tag:, title:, caption:.'],
  ['place:Budapest tag:villamos', 'Fields combine with each other and with plain words.'],
  ['year:1956', 'Photos whose date may fall in that year (1956~, 195X and 1955/1957 count too).'],
  ['year:1950..1960', 'A range of years. Drag on the timeline to set one.'],
  ['id:12345', 'A Fortepan number.'],
  ['villamos -busz', 'A minus excludes: trams, but not photos mentioning buses.'],
  ['szalloda~', 'Fuzzy: also words one letter away (szállodák, szálloda). Use ~2 for two.'],
];

export function SearchHelp({ onExample, onClose }: { onExample(query: string): void; onClose(): void }) {
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
    <div className="search-help" role="dialog" aria-label="How to search" data-testid="search-help" ref={ref}>
      <h3>How to search</h3>
      <dl>
        {FORMS.map(([example, what]) => (
          <div className="search-help-row" key={example}>
            <dt>
              <button type="button" className="search-help-example" title="Search for this" onClick={() => onExample(example)}>
                {example}
              </button>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">Hits are ranked: words in tags, names and places count more than words in captions.</p>
    </div>
  );
}
