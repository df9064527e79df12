// Every CSV Fototar writes goes through here: the metadata export, an export's manifest.csv and
// the credit list as CSV. Their cells hold metadata from strangers, and a publisher or an archivist
// opens the files in Excel or LibreOffice, so each file gets the same protection:
// - every cell quoted, so a `;` inside a cell (the separator of Excel in Hungarian) or a `,`
//   never splits it, whatever separator the spreadsheet guesses;
// - a cell a spreadsheet would run as a formula (= + - @, tab, CR, LF first) gets a leading `'`
//   (shared/metadataExchange.ts says how, and how import takes it off again);
// - CRLF line ends (RFC 4180), and for files a UTF-8 BOM, without which Excel misreads "Üllői".
// csv-stringify does the quoting: RFC 4180 is easy to get wrong by hand.
import { stringify } from 'csv-stringify/sync';
import { guardFormula } from '../../../shared/metadataExchange.ts';

export type CsvValue = string | number | null;

const BOM = '\ufeff';

export interface CsvOptions {
  /** Between cells: "," by default; Excel in Hungarian expects ";". */
  delimiter?: ',' | ';' | '\t';
}

/** Rows as CSV text, every cell guarded and quoted: a file written a piece at a time joins these. */
export function csvRows(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const cells = rows.map((row) => row.map((value) => guardFormula(value === null ? '' : String(value))));
  return stringify(cells, { quoted: true, quoted_empty: true, record_delimiter: 'windows', delimiter: options.delimiter ?? ',' });
}

/** The header and rows as CSV text (no BOM: for previews and copying). */
export function csvRecords(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  return csvRows([header, ...rows], options);
}

/** What a CSV file starts with: the BOM, without which Excel misreads "Üllői". */
export const CSV_FILE_START = BOM;

/** The same as a file's content: with the BOM. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  return BOM + csvRecords(header, rows, options);
}
