// The sidebar's folder tree: the folders the photos came from, with their photo counts
// (subfolders included), as a WAI-ARIA tree (arrows move and open, Enter filters). Clicking a
// folder puts folder:"<path>" in the search (shared/folderFilter.ts), so it combines with the
// words, facets, years and sort, and a smart collection keeps it; "All folders" takes it out.
// A moved folder is relinked from here (RelinkFolder.tsx): right-click, or Relink… under the tree.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderNode } from '../../../shared/folderTree.ts';
import { folderFilterOf, withFolderFilter } from '../../../shared/folderFilter.ts';
import { formatNumber } from '../common/labels.ts';
import { useFolderTree } from './useFolderTree.ts';
import { treeKey, visibleFolders } from './visibleFolders.ts';
import { RelinkFolder } from './RelinkFolder.tsx';
import './folders.css';

/** With this few top folders (the ingested roots), they open at first. */
const OPEN_AT_FIRST = 5;
const TREE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' ']);

function ancestorsOf(nodes: readonly FolderNode[], key: string, path: string[] = []): string[] | null {
  for (const node of nodes) {
    if (node.key === key) return path;
    const below = ancestorsOf(node.children, key, [...path, node.key]);
    if (below) return below;
  }
  return null;
}

function findNode(nodes: readonly FolderNode[], key: string | null): FolderNode | null {
  for (const node of nodes) {
    if (node.key === key) return node;
    const below = findNode(node.children, key);
    if (below) return below;
  }
  return null;
}

export function FolderTree({ query, onSearch, onInfo }: { /** The search shown in the grid. */ query: string; onSearch(query: string): void; onInfo(text: string): void }) {
  const { t } = useTranslation('collections');
  const { data: tree } = useFolderTree();
  const nodes = useMemo(() => tree?.nodes ?? [], [tree]);
  const active = folderFilterOf(query);
  const [opened, setOpened] = useState<Set<string> | null>(null);
  const expanded = useMemo(() => opened ?? new Set(nodes.length <= OPEN_AT_FIRST ? nodes.map((n) => n.key) : []), [opened, nodes]);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [relinking, setRelinking] = useState<FolderNode | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const moved = useRef(false);

  // The folder filtered to is shown: its ancestors open.
  useEffect(() => {
    if (!active) return;
    const above = ancestorsOf(nodes, active);
    if (above?.length) setOpened((o) => new Set([...(o ?? expanded), ...above]));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the filter or the tree changes
  }, [active, nodes]);

  const rows = useMemo(() => visibleFolders(nodes, expanded), [nodes, expanded]);
  const current = rows.some((r) => r.node.key === focusKey) ? focusKey : rows.some((r) => r.node.key === active) ? active : (rows[0]?.node.key ?? null);

  useEffect(() => {
    if (moved.current && current) items.current.get(current)?.focus();
    moved.current = false;
  }, [current]);

  const toggle = (key: string, open: boolean) => setOpened(() => {
    const next = new Set(expanded);
    if (open) next.add(key);
    else next.delete(key);
    return next;
  });
  const filterTo = (node: FolderNode) => onSearch(withFolderFilter(query, node.path));

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!TREE_KEYS.has(e.key) || e.ctrlKey || e.metaKey || e.altKey || !current) return;
    // The tree's keys are its own: the grid's arrows and Enter do not run from here.
    e.preventDefault();
    e.stopPropagation();
    const action = treeKey(e.key, rows, current, expanded);
    if (!action) return;
    if ('focus' in action) {
      moved.current = true;
      setFocusKey(action.focus);
    } else if ('expand' in action) toggle(action.expand, true);
    else if ('collapse' in action) toggle(action.collapse, false);
    else {
      const node = findNode(nodes, action.activate);
      if (node) filterTo(node);
    }
  };

  const activeNode = findNode(nodes, active);
  const item = (node: FolderNode, depth: number) => {
    const open = expanded.has(node.key);
    const hasChildren = node.children.length > 0;
    return (
      <li
        key={node.key}
        role="treeitem"
        aria-level={depth + 1}
        aria-expanded={hasChildren ? open : undefined}
        aria-selected={node.key === active}
        aria-label={`${node.name} (${formatNumber(node.count)})`}
        tabIndex={node.key === current ? 0 : -1}
        data-testid="folder-node"
        data-path={node.path}
        ref={(el) => {
          if (el) items.current.set(node.key, el);
          else items.current.delete(node.key);
        }}
        onFocus={(e) => e.target === e.currentTarget && setFocusKey(node.key)}
      >
        <div
          className={`folder-row${node.key === active ? ' active' : ''}`}
          style={{ paddingLeft: 2 + depth * 12 }}
          title={t('folders.count', { count: node.count, path: node.path })}
          onClick={() => {
            setFocusKey(node.key);
            filterTo(node);
          }}
          onContextMenu={(e) => {
            e.preventDefault();
            setRelinking(node);
          }}
        >
          <span
            className="folder-toggle"
            aria-hidden="true"
            title={hasChildren ? t(open ? 'folders.collapse' : 'folders.expand') : undefined}
            onClick={(e) => {
              if (!hasChildren) return;
              e.stopPropagation();
              toggle(node.key, !open);
            }}
          >
            {hasChildren ? (open ? '▾' : '▸') : ''}
          </span>
          <span className="folder-name" data-testid="folder-name">
            {node.name}
          </span>
          <span className="sidebar-count" data-testid="folder-count">
            {formatNumber(node.count)}
          </span>
        </div>
        {hasChildren && open && <ul role="group">{node.children.map((child) => item(child, depth + 1))}</ul>}
      </li>
    );
  };

  return (
    <section className="folder-section" aria-labelledby="folders-heading" data-testid="folder-section">
      <div className="sidebar-heading">
        <span id="folders-heading">{t('folders.heading')}</span>
        {active && (
          <button type="button" className="button small ghost" data-testid="folder-filter-clear" title={t('folders.showAllTitle')} onClick={() => onSearch(withFolderFilter(query, null))}>
            {t('folders.showAll')}
          </button>
        )}
      </div>
      {tree?.parent && (
        <p className="folder-parent muted small" title={tree.parent}>
          {t('folders.in', { path: tree.parent })}
        </p>
      )}
      {tree && nodes.length === 0 && <p className="sidebar-empty muted small">{t('folders.empty')}</p>}
      <ul role="tree" aria-labelledby="folders-heading" className="folder-tree" data-testid="folder-tree" onKeyDown={onKeyDown}>
        {nodes.map((node) => item(node, 0))}
      </ul>
      {activeNode && (
        <button type="button" className="button small folder-relink" data-testid="folder-relink" title={t('folders.relinkTitle', { name: activeNode.name })} onClick={() => setRelinking(activeNode)}>
          {t('folders.relink')}
        </button>
      )}
      {relinking && (
        <RelinkFolder
          folder={relinking}
          onClose={() => setRelinking(null)}
          onRelinked={(text, to) => {
            onInfo(text);
            // The filter follows the folder to where it is now.
            if (active === relinking.key) onSearch(withFolderFilter(query, to));
          }}
        />
      )}
    </section>
  );
}
