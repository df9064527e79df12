// The edit_history table: one row per undoable step. The rules (coalescing, the limit, what
// undo and redo do) are editing/editHistory.ts's; this is only where the rows are read and written.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { statementCache } from './statementCache.ts';

export interface StepRow {
  id: number;
  label: string;
  changes: string;
  created_at?: string;
}

export class HistoryRepository {
  readonly #prepare: (sql: string) => StatementSync;

  constructor(db: DatabaseSync) {
    this.#prepare = statementCache(db);
  }

  /** The newest step not undone (the one undo takes back). */
  lastDone(): StepRow | undefined {
    return this.#prepare('SELECT id, label, changes, created_at FROM edit_history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as StepRow | undefined;
  }

  /** The earliest undone step (the one redo applies again). */
  firstUndone(): StepRow | undefined {
    return this.#prepare('SELECT id, label, changes, created_at FROM edit_history WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as StepRow | undefined;
  }

  /** Every step, newest first, one at a time (a folder catalogue keeps the newest HISTORY_LIMIT). */
  newestFirst(): Iterable<StepRow & { created_at: string; undone: number }> {
    return this.#prepare('SELECT id, label, changes, created_at, undone FROM edit_history ORDER BY id DESC').iterate() as Iterable<StepRow & { created_at: string; undone: number }>;
  }

  hasUndone(): boolean {
    return this.#prepare('SELECT 1 FROM edit_history WHERE undone = 1 LIMIT 1').get() !== undefined;
  }

  replaceChanges(id: number, changes: string, now: string): void {
    this.#prepare('UPDATE edit_history SET changes = ?, created_at = ? WHERE id = ?').run(changes, now, id);
  }

  dropUndone(): void {
    this.#prepare('DELETE FROM edit_history WHERE undone = 1').run();
  }

  insert(label: string, changes: string, photoCount: number, now: string): void {
    this.#prepare('INSERT INTO edit_history (label, changes, photo_count, undone, created_at) VALUES (?, ?, ?, 0, ?)').run(label, changes, photoCount, now);
  }

  /** Forgets all but the newest `limit` steps. */
  keepNewest(limit: number): void {
    this.#prepare('DELETE FROM edit_history WHERE id <= (SELECT max(id) FROM edit_history) - ?').run(limit);
  }

  setUndone(id: number, undone: boolean): void {
    this.#prepare('UPDATE edit_history SET undone = ? WHERE id = ?').run(undone ? 1 : 0, id);
  }
}
