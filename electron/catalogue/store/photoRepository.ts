// Rows of the photos table as domain objects. All SQL about photos lives here.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { EDITABLE_FIELDS, type EditableField, type EditableFields, type EditablePhoto, type Photo, type PhotoPatch, type PhotoSummary } from '../../../shared/types.ts';
import { creditLine } from '../../../shared/creditStyles.ts';
import { normaliseTags } from '../../../shared/tags.ts';
import { statementCache } from './statementCache.ts';
import { columnWrites, dateBounds, FIELD_COLUMN, parseTags } from './fieldWrites.ts';
import { inTransaction, inTransactionWithoutSync } from './openDatabase.ts';
import { faultPoint } from '../faultInjection.ts';
import { CatalogueError } from '../catalogueError.ts';
import { orderHalves, SORT_KEY_COLUMN, sortKeyFor } from './sortColumns.ts';
import type { SortDirection, SortField } from '../../../shared/photoSort.ts';
import { exifOfTurn, isUpright, normaliseRotation, swapsSides, type Turn } from '../../../shared/orientation.ts';
import { isColourLabel, isFlag, type MarkFilter, type PhotoMarks } from '../../../shared/photoMarks.ts';

/** Rows per call into SQLite when every photo is read (iterateAll). */
const ITERATE_CHUNK = 2_000;

export interface PhotoRow {
  id: number;
  hash: string;
  file: string;
  file_size: number;
  file_mtime_ms: number;
  fortepan_id: number | null;
  title: string;
  caption: string;
  date: string;
  date_from: string | null;
  date_to: string | null;
  donor: string;
  photographer: string;
  country: string;
  city: string;
  place: string;
  tags: string;
  licence: string;
  source: string;
  archive_ref: string;
  notes: string;
  iowa_id: string | null;
  width: number | null;
  height: number | null;
  format: string | null;
  page_count: number | null;
  taken_at: string | null;
  digitized_at: string | null;
  camera: string | null;
  gps_lat: number | null;
  gps_lon: number | null;
  gps_alt: number | null;
  embedded_credit: string;
  embedded_creator: string;
  copyright: string;
  preview_error: string | null;
  preview_warning: string | null;
  thumb_version: string;
  missing: number;
  duplicate_of: number | null;
  /** Absent in a catalogue not yet migrated to 11 (the CLI's reading commands do not migrate). */
  rotation?: number;
  flipped?: number;
  file_orientation?: number | null;
  rating: number;
  flag: string;
  label: string;
  added_at: string;
  updated_at: string;
}

/** What an ingest learns about a file: technical facts plus the descriptive fields it carries. */
export interface IngestedRecord {
  hash: string;
  file: string;
  fileSize: number;
  fileMtimeMs: number;
  fortepanId: number | null;
  /** The Fortepan Iowa number ("FI0001858"), when the file or its metadata carries one. */
  iowaId?: string | null;
  fields: EditableFields;
  width: number | null;
  height: number | null;
  format: string | null;
  pageCount: number | null;
  takenAt: string | null;
  digitizedAt: string | null;
  camera: string | null;
  gps: { lat: number; lon: number; alt: number | null } | null;
  embeddedCredit: string;
  embeddedCreator: string;
  copyright: string;
  previewError: string | null;
  /** The preview shows only part of the image (see Photo.previewWarning); absent means none. */
  previewWarning?: string | null;
  /** The file's own EXIF orientation (1-8), when it has one. */
  fileOrientation?: number | null;
}

export function rowToPhoto(row: PhotoRow): Photo {
  const turn: Turn = { rotation: normaliseRotation(row.rotation ?? 0), flipped: row.flipped === 1 };
  const swap = swapsSides(turn);
  const photo: Photo = {
    ...rowToEditable(row),
    hash: row.hash,
    dateFrom: row.date_from,
    dateTo: row.date_to,
    // As displayed: the person's quarter turn swaps the sides the file's orientation gave.
    width: swap ? row.height : row.width,
    height: swap ? row.width : row.height,
    rotation: turn.rotation,
    flipped: turn.flipped,
    fileOrientation: row.file_orientation ?? null,
    format: row.format,
    pageCount: row.page_count,
    takenAt: row.taken_at,
    digitizedAt: row.digitized_at,
    camera: row.camera,
    gps: row.gps_lat !== null && row.gps_lon !== null ? { lat: row.gps_lat, lon: row.gps_lon, alt: row.gps_alt } : null,
    embeddedCredit: row.embedded_credit,
    embeddedCreator: row.embedded_creator,
    copyright: row.copyright,
    credit: '',
    previewError: row.preview_error,
    previewWarning: row.preview_warning ?? null,
    thumbVersion: thumbVersion(row.thumb_version, turn),
    missing: row.missing !== 0,
    duplicateOf: row.duplicate_of ?? null,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
  };
  photo.credit = creditLine(photo);
  return photo;
}

