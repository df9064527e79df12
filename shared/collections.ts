// Collections: an author's named, ordered picks ("Chapter 3", "Article on 1956"). A photo may be in
// many collections, and deliberately may appear twice in one (a full view as figure 1 and the same
// photo again later): that is allowed, and the credit list warns about it before export.
import type { PhotoSummary } from './types.ts';
import type { MessageRef } from './errorMessages.ts';
import type { CreditWarning, FigureEntry } from './figureCredits.ts';

export interface CollectionSummary {
  id: number;
  name: string;
  /** Its picks (0 for a smart collection: its photos are its query's results). */
  count: number;
  updatedAt: string;
  /** Only a smart collection has one: the saved search (text, facets, years) it shows. */
  query?: string;
}

export interface CollectionItem {
  /** The pick's own id: the same photo twice is two items. */
  itemId: number;
  /** 0-based; the figure number is position + 1. */
  position: number;
  photo: PhotoSummary;
  /** The author cropped or altered this pick: TASL credits say "modified". */
  modified: boolean;
}

export interface Collection extends CollectionSummary {
  items: CollectionItem[];
  /** Where an export goes unless the author picks another folder. */
  defaultExportDir: string;
}

export interface CollectionCredits {
  text: string;
  entries: FigureEntry[];
  warnings: CreditWarning[];
}

export const EXPORT_FORMATS = ['jpeg', 'tiff'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportReport {
  outDir: string;
  /** File names written, in figure order, then the credit lists and the manifest. */
  files: string[];
  warnings: CreditWarning[];
}

export interface ExportProgress {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  currentFile: string | null;
  report: ExportReport | null;
  error: string | null;
  /** The same failure by key, for the UI's language (absent when the reason is the system's own). */
  errorRef?: MessageRef;
}

/** Collection names are compared trimmed and case-blind ("chapter 3" is "Chapter 3"). */
export function collectionNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('hu');
}
