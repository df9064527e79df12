// Applies a set of per-photo patches as ONE undoable step, in one transaction: the photos are
// changed and the step is recorded together, or nothing is. Fields that would not change are
// left out, so saving the same text twice records nothing and undo never "does nothing".
import type { DatabaseSync } from 'node:sqlite';
import { EDITABLE_FIELDS, isEditableField, type EditableFields, type Photo, type PhotoPatch } from '../../../shared/types.ts';
import { readDate } from '../../../shared/datePhrases.ts';
import { applyFieldLimits } from '../../../shared/fieldLimits.ts';
import { photoLabel } from '../../../shared/credit.ts';
import { CatalogueError } from '../catalogueError.ts';
import { inTransaction } from '../store/openDatabase.ts';
import { faultPoint } from '../faultInjection.ts';
import type { PhotoRepository } from '../store/photoRepository.ts';
import { normaliseTags } from '../../../shared/tags.ts';
import { EditHistory, patchGrouped, type PhotoChange } from './editHistory.ts';
import { applyUniformPatch, type UniformStep } from '../store/uniformEdits.ts';

export interface PlannedEdit {
  id: number;
  patch: PhotoPatch;
  /**
   * The values the person saw for the patched fields: a team catalogue refuses the edit when
   * someone else saved one since (store/postgres/teamEdits.ts); a folder catalogue has one user.
   */
  seen?: PhotoPatch;
}

/** The patch as it would be stored (tags normalised), for comparing and for redo. */
function storedValue(key: keyof EditableFields, value: unknown): string | number | string[] {
  return key === 'tags' ? normaliseTags(value as string[]) : (value as string | number);
}

function same(a: string | number | string[], b: string | number | string[]): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

/** Only what would change on this photo: before and after, or null when nothing would. */
export function diffPatch(photo: Pick<Photo, 'id'> & EditableFields, patch: PhotoPatch): PhotoChange | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof EditableFields)[]) {
    const value = patch[key];
    if (value === undefined || !isEditableField(key)) continue;
    const next = storedValue(key, value);
    const current = photo[key];
    if (same(current, next)) continue;
    before[key] = current;
    after[key] = next;
  }
  return Object.keys(after).length ? { id: photo.id, before: before as PhotoPatch, after: after as PhotoPatch } : null;
}

/** "Edit caption of Fortepan 7416", "Edit date, tags of 12 photos". */
export function describeEdit(changes: readonly PhotoChange[], photos: ReadonlyMap<number, Parameters<typeof photoLabel>[0]>): string {
  const touched = new Set(changes.flatMap((c) => Object.keys(c.after)));
  const fields = EDITABLE_FIELDS.filter((k) => touched.has(k));
  const what = fields.length > 3 ? `${fields.slice(0, 3).join(', ')}…` : fields.join(', ');
  const first = photos.get(changes[0].id);
  const whom = changes.length === 1 && first ? photoLabel(first) : `${changes.length} photos`;
  return `Edit ${what} of ${whom}`;
}

/**
 * The patch as it will be stored: a date written as people write it ("1956 körül", "1956. okt.
 * 23.") becomes its EDTF form; a date that cannot be read refuses the whole edit.
 */
export function normalisePatch(patch: PhotoPatch, where = ''): PhotoPatch {
  if (patch.date === undefined) return patch;
  const read = readDate(patch.date);
  if (!read.ok) throw new CatalogueError('invalid-input', 'dateNotSaved', { reason: read.error, unreadableDate: patch.date });
  return read.edtf === patch.date ? patch : { ...patch, date: read.edtf };
}

/**
 * The patch as it may be stored, by the field rules every write path shares (control
 * characters removed, lengths and tag counts capped). A value carrying U+FFFD is refused: the
 * edit is not saved and the message says why. Callers that preview (import) have already told
 * the user about cut values; here the limits are the last guard before the database.
 */
export function storablePatch(patch: PhotoPatch): PhotoPatch {
  const checked = applyFieldLimits(patch);
  const refused = checked.refused[0];
  // The notice's own key rides along, so the UI says the reason in its language (serverText.ts).
  if (refused) throw new CatalogueError('invalid-input', 'valueRefused', { ...refused.params, reason: `${refused.message[0].toUpperCase()}${refused.message.slice(1)}`, reasonKey: refused.key });
  return checked.patch;
}

