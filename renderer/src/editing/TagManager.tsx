// The catalogue's tags as the keyword tree, with the photos at or under each node: rename one on
// every photo, or merge it into another by renaming it to that tag's name; renaming a node of
// the tree ("Helyszín|Budapest", to move it give the new path) renames every tag under it. Each
// rename is one undoable step (Ctrl+Z). Enter or F2 on a node renames it.
import './archivistDesk.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nestTags, type TagNode, type TagTreeNode } from '../../../shared/tagTree.ts';
import { api } from '../common/bridge.ts';
import { errorText } from '../common/errorText.ts';
import { formatNumber } from '../common/labels.ts';
import { TagTree } from '../common/TagTree.tsx';
import { FieldError } from '../common/FieldError.tsx';

export function TagManager({ onClose, onRenamed }: { onClose(): void; onRenamed(message: string): void }) {
  const { t } = useTranslation('editing');
  const [filter, setFilter] = useState('');
  const [tags, setTags] = useState<TagNode[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const load = useCallback(() => {
    api.listTagTree({ prefix: filter }).then(
      (r) => setTags(r.nodes),
      (e: unknown) => setError(errorText(e)),
    );
  }, [filter]);
  useEffect(() => load(), [load]);

  const roots = useMemo(() => nestTags((tags ?? []).map((n) => ({ path: n.tag, count: n.count }))), [tags]);
  const startRename = (node: TagTreeNode) => {
    setEditing(node.path);
    setNewName(node.path);
  };

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
        <FieldError text={error} testId="tag-manager-error" />
        {tags && tags.length === 0 && <p className="muted">{filter ? t('tagManager.noMatch') : t('tagManager.none')}</p>}
        <TagTree
          roots={roots}
          label={t('tagManager.title')}
          openAll={filter.trim() !== ''}
          className="tag-list"
          testId="tag-list"
          onActivate={startRename}
          onNodeKey={(event, node) => {
            if (event.key !== 'F2') return false;
            event.preventDefault();
            startRename(node);
            return true;
          }}
          renderRow={(node) =>
            editing === node.path ? (
              <input
                className="text-input"
                autoFocus
                aria-label={t('tagManager.newName', { tag: node.path })}
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void rename(node.path);
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
              <>
                <span className="tag-name" title={node.path}>
                  {node.name}
                </span>
                <span className="muted small">{formatNumber(node.count)}</span>
                <button type="button" tabIndex={-1} className="button small ghost" onClick={() => startRename(node)}>
                  {t('tagManager.rename')}
                </button>
              </>
            )
          }
        />
        <div className="button-row end">
          <button type="button" className="button" onClick={onClose}>
            {t('tagManager.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
