// A team catalogue's photos read from PostgreSQL (PhotoReads, photoReads.ts): the same answers
// as the folder catalogue's SQLite reads, row for row, made into photos, cards and editable
// fields by the same functions (photoRepository.ts), so nothing above the store can tell the
// engines apart. A contract test runs both on the same catalogue.
//
// pg gives BIGINT as text (every 64-bit value exact): the BIGINT columns are made numbers here.
// Sort orders walk the same keys with the same halves (sortColumns.ts); the key columns are
// COLLATE "C" in the schema, so text orders by code point as in SQLite.
import type { Pool } from 'pg';
import type { EditableField } from '../../../../shared/types.ts';
import type { SortDirection, SortField } from '../../../../shared/photoSort.ts';
import type { MarkFilter } from '../../../../shared/photoMarks.ts';
import { EDITABLE_PHOTO_COLUMNS, markFiltered, rowToEditable, rowToPhoto, rowToSummary, SUMMARY_COLUMNS, type PhotoRow, type PhotoScope, type SummaryRow } from '../photoRepository.ts';
import type { ListedPhoto, PhotoReads } from '../photoReads.ts';
import { FIELD_COLUMN, parseTags } from '../fieldWrites.ts';
import { orderHalves } from '../sortColumns.ts';

/** Rows per read of iterateAll, as SQLite's. */
const ITERATE_CHUNK = 2_000;

const BIGINT_COLUMNS = ['id', 'fortepan_id', 'file_size', 'duplicate_of'] as const;

/** A row with its BIGINT columns as numbers (null stays null). */
function numbered<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = { ...row };
  for (const column of BIGINT_COLUMNS) if (typeof out[column] === 'string') out[column] = Number(out[column]);
  return out as T;
}

/** The scope as a condition on `id`, with its one parameter (an id array). */
function scopeCondition(scope: PhotoScope): [string, number[]] {
  return 'ids' in scope ? ['id = ANY($1::bigint[])', [...new Set(scope.ids)]] : ['NOT (id = ANY($1::bigint[]))', [...scope.allExcept]];
}

