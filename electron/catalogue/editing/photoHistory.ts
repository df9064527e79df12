// A photo's history read from the undo steps of a folder catalogue (edit_history): each step
// holds what it changed either per photo ({id, before, after}, editHistory.ts) or in the compact
// form of a batch edit (per field, the value written and the photos grouped by what they held,
// store/uniformEdits.ts). Turns are steps too but change no field; they are not listed. A team
// catalogue records every field change as a row of its own instead (postgres/teamEdits.ts).
import { EDITABLE_FIELDS, isEditableField, type EditableField } from '../../../shared/types.ts';
import type { PhotoHistoryEntry } from '../../../shared/editHistory.ts';
import { isUniformStep } from '../store/uniformEdits.ts';
import { isTurnStep } from '../store/turnEdits.ts';
import { fieldOfColumnText } from '../store/fieldWrites.ts';
import type { PhotoChange } from './editHistory.ts';

export interface StoredStep {
  label: string;
  changes: string;
  created_at: string;
  undone: number;
}

/** What one step did to the photo's fields, in the order of the step's fields. */
export function fieldChangesOf(changes: unknown, photo: number): { field: EditableField; before: string | number | string[]; after: string | number | string[] }[] {
  if (isTurnStep(changes)) return [];
  if (isUniformStep(changes)) {
    const found = [];
    for (const [field, change] of Object.entries(changes.fields)) {
      if (!isEditableField(field) || !change) continue;
      const held = change.before.find(([, ids]) => ids.includes(photo));
      // A compact step keeps each value as its column holds it (fieldWrites.ts columnText).
      if (held) found.push({ field, before: fieldOfColumnText(field, held[0]), after: fieldOfColumnText(field, change.after) });
    }
    return found;
  }
  if (!Array.isArray(changes)) return [];
  const found = [];
  for (const change of changes as PhotoChange[]) {
    if (change.id !== photo) continue;
    // In the fields' own order, as a batch edit's step lists them (and a team catalogue does).
    for (const field of EDITABLE_FIELDS) {
      if (!Object.hasOwn(change.after, field)) continue;
      found.push({ field, before: change.before[field] as string | number | string[], after: change.after[field] as string | number | string[] });
    }
  }
  return found;
}

/** The photo's history from the steps, newest first (steps are given newest first). */
export function photoHistoryOfSteps(steps: Iterable<StoredStep>, photo: number): PhotoHistoryEntry[] {
  const entries: PhotoHistoryEntry[] = [];
  for (const step of steps) {
    let changes: unknown;
    try {
      changes = JSON.parse(step.changes);
    } catch {
      continue; // a step that cannot be read names no change; undo refuses it on its own
    }
    for (const change of fieldChangesOf(changes, photo)) {
      entries.push({ at: step.created_at, author: null, label: step.label, ...change, undone: step.undone === 1 });
    }
  }
  return entries;
}
