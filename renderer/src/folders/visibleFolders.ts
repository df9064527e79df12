// The tree's rows as the keyboard walks them: the nodes shown (children of expanded nodes only),
// in order, with their depth and parent, so arrow keys move as in a file manager's tree.
import type { FolderNode } from '../../../shared/folderTree.ts';

export interface FolderRow {
  node: FolderNode;
  depth: number;
  parent: string | null;
}

export function visibleFolders(nodes: readonly FolderNode[], expanded: ReadonlySet<string>, depth = 0, parent: string | null = null, out: FolderRow[] = []): FolderRow[] {
  for (const node of nodes) {
    out.push({ node, depth, parent });
    if (node.children.length && expanded.has(node.key)) visibleFolders(node.children, expanded, depth + 1, node.key, out);
  }
  return out;
}

export type TreeKeyAction = { focus: string } | { expand: string } | { collapse: string } | { activate: string } | null;

/** What a key does on the focused row (WAI-ARIA tree pattern): move, open, close, or filter. */
export function treeKey(key: string, rows: readonly FolderRow[], focused: string, expanded: ReadonlySet<string>): TreeKeyAction {
  const at = rows.findIndex((r) => r.node.key === focused);
  if (at < 0) return rows.length ? { focus: rows[0].node.key } : null;
  const row = rows[at];
  const open = row.node.children.length > 0 && expanded.has(row.node.key);
  switch (key) {
    case 'ArrowDown':
      return at + 1 < rows.length ? { focus: rows[at + 1].node.key } : null;
    case 'ArrowUp':
      return at > 0 ? { focus: rows[at - 1].node.key } : null;
    case 'Home':
      return { focus: rows[0].node.key };
    case 'End':
      return { focus: rows[rows.length - 1].node.key };
    case 'ArrowRight':
      if (!row.node.children.length) return null;
      return open ? { focus: row.node.children[0].key } : { expand: row.node.key };
    case 'ArrowLeft':
      if (open) return { collapse: row.node.key };
      return row.parent ? { focus: row.parent } : null;
    case 'Enter':
    case ' ':
      return { activate: row.node.key };
  }
  return null;
}
