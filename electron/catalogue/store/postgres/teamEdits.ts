// Edits to a team catalogue, where several archivists save to one PostgreSQL database at once.
// Nothing is overwritten silently:
// - each save says, per field, the value its editor showed (`seen`). The photos are locked in
//   id order (SELECT … FOR UPDATE, so two saves never deadlock) and each field compared: when
//   the value is no longer the one seen, someone else saved it meanwhile, and the whole save is
//   refused with who, when and their value ("changed by Anna at 2026-12-02 14:05: …"). The
//   caller decides: keep theirs (do nothing), or keep or merge its own by saving again with
//   theirs as seen. Other fields of the same photo, and other photos, never conflict;
// - every field a save changes is recorded (who, when, which photo, old and new value) in
//   photo_changes, beside the undoable step in edit_history (pgMigrations.ts, migration 3);
// - undo takes back the archivist's own last step only, and only while nobody has changed those
//   fields since: otherwise it is refused, as a save would be.
// A save is one transaction: a client that dies half-way leaves nothing of it.
import os from 'node:os';
import type { Pool, PoolClient } from 'pg';
import { EDITABLE_FIELDS, isEditableField, type EditableField, type PhotoPatch } from '../../../../shared/types.ts';
import { photoLabel } from '../../../../shared/credit.ts';
import { CatalogueError } from '../../catalogueError.ts';
import { faultPoint } from '../../faultInjection.ts';
import { describeEdit, normalisePatch, storablePatch } from '../../editing/recordedEdit.ts';
import { groupByPatch, type PhotoChange } from '../../editing/editHistory.ts';
import { localMinute, type PhotoHistoryEntry } from '../../../../shared/editHistory.ts';
import { cleanArchivistName, MAX_ARCHIVIST_NAME } from '../../../../shared/archivistName.ts';
import { columnText, columnWrites, FIELD_COLUMN, fieldOfColumnText } from '../fieldWrites.ts';
import { inTransaction } from './pgTransaction.ts';
import { isConnectionError } from './connectionErrors.ts';
import { isTurnStep } from '../turnEdits.ts';
import { turnLabel } from '../../editing/turnEdit.ts';
import { replayTeamTurn, turnTeamPhotos } from './teamTurns.ts';
import type { TurnRequest } from '../../../../shared/orientation.ts';

/** One photo's part of a save: the new values, and the values the editor showed for them. */
export interface TeamEdit {
  id: number;
  patch: PhotoPatch;
  /**
   * Per patched field, the value the archivist saw before changing it. A field left out is
   * written whatever it holds now: a batch edit's "set the donor of these 500 photos to …".
   */
  seen?: PhotoPatch;
}

export type FieldValue = string | number | string[];

/** A field someone else saved after this archivist saw it. */
export interface EditConflict {
  photo: number;
  /** How the photo is named in messages: its title, "Fortepan 7416", or its file. */
  name: string;
  field: EditableField;
  seen: FieldValue;
  mine: FieldValue;
  theirs: FieldValue;
  /** Who saved `theirs` and when (ISO 8601); null when no team edit did (an import, a migration). */
  by: string | null;
  at: string | null;
}


export class EditConflictError extends CatalogueError {
  readonly conflicts: readonly EditConflict[];
  constructor(key: 'editConflict' | 'editConflictUnknown' | 'undoConflict', conflicts: readonly EditConflict[]) {
    const first = conflicts[0]!;
    super('edit-conflict', key, {
      count: conflicts.length,
      more: conflicts.length - 1,
      photo: first.name,
      field: first.field,
      theirs: shownValue(first.theirs),
      by: first.by ?? '',
      at: first.at ? localMinute(first.at) : '',
    });
    this.conflicts = conflicts;
  }
}

/** The columns a save reads to compare and to name photos in messages and history labels. */
const READ_COLUMNS = ['id', 'file', 'fortepan_id', 'iowa_id', ...EDITABLE_FIELDS.map((field) => FIELD_COLUMN[field])];

type LockedRow = Record<string, string | number | null>;