/** The editable fields of a row and what names its photo: part of every Photo (rowToPhoto), and all an import compares. */
export function rowToEditable(row: PhotoRow): EditablePhoto {
  return {
    id: row.id,
    file: row.file,
    fortepanId: row.fortepan_id,
    iowaId: row.iowa_id ?? null,
    title: row.title,
    caption: row.caption,
    date: row.date,
    donor: row.donor,
    photographer: row.photographer,
    country: row.country,
    city: row.city,
    place: row.place,
    tags: parseTags(row.tags),
    licence: row.licence,
    source: row.source,
    archiveRef: row.archive_ref ?? '',
    notes: row.notes,
    ...marksOfRow(row),
  };
}

/**
 * What a grid card shows (shared/photoSummary.ts's fields, the credit line as Photo has it) read from a row of only the columns it needs:
 * its own and those its credit line is made of. A page of 200 read as whole photos (49 columns,
 * the sort keys, tags parsed, a Photo built) cost more than everything else about the page.
 */
export const SUMMARY_COLUMNS =
  'id, file, fortepan_id, iowa_id, title, caption, date, donor, photographer, source, licence, archive_ref, embedded_credit, embedded_creator, copyright, preview_error, missing, duplicate_of, thumb_version, rotation, flipped, rating, flag, label';

export type SummaryRow = Pick<
  PhotoRow,
  'id' | 'file' | 'fortepan_id' | 'iowa_id' | 'title' | 'caption' | 'date' | 'donor' | 'photographer' | 'source' | 'licence' | 'archive_ref' | 'embedded_credit' | 'embedded_creator' | 'copyright' | 'preview_error' | 'missing' | 'duplicate_of' | 'thumb_version' | 'rotation' | 'flipped' | 'rating' | 'flag' | 'label'
>;

export function rowToSummary(row: SummaryRow): PhotoSummary {
  return {
    id: row.id,
    file: row.file,
    fortepanId: row.fortepan_id,
    title: row.title,
    caption: row.caption,
    date: row.date,
    donor: row.donor,
    credit: creditLine({
      fortepanId: row.fortepan_id,
      iowaId: row.iowa_id ?? null,
      title: row.title,
      file: row.file,
      donor: row.donor,
      photographer: row.photographer,
      source: row.source,
      licence: row.licence,
      archiveRef: row.archive_ref ?? '',
      embeddedCredit: row.embedded_credit,
      embeddedCreator: row.embedded_creator,
      copyright: row.copyright,
    }),
    previewError: row.preview_error,
    missing: row.missing !== 0,
    duplicateOf: row.duplicate_of ?? null,
    // The person's turn changes the images' URLs, as rowToPhoto's (thumbVersion below).
    thumbVersion: thumbVersion(row.thumb_version, { rotation: normaliseRotation(row.rotation ?? 0), flipped: row.flipped === 1 }),
    // The marks a card shows (stars, pick/reject, colour label).
    ...marksOfRow(row),
  };
}

/**
 * A row's marks, for a whole photo, a grid card and the search index alike. A catalogue opened
 * read-only before migration 12 has no marks: it reads as unmarked, as does a value the
 * columns' checks would refuse.
 */
export function marksOfRow(row: Partial<Pick<PhotoRow, 'rating' | 'flag' | 'label'>>): PhotoMarks {
  return {
    rating: Number(row.rating ?? 0),
    flag: isFlag(row.flag) ? row.flag : '',
    label: isColourLabel(row.label) ? row.label : '',
  };
}

/**
 * The images' version: the thumbnails' own, plus the person's turn, so every image URL changes
 * at once when a photo is rotated or flipped (and back when it is turned back).
 */
