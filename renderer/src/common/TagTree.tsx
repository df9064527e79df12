// The keyword tree (shared/tagTree.ts) as a WAI-ARIA tree, for the tag manager and the tag facet:
// collapsible nodes, and the keyboard of every tree view — ↑/↓ move, → opens (or goes to the
// first child), ← closes (or goes to the parent), Home/End, Enter acts on the node; one node is
// in the Tab order at a time. What a row shows and does is the caller's (renderRow, onActivate).
import './tagTree.css';
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagTreeNode } from '../../../shared/tagTree.ts';
import { tagKey } from '../../../shared/tags.ts';

interface Props {
  roots: readonly TagTreeNode[];
  label: string;
  /** Every node open (while a filter narrows the tree, what it found is in view). */
  openAll?: boolean;
  onActivate(node: TagTreeNode): void;
  /** The row's content beside the open/close mark. */
  renderRow(node: TagTreeNode): ReactNode;
  /** Keys the caller handles on a node (F2 to rename); true when handled. */
  onNodeKey?(event: KeyboardEvent, node: TagTreeNode): boolean;
  className?: string;
  testId?: string;
}

interface Row {
  node: TagTreeNode;
  parent: number;
}

export function TagTree({ roots, label, openAll = false, onActivate, renderRow, onNodeKey, className = '', testId }: Props) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const isOpen = (node: TagTreeNode) => node.children.length > 0 && (openAll || open.has(tagKey(node.path)));
  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (nodes: readonly TagTreeNode[], parent: number) => {
      for (const node of nodes) {
        const index = out.length;
        out.push({ node, parent });
        if (node.children.length > 0 && (openAll || open.has(tagKey(node.path)))) walk(node.children, index);
      }
    };
    walk(roots, -1);
    return out;
  }, [roots, open, openAll]);

  const focusedIndex = Math.max(0, rows.findIndex((r) => tagKey(r.node.path) === focusKey));
  const toggle = (node: TagTreeNode, to?: boolean) =>
    setOpen((current) => {
      const key = tagKey(node.path);
      const next = new Set(current);
      if (to ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setFocusKey(tagKey(row.node.path));
    list.current?.querySelectorAll<HTMLElement>('[role="treeitem"]')[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget) return; // typing in a row's own field
    const { node, parent } = rows[index];
    if (onNodeKey?.(event, node)) return;
    let handled = true;
    if (event.key === 'ArrowDown') focusRow(Math.min(rows.length - 1, index + 1));
    else if (event.key === 'ArrowUp') focusRow(Math.max(0, index - 1));
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(rows.length - 1);
    else if (event.key === 'ArrowRight') {
      if (node.children.length && !isOpen(node)) toggle(node, true);
      else if (node.children.length) focusRow(index + 1);
    } else if (event.key === 'ArrowLeft') {
      if (isOpen(node) && !openAll) toggle(node, false);
      else if (parent >= 0) focusRow(parent);
    } else if (event.key === 'Enter' || event.key === ' ') onActivate(node);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <ul ref={list} role="tree" aria-label={label} className={`tag-tree ${className}`} data-testid={testId}>
      {rows.map(({ node }, index) => {
        const expanded = isOpen(node);
        return (
          <li
            key={node.path}
            role="treeitem"
            aria-level={node.depth + 1}
            aria-expanded={node.children.length ? expanded : undefined}
            aria-selected={index === focusedIndex}
            tabIndex={index === focusedIndex ? 0 : -1}
            className="tag-tree-row"
            style={{ paddingLeft: `${node.depth * 14}px` }}
            data-path={node.path}
            onFocus={(e) => e.target === e.currentTarget && setFocusKey(tagKey(node.path))}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {node.children.length ? (
              <button
                type="button"
                tabIndex={-1}
                className="tag-tree-toggle"
                aria-label={t(expanded ? 'tree.collapse' : 'tree.expand', { name: node.name })}
                onClick={() => !openAll && toggle(node)}
                data-testid="tag-tree-toggle"
              >
                {expanded ? '▾' : '▸'}
              </button>
            ) : (
              <span className="tag-tree-toggle" aria-hidden="true" />
            )}
            <div className="tag-tree-content">{renderRow(node)}</div>
          </li>
        );
      })}
    </ul>
  );
}
