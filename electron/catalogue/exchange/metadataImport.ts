// CSV (or JSON) import of descriptive metadata. Rows are matched to photos by Fortepan number
// and/or file name, every change is previewed before anything is applied, and the whole import
// is applied in one transaction as one undoable step. Rows that cannot be used are reported
// with their line number and the reason; the other rows still apply.
import path from 'node:path';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { photoPatchSchema } from '../../../shared/api.ts';
import { readDate } from '../../../shared/datePhrases.ts';
import { applyFieldLimits, REPLACEMENT_CHARACTER } from '../../../shared/fieldLimits.ts';
import { photoLabel } from '../../../shared/credit.ts';
import {
  COLUMN_FIELD,
  exchangeColumn,
  unguardFormula,
  type ExchangeColumn,
  type ExchangeFormat,
  type ImportChange,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/metadataExchange.ts';
import type { EditableField, EditablePhoto, PhotoPatch } from '../../../shared/types.ts';
import type { ExchangeTarget, PhotoKey } from './exchangeTarget.ts';
import { faultPoint } from '../faultInjection.ts';
import { CatalogueError } from '../catalogueError.ts';
import { englishMessage, type MessageRef } from '../../../shared/errorMessages.ts';
import { diffPatch, type PlannedEdit } from '../editing/recordedEdit.ts';
import { joinTags, splitTags } from '../../../shared/tags.ts';

export interface ImportOptions {
  format?: ExchangeFormat;
  /** Leave a field alone when its cell is empty (by default an empty cell empties the field). */
  keepBlank?: boolean;
  /** Apply the changes; without it this is a preview (a dry run). */
  apply?: boolean;
  /** A date that cannot be read drops only the date (with a warning) instead of the whole row. */
  skipBadDates?: boolean;
  /** Names the undo step ("Import metadata.csv"). */
  name?: string;
}

interface Row {
  line: number;
  cells: Partial<Record<ExchangeColumn, string>>;
}

interface ParsedFile {
  rows: Row[];
  ignoredColumns: string[];
}

const columnName = exchangeColumn;

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** Excel in Hungarian (and most European) locales writes ";" between cells: tell from the header. */
function delimiterOf(input: string | Uint8Array): string {
  // Of bytes, only the start is decoded: the header is the first line.
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input.subarray(0, 65_536));
  const header = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

/** One record of a table with the line it starts on. */
export interface TableRecord {
  line: number;
  record: string[];
}

/**
 * A table's records (the first names the columns) with their line numbers, one at a time:
 * asynchronous, because planning a piece of rows reads the catalogue between records.
 */
export type TableReader = AsyncIterable<TableRecord> | Iterable<TableRecord>;

/** How much of the file csv-parse is handed at a time: the records of one slice are all it buffers. */
const CSV_SLICE = 1 << 20;

/**
 * The records of CSV text (or UTF-8 bytes), one at a time as csv-parse's stream reads them:
 * none is kept, so a million-row file is never held as records and rows beside its text.
 */
export async function* csvRecords(text: string | Uint8Array): AsyncGenerator<TableRecord> {
  const input = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const parser = parse({
    bom: true,
    delimiter: delimiterOf(text),
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
    raw: true,
  });
  // Fed a slice at a time (a whole file in one write would be parsed into memory at once);
  // UTF-8 split mid-character is put together by the stream's decoder.
  Readable.from(slices(input), { objectMode: false }).pipe(parser);
  // Line numbers from each record's raw text, counted as the record is read: csv-parse's own
  // count drifts after CRLF inside quotes.
  let linesBefore = 0;
  try {
    // With `raw`, csv-parse hands on { record, raw } (its typings say string[]).
    for await (const entry of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const leading = /^[\r\n]*/.exec(entry.raw)![0];
      linesBefore += lineBreaks(leading);
      const line = linesBefore + 1;
      linesBefore += lineBreaks(entry.raw.slice(leading.length));
      yield { line, record: entry.record };
    }
  } catch (error) {
    // Only csv-parse's own errors are the file's: what planning a row throws passes through as thrown.
    if (!(error instanceof CsvError)) throw error;
    const e = error as CsvError & { lines?: number };
    throw e.lines
      ? new CatalogueError('invalid-input', 'csvUnreadableAtLine', { line: e.lines, reason: e.message.replace(/^.*?: /, '') })
      : new CatalogueError('invalid-input', 'csvUnreadable', { reason: e.message.replace(/^.*?: /, '') });
  } finally {
    parser.destroy();
  }
}

function* slices(input: string | Buffer): Generator<string | Buffer> {
  for (let at = 0; at < input.length; at += CSV_SLICE) yield input.slice(at, at + CSV_SLICE);
}

/** The columns a header names, and the headings Fototar does not know (reported, not imported). */
function readHeader(record: string[]): { columns: (ExchangeColumn | null)[]; ignoredColumns: string[] } {
  const columns = record.map(columnName);
  const ignoredColumns = record.filter((_, i) => columns[i] === null).map((h) => h.trim()).filter(Boolean);
  if (!columns.includes('fortepan_id') && !columns.includes('file')) {
    throw new CatalogueError('invalid-input', 'noMatchColumn');
  }
  return { columns, ignoredColumns };
}

function rowCells(columns: readonly (ExchangeColumn | null)[], record: readonly string[]): Row['cells'] {
  const cells: Row['cells'] = {};
  columns.forEach((column, i) => {
    if (column && record[i] !== undefined) cells[column] = unguardFormula(record[i]);
  });
  return cells;
}

function parseJson(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new CatalogueError('invalid-input', 'jsonUnreadable', { reason: (error as Error).message });
  }
  const items = Array.isArray(data) ? data : Array.isArray((data as { rows?: unknown })?.rows) ? (data as { rows: unknown[] }).rows : null;
  if (!items) throw new CatalogueError('invalid-input', 'jsonNotArray');
  const ignored = new Set<string>();
  const rows = items.map((item, index) => {
    const cells: Row['cells'] = {};
    if (item && typeof item === 'object') {
      for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
        const column = columnName(key);
        if (!column) {
          ignored.add(key);
          continue;
        }
        if (value === null || value === undefined) cells[column] = '';
        else if (column === 'tags' && Array.isArray(value)) cells[column] = value.map(String).join(';');
        else cells[column] = String(value);
      }
    }
    return { line: index + 1, cells };
  });
  return { rows, ignoredColumns: [...ignored] };
}


