// Rotating and flipping photos as one undoable step (the SQL is store/turnEdits.ts's): applied
// and recorded in one transaction, named for the history ("Rotate clockwise 12 photos").
import type { DatabaseSync } from 'node:sqlite';
import type { TurnRequest } from '../../../shared/orientation.ts';
import { photoLabel } from '../../../shared/credit.ts';
import { CatalogueError } from '../catalogueError.ts';
import { inTransaction } from '../store/openDatabase.ts';
import { faultPoint } from '../faultInjection.ts';
import type { PhotoRepository } from '../store/photoRepository.ts';
import { applyTurn } from '../store/turnEdits.ts';
import { EditHistory } from './editHistory.ts';

const ROTATIONS: Record<number, string> = { 90: 'Rotate clockwise', 180: 'Rotate 180°', 270: 'Rotate counter-clockwise' };

/**
 * "Rotate clockwise 12 photos", "Flip Fortepan 7416", "Rotate 180° and flip 3 photos"
 * (renderer/src/common/historyLabels.ts reads these back in the UI's language).
 */
export function turnLabel(request: TurnRequest, whom: string): string {
  const rotate = request.rotate ? ROTATIONS[request.rotate] : null;
  const action = rotate && request.flip ? `${rotate} and flip` : (rotate ?? 'Flip');
  return `${action} ${whom}`;
}

/** Turns the photos by the request, as one step; the ids changed (none for an empty request). */
export function applyTurnEdit(db: DatabaseSync, photos: PhotoRepository, ids: readonly number[], request: TurnRequest): number[] {
  const now = new Date().toISOString();
  try {
    return inTransaction(db, () => {
      const applied = applyTurn(db, ids, request, now);
      if (!applied) return [];
      const only = applied.changed.length === 1 ? photos.get(applied.changed[0]!) : null;
      const whom = only ? photoLabel(only) : `${applied.changed.length} photos`;
      new EditHistory(db, photos).recordStep(turnLabel(request, whom), JSON.stringify(applied.step), applied.changed.length, now);
      faultPoint('edit-recorded');
      return applied.changed;
    });
  } catch (error) {
    if (error instanceof CatalogueError) throw error;
    throw new CatalogueError('not-saved', 'editNotSaved', { reason: (error as Error).message });
  }
}
