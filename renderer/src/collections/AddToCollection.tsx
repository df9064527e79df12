// "Add to collection" for the grid's selection (search results included): a button in the status
// bar, a menu to choose the collection, and the B key (as in Lightroom's quick collection).
// With no collection yet, B asks for a name and creates one.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionsState } from './useCollections.ts';
import { errorText } from '../common/errorText.ts';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function AddToCollection({
  collections,
  count,
  selectedIds,
  onMessage,
}: {
  collections: CollectionsState;
  /** How many photos are selected. */
  count: number;
  /** The selected photos' ids (in the order the author picked them, or the grid's order). */
  selectedIds(): Promise<number[]>;
  onMessage(kind: 'info' | 'error', text: string): void;
}) {
  const { t } = useTranslation('collections');
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  const target = collections.picked.find((c) => c.id === collections.targetId) ?? null;

  const add = async (to?: number) => {
    if (count === 0) return;
    if (to === undefined && !target) {
      setAsking(true);
      return;
    }
    try {
      onMessage('info', await collections.add(await selectedIds(), to));
    } catch (e) {
      onMessage('error', errorText(e));
    }
  };

  const latest = useRef({ add, lightboxOpen: collections.openId !== null });
  latest.current = { add, lightboxOpen: collections.openId !== null };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'b' || e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return;
      // B works in the grid and in the large view (one photo at a time), not over other dialogs.
      if (latest.current.lightboxOpen || document.querySelector('[role="dialog"][aria-modal="true"]:not([data-testid="large-view"])')) return;
      e.preventDefault();
      void latest.current.add();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const createAndAdd = async () => {
    const clean = name.trim();
    if (!clean) return;
    try {
      const created = await collections.create(clean);
      setAsking(false);
      setName('');
      await add(created.id);
    } catch (e) {
      onMessage('error', errorText(e));
    }
  };

  return (
    <span className="add-to-collection">
      <button
        type="button"
        className="button small"
        data-testid="add-to-collection"
        disabled={count === 0}
        title={t('add.title')}
        onClick={() => void add()}
      >
        {target ? t('add.to', { name: target.name }) : t('add.toCollection')} <kbd>B</kbd>
      </button>
      {collections.picked.length > 1 && (
        <select
          className="collection-target"
          aria-label={t('add.target')}
          data-testid="add-to-collection-target"
          value={collections.targetId ?? ''}
          onChange={(e) => collections.setTarget(Number(e.target.value))}
        >
          {collections.picked.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
      {asking && (
        <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && setAsking(false)}>
          <form
            className="dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="new-collection-title"
            onSubmit={(e) => {
              e.preventDefault();
              void createAndAdd();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setAsking(false);
              }
            }}
          >
            <h2 id="new-collection-title">{t('add.newTitle')}</h2>
            <p className="muted">{t('add.newIntro')}</p>
            <input autoFocus className="text-input" data-testid="ask-collection-name" value={name} maxLength={200} placeholder={t('add.namePlaceholder')} aria-label={t('add.newTitle')} onChange={(e) => setName(e.target.value)} />
            <div className="button-row end">
              <button type="button" className="button ghost" onClick={() => setAsking(false)}>
                {t('add.cancel')}
              </button>
              <button type="submit" className="button primary" data-testid="ask-collection-create" disabled={!name.trim()}>
                {t('add.createAndAdd')}
              </button>
            </div>
          </form>
        </div>
      )}
    </span>
  );
}
