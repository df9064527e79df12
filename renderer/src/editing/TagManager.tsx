// The catalogue's tags with their counts: rename one on every photo, or merge it into another
// by renaming it to that tag's name. Each rename is one undoable step (Ctrl+Z).
import './archivistDesk.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagCount } from '../../../shared/editHistory.ts';
import { api } from '../common/bridge.ts';
import { errorText } from '../common/errorText.ts';
import { formatNumber } from '../common/labels.ts';

const SHOWN = 300;

export function TagManager({ onClose, onRenamed }: { onClose(): void; onRenamed(message: string): void }) {
  const { t } = useTranslation('editing');
  const [filter, setFilter] = useState('');
  const [tags, setTags] = useState<TagCount[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const load = useCallback(() => {
    api.listTags({ prefix: filter, limit: SHOWN }).then(
      (r) => setTags(r.tags),
      (e: unknown) => setError(errorText(e)),
    );
  }, [filter]);
  useEffect(() => load(), [load]);

  const rename = async (from: string) => {
    const to = newName.trim();
    if (!to || to === from) return setEditing(null);
    try {
      const result = await api.renameTag({ from, to });
      const existing = result.merged;
      setEditing(null);
      setError(null);
      load();
      onRenamed(t(existing ? 'tagManager.merged' : 'tagManager.renamed', { from, to, count: result.photos }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="overlay dim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog tag-manager" role="dialog" aria-modal="true" aria-labelledby="tags-title" data-testid="tag-manager">
        <h2 id="tags-title">{t('tagManager.title')}</h2>
        <p className="muted">{t('tagManager.intro')}</p>
        <input
          ref={input}
          className="text-input"
          type="search"
          aria-label={t('tagManager.find')}
          placeholder={t('tagManager.findPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="tag-filter"
        />
        {error && (
          <p className="field-error" role="alert" data-testid="tag-manager-error">
            {error}
          </p>
        )}
        <ul className="tag-list" data-testid="tag-list">
          {tags?.map((tc) => (
            <li key={tc.tag}>
              {editing === tc.tag ? (
                <input
                  className="text-input"
                  autoFocus
                  aria-label={t('tagManager.newName', { tag: tc.tag })}
                  value={newName}
                  onChange={(e) => setNewName(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void rename(tc.tag);
                    } else if (e.key === 'Escape') {
                      e.preventDefault();
                      e.stopPropagation();
                      e.nativeEvent.stopImmediatePropagation();
                      setEditing(null);
                    }
                  }}
                  data-testid="tag-new-name"
                />
              ) : (
                <span className="tag-name">{tc.tag}</span>
              )}
              <span className="muted small">{formatNumber(tc.count)}</span>
              {editing !== tc.tag && (
                <button
                  type="button"
                  className="button small ghost"
                  onClick={() => {
                    setEditing(tc.tag);
                    setNewName(tc.tag);
                  }}
                >
                  {t('tagManager.rename')}
                </button>
              )}
            </li>
          ))}
          {tags && tags.length === 0 && <li className="muted">{filter ? t('tagManager.noMatch') : t('tagManager.none')}</li>}
        </ul>
        <div className="button-row end">
          <button type="button" className="button" onClick={onClose}>
            {t('tagManager.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
