// The year histogram of the current result. Drag across it (or click one year) to limit the
// search to those years: the query gets year:a..b. Keyboard: focus it, ← → move a one-year
// cursor, Shift+← → widen it, Enter applies.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../common/labels.ts';

interface Props {
  years: { year: number; count: number }[];
  undated: number;
  /** The year: range already in the query, highlighted. */
  selected: { from: number; to: number } | null;
  onRange(from: number, to: number): void;
  onClear(): void;
}

export function YearTimeline({ years, undated, selected, onRange, onClear }: Props) {
  const { t } = useTranslation('search');
  const span = useMemo(() => {
    if (!years.length) return null;
    // Whole decades on both ends, so the axis labels sit on round years.
    const first = Math.floor(years[0].year / 10) * 10;
    const last = Math.floor(years[years.length - 1].year / 10) * 10 + 9;
    const counts = new Array<number>(last - first + 1).fill(0);
    for (const y of years) counts[y.year - first] = y.count;
    return { first, last, counts, max: Math.max(...counts) };
  }, [years]);
  const [drag, setDrag] = useState<{ anchor: number; at: number } | null>(null);
  const [cursor, setCursor] = useState<{ from: number; to: number } | null>(null);
  const barsRef = useRef<HTMLDivElement>(null);

  useEffect(() => setCursor(null), [years]);

  if (!span) {
    return (
      <div className="timeline empty" data-testid="timeline">
        <span className="muted small">{undated ? t('timeline.undated', { count: undated }) : t('timeline.noDated')}</span>
      </div>
    );
  }

  const yearAt = (clientX: number) => {
    const rect = barsRef.current!.getBoundingClientRect();
    const i = Math.floor(((clientX - rect.left) / rect.width) * span.counts.length);
    return span.first + Math.max(0, Math.min(span.counts.length - 1, i));
  };
  const shown = drag ? { from: Math.min(drag.anchor, drag.at), to: Math.max(drag.anchor, drag.at) } : cursor ?? selected;
  const shownCount = shown ? span.counts.slice(Math.max(0, shown.from - span.first), Math.max(0, shown.to - span.first + 1)).reduce((a, b) => a + b, 0) : 0;
  const decades: number[] = [];
  for (let y = span.first; y <= span.last; y += 10) decades.push(y);

  return (
    <div className="timeline" data-testid="timeline">
      <div
        className="timeline-bars"
        ref={barsRef}
        role="slider"
        tabIndex={0}
        aria-label={t('timeline.label')}
        aria-valuemin={span.first}
        aria-valuemax={span.last}
        aria-valuenow={shown?.from ?? span.first}
        aria-valuetext={shown ? `${shown.from}–${shown.to}` : t('timeline.allYearsValue')}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const y = yearAt(e.clientX);
          setDrag({ anchor: y, at: y });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, at: yearAt(e.clientX) })}
        onPointerUp={() => {
          if (!drag) return;
          setDrag(null);
          onRange(Math.min(drag.anchor, drag.at), Math.max(drag.anchor, drag.at));
        }}
        onPointerCancel={() => setDrag(null)}
        onKeyDown={(e) => {
          const current = cursor ?? selected ?? { from: span.first, to: span.first };
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
            e.preventDefault();
            e.stopPropagation();
            const step = e.key === 'ArrowLeft' ? -1 : 1;
            const clamp = (y: number) => Math.max(span.first, Math.min(span.last, y));
            setCursor(e.shiftKey ? { from: current.from, to: clamp(Math.max(current.from, current.to + step)) } : { from: clamp(current.from + step), to: clamp(current.from + step) });
          } else if (e.key === 'Enter' && cursor) {
            e.preventDefault();
            onRange(cursor.from, cursor.to);
          }
        }}
      >
        {span.counts.map((count, i) => {
          const year = span.first + i;
          const inside = shown !== null && year >= shown.from && year <= shown.to;
          return (
            <div key={year} className={`timeline-bar${inside ? ' selected' : ''}`} title={`${year}: ${formatNumber(count)}`}>
              <div className="timeline-fill" style={{ height: count ? `${Math.max(6, (count / span.max) * 100)}%` : 0 }} />
            </div>
          );
        })}
      </div>
      <div className="timeline-axis" aria-hidden="true">
        {decades.map((d) => (
          <span key={d}>{d}</span>
        ))}
      </div>
      <div className="timeline-caption small">
        {shown ? (
          <>
            <span data-testid="timeline-range">
              {shown.from === shown.to ? shown.from : `${shown.from}–${shown.to}`}: {formatNumber(shownCount)}
            </span>
            {selected && !drag && !cursor && (
              <button type="button" className="link-button" onClick={onClear}>
                {t('timeline.allYears')}
              </button>
            )}
          </>
        ) : (
          <span className="muted">{t('timeline.hint')}</span>
        )}
        {undated > 0 && <span className="muted">{t('timeline.undated', { count: undated })}</span>}
      </div>
    </div>
  );
}
