// The sidebar's smart collections: searches saved under a name. Clicking one runs its search in
// the grid, so it always shows what the catalogue holds now; "Save search" keeps the search in
// the box (its text, facets and years are all in it) under a name.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionsState } from './useCollections.ts';
import { errorText } from '../common/errorText.ts';
import { SidebarNameForm } from './SidebarNameForm.tsx';

export function SmartCollections({ collections, query, onSearch, onError }: { collections: CollectionsState; query: string; onSearch(query: string): void; onError(message: string): void }) {
  const { t } = useTranslation('collections');
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const current = query.trim();

  const submit = async () => {
    const clean = name.trim();
    if (!clean || !current || busy) return;
    setBusy(true);
    try {
      await collections.create(clean, current);
      setName('');
      setSaving(false);
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="sidebar-heading">
        <span>{t('smart.heading')}</span>
        <button
          type="button"
          className="button small ghost"
          data-testid="save-search"
          title={current ? t('smart.save', { query: current }) : t('smart.saveNeedsSearch')}
          aria-label={t('smart.saveLabel')}
          disabled={!current}
          onClick={() => setSaving((s) => !s)}
        >
          +
        </button>
      </div>
      {saving && current && (
        <SidebarNameForm
          testId="save-search"
          label={t('smart.name', { query: current })}
          placeholder={current}
          submitLabel={t('smart.create')}
          name={name}
          busy={busy}
          onName={setName}
          onSubmit={() => void submit()}
          onClose={() => setSaving(false)}
        />
      )}
      {collections.smart.length === 0 && !saving && <p className="sidebar-empty muted small">{t('smart.empty')}</p>}
      <ul className="sidebar-list">
        {collections.smart.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`sidebar-item smart${collections.openId === null && c.query === current ? ' active' : ''}`}
              data-testid="sidebar-smart-collection"
              data-collection-id={c.id}
              title={t('smart.title', { name: c.name, query: c.query })}
              onClick={() => {
                collections.open(null);
                onSearch(c.query ?? '');
              }}
            >
              <span className="smart-mark" aria-hidden="true">⌕</span>
              <span className="sidebar-name">{c.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
