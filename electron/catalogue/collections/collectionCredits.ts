// A collection's credit list in any format, and its warnings, from the catalogue's current data.
import type { CollectionCredits } from '../../../shared/collections.ts';
import type { CreditLang, CreditStyle } from '../../../shared/creditStyles.ts';
import {
  CREDIT_CSV_COLUMNS,
  creditCsvRows,
  creditWarnings,
  figureEntries,
  renderCreditList,
  type CreditListFormat,
  type CreditListOptions,
  type FigureEntry,
  type FigurePick,
  type TextCreditListFormat,
} from '../../../shared/figureCredits.ts';
import type { Photo } from '../../../shared/types.ts';
import type { PhotoReads } from '../store/photoReads.ts';
import type { CollectionRecords } from '../store/collectionRecords.ts';
import { csvFile, csvRecords } from '../exchange/csvWriter.ts';

export interface CollectionPick {
  itemId: number;
  photo: Photo;
  modified: boolean;
}

/** The picks in order with their full photo records. */
export async function collectionPicks(store: CollectionRecords, photos: PhotoReads, id: number): Promise<CollectionPick[]> {
  const items = await store.items(id);
  const byId = new Map((await photos.getMany([...new Set(items.map((i) => i.photoId))])).map((p) => [p.id, p]));
  const picks: CollectionPick[] = [];
  for (const item of items) {
    const photo = byId.get(item.photoId);
    if (photo) picks.push({ itemId: item.itemId, photo, modified: item.modified });
  }
  return picks;
}

export function toFigurePicks(picks: readonly CollectionPick[]): FigurePick[] {
  return picks.map((p) => ({ photo: p.photo, modified: p.modified }));
}

export interface CreditRequest {
  style: CreditStyle;
  lang: CreditLang;
}

/** A text format; CSV as a file has a BOM, as a preview (copied to the clipboard) none. */
function creditListText(entries: readonly FigureEntry[], format: TextCreditListFormat, options: CreditListOptions, forFile: boolean): string {
  if (format !== 'csv') return renderCreditList(entries, format, options);
  return (forFile ? csvFile : csvRecords)(CREDIT_CSV_COLUMNS, creditCsvRows(entries));
}

/** Text formats for preview and files; the entries let the UI draw the DOCX preview itself. */
export function collectionCreditsText(
  name: string,
  picks: readonly CollectionPick[],
  request: CreditRequest & { format: Exclude<CreditListFormat, 'docx'> },
): CollectionCredits {
  const figurePicks = toFigurePicks(picks);
  const entries = figureEntries(figurePicks, request.style, request.lang);
  const options = { style: request.style, lang: request.lang, collectionName: name };
  return { text: creditListText(entries, request.format, options, false), entries, warnings: creditWarnings(figurePicks, request) };
}

/** The credit list as file bytes in any format (DOCX included). */
export async function collectionCreditsFile(name: string, picks: readonly CollectionPick[], request: CreditRequest & { format: CreditListFormat }): Promise<Buffer> {
  const entries = figureEntries(toFigurePicks(picks), request.style, request.lang);
  const options = { style: request.style, lang: request.lang, collectionName: name };
  // docx (half a megabyte of code) is loaded only for a DOCX list, not for every `fototar credits`.
  if (request.format === 'docx') return (await import('./docxCreditList.ts')).docxCreditList(entries, options);
  return Buffer.from(creditListText(entries, request.format, options, true), 'utf8');
}

export const CREDIT_FILE_MIME: Record<CreditListFormat, string> = {
  txt: 'text/plain;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
