// The top bar: the catalogue's name and count, the search box, undo/redo and the main actions.
import { useState, type RefObject } from 'react';
import type { CatalogueInfo } from '../../../shared/types.ts';
import type { HistoryState } from '../../../shared/editHistory.ts';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { SearchHelp } from '../library/search/SearchHelp.tsx';
import { historyLabel } from '../common/historyLabels.ts';

export interface TopBarProps {
  info: CatalogueInfo | null;
  photoCount: number | null;
  searchRef: RefObject<HTMLInputElement | null>;
  queryText: string;
  searching: boolean;
  onQueryText(text: string): void;
  onQueryNow(text: string): void;
  onLeaveSearch(): void;
  history: HistoryState;
  onUndo(): void;
  onRedo(): void;
  onTags(): void;
  onImport(): void;
  onShortcuts(): void;
  onOpenCatalogue(): void;
  onAddFolder(): void;
  addDisabled: boolean;
}

export function TopBar(p: TopBarProps) {
  const { t } = useTranslation(['app', 'common', 'search']);
  const { t: tCommon } = useTranslation();
  const [searchHelpOpen, setSearchHelpOpen] = useState(false);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true" />
        <span className="app-name">Fototar</span>
        {p.info && (
          <button type="button" className="catalogue-name" data-testid="open-catalogue" title={`${p.info.directory}\n${t('openCatalogue.button')}`} aria-label={`${p.info.name} · ${t('openCatalogue.button')}`} onClick={p.onOpenCatalogue}>
            {p.info.name}
          </button>
        )}
        <span className="photo-count" data-testid="photo-count">
          {p.photoCount !== null ? t('common:photos', { count: p.photoCount }) : ''}
        </span>
      </div>
      <div className="search">
        <span className="search-icon" aria-hidden="true" />
        <input
          ref={p.searchRef}
          type="search"
          data-testid="search-input"
          aria-label={t('search:box.label')}
          placeholder={t('search:box.placeholder')}
          value={p.queryText}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => p.onQueryText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') p.onQueryNow(p.queryText);
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              p.onLeaveSearch();
            }
          }}
        />
        {p.searching && <span className="spinner" aria-label={t('search:box.searching')} />}
        {!p.searching && <kbd className="search-kbd">/</kbd>}
        <button
          type="button"
          className="search-help-button"
          data-testid="search-help-button"
          aria-label={t('search:box.help')}
          aria-expanded={searchHelpOpen}
          title={t('search:box.help')}
          onClick={() => setSearchHelpOpen((o) => !o)}
        >
          ?
        </button>
        {searchHelpOpen && (
          <SearchHelp
            onClose={() => setSearchHelpOpen(false)}
            onExample={(q) => {
              p.onQueryNow(q);
              setSearchHelpOpen(false);
            }}
          />
        )}
      </div>
      <div className="topbar-actions">
        <button type="button" className="button icon" data-testid="undo" aria-label={t('undo.button')} title={p.history.undoLabel ? t('undo.title', { label: historyLabel(p.history.undoLabel, tCommon) }) : t('undo.nothing')} disabled={!p.history.canUndo} onClick={p.onUndo}>
          ↶
        </button>
        <button type="button" className="button icon" data-testid="redo" aria-label={t('redo.button')} title={p.history.redoLabel ? t('redo.title', { label: historyLabel(p.history.redoLabel, tCommon) }) : t('redo.nothing')} disabled={!p.history.canRedo} onClick={p.onRedo}>
          ↷
        </button>
        <button type="button" className="button" data-testid="tags-open" onClick={p.onTags}>
          {t('topbar.tags')}
        </button>
        <button type="button" className="button" data-testid="import-open" onClick={p.onImport}>
          {t('topbar.import')}
        </button>
        <LanguageSwitch />
        <button type="button" className="button icon" data-testid="shortcuts-open" aria-label={t('topbar.shortcuts')} title={t('topbar.shortcutsTitle')} onClick={p.onShortcuts}>
          ?
        </button>
        <button type="button" className="button primary" data-testid="add-folder" onClick={p.onAddFolder} disabled={p.addDisabled}>
          {t('topbar.addFolder')}
        </button>
      </div>
    </header>
  );
}
