// Shown for a photo whose original file is missing: says so plainly (the metadata is safe in
// the catalogue) and lets the archivist point the photo at the file's new place. The catalogue
// checks the new file holds the same picture before accepting it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../shared/types.ts';
import { api } from '../common/bridge.ts';
import { errorText } from '../common/errorText.ts';

export function RelinkForm({ photo, onRelinked }: { photo: Photo; onRelinked(photo: Photo): void }) {
  const { t } = useTranslation('editing');
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
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="relink-box" data-testid="relink" aria-label={t('relink.label')}>
      <p className="relink-text">
        {t('relink.before')} <span className="mono">{photo.file}</span>. {t('relink.after')}
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
          placeholder={t('relink.placeholder')}
          value={path}
          spellCheck={false}
          onChange={(event) => setPath(event.target.value)}
          aria-label={t('relink.path')}
        />
        <button type="submit" className="button small" data-testid="relink-button" disabled={busy || !path.trim()}>
          {busy ? t('relink.checking') : t('relink.relink')}
        </button>
      </form>
      {error && <div className="field-error" role="alert" data-testid="relink-error">{error}</div>}
    </section>
  );
}
