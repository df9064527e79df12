// What a selection of photos has in common, for the batch editor; and adding/removing tags on a
// selection as one step (each photo keeps its other tags, unlike setting the whole list).
import { EDITABLE_FIELDS, type EditableField } from '../../../shared/types.ts';
import type { SelectionFields } from '../../../shared/batchEdit.ts';
import type { Catalogue } from '../catalogue.ts';
import { CatalogueError } from '../catalogueError.ts';
import { FIELD_COLUMN, normaliseTags } from '../store/photoRepository.ts';
import type { Selection } from '../../../shared/selection.ts';
import { resolveSelection } from './catalogueSelection.ts';

const TEXT_FIELDS = EDITABLE_FIELDS.filter((f): f is Exclude<EditableField, 'tags'> => f !== 'tags');

/**
 * Computed in SQLite, not from photo objects: a field is shared when its least and greatest
 * values agree (no sort, one pass), and only the tags column is read back. A selection of
 * 200,000 photos answers in about a second instead of minutes.
 */
export function selectionFields(catalogue: Catalogue, ids: readonly number[]): SelectionFields {
  return fieldsWhere(catalogue, 'id IN (SELECT value FROM json_each(?))', JSON.stringify([...new Set(ids)]));
}

/**
 * The same for a selection as the grid holds it. "Everything but these" over the whole
 * catalogue (Ctrl+A, Shift+End with no search) is said in SQL, so no id list of the whole
 * catalogue is read out and sent back in; a search's selection takes its ids from the index.
 */
export async function selectionFieldsOf(catalogue: Catalogue, selection: Selection): Promise<SelectionFields> {
  if (selection.all && !selection.query.trim()) {
    return fieldsWhere(catalogue, 'id NOT IN (SELECT value FROM json_each(?))', JSON.stringify(selection.ids));
  }
  return selectionFields(catalogue, await resolveSelection(catalogue, selection));
}

function fieldsWhere(catalogue: Catalogue, where: string, list: string): SelectionFields {
  const aggregates = TEXT_FIELDS.map((f) => `min(${FIELD_COLUMN[f]}) AS "${f}.min", max(${FIELD_COLUMN[f]}) AS "${f}.max"`).join(', ');
  const row = catalogue.db.prepare(`SELECT count(*) AS n, ${aggregates} FROM photos WHERE ${where}`).get(list) as Record<string, string | number | null>;
  const count = Number(row.n);
  const result: SelectionFields = { count, common: {}, mixed: [], tags: [] };
  for (const field of TEXT_FIELDS) {
    const [min, max] = [row[`${field}.min`], row[`${field}.max`]];
    if (min === max) result.common[field] = String(min ?? '');
    else result.mixed.push(field);
  }
  const counts = new Map<string, { tag: string; count: number }>();
  for (const { tags } of catalogue.db.prepare(`SELECT tags FROM photos WHERE ${where} AND tags != '[]'`).iterate(list) as Iterable<{ tags: string }>) {
    for (const tag of parseTagList(tags)) {
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

function parseTagList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
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
