// Rotating and flipping photos (shared/orientation.ts) as one undoable step, set-based like a
// batch edit (uniformEdits.ts): the request is relative (Ctrl+] turns each picture a quarter
// further, whatever it was), so the selection is grouped by its current turn (at most eight
// groups) and each group gets its own one UPDATE. The step keeps the request and the photos
// grouped by their earlier turn: undo puts each group back, redo applies the request to each
// group again. The rules (labels, recording) are editing/turnEdit.ts's.
import type { DatabaseSync } from 'node:sqlite';
import { applyRequest, exifOfTurn, normaliseRotation, turnOfExif, type Turn, type TurnRequest } from '../../../shared/orientation.ts';
import { CatalogueError } from '../catalogueError.ts';
import { faultPoint } from '../faultInjection.ts';
import { fewOfCatalogue, selectedPhotos } from './selectedPhotos.ts';

/** The compact form of a rotate/flip step in the edit history. */
export interface TurnStep {
  form: 'turn';
  request: TurnRequest;
  /** [the photos' turn before, as its EXIF orientation value 1-8; their ids]. */
  before: [number, number[]][];
}

export function isTurnStep(value: unknown): value is TurnStep {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { form?: unknown }).form === 'turn';
}

const same = (a: Turn, b: Turn) => a.rotation === b.rotation && a.flipped === b.flipped;

/** Fills the temporary selection with `ids` (the caller empties it afterwards). */
function select(db: DatabaseSync, ids: readonly number[]): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS turn_selection (id INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.turn_selection');
  db.prepare('INSERT OR IGNORE INTO temp.turn_selection (id) SELECT value FROM json_each(?)').run(JSON.stringify(ids));
}

/** Sets the turn of the photos in the temporary selection. */
function setTurn(db: DatabaseSync, turn: Turn, now: string): void {
  db.prepare('UPDATE photos SET rotation = ?, flipped = ?, updated_at = ? WHERE id IN (SELECT id FROM temp.turn_selection)').run(turn.rotation, turn.flipped ? 1 : 0, now);
  faultPoint('photo-updated');
}

/** The selected photos grouped by how they are turned (the undo record). */
export function turnGroupsSql(few: boolean): string {
  return `SELECT p.rotation AS rotation, p.flipped AS flipped, json_group_array(p.id) AS ids FROM ${selectedPhotos('turn_selection', few)} GROUP BY p.rotation, p.flipped`;
}

/**
 * Turns the photos `ids` by `request`, in the caller's transaction. Returns the step to record
 * (null when nothing changes, e.g. an empty request) and the ids changed.
 */
export function applyTurn(db: DatabaseSync, ids: readonly number[], request: TurnRequest, now: string): { step: TurnStep; changed: number[] } | null {
  select(db, ids);
  try {
    const missing = db
      .prepare('SELECT e.id FROM temp.turn_selection e WHERE NOT EXISTS (SELECT 1 FROM photos p WHERE p.id = e.id) ORDER BY e.id')
      .all()
      .map((r) => Number((r as { id: number }).id));
    if (missing.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: missing.join(', ') });
    const groups = db
      .prepare(turnGroupsSql(fewOfCatalogue(db, ids.length)))
      .all() as { rotation: number; flipped: number; ids: string }[];
    const step: TurnStep = { form: 'turn', request, before: [] };
    const changed: number[] = [];
    for (const group of groups) {
      const before: Turn = { rotation: normaliseRotation(group.rotation), flipped: group.flipped === 1 };
      const after = applyRequest(before, request);
      if (same(before, after)) continue;
      const groupIds = JSON.parse(group.ids) as number[];
      step.before.push([exifOfTurn(before), groupIds]);
      // A loop, not push(...ids): 200,000 arguments overflow the stack.
      for (const id of groupIds) changed.push(id);
    }
    if (changed.length === 0) return null;
    // Each group by its own ids: a group's new turn may be another's earlier one.
    for (const [code, groupIds] of step.before) {
      select(db, groupIds);
      setTurn(db, applyRequest(turnOfExif(code), request), now);
    }
    return { step, changed };
  } finally {
    db.exec('DELETE FROM temp.turn_selection');
  }
}

/** Puts each group's turn back (undo), or applies the request to it again (redo). Caller's transaction. */
export function replayTurnStep(db: DatabaseSync, step: TurnStep, direction: 'undo' | 'redo', now: string): number[] {
  const changed: number[] = [];
  try {
    for (const [code, ids] of step.before) {
      const before = turnOfExif(code);
      select(db, ids);
      setTurn(db, direction === 'undo' ? before : applyRequest(before, step.request), now);
      for (const id of ids) changed.push(id);
    }
  } finally {
    db.exec('DELETE FROM temp.turn_selection');
  }
  return changed;
}
