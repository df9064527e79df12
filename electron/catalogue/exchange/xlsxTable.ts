// Spreadsheets as .xlsx, read and written with ExcelJS, so nobody fights delimiters and code
// pages. Every cell is written as text (format "@"): Excel must not turn "1956.10.23." into a
// date serial or "0012" into 12. A date cell someone else's Excel made is read back as YYYY-MM-DD.
import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

// ExcelJS (a few megabytes of code) is loaded on first use, not with the catalogue: `fototar
// show`, `list` and `credits` open a catalogue (and so its exchange service) but never a workbook.
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
import { CatalogueError } from '../catalogueError.ts';

export interface TableRow {
  /** The spreadsheet's row number (1 is the header). */
  line: number;
  record: string[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The first worksheet's rows, empty rows left out. */
export async function readXlsxTable(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new CatalogueError('invalid-input', 'xlsxUnreadable', { reason: (error as Error).message.split('\n')[0] });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CatalogueError('invalid-input', 'xlsxNoSheet');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const record: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) record.push(cellText(row.getCell(c).value));
    if (record.some((cell) => cell.trim() !== '')) rows.push({ line: rowNumber, record });
  });
  return rows;
}

/**
 * A workbook of one sheet, written into `output` as its rows come (ExcelJS's streaming writer):
 * the header row bold and frozen, every cell text. Between pieces the writer gets the event loop
 * to compress and pass on what it has, so the rows do not pile up in memory. Cells hold their
 * text inline, not in a shared-strings table: that table stays in memory until the end and is
 * written as one string (200,000 photos: a peak of 1,046–1,053 MB with it, 610–623 MB without,
 * in about the same time; the file is about a third larger). Excel and LibreOffice Calc read both
 * alike (checked: Calc opens it with every Hungarian accent).
 */
export async function streamXlsxTable(sheetName: string, header: readonly string[], pieces: AsyncIterable<readonly string[][]> | Iterable<readonly string[][]>, output: Writable): Promise<void> {
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Fototar';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((name) => ({ header: name, width: Math.min(60, Math.max(12, name.length + 2)), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const rows of pieces) {
    for (const row of rows) sheet.addRow(row).commit();
    await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}
