// The left sidebar: "All photos", then the author's collections with their counts, then the smart
// collections (saved searches), then the folders the photos came from (folders/FolderTree.tsx). Clicking a collection opens it in the lightbox; the one marked +
// is where B ("Add to collection") adds; clicking a smart collection runs its search.
import { memo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CollectionsState } from './useCollections.ts';
import { formatNumber } from '../common/labels.ts';
import './collections.css';
import { errorText } from '../common/errorText.ts';
import { SmartCollections } from './SmartCollections.tsx';
import { SidebarNameForm } from './SidebarNameForm.tsx';
import { FolderTree } from '../folders/FolderTree.tsx';

function CollectionsSidebarPanel({ collections, query, onSearch, onError, onInfo }: { collections: CollectionsState; /** The search shown in the grid. */ query: string; onSearch(query: string): void; onError(message: string): void; onInfo(message: string): void }) {
  const { t } = useTranslation('collections');
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const clean = name.trim();
    if (!clean || busy) return;
    setBusy(true);
    try {
      const created = await collections.create(clean);
      setName('');
      setCreating(false);
      collections.open(created.id);
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <nav className="collections-sidebar" aria-label={t('sidebar.label')} data-testid="collections-sidebar">
      <button
        type="button"
        className={`sidebar-item${collections.openId === null ? ' active' : ''}`}
        data-testid="sidebar-all-photos"
        onClick={() => collections.open(null)}
      >
        <span className="sidebar-name">{t('sidebar.allPhotos')}</span>
      </button>
      <div className="sidebar-heading">
        <span>{t('sidebar.heading')}</span>
        <button
          type="button"
          className="button small ghost"
          data-testid="new-collection"
          title={t('sidebar.new')}
          aria-label={t('sidebar.new')}
          onClick={() => setCreating((c) => !c)}
        >
          +
        </button>
      </div>
      {creating && (
        <SidebarNameForm
          testId="new-collection"
          label={t('sidebar.name')}
          placeholder={t('sidebar.namePlaceholder')}
          submitLabel={t('sidebar.create')}
          name={name}
          busy={busy}
          onName={setName}
          onSubmit={() => void submit()}
          onClose={() => setCreating(false)}
        />
      )}
      {collections.picked.length === 0 && !creating && (
        <p className="sidebar-empty muted small">
          <Trans t={t} i18nKey="sidebar.empty" components={{ kbd: <kbd /> }} />
        </p>
      )}
      <ul className="sidebar-list">
        {collections.picked.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`sidebar-item${collections.openId === c.id ? ' active' : ''}`}
              data-testid="sidebar-collection"
              data-collection-id={c.id}
              title={collections.targetId === c.id ? t('sidebar.target', { name: c.name }) : c.name}
              onClick={() => collections.open(c.id)}
            >
              <span className={`target-mark${collections.targetId === c.id ? ' on' : ''}`} aria-hidden="true">
                +
              </span>
              <span className="sidebar-name">{c.name}</span>
              <span className="sidebar-count">{formatNumber(c.count)}</span>
            </button>
          </li>
        ))}
      </ul>
      <SmartCollections collections={collections} query={query} onSearch={onSearch} onError={onError} />
      <FolderTree query={query} onSearch={(q) => (collections.open(null), onSearch(q))} onInfo={onInfo} />
    </nav>
  );
}

/** Drawn again only when its own props change (not at every move of the grid's focus). */
export const CollectionsSidebar = memo(CollectionsSidebarPanel);
