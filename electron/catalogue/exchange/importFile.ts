// An import file as it comes from the disk or the user's file picker: its bytes. Decides the
// format (XLSX by its zip signature, JSON by name or first character, else CSV) and, for CSV, the
// encoding (see spreadsheetText.ts), then previews or applies it like any import.
import type { ExchangeFormat, ImportResult } from '../../../shared/metadataExchange.ts';
import type { ExchangeTarget } from './exchangeTarget.ts';
import { CatalogueError } from '../catalogueError.ts';
import { csvRecords, importPlanned, planTable, planText, type ImportOptions } from './metadataImport.ts';
import { decodeSpreadsheetText, utf8Spreadsheet } from './spreadsheetText.ts';
import { readXlsxTable } from './xlsxTable.ts';

const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function importFormatOf(name: string, bytes: Uint8Array): ExchangeFormat {
  if (isZip(bytes) || /\.xlsx$/i.test(name)) return 'xlsx';
  if (/\.json$/i.test(name)) return 'json';
  return 'csv';
}

export async function importMetadataFile(catalogue: ExchangeTarget, bytes: Uint8Array, options: ImportOptions & { name: string }): Promise<ImportResult> {
  const format = options.format ?? importFormatOf(options.name, bytes);
  if (format === 'xlsx') {
    if (!isZip(bytes)) throw new CatalogueError('invalid-input', 'notXlsx', { name: options.name });
    const result = await importPlanned(catalogue, await planTable(catalogue, await readXlsxTable(bytes), options), options);
    return { ...result, encoding: 'XLSX' };
  }
  // UTF-8 CSV (what LibreOffice, Google Sheets and Excel's "CSV UTF-8" save) is read as bytes.
  const utf8 = format === 'csv' ? utf8Spreadsheet(bytes) : null;
  if (utf8) return { ...await importPlanned(catalogue, await planTable(catalogue, csvRecords(utf8.bytes), options, 'csv'), options), encoding: utf8.encoding };
  const decoded = decodeSpreadsheetText(bytes);
  if (!decoded.ok) throw new CatalogueError('invalid-input', decoded.problem, { name: options.name });
  return { ...await importPlanned(catalogue, await planText(catalogue, decoded.text, format, options), options), encoding: decoded.encoding };
}