function shownValue(value: FieldValue): string {
  // Tags as the editor shows and reads them (shared/tags.ts): a tag may hold a comma, never a semicolon.
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/** What names a locked photo in messages and step labels (photoLabel's input). */
function labelOf(row: LockedRow): Parameters<typeof photoLabel>[0] {
  return {
    title: String(row.title ?? ''),
    fortepanId: row.fortepan_id === null ? null : Number(row.fortepan_id),
    file: String(row.file),
    iowaId: row.iowa_id === null ? null : String(row.iowa_id),
  };
}

/** Locks the photos in id order (two saves of overlapping sets wait in turn, never deadlock). */
async function lockPhotos(client: PoolClient, ids: readonly number[]): Promise<Map<number, LockedRow>> {
  const { rows } = await client.query<LockedRow>(`SELECT ${READ_COLUMNS.join(', ')} FROM photos WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`, [ids]);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: missing.join(', ') });
  return byId;
}

/** Who last saved each of these fields, and when, from the change log. */
async function lastSavers(pool: Pool | PoolClient, keys: readonly { photo: number; field: EditableField }[]): Promise<Map<string, { by: string; at: string }>> {
  if (!keys.length) return new Map();
  const { rows } = await pool.query<{ photo_id: string; field: string; author: string; changed_at: Date }>(
    `SELECT DISTINCT ON (c.photo_id, c.field) c.photo_id, c.field, c.author, c.changed_at
       FROM photo_changes c JOIN unnest($1::bigint[], $2::text[]) AS k(photo_id, field) ON c.photo_id = k.photo_id AND c.field = k.field
      ORDER BY c.photo_id, c.field, c.id DESC`,
    [keys.map((k) => k.photo), keys.map((k) => k.field)],
  );
  return new Map(rows.map((r) => [`${r.photo_id}:${r.field}`, { by: r.author, at: r.changed_at.toISOString() }]));
}

/** Fills in who saved each conflicting value and when. */
async function withSavers(pool: Pool, conflicts: EditConflict[]): Promise<EditConflict[]> {
  const savers = await lastSavers(pool, conflicts);
  return conflicts.map((c) => ({ ...c, ...savers.get(`${c.photo}:${c.field}`) }));
}

/** Writes each photo's values and records every field changed, under one step. */
/**
 * Writes a step's values and records them: a new step (`undoOf` null), or changes of an existing
 * step — its undo (`undo`, the default then) or its redo (`undo` false).
 */
async function writeStep(client: PoolClient, author: string, label: string, changes: readonly PhotoChange[], undoOf: number | null, undo = undoOf !== null): Promise<number> {
  const now = new Date().toISOString();
  // One UPDATE per distinct set of values: a batch edit of 20,000 photos is one statement.
  for (const { patch, ids } of groupByPatch(changes.map((change) => ({ id: change.id, patch: change.after })))) {
    const writes = columnWrites(patch);
    const sets = [...writes.map(([column], i) => `${column} = $${i + 1}`), `updated_at = $${writes.length + 1}`];
    await client.query(`UPDATE photos SET ${sets.join(', ')} WHERE id = ANY($${writes.length + 2}::bigint[])`, [...writes.map(([, value]) => value), now, ids]);
  }
  let step = undoOf;
  if (step === null) {
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO edit_history (label, changes, photo_count, undone, created_at, author) VALUES ($1, $2, $3, 0, $4, $5) RETURNING id',
      [label, JSON.stringify(changes), changes.length, now, author],
    );
    step = Number(rows[0]!.id);
  }
  const photoIds: number[] = [];
  const fields: string[] = [];
  const olds: string[] = [];
  const news: string[] = [];
  for (const change of changes) {
    for (const field of Object.keys(change.after) as EditableField[]) {
      photoIds.push(change.id);
      fields.push(field);
      olds.push(columnText(field, change.before[field]));
      news.push(columnText(field, change.after[field]));
    }
  }
  await client.query(
    `INSERT INTO photo_changes (step_id, photo_id, field, old_value, new_value, author, undo)
     SELECT $1::bigint, *, $6::text, $7::boolean FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[])`,
    [step, photoIds, fields, olds, news, author, undo],
  );
  return step;
}

