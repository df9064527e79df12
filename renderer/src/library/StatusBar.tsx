// Under the grid: how many photos the search shows, how many are selected (exactly what a batch
// edit changes), adding the selection to a collection, and the view's controls.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function StatusBar({ shownQuery, total, loaded, selected, pending, children, tools, end }: { shownQuery: string; total: number; loaded: boolean; selected: number; pending: boolean; children: ReactNode; /** View controls (the thumbnail size), on the right. */ tools?: ReactNode; end?: ReactNode }) {
  const { t } = useTranslation(['library', 'common']);
  return (
    <footer className="statusbar">
      <span data-testid="result-count">
        {loaded && (shownQuery ? t('status.matches', { count: total, query: shownQuery }) : t('common:photos', { count: total }))}
      </span>
      <span className="muted" data-testid="selected-count">
        {pending ? t('status.selecting') : selected > 0 ? t('status.selected', { count: selected }) : ''}
      </span>
      {children}
      <span className="spacer" />
      {tools}
      <span className="muted small status-hint">{t('status.shortcutsHint')}</span>
      {end}
    </footer>
  );
}
