// Metadata in and out of the catalogue as CSV or JSON: the columns, what an import would change
// (the preview), and the spreadsheet formula guard. Environment-neutral.
import type { EditableField } from './types.ts';

/**
 * The columns, in order. The twelve come first; `source` and `notes` follow so that an
 * export re-imported into a fresh catalogue of the same files reproduces every field.
 */
export const EXCHANGE_COLUMNS = [
  'fortepan_id',
  'file',
  'title',
  'description',
  'date',
  'donor',
  'photographer',
  'country',
  'city',
  'place',
  'tags',
  'licence',
  'source',
  'notes',
] as const;
export type ExchangeColumn = (typeof EXCHANGE_COLUMNS)[number];

/** The catalogue field behind each descriptive column (the first two only match rows to photos). */
export const COLUMN_FIELD: Partial<Record<ExchangeColumn, EditableField>> = {
  title: 'title',
  description: 'caption',
  date: 'date',
  donor: 'donor',
  photographer: 'photographer',
  country: 'country',
  city: 'city',
  place: 'place',
  tags: 'tags',
  licence: 'licence',
  source: 'source',
  notes: 'notes',
};

/** Other spellings of column names people use in their spreadsheets. */
export const COLUMN_ALIASES: Record<string, ExchangeColumn> = {
  caption: 'description',
  license: 'licence',
  fortepan: 'fortepan_id',
  fortepanid: 'fortepan_id',
  mid: 'fortepan_id',
  filename: 'file',
  keywords: 'tags',
};

export interface ImportFieldChange {
  field: EditableField;
  before: string;
  after: string;
}

export interface ImportChange {
  /** Line in the CSV file (1 is the header), or item number in a JSON array. */
  line: number;
  id: number;
  label: string;
  fields: ImportFieldChange[];
}

export interface ImportRejection {
  line: number;
  reason: string;
}

/** A value imported in a changed form: cut to its field's limit, or cleaned of control characters. */
export interface ImportWarning {
  line: number;
  message: string;
}

export interface ImportPreview {
  rows: number;
  changes: ImportChange[];
  /** Rows that matched a photo already holding exactly those values. */
  unchanged: number;
  rejected: ImportRejection[];
  warnings: ImportWarning[];
  /** Header names that are not columns Fototar knows; their cells are not imported. */
  ignoredColumns: string[];
}

export interface ImportResult extends ImportPreview {
  /** False for a dry run (or a preview): nothing was changed. */
  applied: boolean;
}

export type ExchangeFormat = 'csv' | 'json';

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with = + - @, a tab,
 * a carriage return or a line feed (or their full-width forms) can run as a formula in Excel or
 * LibreOffice. Exports put an apostrophe in front of such a cell (spreadsheets show it as text
 * and hide the apostrophe) and quote every cell. Cells that already start with apostrophes
 * followed by such a character get one more, so import can take exactly one off and give back
 * what the catalogue held.
 */
const FORMULA_START = /^'*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Tags in one cell, separated by ";". */
export function splitTags(cell: string): string[] {
  return cell
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
}

export function joinTags(tags: readonly string[]): string {
  return tags.join('; ');
}
