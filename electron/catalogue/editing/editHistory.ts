// The edit history: one row per undoable step, stored in the catalogue so undo works across
// restarts of the editor panel and of the app, and for edits made by the CLI too. A new edit
// drops the steps that were undone (the redo branch), as every editor does.
import type { DatabaseSync } from 'node:sqlite';
import type { PhotoPatch } from '../../../shared/types.ts';
import type { HistoryState } from '../../../shared/editHistory.ts';
import type { PhotoRepository } from '../store/photoRepository.ts';
import { HistoryRepository } from '../store/historyRepository.ts';
import { isUniformStep, replayUniformStep, type UniformStep } from '../store/uniformEdits.ts';
import { isTurnStep, replayTurnStep } from '../store/turnEdits.ts';

/** What one step did to one photo: only the fields it touched, before and after. */
export interface PhotoChange {
  id: number;
  before: PhotoPatch;
  after: PhotoPatch;
}

/**
 * Saves of the same fields of the same photos this close together are one step: the editor
 * saves as you type (after a pause), and Ctrl+Z should take back the whole edit of a field, not
 * the last few letters.
 */
export const COALESCE_MS = 5000;

/** Old steps beyond this many are forgotten, so the history stays small. */
export const HISTORY_LIMIT = 500;

const sameKeys = (a: object, b: object) => {
  const x = Object.keys(a).sort();
  const y = Object.keys(b).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
};

/** The last step extended by `next` when both touch the same fields of the same photos. */
function coalesce(last: PhotoChange[] | UniformStep, next: readonly PhotoChange[]): PhotoChange[] | null {
  // A batch edit's compact step is never extended by the editor's saves.
  if (!Array.isArray(last) || last.length !== next.length) return null;
  const byId = new Map(last.map((c) => [c.id, c]));
  const merged: PhotoChange[] = [];
  for (const change of next) {
    const earlier = byId.get(change.id);
    if (!earlier || !sameKeys(earlier.after, change.after)) return null;
    merged.push({ id: change.id, before: earlier.before, after: change.after });
  }
  return merged;
}

/**
 * Applies each photo's patch, one UPDATE statement per distinct patch: a batch edit of 20,000
 * photos is one prepared statement run 20,000 times, not 20,000 statements.
 */
export function patchGrouped(photos: PhotoRepository, patches: readonly { id: number; patch: PhotoPatch }[], now: string): void {
  for (const { patch, ids } of groupByPatch(patches)) photos.patch(ids, patch, now);
}

/** The photos grouped by the patch they get, in the order each patch first comes. */
export function groupByPatch(patches: readonly { id: number; patch: PhotoPatch }[]): { patch: PhotoPatch; ids: number[] }[] {
  const groups = new Map<string, { patch: PhotoPatch; ids: number[] }>();
  for (const { id, patch } of patches) {
    const key = JSON.stringify(patch);
    const group = groups.get(key);
    if (group) group.ids.push(id);
    else groups.set(key, { patch, ids: [id] });
  }
  return [...groups.values()];
}

export class EditHistory {
  readonly #rows: HistoryRepository;
  readonly #photos: PhotoRepository;
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync, photos: PhotoRepository) {
    this.#db = db;
    this.#rows = new HistoryRepository(db);
    this.#photos = photos;
  }

  /**
   * Records a step. The caller runs this in the transaction that made the change. With
   * `coalesce`, a save that repeats the last step's fields and photos within COALESCE_MS of it
   * extends that step instead of adding one.
   */
  record(label: string, changes: readonly PhotoChange[], now: string, options: { coalesce?: boolean } = {}): void {
    if (changes.length === 0) return;
    if (options.coalesce) {
      const last = this.#rows.lastDone();
      const recent = last?.created_at && Date.parse(now) - Date.parse(last.created_at) < COALESCE_MS;
      const redoable = this.#rows.hasUndone();
      // Only the editor's own steps ("Edit …") absorb saves; an import or a tag rename never does.
      const editorStep = last?.label.startsWith('Edit ') && label.startsWith('Edit ');
      const merged = last && recent && !redoable && editorStep ? coalesce(JSON.parse(last.changes) as PhotoChange[] | UniformStep, changes) : null;
      if (last && merged) {
        this.#rows.replaceChanges(last.id, JSON.stringify(merged), now);
        return;
      }
    }
    this.recordStep(label, JSON.stringify(changes), changes.length, now);
  }

  /**
   * Records a step whose `changes` are already JSON: the per-photo list, or a batch edit's
   * compact form (store/uniformEdits.ts). Drops the redo branch and the steps beyond HISTORY_LIMIT.
   */
  recordStep(label: string, changes: string, photoCount: number, now: string): void {
    this.#rows.dropUndone();
    this.#rows.insert(label, changes, photoCount, now);
    this.#rows.keepNewest(HISTORY_LIMIT);
  }

  /** Puts the fields of the last step back as they were. Caller wraps it in a transaction. */
  undo(now: string): { label: string; ids: number[] } | null {
    const step = this.#rows.lastDone();
    if (!step) return null;
    const ids = this.#replay(step.changes, 'undo', now);
    this.#rows.setUndone(step.id, true);
    return { label: step.label, ids };
  }

  /** Applies the earliest undone step again. Caller wraps it in a transaction. */
  redo(now: string): { label: string; ids: number[] } | null {
    const step = this.#rows.firstUndone();
    if (!step) return null;
    const ids = this.#replay(step.changes, 'redo', now);
    this.#rows.setUndone(step.id, false);
    return { label: step.label, ids };
  }

  /** Writes a step's values back (undo: before, redo: after); the ids it touched. */
  #replay(json: string, direction: 'undo' | 'redo', now: string): number[] {
    const changes = JSON.parse(json) as PhotoChange[] | UniformStep;
    if (isUniformStep(changes)) return replayUniformStep(this.#db, changes, direction, now);
    if (isTurnStep(changes)) return replayTurnStep(this.#db, changes, direction, now);
    patchGrouped(this.#photos, changes.map((c) => ({ id: c.id, patch: direction === 'undo' ? c.before : c.after })), now);
    return changes.map((c) => c.id);
  }

  state(): HistoryState {
    const undo = this.#rows.lastDone();
    const redo = this.#rows.firstUndone();
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
  }
}