/** Where the name an archivist's changes are recorded under comes from. */
export type ArchivistSource = 'given' | 'environment' | 'chosen' | 'system';

/**
 * The name an archivist's changes are recorded under, and where it came from: the one given
 * (`--as`), else $FOTOTAR_ARCHIVIST, else the one chosen once (`fototar archivist <name>`, kept in
 * the user's preferences), else the operating system's user name. A name given or set that
 * cannot be one (empty, over 100 characters, a control character) is refused.
 */
export function archivistOf(given?: string, chosen?: string | null): { name: string; source: ArchivistSource } {
  const [raw, source]: [string, ArchivistSource] =
    given !== undefined ? [given, 'given'] : process.env.FOTOTAR_ARCHIVIST !== undefined ? [process.env.FOTOTAR_ARCHIVIST, 'environment'] : chosen ? [chosen, 'chosen'] : [os.userInfo().username, 'system'];
  const name = cleanArchivistName(raw);
  if (name === null) throw new CatalogueError('invalid-input', 'archivistNameInvalid', { max: MAX_ARCHIVIST_NAME });
  return { name, source };
}

/** The name alone (archivistOf). */
export function archivistName(given?: string, chosen?: string | null): string {
  return archivistOf(given, chosen).name;
}

export class TeamEdits {
  readonly #pool: Pool;
  readonly #author: string;

  /** `author` is the archivist's name, as the team sees it in conflicts and histories. */
  constructor(pool: Pool, author: string) {
    if (!author.trim()) throw new CatalogueError('invalid-input', 'authorMissing');
    this.#pool = pool;
    this.#author = author.trim();
  }

  get author(): string {
    return this.#author;
  }

  /**
   * Saves the edits as one step of this archivist's, or refuses all of them with an
   * EditConflictError listing every field someone else saved since it was seen. Answers the
   * photos that changed (none when every value was already so).
   */
  async save(edits: readonly TeamEdit[], label?: string): Promise<number[]> {
    const planned = edits.map((edit) => ({ id: edit.id, patch: normalisePatch(storablePatch(edit.patch)), seen: edit.seen ?? {} }));
    const ids = [...new Set(planned.map((e) => e.id))].sort((a, b) => a - b);
    if (!ids.length) return [];
    const conflicts: EditConflict[] = [];
    let changed: number[] = [];
    try {
      changed = await inTransaction(this.#pool, async (client) => {
        const rows = await lockPhotos(client, ids);
        const changes: PhotoChange[] = [];
        for (const edit of planned) {
          const row = rows.get(edit.id)!;
          const before: Record<string, FieldValue> = {};
          const after: Record<string, FieldValue> = {};
          for (const field of Object.keys(edit.patch) as EditableField[]) {
            if (!isEditableField(field) || edit.patch[field] === undefined) continue;
            const current = String(row[FIELD_COLUMN[field]] ?? '');
            const mine = columnText(field, edit.patch[field]);
            if (current === mine) continue; // already so, whoever saved it
            const seen = edit.seen[field];
            if (seen !== undefined && columnText(field, seen) !== current) {
              conflicts.push({ photo: edit.id, name: photoLabel(labelOf(row)), field, seen: fieldOfColumnText(field, columnText(field, seen)), mine: fieldOfColumnText(field, mine), theirs: fieldOfColumnText(field, current), by: null, at: null });
              continue;
            }
            before[field] = fieldOfColumnText(field, current);
            after[field] = fieldOfColumnText(field, mine);
            row[FIELD_COLUMN[field]] = mine; // a later edit of the same photo in this save compares with this
          }
          if (Object.keys(after).length) changes.push({ id: edit.id, before: before as PhotoPatch, after: after as PhotoPatch });
        }
        if (conflicts.length) throw new EditConflictError('editConflict', conflicts);
        if (!changes.length) return [];
        const names = new Map([...rows].map(([id, row]) => [id, labelOf(row)]));
        await writeStep(client, this.#author, label ?? describeEdit(changes, names), changes, null);
        faultPoint('team-edit:written');
        return [...new Set(changes.map((c) => c.id))];
      });
    } catch (error) {
      if (error instanceof EditConflictError) {
        const known = await withSavers(this.#pool, conflicts);
        throw new EditConflictError(known.every((c) => c.by) ? 'editConflict' : 'editConflictUnknown', known);
      }
      throw notSaved(error);
    }
    return changed;
  }

  /**
   * Rotates and/or flips the photos as displayed, as one step of this archivist's (named as the
   * folder catalogue names it: "Rotate clockwise 12 photos"); the photos that changed.
   */
  async turn(ids: readonly number[], request: TurnRequest): Promise<number[]> {
    try {
      return await inTransaction(this.#pool, async (client) => {
        const turned = await turnTeamPhotos(client, ids, request);
        if (!turned) return [];
        await client.query('INSERT INTO edit_history (label, changes, photo_count, undone, created_at, author) VALUES ($1, $2, $3, 0, $4, $5)', [
          turnLabel(request, turned.whom),
          JSON.stringify(turned.step),
          turned.changed.length,
          new Date().toISOString(),
          this.#author,
        ]);
        return turned.changed;
      });
    } catch (error) {
      throw notSaved(error);
    }
  }

