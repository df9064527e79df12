// What a selection of photos has in common, for the batch editor; and adding/removing tags on a
// selection as one step (each photo keeps its other tags, unlike setting the whole list).
import { EDITABLE_FIELDS, type EditableField } from '../../../shared/types.ts';
import type { SelectionFields } from '../../../shared/batchEdit.ts';
import { CatalogueError } from '../catalogueError.ts';
import type { PhotoScope } from '../store/photoRepository.ts';
import type { PhotoReads } from '../store/photoReads.ts';
import type { PlannedEdit } from './recordedEdit.ts';
import { normaliseTags, tagKey } from '../../../shared/tags.ts';

const TEXT_FIELDS = EDITABLE_FIELDS.filter((f): f is Exclude<EditableField, 'tags'> => f !== 'tags');

/**
 * Computed in the database, not from photo objects (PhotoReads.fieldRanges: a field is shared when
 * its least and greatest values agree), and only the tags column is read back. A selection of
 * 200,000 photos answers in about a second instead of minutes. The scope is an id list or
 * "everything but these" (Ctrl+A with no search), said in SQL so no id list of the whole
 * catalogue is read out and sent back in.
 */
export async function selectionFields(photos: PhotoReads, scope: PhotoScope): Promise<SelectionFields> {
  const { count, ranges } = await photos.fieldRanges(scope, TEXT_FIELDS);
  const result: SelectionFields = { count, common: {}, mixed: [], tags: [] };
  for (const field of TEXT_FIELDS) {
    const [min, max] = ranges.get(field)!;
    if (min === max) result.common[field] = String(min ?? '');
    else result.mixed.push(field);
  }
  const counts = new Map<string, { tag: string; count: number }>();
  for await (const tags of photos.tagListsOf(scope)) {
    for (const tag of tags) {
      const key = tagKey(tag);
      const entry = counts.get(key) ?? { tag, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const collator = new Intl.Collator('hu');
  result.tags = [...counts.values()].sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
  return result;
}

/** Adds and removes tags on every selected photo, one undoable step. Returns the photos changed. */
export async function editSelectionTags(
  repository: PhotoReads,
  applyEdits: (edits: PlannedEdit[], label: string) => Promise<number[]>,
  ids: readonly number[],
  add: readonly string[],
  remove: readonly string[],
): Promise<number[]> {
  const unique = [...new Set(ids)];
  const photos = await repository.getMany(unique);
  if (photos.length !== unique.length) {
    const found = new Set(photos.map((p) => p.id));
    throw new CatalogueError('not-found', 'photoNotFound', { ids: unique.filter((id) => !found.has(id)).join(', ') });
  }
  const removing = new Set(remove.map(tagKey));
  const adding = normaliseTags(add);
  const edits = photos.map((photo) => ({
    id: photo.id,
    patch: { tags: normaliseTags([...photo.tags.filter((t) => !removing.has(tagKey(t))), ...adding]) },
  }));
  const parts = [adding.length ? `add ${adding.map((t) => `"${t}"`).join(', ')}` : '', removing.size ? `remove ${remove.map((t) => `"${t}"`).join(', ')}` : '']
    .filter(Boolean)
    .join(', ');
  return await applyEdits(edits, `Tags of ${photos.length} photo${photos.length === 1 ? '' : 's'}: ${parts}`);
}
