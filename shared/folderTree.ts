// The sidebar's folder tree (and `fototar folders`): the folders photos came from, built from
// the catalogue's count of photos per folder (shared/folderPath.ts keys). Each node counts its
// own photos and its subfolders'. The folders above every photo are collapsed: the top nodes are
// the children of the deepest folder all photos share (a folder holding photos itself stays a
// node), so two ingested boxes under /home/anna/Szkennelések show as the two boxes; and a folder
// without photos of its own and with one subfolder is shown with it as one node ("1956/Doboz 3").
import { hungarianCollator } from './textFold.ts';
import { folderPathOfKey } from './folderPath.ts';

export interface FolderNode {
  /** The folder key (ends in its separator); `folder:"<path>"` filters to it. */
  key: string;
  /** The folder's path as shown and typed. */
  path: string;
  /** The node's name: the folder's name, or the names of a collapsed chain joined by the separator. */
  name: string;
  /** Photos in this folder and all its subfolders. */
  count: number;
  /** Photos in this folder itself. */
  own: number;
  children: FolderNode[];
}

export interface FolderTree {
  /** The folder all top nodes are in (shown above them), or null when the top nodes are roots. */
  parent: string | null;
  nodes: FolderNode[];
  /** Photos in all folders. */
  total: number;
}

/** What relinking a moved folder did (`fototar relink --folder --json`, the app's message). */
export interface FolderRelinkReport {
  /** The folder's photos (with its subfolders'). */
  photos: number;
  relinked: number;
  /** Photos whose picture was not found under the new folder, in path order (at most 100 listed). */
  notFound: number;
  notFoundFiles: { id: number; file: string }[];
}

interface Building {
  key: string;
  name: string;
  own: number;
  count: number;
  children: Map<string, Building>;
}

/** Splits a folder key into its root ("/", "C:\", "\\server\") and the names below it. */
function segments(key: string): { root: string; names: string[] } {
  if (key.startsWith('/')) return { root: '/', names: key.split('/').filter(Boolean) };
  const parts = key.split(/[\\/]/).filter(Boolean);
  if (key.startsWith('\\\\')) return { root: `\\\\${parts[0] ?? ''}\\`, names: parts.slice(1) };
  return { root: `${parts[0] ?? ''}\\`, names: parts.slice(1) };
}

export function buildFolderTree(counts: readonly { folder: string; count: number }[]): FolderTree {
  const top: Building = { key: '', name: '', own: 0, count: 0, children: new Map() };
  for (const { folder, count } of counts) {
    if (!folder || count <= 0) continue;
    const { root, names } = segments(folder);
    const sep = root.startsWith('/') ? '/' : '\\';
    top.count += count;
    let node: Building | undefined = top.children.get(root);
    if (!node) top.children.set(root, (node = { key: root, name: root, own: 0, count: 0, children: new Map() }));
    node.count += count;
    for (const name of names) {
      let child: Building | undefined = node.children.get(name);
      if (!child) node.children.set(name, (child = { key: `${node.key}${name}${sep}`, name, own: 0, count: 0, children: new Map() }));
      child.count += count;
      node = child;
    }
    node.own += count;
  }
  // Down to the deepest folder every photo is in.
  let shared: Building = top;
  while (shared.own === 0 && shared.children.size === 1) {
    const only = shared.children.values().next().value!;
    if (only.own > 0) break;
    shared = only;
  }
  const parent = shared === top ? null : folderPathOfKey(shared.key);
  return { parent, nodes: sortNodes([...shared.children.values()].map(finish)), total: top.count };
}

function finish(node: Building): FolderNode {
  let current = node;
  let name = node.name;
  // A folder without photos of its own and with one subfolder: one node with it.
  while (current.own === 0 && current.children.size === 1) {
    current = current.children.values().next().value!;
    const sep = current.key.endsWith('/') ? '/' : '\\';
    name = name.endsWith(sep) ? `${name}${current.name}` : `${name}${sep}${current.name}`;
  }
  return {
    key: current.key,
    path: folderPathOfKey(current.key),
    name,
    count: current.count,
    own: current.own,
    children: sortNodes([...current.children.values()].map(finish)),
  };
}

function sortNodes(nodes: FolderNode[]): FolderNode[] {
  return nodes.sort((a, b) => hungarianCollator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every node of the tree, depth first (the CLI's listing). */
export function* walkFolders(nodes: readonly FolderNode[], depth = 0): Generator<{ node: FolderNode; depth: number }> {
  for (const node of nodes) {
    yield { node, depth };
    yield* walkFolders(node.children, depth + 1);
  }
}
