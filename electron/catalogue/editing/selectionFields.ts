// What a selection of photos has in common, for the batch editor; and adding/removing tags on a
// selection as one step (each photo keeps its other tags, unlike setting the whole list).
import { EDITABLE_FIELDS, type EditableField } from '../../../shared/types.ts';
import type { SelectionFields } from '../../../shared/batchEdit.ts';
import type { Catalogue } from '../catalogue.ts';
import { CatalogueError } from '../catalogueError.ts';
import { normaliseTags } from '../store/photoRepository.ts';

export function selectionFields(catalogue: Catalogue, ids: readonly number[]): SelectionFields {
  const photos = catalogue.photos.getMany([...new Set(ids)]);
  const result: SelectionFields = { count: photos.length, common: {}, mixed: [], tags: [] };
  for (const field of EDITABLE_FIELDS) {
    if (field === 'tags') continue;
    const values = new Set(photos.map((p) => p[field]));
    if (values.size <= 1) result.common[field] = photos[0]?.[field] ?? '';
    else result.mixed.push(field as Exclude<EditableField, 'tags'>);
  }
  const counts = new Map<string, { tag: string; count: number }>();
  for (const photo of photos) {
    for (const tag of photo.tags) {
      const key = tag.toLocaleLowerCase('hu');
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
export function editSelectionTags(catalogue: Catalogue, ids: readonly number[], add: readonly string[], remove: readonly string[]): number[] {
  const unique = [...new Set(ids)];
  const photos = catalogue.photos.getMany(unique);
  if (photos.length !== unique.length) {
    const found = new Set(photos.map((p) => p.id));
    throw new CatalogueError('not-found', `No photo with id ${unique.filter((id) => !found.has(id)).join(', ')} in this catalogue.`);
  }
  const removing = new Set(remove.map((t) => t.trim().toLocaleLowerCase('hu')));
  const adding = normaliseTags(add);
  const edits = photos.map((photo) => ({
    id: photo.id,
    patch: { tags: normaliseTags([...photo.tags.filter((t) => !removing.has(t.toLocaleLowerCase('hu'))), ...adding]) },
  }));
  const parts = [adding.length ? `add ${adding.map((t) => `"${t}"`).join(', ')}` : '', removing.size ? `remove ${remove.map((t) => `"${t}"`).join(', ')}` : '']
    .filter(Boolean)
    .join(', ');
  return catalogue.applyEdits(edits, `Tags of ${photos.length} photo${photos.length === 1 ? '' : 's'}: ${parts}`);
}