  /** The label of this archivist's last step not undone yet (what undo would take back), or null. */
  async lastStep(): Promise<string | null> {
    const { rows } = await this.#pool.query<{ label: string }>('SELECT label FROM edit_history WHERE author = $1 AND undone = 0 ORDER BY id DESC LIMIT 1', [this.#author]);
    return rows[0]?.label ?? null;
  }

  /**
   * Takes back this archivist's last step that is not undone yet (never a colleague's). Refused,
   * as a save would be, when someone changed one of its fields since. Answers the step's label
   * and the photos changed back, or null when this archivist has nothing left to undo.
   */
  async undo(): Promise<{ label: string; ids: number[] } | null> {
    return await this.#replay('undo');
  }

  /**
   * The label of this archivist's step redo would put back: their newest step, when they have
   * undone it (a new step of theirs after an undo ends what can be redone, as in the app).
   */
  async nextRedo(): Promise<string | null> {
    const { rows } = await this.#pool.query<{ label: string; undone: number }>('SELECT label, undone FROM edit_history WHERE author = $1 ORDER BY id DESC LIMIT 1', [this.#author]);
    return rows[0]?.undone === 1 ? rows[0].label : null;
  }

  /**
   * Puts back this archivist's last undone step (nextRedo), as a save of its values would be:
   * refused when someone changed one of its fields since the undo. Answers the step's label and
   * the photos changed, or null when there is nothing of theirs to redo.
   */
  async redo(): Promise<{ label: string; ids: number[] } | null> {
    return await this.#replay('redo');
  }

