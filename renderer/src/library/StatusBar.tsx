// Under the grid: how many photos the search shows, how many are selected (exactly what a batch
// edit changes), and adding the selection to a collection.
import type { ReactNode } from 'react';
import { numberFormat, plural } from '../common/labels.ts';

export function StatusBar({ shownQuery, total, loaded, selected, pending, children, end }: { shownQuery: string; total: number; loaded: boolean; selected: number; pending: boolean; children: ReactNode; end?: ReactNode }) {
  return (
    <footer className="statusbar">
      <span data-testid="result-count">
        {loaded && (shownQuery ? `${plural(total, 'photo matches', 'photos match')} “${shownQuery}”` : plural(total, 'photo', 'photos'))}
      </span>
      <span className="muted" data-testid="selected-count">
        {pending ? 'Selecting…' : selected > 0 ? `${numberFormat.format(selected)} selected` : ''}
      </span>
      {children}
      <span className="spacer" />
      <span className="muted small">Press ? for shortcuts</span>
      {end}
    </footer>
  );
}
