// The keyword tree as people see it (tag manager, tag facet, `fototar tags list`): hierarchical
// tags (shared/tags.ts) laid out by their levels. Each node is a path with the number of photos
// at or under it; the paths come from the catalogue flat (listTagTree, the facet's values) and
// are nested here, so the catalogue, the CLI and the renderer draw the same tree.
import { TAG_LEVEL_SEPARATOR, tagKey, tagLeaf, tagLevels } from './tags.ts';
import { hungarianCollator } from './textFold.ts';

/** One node of the catalogue's keyword tree, flat: its path and counts. */
export interface TagNode {
  /** The full path ("Helyszín|Budapest"); a flat tag is a one-level path. */
  tag: string;
  /** Photos carrying this tag or any tag under it (each photo once). */
  count: number;
  /** Photos carrying exactly this tag (0 for a node that is only a level of longer tags). */
  own: number;
}

/** A node with its children, for drawing. */
export interface TagTreeNode {
  /** The full path, what a click or a rename acts on. */
  path: string;
  /** The last level, what the tree shows. */
  name: string;
  depth: number;
  count: number;
  children: TagTreeNode[];
}

/**
 * Nests flat paths into a tree, children in the order the paths come (the caller sorts). A path
 * whose parent is not in the list (a facet showing its most frequent values) hangs from its
 * nearest listed ancestor, or from the top.
 */
export function nestTags(paths: readonly { path: string; count: number }[]): TagTreeNode[] {
  const roots: TagTreeNode[] = [];
  const byKey = new Map<string, TagTreeNode>();
  // Parents before children whatever the caller's order: fewer levels first (stable).
  const ordered = paths.map((p, i) => ({ ...p, i, depth: tagLevels(p.path).length })).sort((a, b) => a.depth - b.depth || a.i - b.i);
  const placed: { node: TagTreeNode; i: number; parent: TagTreeNode | null }[] = [];
  for (const { path, count, depth, i } of ordered) {
    const key = tagKey(path);
    if (byKey.has(key)) continue;
    const node: TagTreeNode = { path, name: tagLeaf(path), depth: depth - 1, count, children: [] };
    byKey.set(key, node);
    const levels = tagLevels(path);
    let parent: TagTreeNode | null = null;
    for (let n = levels.length - 1; n > 0 && !parent; n--) parent = byKey.get(tagKey(levels.slice(0, n).join(TAG_LEVEL_SEPARATOR))) ?? null;
    placed.push({ node, i, parent });
  }
  // Children in the caller's order.
  placed.sort((a, b) => a.i - b.i);
  for (const { node, parent } of placed) (parent ? parent.children : roots).push(node);
  return roots;
}

/** Compares two paths level by level in Hungarian order ("Helyszín|Budapest" before "Helyszín|Győr", "Helyszín" before both). */
export function compareTagPaths(a: string, b: string): number {
  const la = tagLevels(a);
  const lb = tagLevels(b);
  for (let i = 0; i < Math.min(la.length, lb.length); i++) {
    const c = hungarianCollator.compare(la[i], lb[i]);
    if (c !== 0) return c;
  }
  return la.length - lb.length;
}

/** The tree as indented text lines (the CLI's `tags list`): count, then the level's name. */
export function tagTreeLines(roots: readonly TagTreeNode[]): string[] {
  const lines: string[] = [];
  const walk = (nodes: readonly TagTreeNode[]) => {
    for (const node of nodes) {
      lines.push(`${String(node.count).padStart(7)}  ${'  '.repeat(node.depth)}${node.name}`);
      walk(node.children);
    }
  };
  walk(roots);
  return lines;
}