/**
 * Applies the edits as one step. Returns the ids that changed (possibly none).
 * `label` names the step; by default it is described from the fields changed.
 */
export function applyRecordedEdit(
  db: DatabaseSync,
  photos: PhotoRepository,
  edits: readonly PlannedEdit[],
  label?: string,
  options: { coalesce?: boolean } = {},
): number[] {
  // One patch for every photo (a batch edit, `fototar edit`): set-based, whatever the count.
  // The editor's own saves (coalesce) keep the per-photo form, which later saves extend.
  if (edits.length > 0 && !options.coalesce && edits.every((e) => e.patch === edits[0].patch)) {
    return applyUniformEdit(db, photos, edits.map((e) => e.id), edits[0].patch, label);
  }
  // Field rules first (controls removed, lengths capped), then the date read as people write it.
  edits = edits.map((edit) => ({ id: edit.id, patch: normalisePatch(storablePatch(edit.patch)) }));
  const ids = [...new Set(edits.map((e) => e.id))];
  const current = new Map(photos.getMany(ids).map((p) => [p.id, p]));
  const missing = ids.filter((id) => !current.has(id));
  if (missing.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: missing.join(', ') });
  const changes: PhotoChange[] = [];
  for (const edit of edits) {
    const change = diffPatch(current.get(edit.id)!, edit.patch);
    if (change) changes.push(change);
  }
  if (changes.length === 0) return [];
  const now = new Date().toISOString();
  try {
    inTransaction(db, () => {
      patchGrouped(photos, changes.map((c) => ({ id: c.id, patch: c.after })), now);
      // The app's editor saves as you type: those saves may fold into one step (see EditHistory).
      new EditHistory(db, photos).record(label ?? describeEdit(changes, current), changes, now, { coalesce: options.coalesce === true });
      faultPoint('edit-recorded');
    });
  } catch (error) {
    throw new CatalogueError('not-saved', 'editNotSaved', { reason: (error as Error).message });
  }
  faultPoint('edit-committed');
  return changes.map((c) => c.id);
}

/** The same patch to every photo of `ids`, as one step (see store/uniformEdits.ts). */
function applyUniformEdit(db: DatabaseSync, photos: PhotoRepository, ids: readonly number[], patch: PhotoPatch, label?: string): number[] {
  const checked = normalisePatch(storablePatch(patch));
  const now = new Date().toISOString();
  let changed: number[];
  try {
    changed = inTransaction(db, () => {
      const applied = applyUniformPatch(db, ids, checked, now);
      if (!applied) return [];
      new EditHistory(db, photos).recordStep(label ?? uniformLabel(photos, applied.step, applied.changed), JSON.stringify(applied.step), applied.changed.length, now);
      faultPoint('edit-recorded');
      return applied.changed;
    });
  } catch (error) {
    if (error instanceof CatalogueError && error.code === 'not-found') throw error;
    throw new CatalogueError('not-saved', 'editNotSaved', { reason: (error as Error).message });
  }
  if (changed.length) faultPoint('edit-committed');
  return changed;
}

/** "Edit title, date of 1,200 photos"; a single photo is named as it was before the edit. */
function uniformLabel(photos: PhotoRepository, step: UniformStep, changed: readonly number[]): string {
  const fields = EDITABLE_FIELDS.filter((f) => step.fields[f]);
  const what = fields.length > 3 ? `${fields.slice(0, 3).join(', ')}…` : fields.join(', ');
  const only = changed.length === 1 ? photos.get(changed[0]!) : null;
  if (!only) return `Edit ${what} of ${changed.length} photos`;
  // The photo is already changed; with one photo, each field's one "before" group is its old value.
  const before: Record<string, unknown> = {};
  for (const f of fields) {
    const held = step.fields[f]!.before[0]![0];
    before[f] = f === 'tags' ? (JSON.parse(held) as string[]) : held;
  }
  return `Edit ${what} of ${photoLabel({ ...only, ...before } as Photo)}`;
}