export function thumbVersion(stored: string, turn: Turn): string {
  return isUpright(turn) ? stored : `${stored}.o${exifOfTurn(turn)}`;
}

/** What editableMany reads: the editable fields' columns and those photoLabel names a photo by. */
export const EDITABLE_PHOTO_COLUMNS = ['id', 'file', 'fortepan_id', 'iowa_id', ...EDITABLE_FIELDS.map((field) => FIELD_COLUMN[field])].map((column) => `p.${column}`).join(', ');

/** Facts that follow the file's bytes, in column order: written when it is added and whenever it changes. */
export const FILE_FACT_COLUMNS = [
  'width', 'height', 'format', 'page_count', 'taken_at', 'digitized_at', 'camera', 'gps_lat', 'gps_lon', 'gps_alt',
  'embedded_credit', 'embedded_creator', 'copyright', 'preview_error', 'preview_warning', 'thumb_version', 'file_orientation',
] as const;

export function fileFacts(record: IngestedRecord): (string | number | null)[] {
  return [
    record.width,
    record.height,
    record.format,
    record.pageCount,
    record.takenAt,
    record.digitizedAt,
    record.camera,
    record.gps?.lat ?? null,
    record.gps?.lon ?? null,
    record.gps?.alt ?? null,
    record.embeddedCredit,
    record.embeddedCreator,
    record.copyright,
    record.previewError,
    record.previewWarning ?? null,
    // A new thumbnail version whenever the bytes change, so cached images are refreshed.
    `${record.hash.slice(0, 12)}-${Date.now().toString(36)}`,
    record.fileOrientation ?? null,
  ];
}

/** A re-read file's metadata for the fields the catalogue left empty (the others are the people's). */
export function emptyFieldsFilled(current: EditableFields, record: IngestedRecord): PhotoPatch {
  const merged: PhotoPatch = {};
  for (const key of EDITABLE_FIELDS) {
    if (key === 'tags') {
      if (current.tags.length === 0 && record.fields.tags.length) merged.tags = record.fields.tags;
    } else if (!current[key] && record.fields[key]) {
      (merged as Record<string, unknown>)[key] = record.fields[key];
    }
  }
  return merged;
}

/**
 * A new photo's row as an ingest writes it, column by column: its file, its metadata read from
 * the file, its facts and sort keys. Both engines insert this (SQLite here, PostgreSQL's team
 * ingest in postgres/teamIngest.ts), so a photo added to either is the same row.
 */
export function insertedRow(record: IngestedRecord, now: string): { columns: string[]; values: (string | number | null)[] } {
  const dates = dateBounds(record.fields.date);
  const columns = [
    'hash', 'file', 'file_size', 'file_mtime_ms', 'fortepan_id', 'title', 'caption', 'date', 'date_from', 'date_to',
    'donor', 'photographer', 'country', 'city', 'place', 'tags', 'licence', 'source', 'archive_ref', 'notes', 'iowa_id',
    'rating', 'flag', 'label', ...FILE_FACT_COLUMNS, 'missing', 'added_at', 'updated_at', ...Object.values(SORT_KEY_COLUMN),
  ];
  const values = [
    record.hash,
    record.file,
    record.fileSize,
    record.fileMtimeMs,
    record.fortepanId,
    record.fields.title,
    record.fields.caption,
    record.fields.date,
    dates.from,
    dates.to,
    record.fields.donor,
    record.fields.photographer,
    record.fields.country,
    record.fields.city,
    record.fields.place,
    JSON.stringify(normaliseTags(record.fields.tags)),
    record.fields.licence,
    record.fields.source,
    record.fields.archiveRef ?? '',
    record.fields.notes,
    record.iowaId ?? null,
    record.fields.rating ?? 0,
    record.fields.flag ?? '',
    record.fields.label ?? '',
    ...fileFacts(record),
    0,
    now,
    now,
    ...Object.keys(SORT_KEY_COLUMN).map((column) =>
      sortKeyFor(column as keyof typeof SORT_KEY_COLUMN, column === 'file' ? record.file : record.fields[column as Exclude<keyof typeof SORT_KEY_COLUMN, 'file'>]),
    ),
  ];
  return { columns, values };
}

/** Which photos a read covers: these ids, or every photo but these (a whole-catalogue selection). */
export type PhotoScope = { ids: readonly number[] } | { allExcept: readonly number[] };