/** Finds the photos rows point at, by Fortepan number and file name (or path). */
class PhotoMatcher {
  readonly #byFortepan = new Map<number, PhotoKey[]>();
  readonly #byBase = new Map<string, PhotoKey[]>();
  readonly #all: PhotoKey[];

  constructor(all: PhotoKey[]) {
    this.#all = all;
    for (const photo of this.#all) {
      if (photo.fortepanId !== null) push(this.#byFortepan, photo.fortepanId, photo);
      push(this.#byBase, path.basename(photo.file), photo);
    }
  }

  /** The photo a row names, or why none (a message key: see shared/locales/…/errors.json). */
  match(fortepanCell: string, fileCell: string): PhotoKey | MessageRef {
    let candidates: PhotoKey[] | null = null;
    const what: { fortepan?: number; file?: string } = {};
    if (fortepanCell.trim()) {
      const m = /^(?:fortepan\s*)?(\d{1,9})$/i.exec(fortepanCell.trim());
      if (!m) return { key: 'importBadFortepan', params: { value: fortepanCell } };
      candidates = this.#byFortepan.get(Number(m[1])) ?? [];
      what.fortepan = Number(m[1]);
    }
    const file = fileCell.trim();
    if (file) {
      let byFile: PhotoKey[];
      if (/[\\/]/.test(file)) {
        const wanted = file.replace(/\\/g, '/');
        byFile = this.#all.filter((p) => {
          const own = p.file.replace(/\\/g, '/');
          return own === wanted || own.endsWith(`/${wanted.replace(/^\/+/, '')}`);
        });
      } else {
        byFile = this.#byBase.get(file) ?? [];
        if (byFile.length === 0) byFile = this.#all.filter((p) => path.basename(p.file).toLowerCase() === file.toLowerCase());
      }
      candidates = candidates ? candidates.filter((p) => byFile.includes(p)) : byFile;
      what.file = file;
    }
    if (!candidates) return { key: 'importNoKey' };
    const by = what.fortepan !== undefined && what.file !== undefined ? 'Both' : what.fortepan !== undefined ? 'Fortepan' : 'File';
    if (candidates.length === 0) return { key: `importNoPhoto${by}`, params: what };
    if (candidates.length > 1) {
      return { key: `importAmbiguous${by}`, params: { ...what, count: candidates.length, ids: candidates.map((p) => p.id).join(', ') } };
    }
    return candidates[0];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const shown = (field: EditableField, value: unknown) => (field === 'tags' ? joinTags(value as string[]) : String(value ?? ''));

/** Rows matched and compared per piece: the photos' editable fields are read for one piece at a time. */
const PIECE = 2_000;

/** What an import would change (the preview), and the edits that do it. */
export interface ImportPlan {
  preview: ImportPreview;
  edits: PlannedEdit[];
}

/**
 * What importing rows would change, and the edits that do it, worked out as the rows arrive: a
 * piece of rows at a time is matched, its photos read, and its rows compared, so only the
 * preview and the edits grow with the file.
 */
class ImportPlanner {
  readonly preview: ImportPreview;
  readonly edits: PlannedEdit[] = [];
  readonly #catalogue: ExchangeTarget;
  readonly #options: ImportOptions;
  readonly #matcher: PhotoMatcher;
  readonly #claimed = new Map<number, number>();
  #piece: Row[] = [];

  private constructor(catalogue: ExchangeTarget, matcher: PhotoMatcher, ignoredColumns: string[], options: ImportOptions) {
    this.#catalogue = catalogue;
    this.#options = options;
    this.#matcher = matcher;
    this.preview = { rows: 0, changes: [], unchanged: 0, rejected: [], warnings: [], ignoredColumns };
  }

  /** A planner over every photo's keys, read once. */
  static async start(catalogue: ExchangeTarget, ignoredColumns: string[], options: ImportOptions): Promise<ImportPlanner> {
    return new ImportPlanner(catalogue, new PhotoMatcher(await catalogue.photos.listed()), ignoredColumns, options);
  }

  async add(row: Row): Promise<void> {
    this.preview.rows++;
    this.#piece.push(row);
    if (this.#piece.length === PIECE) await this.#plan();
  }

  async finish(): Promise<ImportPlan> {
    await this.#plan();
    return { preview: this.preview, edits: this.edits };
  }

  async #plan(): Promise<void> {
    const piece = this.#piece;
    if (piece.length === 0) return;
    this.#piece = [];
    const matches = piece.map((row) => this.#matcher.match(row.cells.fortepan_id ?? '', row.cells.file ?? ''));
    const photos = new Map((await this.#catalogue.photos.editableMany([...new Set(matches.flatMap((m) => ('id' in m ? [m.id] : [])))])).map((p) => [p.id, p]));
    piece.forEach((row, i) => planRow(row, matches[i], photos, this.#claimed, this.preview, this.edits, this.#options));
  }
}

/** What importing a table's rows would change: its header read first, then each row planned as it comes. */
export async function planTable(catalogue: ExchangeTarget, read: TableReader, options: ImportOptions = {}, kind: 'csv' | 'table' = 'table'): Promise<ImportPlan> {
  let planner: ImportPlanner | null = null;
  let columns: (ExchangeColumn | null)[] = [];
  for await (const { line, record } of read) {
    if (planner) {
      await planner.add({ line, cells: rowCells(columns, record) });
      continue;
    }
    const header = readHeader(record);
    columns = header.columns;
    planner = await ImportPlanner.start(catalogue, header.ignoredColumns, options);
  }
  if (!planner) throw kind === 'csv' ? new CatalogueError('invalid-input', 'csvEmpty') : new CatalogueError('invalid-input', 'fileEmpty');
  return await planner.finish();
}

/** What importing rows already keyed by column (JSON) would change. */
async function planImport(catalogue: ExchangeTarget, parsed: ParsedFile, options: ImportOptions = {}): Promise<ImportPlan> {
  const planner = await ImportPlanner.start(catalogue, parsed.ignoredColumns, options);
  for (const row of parsed.rows) await planner.add(row);
  return await planner.finish();
}

function planRow(
  row: Row,
  match: PhotoKey | MessageRef,
  photos: ReadonlyMap<number, EditablePhoto>,
  claimed: Map<number, number>,
  preview: ImportPreview,
  edits: PlannedEdit[],
  options: ImportOptions,
): void {
  const reject = ({ key, params = {} }: MessageRef, unreadableDate?: string) =>
    preview.rejected.push({ line: row.line, reason: englishMessage(key, params), key, params, ...(unreadableDate === undefined ? {} : { unreadableDate }) });
  if (!('id' in match)) return void reject(match);
  const found = photos.get(match.id);
  // Gone since the keys were read: said as a row that names no photo.
  if (!found) {
    return void reject(match.fortepanId !== null ? { key: 'importNoPhotoFortepan', params: { fortepan: match.fortepanId } } : { key: 'importNoPhotoFile', params: { file: path.basename(match.file) } });
  }
  const earlier = claimed.get(found.id);
  if (earlier !== undefined) return void reject({ key: 'importSamePhoto', params: { line: earlier, photo: photoLabel(found) } });
  const raw: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(COLUMN_FIELD) as [ExchangeColumn, EditableField][]) {
    const cell = row.cells[column];
    if (cell === undefined || (options.keepBlank && cell.trim() === '')) continue;
    raw[field] = field === 'tags' ? splitTags(cell) : cell;
  }
  // The field rules every write path shares: a value with U+FFFD rejects its row, an
  // oversized one is cut and the preview says so.
  const checked = applyFieldLimits(raw as PhotoPatch);
  if (checked.refused.length) {
    const [only, ...more] = checked.refused;
    return void reject(more.length ? { key: 'importRefused', params: { reason: checked.refused.map((r) => r.message).join('; ') } } : only);
  }
  for (const warning of checked.warnings) preview.warnings.push({ line: row.line, message: warning.message, key: warning.key, params: warning.params });
  Object.assign(raw, checked.patch);
  if (raw.date !== undefined) {
    // Spreadsheets hold dates as people write them ("1956. 10. 23.", "1950-es évek").
    const readAs = readDate(raw.date as string);
    if (readAs.ok) raw.date = readAs.edtf;
    else if (options.skipBadDates) {
      const params = { reason: readAs.error };
      preview.warnings.push({ line: row.line, message: englishMessage('importDateLeft', params), key: 'importDateLeft', params, unreadableDate: raw.date as string });
      delete raw.date;
    } else {
      return void reject({ key: 'importBadDate', params: { reason: readAs.error } }, raw.date as string);
    }
  }
  const valid = photoPatchSchema.safeParse(raw);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    return void reject({ key: 'importInvalidValue', params: { field: issue.path.join('.') || 'row', issue: issue.message } });
  }
  claimed.set(found.id, row.line);
  const change = diffPatch(found, valid.data as PhotoPatch);
  if (!change) {
    preview.unchanged++;
    return;
  }
  const fields = (Object.keys(change.after) as EditableField[]).map((field) => ({
    field,
    before: shown(field, change.before[field]),
    after: shown(field, change.after[field]),
  }));
  preview.changes.push({ line: row.line, id: found.id, label: photoLabel(found), fields } satisfies ImportChange);
  edits.push({ id: found.id, patch: change.after });
}

/**
 * Text handed over already decoded (not as a file's bytes, which importFile.ts decodes by their
 * encoding) that was not UTF-8 arrives with U+FFFD in place of its accented letters: nothing of
 * it is imported, and the message says how to save it.
 */
function assertDecodedCleanly(text: string, format: ExchangeFormat): void {
  const at = text.indexOf(REPLACEMENT_CHARACTER);
  if (at < 0) return;
  const line = lineBreaks(text.slice(0, at)) + 1;
  throw new CatalogueError('invalid-input', format === 'csv' ? 'csvNotUtf8' : 'jsonNotUtf8', { line });
}

/** What importing CSV or JSON text would change. */
export async function planText(catalogue: ExchangeTarget, text: string, format: ExchangeFormat, options: ImportOptions = {}): Promise<ImportPlan> {
  return format === 'json' ? await planImport(catalogue, parseJson(text), options) : await planTable(catalogue, csvRecords(text), options, 'csv');
}

/** Previews (default) or applies an import of CSV or JSON text. */
export async function importMetadata(catalogue: ExchangeTarget, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const format = options.format ?? 'csv';
  assertDecodedCleanly(text, format);
  return await importPlanned(catalogue, await planText(catalogue, text, format, options), options);
}

/** Previews or applies what a file's rows would change (CSV, JSON or XLSX). */
export async function importPlanned(catalogue: ExchangeTarget, { preview, edits }: ImportPlan, options: ImportOptions = {}): Promise<ImportResult> {
  if (!options.apply || edits.length === 0) return { ...preview, applied: false };
  const rows = preview.changes.length;
  faultPoint('import-planned');
  await catalogue.photos.applyEdits(edits, `Import ${rows} row${rows === 1 ? '' : 's'}${options.name ? ` from ${options.name}` : ''}`);
  return { ...preview, applied: true };
}
