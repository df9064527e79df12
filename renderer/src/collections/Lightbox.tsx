// The lightbox: one collection's picks large, side by side, in figure order, each with its credit
// in the chosen style; the credit list with its live preview on the right; export from here.
// Reorder by dragging a picture, or with the keyboard: ←/→ to move the focus, Alt+←/→ (or
// Alt+↑/↓) to move the focused pick, Delete to take it out, Esc to go back to the photos.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Collection } from '../../../shared/collections.ts';
import type { FigureEntry } from '../../../shared/figureCredits.ts';
import { CREDIT_WORDS } from '../../../shared/creditStyles.ts';
import { api, bridge } from '../common/bridge.ts';
import { photoDate, photoTitle } from '../common/labels.ts';
import { useCatalogueData } from '../common/useCatalogueData.ts';
import { CreditsPanel, type CreditChoice } from './CreditsPanel.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { errorText } from '../common/errorText.ts';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function Lightbox({ collectionId, onClose, onError }: { collectionId: number; onClose(): void; onError(message: string): void }) {
  const { t } = useTranslation('collections');
  const [focus, setFocus] = useState(0);
  const [choice, setChoice] = useState<CreditChoice>({ style: 'fortepan', lang: 'hu', format: 'docx' });
  const [exporting, setExporting] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dragItem, setDragItem] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const cards = useRef<(HTMLDivElement | null)[]>([]);

  // The picks and their credits follow every change to collections and to photos, whoever made it.
  const loaded = useCatalogueData(() => api.getCollection({ id: collectionId }), [collectionId], (e) => e.type === 'collectionsChanged' || e.type === 'photosChanged');
  const collection: Collection | null = loaded.data;
  useEffect(() => {
    if (loaded.error) onError(loaded.error);
  }, [loaded.error, onError]);
  // The card credits follow the chosen style and language.
  const credits = useCatalogueData(
    () => api.collectionCredits({ id: collectionId, style: choice.style, lang: choice.lang, format: 'txt' }),
    [collectionId, choice.style, choice.lang],
    (e) => e.type === 'collectionsChanged' || e.type === 'photosChanged',
  );
  const entries: FigureEntry[] = credits.data?.entries ?? [];

  const items = collection?.id === collectionId ? collection.items : [];
  const count = items.length;

  const applied = useCallback((c: Collection) => loaded.set(c), [loaded.set]); // eslint-disable-line react-hooks/exhaustive-deps

  const move = useCallback(
    (itemId: number, position: number) => {
      api.moveInCollection({ id: collectionId, itemId, position }).then(applied, (e: unknown) => onError(errorText(e)));
    },
    [collectionId, applied, onError],
  );

  const remove = useCallback(
    (itemId: number) => {
      api.removeFromCollection({ id: collectionId, itemIds: [itemId] }).then(applied, (e: unknown) => onError(errorText(e)));
    },
    [collectionId, applied, onError],
  );

  useEffect(() => {
    if (focus >= count && count > 0) setFocus(count - 1);
  }, [focus, count]);

  useEffect(() => {
    cards.current[focus]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [focus]);

  // Keys are caught before the grid's own handler (capture phase) while the lightbox is open.
  const keys = useRef({ focus, items, exporting, renaming, move, remove, onClose });
  keys.current = { focus, items, exporting, renaming, move, remove, onClose };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = keys.current;
      if (k.exporting || k.renaming !== null || isEditable(e.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      // Searching goes back to the photos; the grid's own handler then focuses the search box.
      if ((e.key === '/' && !e.ctrlKey && !e.metaKey) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
        k.onClose();
        return;
      }
      const item = k.items[k.focus];
      const forward = e.key === 'ArrowRight' || e.key === 'ArrowDown';
      const backward = e.key === 'ArrowLeft' || e.key === 'ArrowUp';
      let handled = true;
      if (e.altKey && (forward || backward)) {
        if (item) {
          const to = forward ? Math.min(k.items.length - 1, k.focus + 1) : Math.max(0, k.focus - 1);
          if (to !== k.focus) {
            k.move(item.itemId, to);
            setFocus(to);
          }
        }
      } else if (forward) setFocus((f) => Math.min(k.items.length - 1, f + 1));
      else if (backward) setFocus((f) => Math.max(0, f - 1));
      else if (e.key === 'Home') setFocus(0);
      else if (e.key === 'End') setFocus(Math.max(0, k.items.length - 1));
      else if (e.key === 'Delete' || e.key === 'Backspace') {
        if (item) k.remove(item.itemId);
      } else if (e.key === 'Escape') k.onClose();
      else if (e.key.toLowerCase() === 'b' && !e.ctrlKey && !e.metaKey) {
        // B adds the grid's selection; there is no grid selection here.
      } else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const onDragOverCard = (e: React.DragEvent, index: number) => {
    if (dragItem === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    setDropAt(e.clientX < box.left + box.width / 2 ? index : index + 1);
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    if (dragItem === null || dropAt === null) return;
    const from = items.findIndex((i) => i.itemId === dragItem);
    const to = dropAt > from ? dropAt - 1 : dropAt;
    setDragItem(null);
    setDropAt(null);
    if (from >= 0 && to !== from) {
      move(dragItem, to);
      setFocus(to);
    }
  };

  const rename = async () => {
    if (renaming === null || !collection) return;
    try {
      await api.renameCollection({ id: collection.id, name: renaming });
      setRenaming(null);
    } catch (e) {
      onError(errorText(e));
    }
  };

  const deleteCollection = async () => {
    if (!collection) return;
    if (!window.confirm(t('lightbox.confirmDelete', { name: collection.name }))) return;
    try {
      await api.deleteCollection({ id: collection.id });
      onClose();
    } catch (e) {
      onError(errorText(e));
    }
  };

  return (
    <div className="lightbox" data-testid="lightbox" aria-label={t('lightbox.label')}>
      <section className="lightbox-main">
        <header className="lightbox-head">
          <button type="button" className="button small ghost" data-testid="lightbox-back" onClick={onClose} title={t('lightbox.backTitle')}>
            {t('lightbox.back')}
          </button>
          {renaming !== null ? (
            <form
              className="lightbox-rename"
              onSubmit={(e) => {
                e.preventDefault();
                void rename();
              }}
            >
              <input
                autoFocus
                className="text-input"
                aria-label={t('lightbox.name')}
                value={renaming}
                maxLength={200}
                onChange={(e) => setRenaming(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    e.stopPropagation();
                    setRenaming(null);
                  }
                }}
              />
              <button type="submit" className="button small" disabled={!renaming.trim()}>
                {t('lightbox.save')}
              </button>
            </form>
          ) : (
            <h2 className="lightbox-title" data-testid="lightbox-title" onDoubleClick={() => collection && setRenaming(collection.name)}>
              {collection?.name ?? ''}
            </h2>
          )}
          <span className="muted" data-testid="lightbox-count">
            {collection ? t('lightbox.photos', { count }) : ''}
          </span>
          <span className="spacer" />
          <span className="muted small lightbox-hint">{t('lightbox.hint')}</span>
          <button type="button" className="button small ghost" onClick={() => collection && setRenaming(collection.name)} disabled={!collection}>
            {t('lightbox.rename')}
          </button>
          <button type="button" className="button small ghost" onClick={deleteCollection} disabled={!collection}>
            {t('lightbox.delete')}
          </button>
          <button type="button" className="button primary" data-testid="export-open" disabled={count === 0} onClick={() => setExporting(true)}>
            {t('lightbox.export')}
          </button>
        </header>
        <div className="lightbox-strip" data-testid="lightbox-strip" onDragOver={(e) => dragItem !== null && e.preventDefault()} onDrop={onDrop}>
          {collection && count === 0 && (
            <div className="empty-state" data-testid="lightbox-empty">
              <h2>{t('lightbox.emptyTitle', { name: collection.name })}</h2>
              <p className="muted">
                <Trans t={t} i18nKey="lightbox.emptyText" components={{ kbd: <kbd /> }} />
              </p>
              <button type="button" className="button" onClick={onClose}>
                {t('lightbox.backToPhotos')}
              </button>
            </div>
          )}
          {items.map((item, index) => {
            const entry = entries[index]?.photoId === item.photo.id ? entries[index] : undefined;
            const date = photoDate(item.photo.date);
            return (
              <div
                key={item.itemId}
                ref={(el) => {
                  cards.current[index] = el;
                }}
                className={[
                  'pick',
                  index === focus ? 'focused' : '',
                  dragItem === item.itemId ? 'dragging' : '',
                  dropAt === index ? 'drop-before' : '',
                  dropAt === index + 1 && index === count - 1 ? 'drop-after' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                data-testid="pick"
                data-item-id={item.itemId}
                data-photo-id={item.photo.id}
                draggable
                tabIndex={-1}
                onClick={() => setFocus(index)}
                onDragStart={(e) => {
                  setDragItem(item.itemId);
                  setFocus(index);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('application/x-fototar-pick', String(item.itemId));
                }}
                onDragEnd={() => {
                  setDragItem(null);
                  setDropAt(null);
                }}
                onDragOver={(e) => onDragOverCard(e, index)}
              >
                <div className="pick-figure" data-testid="pick-figure">
                  {index + 1}
                </div>
                <div className="pick-image">
                  {item.photo.previewError ? (
                    <div className="no-preview">
                      <span className="no-preview-label">{t('lightbox.noPreview')}</span>
                      <span className="no-preview-reason">{item.photo.previewError}</span>
                    </div>
                  ) : (
                    <img src={bridge.imageUrl(item.photo.id, 'preview', item.photo.thumbVersion)} alt={photoTitle(item.photo)} draggable={false} />
                  )}
                  {item.photo.missing && <span className="badge badge-missing">{t('lightbox.missing')}</span>}
                </div>
                <div className="pick-text">
                  <span className="pick-title">
                    {photoTitle(item.photo)}
                    {date && <span className="muted"> · {date}</span>}
                  </span>
                  <span className="pick-credit" data-testid="pick-credit">
                    {entry ? entry.credit || CREDIT_WORDS[choice.lang].noCredit : item.photo.credit}
                  </span>
                  <span className="pick-actions">
                    <label className="pick-modified" title={t('lightbox.modifiedTitle')}>
                      <input
                        type="checkbox"
                        checked={item.modified}
                        onChange={(e) =>
                          api.setPickModified({ id: collectionId, itemId: item.itemId, modified: e.target.checked }).then(applied, (err: unknown) => onError(errorText(err)))
                        }
                      />{' '}
                      {t('lightbox.modified')}
                    </label>
                    <span className="spacer" />
                    <button type="button" className="button small ghost" aria-label={t('lightbox.earlier', { figure: index + 1 })} disabled={index === 0} onClick={() => move(item.itemId, index - 1)}>
                      ‹
                    </button>
                    <button type="button" className="button small ghost" aria-label={t('lightbox.later', { figure: index + 1 })} disabled={index === count - 1} onClick={() => move(item.itemId, index + 1)}>
                      ›
                    </button>
                    <button type="button" className="button small ghost" data-testid="pick-remove" aria-label={t('lightbox.removeFigure', { figure: index + 1 })} onClick={() => remove(item.itemId)}>
                      {t('lightbox.remove')}
                    </button>
                  </span>
                </div>
              </div>
            );
          })}
        </div>
      </section>
      {collection && (
        <CreditsPanel collectionId={collection.id} collectionName={collection.name} choice={choice} onChoice={setChoice} />
      )}
      {exporting && collection && (
        <ExportDialog
          collectionId={collection.id}
          collectionName={collection.name}
          defaultDir={collection.defaultExportDir}
          count={count}
          credits={choice}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
