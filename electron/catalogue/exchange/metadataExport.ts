// Exports the catalogue's descriptive metadata as CSV or JSON with the import's columns, so an
// export re-imported into a fresh catalogue of the same files reproduces every field.
// CSV: written by csvWriter.ts like every CSV the app writes (BOM, CRLF, quoted, formulas guarded).
import path from 'node:path';
import { dateForSpreadsheet } from '../../../shared/datePhrases.ts';
import { EXCHANGE_COLUMNS, COLUMN_FIELD, HUNGARIAN_HEADERS, guardFormula, type ExchangeColumn } from '../../../shared/metadataExchange.ts';
import type { Photo } from '../../../shared/types.ts';
import type { ExchangeTarget } from './exchangeTarget.ts';
import { csvFile } from './csvWriter.ts';
import { writeXlsxTable } from './xlsxTable.ts';
import { joinTags } from '../../../shared/tags.ts';

export type ExportRecord = Record<Exclude<ExchangeColumn, 'fortepan_id' | 'tags'>, string> & { fortepan_id: number | null; tags: string[] };

/** The file name identifies a photo when it is unique in the catalogue; otherwise the full path. */
function fileColumn(photo: Photo, baseCounts: Map<string, number>): string {
  const base = path.basename(photo.file);
  return (baseCounts.get(base) ?? 0) > 1 ? photo.file : base;
}

/**
 * Every photo's record, or only those of `ids` (a selection in the UI), in the same order; with
 * `inOrder`, in the order of `ids` (the catalogue's sort, as the grid shows it).
 */
export function exportRecords(catalogue: ExchangeTarget, ids?: readonly number[], inOrder = false): ExportRecord[] {
  // Every photo is read once (the file names of all count, whatever is exported).
  const all = [...catalogue.photos.iterateAll()];
  const baseCounts = new Map<string, number>();
  for (const photo of all) {
    const base = path.basename(photo.file);
    baseCounts.set(base, (baseCounts.get(base) ?? 0) + 1);
  }
  // Fortepan number order, then file path: the same files give the same file, whatever order
  // an ingest happened to add them in.
  const collator = new Intl.Collator('hu');
  const only = ids ? new Set(ids) : null;
  const photos = only ? all.filter((p) => only.has(p.id)) : all;
  if (inOrder && ids) {
    const position = new Map(ids.map((id, i) => [id, i]));
    photos.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  } else photos.sort((a, b) => (a.fortepanId ?? Infinity) - (b.fortepanId ?? Infinity) || collator.compare(a.file, b.file));
  return photos.map((photo) => {
    const record: Record<string, unknown> = {};
    for (const column of EXCHANGE_COLUMNS) {
      const field = COLUMN_FIELD[column];
      if (column === 'fortepan_id') record[column] = photo.fortepanId;
      else if (column === 'file') record[column] = fileColumn(photo, baseCounts);
      else if (field) record[column] = photo[field];
    }
    return record as ExportRecord;
  });
}

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

/** The header row and the rows of cells, as text, for CSV and XLSX alike. */
export function exportTable(catalogue: ExchangeTarget, lang: 'en' | 'hu' = 'en', ids?: readonly number[], inOrder = false): { header: string[]; rows: string[][] } {
  const header = EXCHANGE_COLUMNS.map((column) => (lang === 'hu' ? HUNGARIAN_HEADERS[column] : column));
  const rows = exportRecords(catalogue, ids, inOrder).map((r) =>
    EXCHANGE_COLUMNS.map((column) => {
      if (column === 'fortepan_id') return r.fortepan_id === null ? '' : String(r.fortepan_id);
      if (column === 'date') return dateForSpreadsheet(r.date, lang);
      return column === 'tags' ? joinTags(r.tags) : r[column];
    }),
  );
  return { header, rows };
}

export function exportMetadata(catalogue: ExchangeTarget, format: 'csv' | 'json', options: ExportMetadataOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(exportRecords(catalogue, options.ids, options.inOrder), null, 2)}\n`;
  const lang = options.lang ?? 'en';
  const { header, rows } = exportTable(catalogue, lang, options.ids, options.inOrder);
  return csvFile(header, rows, { delimiter: options.delimiter ?? (lang === 'hu' ? ';' : ',') });
}

/**
 * The same table as an XLSX workbook, every cell text. Cells are typed text there, so no formula
 * can run; they are guarded all the same, so that import (which takes one guard off, whatever
 * the format) gives back exactly what the catalogue held.
 */
export async function exportMetadataXlsx(catalogue: ExchangeTarget, options: ExportMetadataOptions = {}): Promise<Buffer> {
  const { header, rows } = exportTable(catalogue, options.lang ?? 'en', options.ids, options.inOrder);
  return writeXlsxTable(options.lang === 'hu' ? 'Fotók' : 'Photos', header, rows.map((row) => row.map(guardFormula)));
}
