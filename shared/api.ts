// The one API contract between the renderer and the catalogue. The preload (Electron) and the
// HTTP client (browser mode) are both derived from API_METHODS, and both sides validate
// parameters with the same zod schemas, so a method cannot be half-wired.
import { z } from 'zod';
import { UI_LANGUAGES, type UiLanguage } from './uiLanguage.ts';
import { API_METHODS, type ApiMethodName } from './apiMethods.ts';
import type { CatalogueInfo, IngestProgress, Photo, PhotoSummary, SearchResult } from './types.ts';
import type { SearchFacets } from './searchFacets.ts';
import type { HistoryState, PhotoHistoryEntry, TagCount, UndoResult } from './editHistory.ts';
import type { TagNode } from './tagTree.ts';
import type { SidecarReport, SidecarSettings, SidecarSkip } from './sidecars.ts';
import type { ImportResult } from './metadataExchange.ts';
import type { SelectionFields } from './batchEdit.ts';
import type { CatalogueHealth } from './catalogueHealth.ts';
import type { CatalogueChoices } from './catalogueChoices.ts';
import type { FolderListing } from './folderListing.ts';
import type { FolderRelinkReport, FolderTree } from './folderTree.ts';
import { SUGGESTED_FIELDS } from './pickLists.ts';
import { FIELD_MAX_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from './fieldLimits.ts';
import { EXPORT_FORMATS, type Collection, type CollectionCredits, type CollectionSummary, type ExportProgress } from './collections.ts';
import { CREDIT_LANGS, CREDIT_STYLES } from './creditStyles.ts';
import { CREDIT_LIST_FORMATS } from './figureCredits.ts';
import type { CatalogueEvent } from './events.ts';
import { MAX_SELECTION_IDS, type Selection } from './selection.ts';
import { englishMessage, type ErrorKey, type ErrorParams } from './errorMessages.ts';
import { COLOUR_LABELS, MAX_RATING, PHOTO_FLAGS } from './photoMarks.ts';
import { SORT_CHOICES, SORT_DIRECTIONS, type PhotoSort } from './photoSort.ts';

/** The largest CSV/XLSX/JSON file importMetadata takes, in bytes (browser mode sizes its request limit on it). */
export const IMPORT_FILE_MAX_BYTES = 100_000_000;
/** What a chosen folder is for: reading photos from it, or writing an export into it. */
export const FOLDER_PURPOSES = ['ingest', 'export'] as const;
export type FolderPurpose = (typeof FOLDER_PURPOSES)[number];

const photoId = z.number().int().positive();
const collectionName = z.string().min(1).max(200);
const tag = z.string().max(MAX_TAG_LENGTH);
const fieldText = (field: keyof typeof FIELD_MAX_LENGTH) => z.string().max(FIELD_MAX_LENGTH[field]);

// The limits come from shared/fieldLimits.ts, which every write path applies.
export const photoPatchSchema = z
  .object({
    title: fieldText('title'),
    caption: fieldText('caption'),
    date: fieldText('date'),
    donor: fieldText('donor'),
    photographer: fieldText('photographer'),
    country: fieldText('country'),
    city: fieldText('city'),
    place: fieldText('place'),
    tags: z.array(tag).max(MAX_TAGS),
    licence: fieldText('licence'),
    source: fieldText('source'),
    archiveRef: fieldText('archiveRef'),
    notes: fieldText('notes'),
    rating: z.number().int().min(0).max(MAX_RATING),
    flag: z.enum(['', ...PHOTO_FLAGS]),
    label: z.enum(['', ...COLOUR_LABELS]),
  })
  .partial()
  .strict();

/** A selection over a query's whole result (shared/selection.ts). */
export const selectionSchema = z
  .object({ query: z.string().max(1000), all: z.boolean(), ids: z.array(photoId).max(MAX_SELECTION_IDS) })
  .strict();

/** Photos named by ids (at most 100,000) or by a selection (any size). */
const idsOrSelection = {
  ids: z.array(photoId).min(1).max(100000).optional(),
  selection: selectionSchema.optional(),
};
/** An order (shared/photoSort.ts); without one, a page comes in the order photos were added, a search best match first. */
const sortSchema = z.object({ field: z.enum(SORT_CHOICES), direction: z.enum(SORT_DIRECTIONS) }).strict();

const oneOf = (value: { ids?: unknown; selection?: unknown }) => (value.ids === undefined) !== (value.selection === undefined);
const ONE_OF = { message: 'give either ids or a selection' };

export const apiSchemas = {
  info: z.object({}).strict(),
  listPhotos: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000), sort: sortSchema.optional() }).strict(),
  search: z
    .object({ query: z.string().max(1000), offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000), sort: sortSchema.optional() })
    .strict(),
  /** The catalogue's remembered sort (its settings), and remembering another. */
  photoSort: z.object({}).strict(),
  setPhotoSort: sortSchema,
  /** Counts per year, donor, place and tag over all hits of a query (shared/searchFacets.ts). */
  searchFacets: z.object({ query: z.string().max(1000) }).strict(),
  getPhoto: z.object({ id: photoId }).strict(),
  // `seen`: the values the editor showed for the patched fields. A team catalogue refuses the save
  // when someone else saved one of them since (a conflict, shown with both values); without it a
  // field is set whatever it holds (a batch edit).
  updatePhotos: z.object({ ids: z.array(photoId).min(1).max(100000), patch: photoPatchSchema, seen: photoPatchSchema.optional() }).strict(),
  startIngest: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }).strict(),
  ingestProgress: z.object({}).strict(),
  cancelIngest: z.object({}).strict(),
  // lang: the credits' words ("no credit recorded", "Levéltári jelzet"); English when not given, as the CLI prints them.
  creditList: z.object({ ...idsOrSelection, format: z.enum(['txt', 'md']), lang: z.enum(CREDIT_LANGS).optional() }).strict().refine(oneOf, ONE_OF),
  /** Asks the platform for folders to add; browser mode answers null (no native dialog). */
  chooseFolders: z.object({}).strict(),
  /**
   * Records a folder (or, to add, a file) the person chose in the app, for this session only:
   * startIngest reads only chosen folders and files, startExport writes only into a chosen folder
   * or a new folder inside one (electron/catalogue/chosenFolders.ts). Answers its real path.
   */
  chooseFolder: z.object({ path: z.string().min(1).max(4096), purpose: z.enum(FOLDER_PURPOSES) }).strict(),
  /** Subfolders of a folder for browser mode's folder browser; `~` is home, the default; relative paths are refused. */
  listFolders: z.object({ path: z.string().max(4096).optional(), showHidden: z.boolean().optional() }).strict(),
  /** Points a photo whose original moved at its new path (the same content); see originalFiles.ts. */
  relinkPhoto: z.object({ id: photoId, path: z.string().min(1).max(4096) }).strict(),
  /** Stats every original now and marks the missing ones. */
  checkOriginals: z.object({}).strict(),
  /** The folders photos came from, with counts (shared/folderTree.ts). */
  folderTree: z.object({}).strict(),
  /** Relinks a moved folder's photos to their files under `to` (a folder chosen to read from), found by content. */
  relinkFolder: z.object({ from: z.string().min(1).max(4096), to: z.string().min(1).max(4096) }).strict(),
  // Collections (see shared/collections.ts): ids are collection ids; itemId is one pick.
  listCollections: z.object({}).strict(),
  /** With `query`, a smart collection (a saved search). */
  createCollection: z.object({ name: collectionName, query: z.string().min(1).max(1000).optional() }).strict(),
  renameCollection: z.object({ id: photoId, name: collectionName }).strict(),
  deleteCollection: z.object({ id: photoId }).strict(),
  getCollection: z.object({ id: photoId }).strict(),
  /** Appends (or inserts at the 0-based `at`); a photo already there is added again and reported. */
  addToCollection: z.object({ id: photoId, photoIds: z.array(photoId).min(1).max(10000), at: z.number().int().min(0).optional() }).strict(),
  removeFromCollection: z.object({ id: photoId, itemIds: z.array(photoId).min(1).max(10000) }).strict(),
  moveInCollection: z.object({ id: photoId, itemId: photoId, position: z.number().int().min(0) }).strict(),
  setPickModified: z.object({ id: photoId, itemId: photoId, modified: z.boolean() }).strict(),
  collectionCredits: z.object({ id: photoId, style: z.enum(CREDIT_STYLES), lang: z.enum(CREDIT_LANGS), format: z.enum(['txt', 'md', 'html', 'csv']) }).strict(),
  /** The credit list as a file to save (DOCX included), base64-encoded. */
  collectionCreditsFile: z.object({ id: photoId, style: z.enum(CREDIT_STYLES), lang: z.enum(CREDIT_LANGS), format: z.enum(CREDIT_LIST_FORMATS) }).strict(),
  startExport: z
    .object({
      id: photoId,
      outDir: z.string().min(1).max(4096),
      size: z.number().int().min(16).max(30000).optional(),
      quality: z.number().int().min(1).max(100).optional(),
      format: z.enum(EXPORT_FORMATS),
      style: z.enum(CREDIT_STYLES),
      lang: z.enum(CREDIT_LANGS),
      overwrite: z.boolean(),
    })
    .strict(),
  exportProgress: z.object({}).strict(),
  cancelExport: z.object({}).strict(),
  undo: z.object({}).strict(),
  redo: z.object({}).strict(),
  editHistory: z.object({}).strict(),
  /** Every recorded change to one photo's fields, newest first (the editor's History section). */
  photoHistory: z.object({ id: photoId }).strict(),
  listTags: z.object({ prefix: z.string().max(200).optional(), limit: z.number().int().min(1).max(10000).optional() }).strict(),
  /** The keyword tree: every tag and every path above one, with photos at or under it (shared/tagTree.ts). */
  listTagTree: z.object({ prefix: z.string().max(200).optional() }).strict(),
  /** Renames a tag on every photo (a node of the tree with the tags under it); renaming to an existing tag merges the two. One undo step. */
  renameTag: z.object({ from: tag.min(1), to: tag.min(1) }).strict(),
  fieldSuggestions: z.object({ field: z.enum(SUGGESTED_FIELDS) }).strict(),
  writeSidecars: z.object({ ids: z.array(photoId).min(1).max(100000) }).strict(),
  sidecarSettings: z.object({}).strict(),
  preferences: z.object({}).strict(),
  setPreferences: z.object({ language: z.enum(UI_LANGUAGES).nullable() }).strict(),
  setSidecarSettings: z.object({ autoWrite: z.boolean().optional(), naming: z.enum(['name.ext.xmp', 'name.xmp']).optional() }).strict(),
  /**
   * Previews a CSV, XLSX or JSON metadata import, or applies it (`apply: true`) as one undo step.
   * The file travels as its bytes (base64) so the catalogue can tell its encoding (Hungarian
   * Excel writes Windows-1250) instead of the browser guessing UTF-8.
   */
  importMetadata: z
    .object({
      base64: z.string().max(Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4),
      format: z.enum(['csv', 'json', 'xlsx']).optional(),
      keepBlank: z.boolean().optional(),
      skipBadDates: z.boolean().optional(),
      apply: z.boolean(),
      name: z.string().max(500),
    })
    .strict(),
  /**
   * The metadata as a spreadsheet file to save, like `fototar export-metadata` writes it: of the
   * ids or the selection given, or of every photo; Hungarian headers, dates and ";" for lang hu.
   * In `sort`'s order, by default the catalogue's remembered sort (relevance: Fortepan number).
   */
  exportMetadata: z
    .object({ ...idsOrSelection, format: z.enum(['csv', 'xlsx']), lang: z.enum(UI_LANGUAGES), sort: sortSchema.optional() })
    .strict()
    .refine((value) => value.ids === undefined || value.selection === undefined, { message: 'give ids, a selection or neither' }),
  selectionFields: z.object(idsOrSelection).strict().refine(oneOf, ONE_OF),
  editSelectionTags: z
    .object({
      ...idsOrSelection,
      add: z.array(tag).max(MAX_TAGS),
      remove: z.array(tag).max(MAX_TAGS),
    })
    .strict()
    .refine(oneOf, ONE_OF),
  /** Ids of a query's results [offset, offset + limit), in the grid's order (for selection ranges). */
  resultIds: z
    .object({ query: z.string().max(1000), offset: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_SELECTION_IDS), sort: sortSchema.optional() })
    .strict(),
  /** Saves one patch to every photo of a selection in one transaction, as one undo step. */
  editSelection: z.object({ selection: selectionSchema, patch: photoPatchSchema }).strict(),
  /**
   * Rotates the photos as displayed clockwise by `rotate` degrees and/or mirrors them left to right
   * (shared/orientation.ts), one undo step; the originals are never touched.
   */
  turnPhotos: z
    .object({ ...idsOrSelection, rotate: z.union([z.literal(90), z.literal(180), z.literal(270)]).optional(), flip: z.boolean().optional() })
    .strict()
    .refine(oneOf, ONE_OF),
  /** A selection restricted to what `query` shows: what stays selected, and how many were hidden. */
  projectSelection: z.object({ selection: selectionSchema, query: z.string().max(1000) }).strict(),
  /** Whether edits can be saved: checking (just opened), ok, or damaged (read-only, with a message). */
  catalogueHealth: z.object({}).strict(),
  /** "Open catalogue…": the recent catalogues, and whether a password can be remembered. */
  catalogueChoices: z.object({}).strict(),
  /**
   * Opens another catalogue in this window (the open one is closed once the new one opened; on
   * failure it stays). `password`: a team catalogue's, for this opening; `rememberPassword` keeps
   * it in the OS keychain (false forgets a kept one). The window reloads on `changed`.
   */
  openCatalogue: z
    .object({
      location: z.string().trim().min(1).max(4096),
      password: z.string().min(1).max(1000).optional(),
      rememberPassword: z.boolean().optional(),
      // false (a recent catalogue): a folder that is not there now is said, never made anew and empty.
      create: z.boolean().optional(),
    })
    .strict(),
  /** The native folder picker for a catalogue's folder (may make a new one); browser mode answers null (it browses instead). */
  chooseCatalogueFolder: z.object({}).strict(),
} as const;

