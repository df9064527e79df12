// The top bar: the catalogue's name and count, the search box, undo/redo and the main actions.
import { useState, type RefObject } from 'react';
import type { CatalogueInfo } from '../../../shared/types.ts';
import type { HistoryState } from '../../../shared/editHistory.ts';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { SearchHelp } from '../library/search/SearchHelp.tsx';

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
  onAddFolder(): void;
  addDisabled: boolean;
}

export function TopBar(p: TopBarProps) {
  const { t } = useTranslation();
  const [searchHelpOpen, setSearchHelpOpen] = useState(false);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true" />
        <span className="app-name">Fototar</span>
        {p.info && (
          <span className="catalogue-name" title={p.info.directory}>
            {p.info.name}
          </span>
        )}
        <span className="photo-count" data-testid="photo-count">
          {p.photoCount !== null ? t('photos', { count: p.photoCount }) : ''}
        </span>
      </div>
      <div className="search">
        <span className="search-icon" aria-hidden="true" />
        <input
          ref={p.searchRef}
          type="search"
          data-testid="search-input"
          aria-label="Search photos"
          placeholder="Search captions, places, donors, years…"
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
        {p.searching && <span className="spinner" aria-label="Searching" />}
        {!p.searching && <kbd className="search-kbd">/</kbd>}
        <button
          type="button"
          className="search-help-button"
          data-testid="search-help-button"
          aria-label="How to search"
          aria-expanded={searchHelpOpen}
          title="How to search"
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
        <button type="button" className="button icon" data-testid="undo" aria-label="Undo" title={p.history.undoLabel ? `Undo: ${p.history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'} disabled={!p.history.canUndo} onClick={p.onUndo}>
          ↶
        </button>
        <button type="button" className="button icon" data-testid="redo" aria-label="Redo" title={p.history.redoLabel ? `Redo: ${p.history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} disabled={!p.history.canRedo} onClick={p.onRedo}>
          ↷
        </button>
        <button type="button" className="button" data-testid="tags-open" onClick={p.onTags}>
          Tags…
        </button>
        <button type="button" className="button" data-testid="import-open" onClick={p.onImport}>
          Import CSV…
        </button>
        <LanguageSwitch />
        <button type="button" className="button icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={p.onShortcuts}>
          ?
        </button>
        <button type="button" className="button primary" data-testid="add-folder" onClick={p.onAddFolder} disabled={p.addDisabled}>
          Add folder…
        </button>
      </div>
    </header>
  );
}