/** Rows of `ids` in the order given (a missing id left out). */
function inOrder<R extends { id: number }>(ids: readonly number[], rows: R[]): R[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export class PgPhotoReads implements PhotoReads {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async #rows<R extends Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<R[]> {
    return (await this.#pool.query<R>(sql, values)).rows.map(numbered);
  }

  async #ids(sql: string, values: unknown[] = []): Promise<number[]> {
    return (await this.#pool.query<{ id: string }>(sql, values)).rows.map((row) => Number(row.id));
  }

  /**
   * Changes whenever a photo was added, changed or removed: the change log's newest entry (its
   * triggers log every insert and delete, and every change to a searchable field) and the newest
   * recorded field change (a team edit of a field the log leaves out, a licence say). Both are
   * the last entry of an index, so asking costs no scan of the photos.
   */
  async writeStamp(): Promise<string> {
    const { rows } = await this.#pool.query<{ stamp: string }>(
      "SELECT (SELECT coalesce(max(seq), 0) FROM search_changes) || '/' || (SELECT coalesce(max(id), 0) FROM photo_changes) AS stamp",
    );
    return rows[0]!.stamp;
  }

  async count(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM photos');
    return Number(rows[0]!.n);
  }

  async get(id: number) {
    const [row] = await this.#rows<PhotoRow & Record<string, unknown>>('SELECT * FROM photos WHERE id = $1', [id]);
    return row ? rowToPhoto(row) : null;
  }

  async getMany(ids: readonly number[]) {
    if (!ids.length) return [];
    return inOrder(ids, await this.#rows<PhotoRow & Record<string, unknown>>('SELECT * FROM photos WHERE id = ANY($1::bigint[])', [[...ids]])).map(rowToPhoto);
  }

  async editableMany(ids: readonly number[]) {
    if (!ids.length) return [];
    const rows = await this.#rows<PhotoRow & Record<string, unknown>>(`SELECT ${EDITABLE_PHOTO_COLUMNS} FROM photos AS p WHERE p.id = ANY($1::bigint[])`, [[...ids]]);
    return inOrder(ids, rows).map(rowToEditable);
  }

  async summaries(ids: readonly number[]) {
    if (!ids.length) return [];
    return inOrder(ids, await this.#rows<SummaryRow & Record<string, unknown>>(`SELECT ${SUMMARY_COLUMNS} FROM photos WHERE id = ANY($1::bigint[])`, [[...ids]])).map(rowToSummary);
  }

  async summaryPage(offset: number, limit: number) {
    return (await this.#rows<SummaryRow & Record<string, unknown>>(`SELECT ${SUMMARY_COLUMNS} FROM photos ORDER BY id LIMIT $1 OFFSET $2`, [limit, offset])).map(rowToSummary);
  }

  async sortedSummaryPage(field: SortField, direction: SortDirection, offset: number, limit: number) {
    return await this.summaries(await this.sortedIdPage(field, direction, offset, limit));
  }

  async idPage(offset: number, limit: number) {
    return await this.#ids('SELECT id FROM photos ORDER BY id LIMIT $1 OFFSET $2', [Math.min(limit, Number.MAX_SAFE_INTEGER), offset]);
  }

  /** Photos with a value first, in its order, then those without, by id: as SQLite's. */
  async sortedIdPage(field: SortField, direction: SortDirection, offset: number, limit: number) {
    const halves = orderHalves(field, direction);
    const page = (where: string, skip: number, take: number) => this.#ids(`SELECT id FROM photos ${where} LIMIT $1 OFFSET $2`, [take, skip]);
    const take = Math.min(limit, Number.MAX_SAFE_INTEGER);
    const first = await page(halves.present, offset, take);
    if (first.length >= take) return first;
    const skip = first.length > 0 ? 0 : offset - (await this.#countPresent(halves.present));
    return [...first, ...(await page(halves.missing, Math.max(0, skip), take - first.length))];
  }

  async #countPresent(present: string): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(`SELECT count(*) AS n FROM photos ${present.slice(0, present.indexOf(' ORDER BY'))}`);
    return Number(rows[0]!.n);
  }

  async ids() {
    return await this.#ids('SELECT id FROM photos ORDER BY id');
  }

  async *iterateAll() {
    for (let after = -1; ; ) {
      const rows = await this.#rows<PhotoRow & Record<string, unknown>>(`SELECT * FROM photos WHERE id > $1 ORDER BY id LIMIT ${ITERATE_CHUNK}`, [after]);
      for (const row of rows) yield rowToPhoto(row);
      if (rows.length < ITERATE_CHUNK) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async listed(sort?: { field: SortField; direction: SortDirection }, marks?: MarkFilter): Promise<ListedPhoto[]> {
    const columns = `SELECT id, file, fortepan_id, title FROM ${marks ? markFiltered(marks) : 'photos'}`;
    const read = (query: string) => this.#rows<{ id: number; file: string; fortepan_id: number | null; title: string }>(query);
    let rows;
    if (sort) {
      const halves = orderHalves(sort.field, sort.direction);
      rows = [...(await read(`${columns} ${halves.present}`)), ...(await read(`${columns} ${halves.missing}`))];
    } else {
      rows = await read(`${columns} ORDER BY id`);
    }
    return rows.map((row) => ({ id: row.id, file: row.file, fortepanId: row.fortepan_id, title: row.title }));
  }

  async hashOf(id: number) {
    const { rows } = await this.#pool.query<{ hash: string; preview_error: string | null }>('SELECT hash, preview_error FROM photos WHERE id = $1', [id]);
    return rows[0] ? { hash: rows[0].hash, previewError: rows[0].preview_error } : null;
  }

  async files() {
    return (await this.#pool.query<{ file: string }>('SELECT file FROM photos')).rows.map((row) => row.file);
  }

  async missingFiles() {
    return (await this.#rows<{ id: number; file: string }>('SELECT id, file FROM photos WHERE missing = 1 ORDER BY id')).map((row) => ({ id: row.id, file: row.file }));
  }

  async tagSpellingCounts() {
    const { rows } = await this.#pool.query<{ tag: string; n: string }>(
      "SELECT j.tag, count(*) AS n FROM photos AS p, jsonb_array_elements_text(p.tags::jsonb) AS j(tag) WHERE p.tags <> '[]' GROUP BY j.tag",
    );
    return rows.map((row) => ({ tag: row.tag, count: Number(row.n) }));
  }

  async taggedPhotos() {
    return (await this.#rows<{ id: number; tags: string }>("SELECT id, tags FROM photos WHERE tags <> '[]' ORDER BY id")).map((row) => ({ id: row.id, tags: parseTags(row.tags) }));
  }

  async fieldRanges(scope: PhotoScope, fields: readonly EditableField[]) {
    const aggregates = fields.map((f) => `min(${FIELD_COLUMN[f]}) AS "${f}.min", max(${FIELD_COLUMN[f]}) AS "${f}.max"`).join(', ');
    const [where, list] = scopeCondition(scope);
    const { rows } = await this.#pool.query<Record<string, string | null>>(`SELECT count(*) AS n, ${aggregates} FROM photos WHERE ${where}`, [list]);
    const row = rows[0]!;
    const ranges = new Map<EditableField, [string | null, string | null]>();
    for (const f of fields) ranges.set(f, [row[`${f}.min`] ?? null, row[`${f}.max`] ?? null]);
    return { count: Number(row.n), ranges };
  }

  async *tagListsOf(scope: PhotoScope) {
    const [where, list] = scopeCondition(scope);
    const { rows } = await this.#pool.query<{ tags: string }>(`SELECT tags FROM photos WHERE ${where} AND tags <> '[]'`, [list]);
    for (const row of rows) yield parseTags(row.tags);
  }
}
