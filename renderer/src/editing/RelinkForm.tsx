// Shown for a photo whose original file is missing: says so plainly (the metadata is safe in
// the catalogue) and lets the archivist point the photo at the file's new place. The catalogue
// checks the new file holds the same picture before accepting it.
import { useState } from 'react';
import type { Photo } from '../../../shared/types.ts';
import { api } from '../common/bridge.ts';
import { errorMessage } from '../../../shared/errorMessage.ts';

export function RelinkForm({ photo, onRelinked }: { photo: Photo; onRelinked(photo: Photo): void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!path.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      onRelinked(await api.relinkPhoto({ id: photo.id, path: path.trim() }));
      setPath('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="relink-box" data-testid="relink" aria-label="Missing original">
      <p className="relink-text">
        The original file is missing from <span className="mono">{photo.file}</span>. Its metadata is safe in the catalogue.
        If the file was moved or renamed, give its new path:
      </p>
      <form
        className="relink-row"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <input
          type="text"
          className="relink-path"
          data-testid="relink-path"
          placeholder="/new/folder/fortepan_12345.jpg"
          value={path}
          spellCheck={false}
          onChange={(event) => setPath(event.target.value)}
          aria-label="New path of the original file"
        />
        <button type="submit" className="button small" data-testid="relink-button" disabled={busy || !path.trim()}>
          {busy ? 'Checking…' : 'Relink'}
        </button>
      </form>
      {error && <div className="field-error" role="alert" data-testid="relink-error">{error}</div>}
    </section>
  );
}
