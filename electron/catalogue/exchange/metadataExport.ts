// Exports the catalogue's descriptive metadata as CSV, XLSX or JSON with the import's columns, so
// an export re-imported into a fresh catalogue of the same files reproduces every field.
// CSV: written by csvWriter.ts like every CSV the app writes (BOM, CRLF, quoted, formulas guarded).
//
// A piece at a time: the order is worked out from each photo's id, file and Fortepan number
// alone, then the photos are read and turned into rows 2,000 at a time, so a million photos
// never sit in memory as photos, records, rows and cells at once (bench:scale measured 718 MB
// for an XLSX of 20,000 photos when they did).
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { dateForSpreadsheet } from '../../../shared/datePhrases.ts';
import { EXCHANGE_COLUMNS, COLUMN_FIELD, HUNGARIAN_HEADERS, guardFormula, type ExchangeColumn } from '../../../shared/metadataExchange.ts';
import type { Photo } from '../../../shared/types.ts';
import type { ExchangeTarget } from './exchangeTarget.ts';
import { CSV_FILE_START, csvRows } from './csvWriter.ts';
import { streamXlsxTable } from './xlsxTable.ts';
import { joinTags } from '../../../shared/tags.ts';

export type ExportRecord = Record<Exclude<ExchangeColumn, 'fortepan_id' | 'tags'>, string> & { fortepan_id: number | null; tags: string[] };

/** Photos read from the catalogue per piece of the export. */
const CHUNK = 2_000;

export interface ExportMetadataOptions {
  /** Hungarian: Hungarian headers and dates as Hungarians write them (import reads both back). */
  lang?: 'en' | 'hu';
  /** CSV cell separator; Hungarian Excel expects ";" (the default for lang hu). */
  delimiter?: ',' | ';' | '\t';
  /** Only these photos (the UI exports a selection); all photos when absent. */
  ids?: readonly number[];
  /** In the order of `ids` (the catalogue's sort) instead of Fortepan-number order. */
  inOrder?: boolean;
}

interface ExportPlan {
  /** The photos to export, in the export's order. */
  ids: number[];
  /** How many photos of the whole catalogue have each file name (the file column's rule). */
  baseCounts: Map<string, number>;
}

/**
 * Which photos, in which order: Fortepan number order, then file path (the same files give the
 * same file, whatever order an ingest added them in); with `inOrder`, the order of `ids` (the
 * catalogue's sort, as the grid shows it).
 */
async function exportPlan(catalogue: ExchangeTarget, ids: readonly number[] | undefined, inOrder: boolean): Promise<ExportPlan> {
  // Every photo's key is read once: the file names of all count, whatever is exported.
  const keys = await catalogue.photos.listed();
  const baseCounts = new Map<string, number>();
  for (const key of keys) {
    const base = path.basename(key.file);
    baseCounts.set(base, (baseCounts.get(base) ?? 0) + 1);
  }
  if (ids && inOrder) {
    const known = new Set(keys.map((k) => k.id));
    const seen = new Set<number>();
    return { ids: ids.filter((id) => known.has(id) && !seen.has(id) && seen.add(id)), baseCounts };
  }
  const only = ids ? new Set(ids) : null;
  const chosen = only ? keys.filter((k) => only.has(k.id)) : keys;
  const collator = new Intl.Collator('hu');
  chosen.sort((a, b) => (a.fortepanId ?? Infinity) - (b.fortepanId ?? Infinity) || collator.compare(a.file, b.file));
  return { ids: chosen.map((k) => k.id), baseCounts };
}

/** The file name identifies a photo when it is unique in the catalogue; otherwise the full path. */
function fileColumn(photo: Photo, baseCounts: Map<string, number>): string {
  const base = path.basename(photo.file);
  return (baseCounts.get(base) ?? 0) > 1 ? photo.file : base;
}

function exportRecord(photo: Photo, baseCounts: Map<string, number>): ExportRecord {
  const record: Record<string, unknown> = {};
  for (const column of EXCHANGE_COLUMNS) {
    const field = COLUMN_FIELD[column];
    if (column === 'fortepan_id') record[column] = photo.fortepanId;
    else if (column === 'file') record[column] = fileColumn(photo, baseCounts);
    else if (field) record[column] = photo[field];
  }
  return record as ExportRecord;
}

