// What the grid area says when it has nothing to show: a failed read, no hits, or no photos yet.
import { bridge } from '../common/bridge.ts';
import type { PhotoSource } from './usePhotoPages.ts';

export function EmptyState({ source, onClearSearch, onAddFolder, onSearch }: { source: PhotoSource; onClearSearch(): void; onAddFolder(): void; onSearch(query: string): void }) {
  if (source.error) {
    return (
      <div className="empty-state" data-testid="empty-state" role="alert">
        <h2>{source.query ? 'The search could not run' : 'The catalogue could not be read'}</h2>
        <p className="error-text">{source.error}</p>
        {source.query && <p className="muted">Query: “{source.query}”</p>}
      </div>
    );
  }
  if (source.total > 0) return null;
  if (source.query) {
    return (
      <div className="empty-state" data-testid="empty-state">
        <h2>No photos match “{source.query}”</h2>
        {source.suggestion && (
          <p>
            <button type="button" className="link-button" data-testid="search-suggestion" onClick={() => onSearch(source.suggestion!)}>
              Did you mean “{source.suggestion}”?
            </button>
          </p>
        )}
        <p className="muted">Accents do not matter (“ulloi ut” finds “Üllői út”). Try fewer words, a year such as 1956, or a donor’s name.</p>
        <button type="button" className="button" onClick={onClearSearch}>
          Clear the search
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-icon" aria-hidden="true" />
      <h2>This catalogue is empty</h2>
      <p className="muted">
        Add a folder of scans to start: Fototar reads the photos in it and its subfolders, makes thumbnails, and never changes the originals.
      </p>
      <button type="button" className="button primary" onClick={onAddFolder}>
        Add folder…
      </button>
      <p className="muted small">
        {bridge.pathForFile ? 'You can also drop a folder onto this window.' : 'Or, on the command line: '}
        {!bridge.pathForFile && <code>npx fototar ingest &lt;folder&gt;</code>}
      </p>
    </div>
  );
}