export type ApiMethod = keyof typeof apiSchemas;
export type ApiParams<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;

export interface ApiResults {
  info: CatalogueInfo;
  listPhotos: { total: number; photos: PhotoSummary[] };
  search: SearchResult;
  photoSort: PhotoSort;
  setPhotoSort: PhotoSort;
  searchFacets: SearchFacets;
  getPhoto: Photo;
  /**
   * `sidecarProblems`: sidecars the automatic write (a catalogue setting) could not write, and why
   * (in English, "file: reason"); `sidecarSkipped`: the same, with each reason's key for the UI's language.
   */
  updatePhotos: { photos: Photo[]; sidecarProblems?: string[]; sidecarSkipped?: SidecarSkip[] };
  startIngest: IngestProgress;
  ingestProgress: IngestProgress;
  cancelIngest: IngestProgress;
  creditList: { text: string };
  chooseFolders: { paths: string[] } | null;
  chooseFolder: { path: string };
  listFolders: FolderListing;
  relinkPhoto: Photo;
  checkOriginals: { checked: number; missing: number };
  folderTree: FolderTree;
  relinkFolder: FolderRelinkReport;
  listCollections: { collections: CollectionSummary[] };
  createCollection: CollectionSummary;
  renameCollection: CollectionSummary;
  deleteCollection: { collections: CollectionSummary[] };
  getCollection: Collection;
  addToCollection: { collection: Collection; duplicates: number[] };
  removeFromCollection: Collection;
  moveInCollection: Collection;
  setPickModified: Collection;
  collectionCredits: CollectionCredits;
  collectionCreditsFile: { fileName: string; mime: string; base64: string };
  startExport: ExportProgress;
  exportProgress: ExportProgress;
  cancelExport: ExportProgress;
  undo: UndoResult;
  redo: UndoResult;
  editHistory: HistoryState;
  photoHistory: { entries: PhotoHistoryEntry[] };
  listTags: { tags: TagCount[] };
  listTagTree: { nodes: TagNode[] };
  renameTag: { photos: number; merged: boolean; history: HistoryState };
  fieldSuggestions: { values: string[] };
  writeSidecars: SidecarReport;
  sidecarSettings: SidecarSettings;
  /** `systemLanguages`: the host's (Electron's) languages, first preferred first; [] in browser mode, where the browser's count. */
  preferences: { language: UiLanguage | null; systemLanguages: string[] };
  setPreferences: { language: UiLanguage | null; systemLanguages: string[] };
  setSidecarSettings: SidecarSettings;
  importMetadata: ImportResult;
  /** `photos`: how many photos the file holds. */
  exportMetadata: { fileName: string; mime: string; base64: string; photos: number };
  selectionFields: SelectionFields;
  /** `photos`: the photos as saved, when a list of ids was given (a selection answers none). */
  editSelectionTags: { photos: Photo[]; count: number; history: HistoryState };
  resultIds: { total: number; ids: number[] };
  /** `count`: photos in the selection; `changed`: those the patch actually changed. */
  editSelection: { count: number; changed: number; history: HistoryState };
  /** `count`: photos asked for; `changed`: those turned. */
  turnPhotos: { count: number; changed: number; history: HistoryState };
  projectSelection: { selection: Selection; count: number; total: number; hidden: number };
  catalogueHealth: CatalogueHealth;
  catalogueChoices: CatalogueChoices;
  /** `changed`: false when the location named the catalogue open already. */
  openCatalogue: { location: string; changed: boolean };
  /** `path` null: the picker was cancelled. */
  chooseCatalogueFolder: { path: string | null } | null;
}

