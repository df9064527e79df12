// Rotating and flipping photos in a team catalogue (the folder catalogue's is store/turnEdits.ts):
// one step of the archivist's, recorded in the same compact form (the request, and the photos
// grouped by their turn before), so undo and redo put back exactly that. The photos are locked
// while they are turned; undo and redo are refused, as a save is, when a colleague has turned one
// of those photos since — a turn is relative, and replaying it over theirs would not give back
// what either of them saw.
import type { PoolClient } from 'pg';
import { applyRequest, exifOfTurn, normaliseRotation, turnOfExif, type Turn, type TurnRequest } from '../../../../shared/orientation.ts';
import { photoLabel } from '../../../../shared/credit.ts';
import { CatalogueError } from '../../catalogueError.ts';
import type { TurnStep } from '../turnEdits.ts';

type TurnRow = { id: string; rotation: number; flipped: number; title: string | null; fortepan_id: string | null; iowa_id: string | null; file: string };

const same = (a: Turn, b: Turn) => a.rotation === b.rotation && a.flipped === b.flipped;

/** The photos' current turns, locked for this transaction; 'not-found' for an id not there. */
async function lockTurns(client: PoolClient, ids: readonly number[]): Promise<Map<number, TurnRow>> {
  const { rows } = await client.query<TurnRow>('SELECT id, rotation, flipped, title, fortepan_id, iowa_id, file FROM photos WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE', [ids]);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const missing = [...new Set(ids)].filter((id) => !byId.has(id));
  if (missing.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: missing.join(', ') });
  return byId;
}

const turnOf = (row: TurnRow): Turn => ({ rotation: normaliseRotation(row.rotation), flipped: row.flipped === 1 });

function nameOf(row: TurnRow): string {
  return photoLabel({ title: row.title ?? '', fortepanId: row.fortepan_id === null ? null : Number(row.fortepan_id), iowaId: row.iowa_id, file: row.file });
}

/** Sets each group of photos to its turn: one UPDATE per group. */
async function setTurns(client: PoolClient, groups: readonly [Turn, number[]][]): Promise<void> {
  const now = new Date().toISOString();
  for (const [turn, ids] of groups) {
    await client.query('UPDATE photos SET rotation = $1, flipped = $2, updated_at = $3 WHERE id = ANY($4::bigint[])', [turn.rotation, turn.flipped ? 1 : 0, now, ids]);
  }
}

/**
 * Turns the photos by `request` in the caller's transaction: the step to record (null when none
 * changes), the photos changed, and how to name them in the step's label.
 */
export async function turnTeamPhotos(client: PoolClient, ids: readonly number[], request: TurnRequest): Promise<{ step: TurnStep; changed: number[]; whom: string } | null> {
  const rows = await lockTurns(client, ids);
  const byTurn = new Map<number, number[]>();
  for (const [id, row] of rows) {
    const before = turnOf(row);
    if (same(before, applyRequest(before, request))) continue;
    const code = exifOfTurn(before);
    byTurn.set(code, [...(byTurn.get(code) ?? []), id]);
  }
  const step: TurnStep = { form: 'turn', request, before: [...byTurn].sort((a, b) => a[0] - b[0]) };
  const changed = step.before.flatMap(([, group]) => group);
  if (!changed.length) return null;
  await setTurns(client, step.before.map(([code, group]) => [applyRequest(turnOfExif(code), request), group]));
  return { step, changed, whom: changed.length === 1 ? nameOf(rows.get(changed[0]!)!) : `${changed.length} photos` };
}

/**
 * Undoes (each photo back to its turn before) or redoes (the request again) a recorded turn step,
 * in the caller's transaction; refused when a photo is no longer turned as the step left it.
 */
export async function replayTeamTurn(client: PoolClient, step: TurnStep, direction: 'undo' | 'redo'): Promise<number[]> {
  const rows = await lockTurns(client, step.before.flatMap(([, ids]) => ids)).catch((error: unknown) => {
    throw error instanceof CatalogueError && error.key === 'photoNotFound' ? new CatalogueError('invalid-input', 'undoPhotoGone', error.params) : error;
  });
  const groups: [Turn, number[]][] = [];
  for (const [code, ids] of step.before) {
    const before = turnOfExif(code);
    const after = applyRequest(before, step.request);
    const expected = direction === 'undo' ? after : before;
    for (const id of ids) {
      const row = rows.get(id)!;
      if (!same(turnOf(row), expected)) throw new CatalogueError('edit-conflict', 'turnChangedSince', { photo: nameOf(row) });
    }
    groups.push([direction === 'undo' ? before : after, ids]);
  }
  await setTurns(client, groups);
  return groups.flatMap(([, ids]) => ids);
}