/** The records of the export, 2,000 at a time, in the export's order (exportPlan). */
async function* exportRecordChunks(catalogue: ExchangeTarget, ids?: readonly number[], inOrder = false): AsyncGenerator<ExportRecord[]> {
  const plan = await exportPlan(catalogue, ids, inOrder);
  for (let i = 0; i < plan.ids.length; i += CHUNK) {
    yield (await catalogue.photos.getMany(plan.ids.slice(i, i + CHUNK))).map((photo) => exportRecord(photo, plan.baseCounts));
  }
}

/** Every photo's record, or only those of `ids` (a selection in the UI), in the export's order. */
export async function exportRecords(catalogue: ExchangeTarget, ids?: readonly number[], inOrder = false): Promise<ExportRecord[]> {
  return (await Array.fromAsync(exportRecordChunks(catalogue, ids, inOrder))).flat();
}

/** The header row, in the file's language. */
function exportHeader(lang: 'en' | 'hu'): string[] {
  return EXCHANGE_COLUMNS.map((column) => (lang === 'hu' ? HUNGARIAN_HEADERS[column] : column));
}

/** The rows of cells as text, for CSV and XLSX alike, 2,000 at a time. */
async function* exportRowChunks(catalogue: ExchangeTarget, lang: 'en' | 'hu', ids?: readonly number[], inOrder = false): AsyncGenerator<string[][]> {
  for await (const records of exportRecordChunks(catalogue, ids, inOrder)) {
    yield records.map((r) =>
      EXCHANGE_COLUMNS.map((column) => {
        if (column === 'fortepan_id') return r.fortepan_id === null ? '' : String(r.fortepan_id);
        if (column === 'date') return dateForSpreadsheet(r.date, lang);
        return column === 'tags' ? joinTags(r.tags) : r[column];
      }),
    );
  }
}

/**
 * The export as text, a piece at a time (CSV: the BOM and header first; JSON: the same text as
 * JSON.stringify(records, null, 2)), to be written or joined.
 */
export async function* metadataTextPieces(catalogue: ExchangeTarget, format: 'csv' | 'json', options: ExportMetadataOptions = {}): AsyncGenerator<string> {
  if (format === 'json') {
    let first = true;
    for await (const records of exportRecordChunks(catalogue, options.ids, options.inOrder)) {
      const items = records.map((r) => `  ${JSON.stringify(r, null, 2).replace(/\n/g, '\n  ')}`).join(',\n');
      if (!items) continue;
      yield `${first ? '[\n' : ',\n'}${items}`;
      first = false;
    }
    yield first ? '[]\n' : '\n]\n';
    return;
  }
  const lang = options.lang ?? 'en';
  const delimiter = options.delimiter ?? (lang === 'hu' ? ';' : ',');
  yield CSV_FILE_START + csvRows([exportHeader(lang)], { delimiter });
  for await (const rows of exportRowChunks(catalogue, lang, options.ids, options.inOrder)) yield csvRows(rows, { delimiter });
}

export async function exportMetadata(catalogue: ExchangeTarget, format: 'csv' | 'json', options: ExportMetadataOptions = {}): Promise<string> {
  return (await Array.fromAsync(metadataTextPieces(catalogue, format, options))).join('');
}

/**
 * The same table as an XLSX workbook, every cell text, written into `output` as it is made.
 * Cells are typed text there, so no formula can run; they are guarded all the same, so that
 * import (which takes one guard off, whatever the format) gives back exactly what the catalogue held.
 */
export function writeMetadataXlsx(catalogue: ExchangeTarget, output: Writable, options: ExportMetadataOptions = {}): Promise<void> {
  const lang = options.lang ?? 'en';
  const rows = (async function* () {
    for await (const chunk of exportRowChunks(catalogue, lang, options.ids, options.inOrder)) yield chunk.map((row) => row.map(guardFormula));
  })();
  return streamXlsxTable(lang === 'hu' ? 'Fotók' : 'Photos', exportHeader(lang), rows, output);
}

/** The XLSX workbook as bytes (for the UI, which saves what it is sent). */
export async function exportMetadataXlsx(catalogue: ExchangeTarget, options: ExportMetadataOptions = {}): Promise<Buffer> {
  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on('data', (part: Buffer) => parts.push(part));
  await writeMetadataXlsx(catalogue, output, options);
  return Buffer.concat(parts);
}