  /**
   * Undo: this archivist's last step not undone yet, each value back to before it. Redo: their
   * newest step when it is undone, each value as it made it. Either is refused, as a save is,
   * when someone changed one of its fields (or turned one of its photos) meanwhile.
   */
  async #replay(direction: 'undo' | 'redo'): Promise<{ label: string; ids: number[] } | null> {
    const undo = direction === 'undo';
    const conflicts: EditConflict[] = [];
    try {
      return await inTransaction(this.#pool, async (client) => {
        const { rows: steps } = await client.query<{ id: string; label: string; changes: string; undone: number }>(
          `SELECT id, label, changes, undone FROM edit_history WHERE author = $1 ${undo ? 'AND undone = 0 ' : ''}ORDER BY id DESC LIMIT 1 FOR UPDATE`,
          [this.#author],
        );
        const step = steps[0];
        if (!step || (!undo && step.undone !== 1)) return null;
        const recorded = JSON.parse(step.changes) as unknown;
        const mark = () => client.query('UPDATE edit_history SET undone = $1 WHERE id = $2', [undo ? 1 : 0, step.id]);
        if (isTurnStep(recorded)) {
          const ids = await replayTeamTurn(client, recorded, direction);
          await mark();
          return { label: step.label, ids };
        }
        const changes = recorded as PhotoChange[];
        const rows = await lockPhotos(client, [...new Set(changes.map((c) => c.id))].sort((a, b) => a - b)).catch((error: unknown) => {
          // A photo removed since: its fields cannot be put back; the rest of the step can't be alone.
          throw error instanceof CatalogueError && error.key === 'photoNotFound' ? new CatalogueError('invalid-input', 'undoPhotoGone', error.params) : error;
        });
        // Undo writes each change backwards (recorded as an undo of the step), redo as it was.
        const writes: PhotoChange[] = undo ? changes.map((c) => ({ id: c.id, before: c.after, after: c.before })) : changes;
        for (const write of writes) {
          const row = rows.get(write.id)!;
          for (const field of Object.keys(write.before) as EditableField[]) {
            const current = String(row[FIELD_COLUMN[field]] ?? '');
            if (current !== columnText(field, write.before[field])) {
              conflicts.push({ photo: write.id, name: photoLabel(labelOf(row)), field, seen: write.before[field] as FieldValue, mine: write.after[field] as FieldValue, theirs: fieldOfColumnText(field, current), by: null, at: null });
            }
          }
        }
        if (conflicts.length) throw new EditConflictError(undo ? 'undoConflict' : 'editConflict', conflicts);
        await writeStep(client, this.#author, '', writes, Number(step.id), undo);
        await mark();
        faultPoint(undo ? 'team-undo:written' : 'team-redo:written');
        return { label: step.label, ids: writes.map((c) => c.id) };
      });
    } catch (error) {
      if (error instanceof EditConflictError) {
        const known = await withSavers(this.#pool, conflicts);
        throw new EditConflictError(undo ? 'undoConflict' : known.every((c) => c.by) ? 'editConflict' : 'editConflictUnknown', known);
      }
      throw notSaved(error);
    }
  }

  /** Every change to the photo's fields, newest first: who, when, which field, before and after. */
  async history(photo: number): Promise<PhotoHistoryEntry[]> {
    return await teamPhotoHistory(this.#pool, photo);
  }
}

/** A team catalogue's record of every change to one photo's fields, newest first; 'not-found' for an unknown photo. */
export async function teamPhotoHistory(pool: Pool | PoolClient, photo: number): Promise<PhotoHistoryEntry[]> {
  const present = await pool.query('SELECT 1 FROM photos WHERE id = $1', [photo]);
  if (!present.rowCount) throw new CatalogueError('not-found', 'photoNotFound', { ids: String(photo) });
  const { rows } = await pool.query<{ field: EditableField; old_value: string; new_value: string; author: string; changed_at: Date; undo: boolean; label: string | null; undone: number | null }>(
    `SELECT c.field, c.old_value, c.new_value, c.author, c.changed_at, c.undo, h.label, h.undone
       FROM photo_changes c LEFT JOIN edit_history h ON h.id = c.step_id
      WHERE c.photo_id = $1 ORDER BY c.changed_at DESC, array_position($2::text[], c.field), c.id`,
    // Newest save first; a save's fields in the editor's order, as a folder catalogue lists them.
    [photo, EDITABLE_FIELDS],
  );
  return rows.map((r) => ({
    at: r.changed_at.toISOString(),
    author: r.author,
    label: r.label ?? '',
    field: r.field,
    before: fieldOfColumnText(r.field, r.old_value),
    after: fieldOfColumnText(r.field, r.new_value),
    undone: !r.undo && r.undone === 1,
    ...(r.undo ? { undo: true as const } : {}),
  }));
}

/**
 * Anything but a refusal the archivist can act on becomes "not saved, because …"; the server gone
 * stays itself, for the catalogue to say "cannot reach the PostgreSQL database …" with its address.
 */
function notSaved(error: unknown): Error {
  if (error instanceof CatalogueError || isConnectionError(error)) return error as Error;
  return new CatalogueError('not-saved', 'editNotSaved', { reason: (error as Error).message });
}
