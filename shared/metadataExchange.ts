// Metadata in and out of the catalogue as CSV or JSON: the columns, what an import would change
// (the preview), and the spreadsheet formula guard. Environment-neutral.
import { EDITABLE_FIELDS, type EditableField } from './types.ts';
import type { MarkField } from './photoMarks.ts';
import type { ErrorKey, ErrorParams } from './errorMessages.ts';

/**
 * The columns, in order. The twelve come first; `source`, `notes` and `archive_ref` (the
 * archive's shelfmark) follow so that an export re-imported into a fresh catalogue of the same
 * files reproduces every field.
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
  'archive_ref',
] as const;
export type ExchangeColumn = (typeof EXCHANGE_COLUMNS)[number];

/**
 * The column of each editable field. The field list itself is shared/types.ts's EDITABLE_FIELDS:
 * this map must name a column for every one of them (the type says so), so a new field cannot be
 * left out of import and export.
 */
const FIELD_COLUMN = {
  title: 'title',
  caption: 'description',
  date: 'date',
  donor: 'donor',
  photographer: 'photographer',
  country: 'country',
  city: 'city',
  place: 'place',
  tags: 'tags',
  licence: 'licence',
  source: 'source',
  archiveRef: 'archive_ref',
  notes: 'notes',
} as const satisfies Record<Exclude<EditableField, MarkField>, ExchangeColumn>;

/** The catalogue field behind each descriptive column (the first two only match rows to photos). */
export const COLUMN_FIELD: Partial<Record<ExchangeColumn, EditableField>> = Object.fromEntries(
  EXCHANGE_COLUMNS.flatMap((column) => EDITABLE_FIELDS.filter((field) => (FIELD_COLUMN as Partial<Record<EditableField, ExchangeColumn>>)[field] === column).map((field) => [column, field])),
);

/** A header as compared: no accents, no case, no spaces, hyphens or underscores ("Fortepan-szám" → "fortepanszam"). */
export function columnKey(header: string): string {
  return header
    .replace(/^\ufeff/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Every header people use for each column: ours, Fortepan's own record fields (`mid`, `year`,
 * `adomanyozo_name`, … see ../shared/DOMAIN.md) and Hungarian headers, compared by columnKey.
 */
const COLUMN_NAMES: Record<ExchangeColumn, readonly string[]> = {
  fortepan_id: ['fortepan_id', 'fortepan', 'fortepanid', 'mid', 'Fortepan-szám', 'szám', 'azonosító'],
  file: ['file', 'filename', 'fájl', 'fájlnév'],
  title: ['title', 'cím'],
  description: ['description', 'caption', 'leírás', 'leiras'],
  date: ['date', 'dátum', 'year', 'év', 'évszám'],
  donor: ['donor', 'adományozó', 'adomanyozo_name'],
  photographer: ['photographer', 'author', 'fotós', 'szerző', 'fényképész', 'szerzo_name'],
  country: ['country', 'ország', 'orszag_name'],
  city: ['city', 'város', 'település', 'varos_name'],
  place: ['place', 'helyszín', 'hely', 'helyszin_name'],
  tags: ['tags', 'keywords', 'címkék', 'címke', 'kulcsszavak', 'cimke_name'],
  licence: ['licence', 'license', 'licenc', 'licensz'],
  source: ['source', 'forrás'],
  notes: ['notes', 'megjegyzés', 'megjegyzések'],
  archive_ref: ['archive_ref', 'archive reference', 'shelfmark', 'jelzet', 'levéltári jelzet'],
};

const BY_KEY = new Map<string, ExchangeColumn>(
  (Object.entries(COLUMN_NAMES) as [ExchangeColumn, readonly string[]][]).flatMap(([column, names]) => names.map((n) => [columnKey(n), column] as const)),
);

/** The column a header names, in English, Hungarian or Fortepan's own field names; null if none. */
export function exchangeColumn(header: string): ExchangeColumn | null {
  return BY_KEY.get(columnKey(header)) ?? null;
}

/** The headers a Hungarian export writes (and import reads back). */
export const HUNGARIAN_HEADERS: Record<ExchangeColumn, string> = {
  fortepan_id: 'Fortepan-szám',
  file: 'fájl',
  title: 'cím',
  description: 'leírás',
  date: 'dátum',
  donor: 'adományozó',
  photographer: 'fotós',
  country: 'ország',
  city: 'város',
  place: 'helyszín',
  tags: 'címkék',
  licence: 'licenc',
  source: 'forrás',
  notes: 'megjegyzés',
  archive_ref: 'levéltári jelzet',
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
  /** In English (what the CLI prints). */
  reason: string;
  /** The same reason by key (shared/locales/…/errors.json), for the UI's language. */
  key?: ErrorKey;
  params?: ErrorParams;
  /** The date cell, when the row is refused because that date cannot be read (the UI says why in its own language). */
  unreadableDate?: string;
}

/** A value imported in a changed form: cut to its field's limit, or cleaned of control characters. */
export interface ImportWarning {
  line: number;
  /** In English (what the CLI prints). */
  message: string;
  /** The same message by key, for the UI's language. */
  key?: ErrorKey;
  params?: ErrorParams;
  /** The date cell, when the row was imported without its unreadable date. */
  unreadableDate?: string;
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
  /** How the file's text was read ("UTF-8", "Windows-1250", …; "XLSX" for a workbook), when known. */
  encoding?: string;
}

export interface ImportResult extends ImportPreview {
  /** False for a dry run (or a preview): nothing was changed. */
  applied: boolean;
}

export type ExchangeFormat = 'csv' | 'json' | 'xlsx';

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
