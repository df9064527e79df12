// Tags across the whole catalogue: counts for autocomplete, the keyword tree, and the edits of a
// rename/merge (applied as one undoable step by services/tagsService.ts). Renaming "villamos" to
// an existing "Villamos" merges them; a photo carrying both keeps one. Tags compare as
// shared/tags.ts says (ignoring case). Renaming a node of the tree ("Helyszín|Budapest") renames
// every tag under it too, so moving a branch is renaming its top.
import type { TagCount } from '../../../shared/editHistory.ts';
import { foldText } from '../../../shared/textFold.ts';
import { CatalogueError } from '../catalogueError.ts';
import { normaliseTags, renamedTag, TAG_LEVEL_SEPARATOR, tagAncestors, tagKey as key, tagPathProblem } from '../../../shared/tags.ts';
import { compareTagPaths, type TagNode } from '../../../shared/tagTree.ts';
import type { PlannedEdit } from './recordedEdit.ts';

/** Tagged photos as the catalogue reads them: each photo with tags, and its tags. */
type TaggedPhotos = Iterable<{ id: number; tags: string[] }>;

/**
 * Every tag with the number of photos carrying it, most used first, then alphabetically, from
 * each spelling's count (PhotoReads.tagSpellingCounts).
 */
export function listTags(rows: readonly { tag: string; count: number }[], prefix = '', limit = 10000): TagCount[] {
  // The same tag in different case on different photos is one tag: the commonest spelling names it.
  const merged = new Map<string, TagCount>();
  for (const row of rows) {
    const k = key(row.tag);
    const current = merged.get(k);
    if (!current) merged.set(k, { tag: row.tag, count: row.count });
    else {
      if (row.count > current.count) current.tag = row.tag;
      current.count += row.count;
    }
  }
  const collator = new Intl.Collator('hu');
  return [...merged.values()]
    .filter((t) => matchesPrefix(t.tag, prefix))
    .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag))
    .slice(0, limit);
}

/** Whether a tag is found by what is typed: its start, a word's start, or a level's start ("Buda" finds "Helyszín|Budapest"). */
function matchesPrefix(tag: string, prefix: string): boolean {
  const folded = foldText(prefix.trim());
  if (!folded) return true;
  const text = foldText(tag);
  return text.startsWith(folded) || text.split(/[\s|]+/).some((word) => word.startsWith(folded)) || text.split(TAG_LEVEL_SEPARATOR).some((level) => level.startsWith(folded));
}

/**
 * Every node of the keyword tree (each tag and each path above one) with the photos at or under
 * it, each photo once per node, in tree order (level by level, Hungarian). With `prefix`, the
 * nodes it finds and the paths above them.
 */
export function listTagTree(tagged: TaggedPhotos, prefix = ''): TagNode[] {
  const nodes = new Map<string, TagNode>();
  const node = (path: string) => {
    const k = key(path);
    let n = nodes.get(k);
    if (!n) nodes.set(k, (n = { tag: path, count: 0, own: 0 }));
    return n;
  };
  for (const row of tagged) {
    const counted = new Set<TagNode>();
    for (const tag of row.tags) {
      node(tag).own++;
      for (const path of [...tagAncestors(tag), tag]) counted.add(node(path));
    }
    for (const n of counted) n.count++;
  }
  let list = [...nodes.values()];
  if (prefix.trim()) {
    const shown = new Set<string>();
    for (const n of list) {
      if (!matchesPrefix(n.tag, prefix)) continue;
      for (const path of [...tagAncestors(n.tag), n.tag]) shown.add(key(path));
    }
    list = list.filter((n) => shown.has(key(n.tag)));
  }
  return list.sort((a, b) => compareTagPaths(a.tag, b.tag));
}

/** The edits that rename (or merge) tag `from` into `to` on every photo carrying it. */
export function planTagRename(tagged: TaggedPhotos, from: string, to: string): PlannedEdit[] {
  const source = key(from);
  const target = to.trim().replace(/\s+/g, ' ');
  if (!source) throw new CatalogueError('invalid-input', 'tagRenameNoSource');
  if (!target) throw new CatalogueError('invalid-input', 'tagRenameNoTarget');
  if (/[;]/.test(target)) throw new CatalogueError('invalid-input', 'tagSemicolon');
  const problem = tagPathProblem(target);
  if (problem) throw new CatalogueError('invalid-input', problem.key, problem.params);
  const edits: PlannedEdit[] = [];
  const under = `${source}${TAG_LEVEL_SEPARATOR}`;
  for (const row of tagged) {
    const tags = row.tags;
    if (!tags.some((t) => key(t) === source || key(t).startsWith(under))) continue;
    edits.push({ id: row.id, patch: { tags: normaliseTags(tags.map((t) => renamedTag(t, from, target))) } });
  }
  return edits;
}
