// The left sidebar: "All photos", then the author's collections with their counts. Clicking a
// collection opens it in the lightbox; the one marked + is where B ("Add to collection") adds.
import { useState } from 'react';
import type { CollectionsState } from './useCollections.ts';
import { numberFormat } from '../common/labels.ts';
import './collections.css';
import { errorMessage } from '../../../shared/errorMessage.ts';

export function CollectionsSidebar({ collections, onError }: { collections: CollectionsState; onError(message: string): void }) {
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
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <nav className="collections-sidebar" aria-label="Collections" data-testid="collections-sidebar">
      <button
        type="button"
        className={`sidebar-item${collections.openId === null ? ' active' : ''}`}
        data-testid="sidebar-all-photos"
        onClick={() => collections.open(null)}
      >
        <span className="sidebar-name">All photos</span>
      </button>
      <div className="sidebar-heading">
        <span>Collections</span>
        <button
          type="button"
          className="button small ghost"
          data-testid="new-collection"
          title="New collection"
          aria-label="New collection"
          onClick={() => setCreating((c) => !c)}
        >
          +
        </button>
      </div>
      {creating && (
        <form
          className="sidebar-new"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <input
            autoFocus
            className="text-input"
            data-testid="new-collection-name"
            aria-label="Name of the new collection"
            placeholder="Chapter 3"
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setCreating(false);
              }
            }}
          />
          <button type="submit" className="button small primary" data-testid="new-collection-create" disabled={!name.trim() || busy}>
            Create
          </button>
        </form>
      )}
      {collections.list.length === 0 && !creating && (
        <p className="sidebar-empty muted small">
          No collections yet. Create one, then press <kbd>B</kbd> on photos to pick them.
        </p>
      )}
      <ul className="sidebar-list">
        {collections.list.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`sidebar-item${collections.openId === c.id ? ' active' : ''}`}
              data-testid="sidebar-collection"
              data-collection-id={c.id}
              title={collections.targetId === c.id ? `${c.name} — B adds photos here` : c.name}
              onClick={() => collections.open(c.id)}
            >
              <span className={`target-mark${collections.targetId === c.id ? ' on' : ''}`} aria-hidden="true">
                +
              </span>
              <span className="sidebar-name">{c.name}</span>
              <span className="sidebar-count">{numberFormat.format(c.count)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
