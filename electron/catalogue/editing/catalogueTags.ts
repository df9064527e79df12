// Tags across the whole catalogue: counts for autocomplete, and rename/merge as one undoable
// step. Renaming "villamos" to an existing "Villamos" merges them; a photo carrying both keeps
// one. Tags compare as shared/tags.ts says (ignoring case).
import type { DatabaseSync } from 'node:sqlite';
import type { TagCount } from '../../../shared/editHistory.ts';
import { foldText } from '../../../shared/textFold.ts';
import { SUGGESTED_FIELDS, type SuggestedField } from '../../../shared/pickLists.ts';
import type { Catalogue } from '../catalogue.ts';
import { CatalogueError } from '../catalogueError.ts';
import { normaliseTags, tagKey as key } from '../../../shared/tags.ts';
import type { PlannedEdit } from './recordedEdit.ts';

/** Every tag with the number of photos carrying it, most used first, then alphabetically. */
export function listTags(db: DatabaseSync, prefix = '', limit = 10000): TagCount[] {
  const rows = db
    .prepare("SELECT j.value AS tag, count(*) AS n FROM photos AS p, json_each(p.tags) AS j WHERE p.tags != '[]' GROUP BY j.value")
    .all() as { tag: string; n: number }[];
  // The same tag in different case on different photos is one tag: the commonest spelling names it.
  const merged = new Map<string, TagCount>();
  for (const row of rows) {
    const k = key(row.tag);
    const current = merged.get(k);
    if (!current) merged.set(k, { tag: row.tag, count: Number(row.n) });
    else {
      if (Number(row.n) > current.count) current.tag = row.tag;
      current.count += Number(row.n);
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
export function planTagRename(db: DatabaseSync, from: string, to: string): PlannedEdit[] {
  const source = key(from);
  const target = to.trim().replace(/\s+/g, ' ');
  if (!source) throw new CatalogueError('invalid-input', 'Give the tag to rename.');
  if (!target) throw new CatalogueError('invalid-input', 'Give the new name of the tag.');
  if (/[;]/.test(target)) throw new CatalogueError('invalid-input', 'A tag cannot contain ";" (it separates tags in CSV files).');
  const rows = db.prepare("SELECT id, tags FROM photos WHERE tags != '[]' ORDER BY id").all() as { id: number; tags: string }[];
  const edits: PlannedEdit[] = [];
  for (const row of rows) {
    const tags = JSON.parse(row.tags) as string[];
    if (!tags.some((t) => key(t) === source)) continue;
    edits.push({ id: row.id, patch: { tags: normaliseTags(tags.map((t) => (key(t) === source ? target : t))) } });
  }
  return edits;
}

/**
 * Renames or merges a tag catalogue-wide; returns how many photos changed, and whether the new
 * name was a tag already (a merge).
 */
export function renameTag(catalogue: Catalogue, from: string, to: string, verb: 'Rename' | 'Merge' = 'Rename'): { photos: number; merged: boolean } {
  const edits = planTagRename(catalogue.db, from, to);
  if (edits.length === 0) throw new CatalogueError('not-found', `No photo has the tag "${from.trim()}".`);
  const merged = key(from) !== key(to) && listTags(catalogue.db).some((t) => key(t.tag) === key(to));
  const label = verb === 'Merge' ? `Merge tag "${from.trim()}" into "${to.trim()}"` : `Rename tag "${from.trim()}" to "${to.trim()}"`;
  return { photos: catalogue.applyEdits(edits, label).length, merged };
}

/** Values the catalogue uses in a field, most used first: the pick lists' second half. */
export function fieldValues(db: DatabaseSync, field: SuggestedField, limit = 200): string[] {
  if (!SUGGESTED_FIELDS.includes(field)) throw new CatalogueError('invalid-input', `No suggestions for ${field}.`);
  const rows = db.prepare(`SELECT ${field} AS v, count(*) AS n FROM photos WHERE ${field} != '' GROUP BY ${field} ORDER BY n DESC, v LIMIT ?`).all(limit) as {
    v: string;
  }[];
  return rows.map((r) => r.v);
}
