// Domain types shared by the catalogue (Node), the CLI and the renderer (browser).
// Environment-neutral: no node:, no DOM, no electron.
import type { ErrorKey, ErrorParams, MessageRef } from './errorMessages.ts';
import type { SkipReason } from './skipReasons.ts';
import type { Rotation } from './orientation.ts';
import type { ColourLabel, PhotoFlag } from './photoMarks.ts';

/**
 * The fields a person edits. Every one is plain text, never markup, except the marks (rating,
 * flag, label: shared/photoMarks.ts), which hold one of their few values.
 */
export interface EditableFields {
  title: string;
  caption: string;
  /** EDTF text as entered ("1956", "1956~", "195X", "1944/1945"); "" when unknown. */
  date: string;
  donor: string;
  photographer: string;
  country: string;
  city: string;
  place: string;
  tags: string[];
  licence: string;
  source: string;
  /** The holding archive's reference (shelfmark), e.g. "HU.BFL.XV.19.d.1.05.054"; cited where the source asks. */
  archiveRef: string;
  notes: string;
  /** Stars, 0 (unrated) to 5. */
  rating: number;
  /** Pick or reject; '' when unflagged. */
  flag: PhotoFlag | '';
  /** A colour label; '' when none. */
  label: ColourLabel | '';
}

export const EDITABLE_FIELDS = [
  'title',
  'caption',
  'date',
  'donor',
  'photographer',
  'country',
  'city',
  'place',
  'tags',
  'licence',
  'source',
  'archiveRef',
  'notes',
  'rating',
  'flag',
  'label',
] as const satisfies readonly (keyof EditableFields)[];

export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A photo's editable fields, and what names it in a message (photoLabel): what an import compares its rows with. */
export type EditablePhoto = Pick<Photo, 'id' | 'file' | 'fortepanId' | 'iowaId'> & EditableFields;

export function isEditableField(name: string): name is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(name);
}

export interface GpsPosition {
  lat: number;
  lon: number;
  alt: number | null;
}

export interface Photo extends EditableFields {
  id: number;
  /** Absolute path of the original. Originals are never modified. */
  file: string;
  /** SHA-256 of the file's bytes: the photo's identity across moves and renames. */
  hash: string;
  fortepanId: number | null;
  /** The Fortepan Iowa accession number ("FI0001858") from the file's name or metadata. */
  iowaId: string | null;
  /** Earliest and latest ISO dates the `date` text allows, for sorting and filtering. */
  dateFrom: string | null;
  dateTo: string | null;
  /** Width and height as displayed, after the EXIF orientation and the person's rotation. */
  width: number | null;
  height: number | null;
  /** The person's turn (shared/orientation.ts): degrees clockwise, then mirrored left to right. The original is never changed. */
  rotation: Rotation;
  flipped: boolean;
  /** The file's own EXIF orientation (1-8), or null when not known. */
  fileOrientation: number | null;
  format: string | null;
  pageCount: number | null;
  /** EXIF DateTimeOriginal of a camera photo (ISO). */
  takenAt: string | null;
  /** When a scanner digitised the print or negative (ISO). */
  digitizedAt: string | null;
  camera: string | null;
  gps: GpsPosition | null;
  /** Credit line, creator and copyright as embedded in the file (IPTC/XMP), kept for reference. */
  embeddedCredit: string;
  embeddedCreator: string;
  copyright: string;
  /** The credit line computed by the source's own rule. */
  credit: string;
  /** Why no preview could be made, or null when thumbnails exist. */
  previewError: string | null;
  /**
   * The preview exists but shows only part of the image (the file is truncated or damaged):
   * what it lacks, in words starting "truncated:" or "damaged:"; null for a whole image.
   */
  previewWarning: string | null;
  /** Changes whenever the thumbnail changes, so image URLs can be cache-busted. */
  thumbVersion: string;
  /** True when the original was not found at `file` the last time it was looked for. */
  missing: boolean;
  /** The photo whose file has the same bytes (the first catalogued copy), or null. */
  duplicateOf: number | null;
  addedAt: string;
  updatedAt: string;
}

/** What the grid needs for one cell. */
export interface PhotoSummary {
  id: number;
  file: string;
  fortepanId: number | null;
  title: string;
  caption: string;
  date: string;
  donor: string;
  credit: string;
  previewError: string | null;
  missing: boolean;
  /** The first catalogued copy of the same bytes, when this file is a true duplicate. */
  duplicateOf: number | null;
  /** Changes whenever the thumbnail changes, so image URLs can be cache-busted. */
  thumbVersion: string;
  rating: number;
  flag: PhotoFlag | '';
  label: ColourLabel | '';
}

export type PhotoPatch = Partial<EditableFields>;

export interface IngestFailure {
  path: string;
  reason: string;
}

/** Something the archivist should know about a file that was catalogued (one line per problem). */
export interface IngestWarning {
  path: string;
  /** In English (what the CLI prints). */
  message: string;
  /** The same by key, for the UI's language, where the catalogue has one (a value cut to its limit…). */
  key?: ErrorKey;
  params?: ErrorParams;
}

/** A file an ingest passed by because it is not an image (a system file, a document, a sidecar…). */
export interface IngestSkip {
  path: string;
  /** The reason's category (shared/skipReasons.ts). */
  reason: SkipReason;
  /** In English (what the CLI prints): "document (PDF)". */
  message: string;
  /** The same by key, for the UI's language. */
  key?: ErrorKey;
  params?: ErrorParams;
}

export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  failed: IngestFailure[];
  /** Catalogued, but: a truncated image, a refused sidecar, a value cut to its limit, a name that disagrees with the content… */
  warnings: IngestWarning[];
  /** Not images, so not catalogued: every one listed with its reason. */
  skipped: IngestSkip[];
  /** How many were skipped for each reason (only the reasons that occur, in shared/skipReasons.ts order). */
  skippedByReason: Partial<Record<SkipReason, number>>;
  photos: number;
}

export interface IngestProgress {
  state: 'idle' | 'scanning' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  currentFile: string | null;
  /** Files per second over the run so far. */
  rate: number;
  /** Seconds left at the current rate, or null before there is a rate. */
  etaSeconds: number | null;
  report: IngestReport | null;
  error: string | null;
  /** The same failure by key, for the UI's language (absent when the reason is the system's own). */
  errorRef?: MessageRef;
}

export interface SearchHit extends PhotoSummary {
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** A message for a query that could not be understood; hits is then empty. */
  error: string | null;
  /** The same message by key, for the UI's language. */
  errorRef?: MessageRef;
  /** When nothing is found: the query with a misspelt word replaced by a close word of the catalogue ("Kolozvár" -> "kolozsvar"). */
  suggestion?: string;
}

export interface CatalogueInfo {
  name: string;
  directory: string;
  photos: number;
  /** 'electron' when served by the preload, 'browser' over HTTP. */
  transport: 'electron' | 'browser';
  version: string;
}

export type CreditFormat = 'txt' | 'md';