// A compile error here means a method lacks a schema, a result type or a name in API_METHODS.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const contractIsComplete: Exact<keyof ApiResults, ApiMethod> & Exact<ApiMethodName, ApiMethod> = true;
void contractIsComplete;

export { API_METHODS };

export type FototarApi = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> };

/**
 * An error as it crosses the process boundary: `code` for programs, `message` in English (what
 * the CLI says), and, when the catalogue made it, the message's `key` and `params`
 * (shared/locales/…/errors.json), so the UI says it in its own language. A client that gets no
 * key (an older catalogue, a transport's own failure) shows `message`.
 */
export interface ApiErrorBody {
  code: string;
  message: string;
  key?: ErrorKey;
  params?: ErrorParams;
}

/** Every answer crosses the process boundary in this envelope, so errors arrive as messages. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiSchemas, name);
}

/** Validates a call's parameters; the message says which field is wrong and how. */
export function validateParams<M extends ApiMethod>(method: M, params: unknown): ApiParams<M> {
  const result = apiSchemas[method].safeParse(params ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'parameters';
    throw new ApiValidationError('invalidParameters', { method, where, issue: issue.message });
  }
  return result.data as ApiParams<M>;
}

export class ApiValidationError extends Error {
  readonly code = 'invalid-input';
  readonly key: ErrorKey;
  readonly params: ErrorParams;
  constructor(key: ErrorKey, params: ErrorParams = {}) {
    super(englishMessage(key, params));
    this.key = key;
    this.params = params;
  }
}

/** Image sizes the catalogue serves: a grid thumbnail and a large preview. */
/** The grid thumbnail, the large view's preview, or the loupe's full-size picture. */
export type ImageSize = 'grid' | 'preview' | 'full';

/** What the renderer gets from its transport: the API plus how to address images. */
export interface FototarBridge {
  api: FototarApi;
  imageUrl(id: number, size: ImageSize, version: string): string;
  /** Electron only: the file system path of a dropped File (a DOM object, hence unknown here). */
  pathForFile?: (file: unknown) => string;
  /** What changed in the catalogue, pushed as it happens (shared/events.ts); answers an unsubscribe. */
  subscribe(listener: (event: CatalogueEvent) => void): () => void;
}