function scopeWhere(scope: PhotoScope): [string, string] {
  return 'ids' in scope
    ? ['id IN (SELECT value FROM json_each(?))', JSON.stringify([...new Set(scope.ids)])]
    : ['id NOT IN (SELECT value FROM json_each(?))', JSON.stringify(scope.allExcept)];
}

export class PhotoRepository {
  readonly #db: DatabaseSync;
  readonly #prepare: (sql: string) => StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#prepare = statementCache(db);
  }

  /**
   * A text that changes whenever anything in the database may have: a commit by another
   * connection changes PRAGMA data_version, a row this connection writes changes total_changes()
   * (both are read from memory). For keeping answers that read every photo.
   */
  writeStamp(): string {
    const stamp = this.#prepare('SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version').get() as { changes: number; version: number };
    return `${stamp.version}/${stamp.changes}`;
  }

  /**
   * The number of photos. Counting walks an index of every photo (milliseconds at 200,000, on
   * every grid page), so the count is kept while the write stamp stays the same.
   */
  count(): number {
    const stamp = this.writeStamp();
    if (this.#counted?.stamp === stamp) return this.#counted.n;
    const n = Number((this.#prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n);
    this.#counted = { stamp, n };
    return n;
  }

  #counted: { stamp: string; n: number } | null = null;

  /** Grid summaries of these photos, in this order (a photo not found is left out). */
  summaries(ids: readonly number[]): PhotoSummary[] {
    if (ids.length === 0) return [];
    const rows = this.#prepare(`SELECT ${SUMMARY_COLUMNS} FROM photos WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as unknown as SummaryRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const out: PhotoSummary[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) out.push(rowToSummary(row));
    }
    return out;
  }

  /** Grid summaries in catalogue order (the order photos were added), a page at a time. */
  summaryPage(offset: number, limit: number): PhotoSummary[] {
    const rows = this.#prepare(`SELECT ${SUMMARY_COLUMNS} FROM photos ORDER BY id LIMIT ? OFFSET ?`).all(limit, offset) as unknown as SummaryRow[];
    return rows.map(rowToSummary);
  }

  get(id: number): Photo | null {
    const row = this.#prepare('SELECT * FROM photos WHERE id = ?').get(id) as PhotoRow | undefined;
    return row ? rowToPhoto(row) : null;
  }

  getMany(ids: readonly number[]): Photo[] {
    if (ids.length === 0) return [];
    const rows = this.#prepare('SELECT p.* FROM json_each(?) AS j JOIN photos AS p ON p.id = j.value ORDER BY j.key').all(
      JSON.stringify(ids),
    ) as unknown as PhotoRow[];
    return rows.map(rowToPhoto);
  }

  /**
   * The editable fields of these photos and what names them, in this order (a photo not found is
   * left out): what an import compares its rows with. Read without the other 30 columns and the
   * credit line a whole Photo is built with, which made reading a million photos most of an
   * import's time.
   */
  editableMany(ids: readonly number[]): EditablePhoto[] {
    if (ids.length === 0) return [];
    const rows = this.#prepare(`SELECT ${EDITABLE_PHOTO_COLUMNS} FROM json_each(?) AS j JOIN photos AS p ON p.id = j.value ORDER BY j.key`).all(
      JSON.stringify(ids),
    ) as unknown as PhotoRow[];
    return rows.map(rowToEditable);
  }

  /** The content hash of a photo, for finding its thumbnails. */
  hashOf(id: number): { hash: string; previewError: string | null } | null {
    const row = this.#prepare('SELECT hash, preview_error FROM photos WHERE id = ?').get(id) as
      | { hash: string; preview_error: string | null }
      | undefined;
    return row ? { hash: row.hash, previewError: row.preview_error } : null;
  }

  /** Ids in catalogue order, a page at a time (selections address them without reading rows). */
  idPage(offset: number, limit: number): number[] {
    // One JSON array, not a row object per id: 200,000 ids in a tenth of the time.
    const row = this.#prepare('SELECT json_group_array(id) AS ids FROM (SELECT id FROM photos ORDER BY id LIMIT ? OFFSET ?)').get(
      Math.min(limit, Number.MAX_SAFE_INTEGER),
      offset,
    ) as { ids: string };
    return JSON.parse(row.ids) as number[];
  }

  /**
   * Ids of the photos [offset, offset + limit) in a sort order (store/sortColumns.ts): those with
   * a value first, then those without. Each half walks its index, so a first page reads a page.
   */
  sortedIdPage(field: SortField, direction: SortDirection, offset: number, limit: number): number[] {
    return sortable(() => this.#sortedIdPage(field, direction, offset, limit));
  }

  #sortedIdPage(field: SortField, direction: SortDirection, offset: number, limit: number): number[] {
    const halves = orderHalves(field, direction);
    const page = (where: string, skip: number, take: number) =>
      JSON.parse(
        (this.#prepare(`SELECT json_group_array(id) AS ids FROM (SELECT id FROM photos ${where} LIMIT ? OFFSET ?)`).get(take, skip) as { ids: string }).ids,
      ) as number[];
    const take = Math.min(limit, Number.MAX_SAFE_INTEGER);
    const first = page(halves.present, offset, take);
    if (first.length >= take) return first;
    // Past the photos with a value: how many there are says where the rest starts.
    const skip = first.length > 0 ? 0 : offset - this.#countPresent(halves.present);
    return [...first, ...page(halves.missing, Math.max(0, skip), take - first.length)];
  }

  #countPresent(present: string): number {
    const where = present.slice(0, present.indexOf(' ORDER BY'));
    return Number((this.#prepare(`SELECT count(*) AS n FROM photos ${where}`).get() as { n: number }).n);
  }

  /** Grid summaries of the photos [offset, offset + limit) in a sort order. */
  sortedSummaryPage(field: SortField, direction: SortDirection, offset: number, limit: number): PhotoSummary[] {
    return this.summaries(this.sortedIdPage(field, direction, offset, limit));
  }

  /**
   * Every photo's id in a sort order, and how many have a value (the rest, without, come after
   * them): what the search worker ranks a search's hits by.
   */
  sortedIds(field: SortField): { ids: number[]; present: number } {
    return sortable(() => this.#sortedIds(field));
  }

  #sortedIds(field: SortField): { ids: number[]; present: number } {
    const halves = orderHalves(field, 'asc');
    const read = (where: string) => JSON.parse((this.#prepare(`SELECT json_group_array(id) AS ids FROM (SELECT id FROM photos ${where})`).get() as { ids: string }).ids) as number[];
    const present = read(halves.present);
    return { ids: present.concat(read(halves.missing)), present: present.length };
  }

  ids(): number[] {
    return (this.#prepare('SELECT id FROM photos ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  }

  /**
   * Every photo, in id order, read 2,000 rows per call into SQLite: a row per call (iterate())
   * was most of a metadata export's time at 20,000 photos. No cursor stays open between calls,
   * so the caller may write meanwhile.
   */
  *iterateAll(): Generator<Photo> {
    const chunk = this.#prepare(`SELECT * FROM photos WHERE id > ? ORDER BY id LIMIT ${ITERATE_CHUNK}`);
    for (let after = -1; ; ) {
      const rows = chunk.all(after) as unknown as PhotoRow[];
      for (const row of rows) yield rowToPhoto(row);
      if (rows.length < ITERATE_CHUNK) return;
      after = rows[rows.length - 1].id;
    }
  }

  /**
   * Every photo's id, file, Fortepan number and title, in id order: what `fototar list` prints,
   * read without building whole photos (their credit lines, dates, tags) it would throw away.
   */
  listed(sort?: { field: SortField; direction: SortDirection }, marks?: MarkFilter): { id: number; file: string; fortepanId: number | null; title: string }[] {
    // One JSON array per query, not a row object per photo: a third of the time (20,000 photos:
    // 80 ms instead of 270), which every metadata export and import pays before its first row.
    const columns = `SELECT id, file, fortepan_id, title FROM ${marks ? markFiltered(marks) : 'photos'}`;
    const read = (query: string) =>
      JSON.parse((this.#prepare(`SELECT json_group_array(json_array(id, file, fortepan_id, title)) AS rows FROM (${query})`).get() as { rows: string }).rows) as [number, string, number | null, string][];
    const rows = sort
      ? sortable(() => {
          const halves = orderHalves(sort.field, sort.direction);
          return [...read(`${columns} ${halves.present}`), ...read(`${columns} ${halves.missing}`)];
        })
      : read(`${columns} ORDER BY id`);
    return rows.map(([id, file, fortepanId, title]) => ({ id, file, fortepanId, title }));
  }

  byFile(file: string): { id: number; hash: string; fileSize: number; fileMtimeMs: number; missing: boolean } | null {
    const row = this.#prepare('SELECT id, hash, file_size, file_mtime_ms, missing FROM photos WHERE file = ?').get(file) as
      | { id: number; hash: string; file_size: number; file_mtime_ms: number; missing: number }
      | undefined;
    return row ? { id: row.id, hash: row.hash, fileSize: row.file_size, fileMtimeMs: row.file_mtime_ms, missing: row.missing !== 0 } : null;
  }

  byHash(hash: string): { id: number; file: string }[] {
    return this.#prepare('SELECT id, file FROM photos WHERE hash = ? ORDER BY id').all(hash) as { id: number; file: string }[];
  }

  insert(record: IngestedRecord, now: string): number {
    const { columns, values } = insertedRow(record, now);
    const result = this.#prepare(`INSERT INTO photos (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(',')})`).run(...values);
    return Number(result.lastInsertRowid);
  }

  /**
   * A file's content changed: technical facts follow the file, but what people wrote stays.
   * Descriptive fields are filled from the file only where the catalogue has nothing.
   */
  updateFromFile(id: number, record: IngestedRecord, now: string): void {
    const current = this.get(id);
    if (!current) return;
    const merged = emptyFieldsFilled(current, record);
    const sets = ['hash', 'file_size', 'file_mtime_ms', ...FILE_FACT_COLUMNS].map((column) => `${column}=?`).join(', ');
    this.#prepare(`UPDATE photos SET ${sets}, missing=0, updated_at=? WHERE id=?`).run(
      record.hash,
      record.fileSize,
      record.fileMtimeMs,
      ...fileFacts(record),
      now,
      id,
    );
    if (record.iowaId && !current.iowaId) this.#prepare('UPDATE photos SET iowa_id=? WHERE id=?').run(record.iowaId, id);
    if (Object.keys(merged).length) this.patch([id], merged, now);
  }

  /** Records that an unchanged file was seen again (its stat may have changed, e.g. a touch). */
  touchFile(id: number, fileSize: number, fileMtimeMs: number): void {
    this.#prepare('UPDATE photos SET file_size=?, file_mtime_ms=?, missing=0 WHERE id=?').run(fileSize, fileMtimeMs, id);
  }

  relink(id: number, file: string, fileSize: number, fileMtimeMs: number, now: string): void {
    this.#prepare('UPDATE photos SET file=?, file_sort=?, file_size=?, file_mtime_ms=?, missing=0, updated_at=? WHERE id=?').run(
      file,
      sortKeyFor('file', file),
      fileSize,
      fileMtimeMs,
      now,
      id,
    );
  }

  /**
   * Sets many "original missing" flags in one transaction without an fsync: the flags are
   * re-derived by the next check of the originals, so a crash that loses them loses nothing,
   * while an fsync per slice made a disconnected disk of 200,000 originals cost hundreds of
   * fsyncs on the thread that answers the UI.
   */
  setMissingMany(flips: readonly { id: number; missing: boolean }[]): void {
    if (!flips.length) return;
    const statement = this.#prepare('UPDATE photos SET missing=? WHERE id=?');
    inTransactionWithoutSync(this.#db, () => {
      for (const flip of flips) statement.run(flip.missing ? 1 : 0, flip.id);
    });
  }

  /** Whether the connection is still open (a background check stops when the catalogue closes). */
  get isOpen(): boolean {
    return this.#db.isOpen;
  }

  /** Runs `work` in one transaction: all of it is saved, or none. */
  transaction<T>(work: () => T): T {
    return inTransaction(this.#db, work);
  }

  /** Every original's path (an export may never write on one). */
  files(): string[] {
    return (this.#prepare('SELECT file FROM photos').all() as { file: string }[]).map((r) => r.file);
  }

  /** Files of the photos after `afterId`, in id order, `limit` at a time (the originals check). */
  filesAfter(afterId: number, limit: number): { id: number; file: string; missing: boolean }[] {
    const rows = this.#prepare('SELECT id, file, missing FROM photos WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as { id: number; file: string; missing: number }[];
    return rows.map((r) => ({ id: r.id, file: r.file, missing: r.missing !== 0 }));
  }

  /** The photos marked missing, in id order. */
  missingFiles(): { id: number; file: string }[] {
    return (this.#prepare('SELECT id, file FROM photos WHERE missing = 1 ORDER BY id').all() as { id: number; file: string }[]).map((r) => ({ id: r.id, file: r.file }));
  }

  /** Each spelling of a tag with the number of photos carrying it. */
  tagSpellingCounts(): { tag: string; count: number }[] {
    const rows = this.#prepare("SELECT j.value AS tag, count(*) AS n FROM photos AS p, json_each(p.tags) AS j WHERE p.tags != '[]' GROUP BY j.value").all() as {
      tag: string;
      n: number;
    }[];
    return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
  }

  /** The photos that carry any tag, with their tags, in id order. */
  taggedPhotos(): { id: number; tags: string[] }[] {
    const rows = this.#prepare("SELECT id, tags FROM photos WHERE tags != '[]' ORDER BY id").all() as { id: number; tags: string }[];
    return rows.map((r) => ({ id: r.id, tags: parseTags(r.tags) }));
  }

  /**
   * For each text field, the least and greatest value over some photos, and how many there are:
   * computed in SQLite in one pass (no sort), so a selection of 200,000 photos answers in about a
   * second. A field is shared when the two agree.
   */
  fieldRanges(scope: PhotoScope, fields: readonly EditableField[]): { count: number; ranges: Map<EditableField, [string | null, string | null]> } {
    const aggregates = fields.map((f) => `min(${FIELD_COLUMN[f]}) AS "${f}.min", max(${FIELD_COLUMN[f]}) AS "${f}.max"`).join(', ');
    const [where, list] = scopeWhere(scope);
    const row = this.#db.prepare(`SELECT count(*) AS n, ${aggregates} FROM photos WHERE ${where}`).get(list) as Record<
      string,
      string | number | null
    >;
    const ranges = new Map<EditableField, [string | null, string | null]>();
    for (const f of fields) ranges.set(f, [row[`${f}.min`] as string | null, row[`${f}.max`] as string | null]);
    return { count: Number(row.n), ranges };
  }

  /** The tag lists of those of some photos that carry any tag. */
  *tagListsOf(scope: PhotoScope): Generator<string[]> {
    const [where, list] = scopeWhere(scope);
    const statement = this.#prepare(`SELECT tags FROM photos WHERE ${where} AND tags != '[]'`);
    for (const { tags } of statement.iterate(list) as Iterable<{ tags: string }>) yield parseTags(tags);
  }

  /** Applies the same patch to each photo. The caller wraps it in a transaction. */
  patch(ids: readonly number[], patch: PhotoPatch, now: string): void {
    const writes = columnWrites(patch);
    if (writes.length === 0) return;
    const sets = [...writes.map(([column]) => `${column} = ?`), 'updated_at = ?'];
    const values = [...writes.map(([, value]) => value), now];
    const statement = this.#db.prepare(`UPDATE photos SET ${sets.join(', ')} WHERE id = ?`);
    for (const id of ids) {
      statement.run(...values, id);
      faultPoint('photo-updated');
    }
  }
}

/** The photos a mark filter keeps, as a subquery the listing reads from (values checked by the caller, bound as numbers and known words). */
export function markFiltered(filter: MarkFilter): string {
  const where: string[] = [];
  if (filter.rating) where.push(`rating BETWEEN ${Number(filter.rating.min)} AND ${Number(filter.rating.max)}`);
  if (filter.flag !== undefined && isFlag(filter.flag)) where.push(`flag = '${filter.flag}'`);
  if (filter.label !== undefined && isColourLabel(filter.label)) where.push(`label = '${filter.label}'`);
  return where.length ? `(SELECT * FROM photos WHERE ${where.join(' AND ')}) AS photos` : 'photos';
}

/**
 * A catalogue opened read-only before any newer Fototar migrated it (the CLI's reading commands
 * do not migrate) has no sort keys: say so instead of SQLite's "no such column".
 */
function sortable<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (/no such column: \w+_sort/.test((error as Error).message)) throw new CatalogueError('catalogue-unreadable', 'sortNeedsUpgrade');
    throw error;
  }
}

