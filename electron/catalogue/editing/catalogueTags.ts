// Tags across the whole catalogue: counts for autocomplete, and the edits of a rename/merge
// (applied as one undoable step by services/tagsService.ts). Renaming "villamos" to an existing
// "Villamos" merges them; a photo carrying both keeps one. Tags compare as shared/tags.ts says (ignoring case).
import type { TagCount } from '../../../shared/editHistory.ts';
import { foldText } from '../../../shared/textFold.ts';
import { CatalogueError } from '../catalogueError.ts';
import type { PhotoRepository } from '../store/photoRepository.ts';
import { normaliseTags, tagKey as key } from '../../../shared/tags.ts';
import type { PlannedEdit } from './recordedEdit.ts';

/** Every tag with the number of photos carrying it, most used first, then alphabetically. */
export function listTags(photos: PhotoRepository, prefix = '', limit = 10000): TagCount[] {
  const rows = photos.tagSpellingCounts();
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
  const folded = foldText(prefix.trim());
  const collator = new Intl.Collator('hu');
  return [...merged.values()]
    .filter((t) => !folded || foldText(t.tag).split(/\s+/).some((word) => word.startsWith(folded)) || foldText(t.tag).startsWith(folded))
    .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag))
    .slice(0, limit);
}

/** The edits that rename (or merge) tag `from` into `to` on every photo carrying it. */
export function planTagRename(photos: PhotoRepository, from: string, to: string): PlannedEdit[] {
  const source = key(from);
  const target = to.trim().replace(/\s+/g, ' ');
  if (!source) throw new CatalogueError('invalid-input', 'tagRenameNoSource');
  if (!target) throw new CatalogueError('invalid-input', 'tagRenameNoTarget');
  if (/[;]/.test(target)) throw new CatalogueError('invalid-input', 'tagSemicolon');
  const edits: PlannedEdit[] = [];
  for (const row of photos.taggedPhotos()) {
    const tags = row.tags;
    if (!tags.some((t) => key(t) === source)) continue;
    edits.push({ id: row.id, patch: { tags: normaliseTags(tags.map((t) => (key(t) === source ? target : t))) } });
  }
  return edits;
}
