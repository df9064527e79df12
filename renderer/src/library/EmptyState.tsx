// What the grid area says when it has nothing to show: a failed read, no hits, or no photos yet.
import { useTranslation } from 'react-i18next';
import { bridge } from '../common/bridge.ts';
import type { PhotoSource } from './usePhotoPages.ts';

export function EmptyState({ source, onClearSearch, onAddFolder, onSearch }: { source: PhotoSource; onClearSearch(): void; onAddFolder(): void; onSearch(query: string): void }) {
  const { t } = useTranslation('library');
  if (source.error) {
    return (
      <div className="empty-state" data-testid="empty-state" role="alert">
        <h2>{source.query ? t('empty.searchFailed') : t('empty.readFailed')}</h2>
        <p className="error-text">{source.error}</p>
        {source.query && <p className="muted">{t('empty.query', { query: source.query })}</p>}
      </div>
    );
  }
  if (source.total > 0) return null;
  if (source.query) {
    return (
      <div className="empty-state" data-testid="empty-state">
        <h2>{t('empty.noMatch', { query: source.query })}</h2>
        {source.suggestion && (
          <p>
            <button type="button" className="link-button" data-testid="search-suggestion" onClick={() => onSearch(source.suggestion!)}>
              {t('empty.didYouMean', { suggestion: source.suggestion })}
            </button>
          </p>
        )}
        <p className="muted">{t('empty.hint')}</p>
        <button type="button" className="button" onClick={onClearSearch}>
          {t('empty.clear')}
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-icon" aria-hidden="true" />
      <h2>{t('empty.emptyTitle')}</h2>
      <p className="muted">
        {t('empty.emptyText')}
      </p>
      <button type="button" className="button primary" onClick={onAddFolder}>
        {t('empty.addFolder')}
      </button>
      <p className="muted small">
        {bridge.pathForFile ? t('empty.drop') : t('empty.commandLine')}
        {!bridge.pathForFile && <code>npx fototar ingest &lt;folder&gt;</code>}
      </p>
    </div>
  );
}
