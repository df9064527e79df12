// The one place where calls from the renderer enter the catalogue, whatever the transport:
// the method name is checked against the contract, the parameters against its schema, and
// every answer, error or not, goes back in an envelope.
import fs from 'node:fs';
import { isApiMethod, validateParams, ApiValidationError, type ApiEnvelope, type ApiMethod, type ApiResults, type ApiParams } from '../../shared/api.ts';
import type { Catalogue } from './catalogue.ts';
import { CatalogueError } from './catalogueError.ts';
import { ChosenFolders } from './chosenFolders.ts';
import { collectionsOf } from './collections/collectionService.ts';
import { CREDIT_FILE_MIME } from './collections/collectionCredits.ts';
import { safeFileNamePart } from './collections/exportNames.ts';
import { fieldValues, listTags, renameTag } from './editing/catalogueTags.ts';
import { readSidecarSettings, writeSidecarSettings } from './sidecars/sidecarSettings.ts';
import { writeSidecars } from './sidecars/xmpSidecar.ts';
import type { SidecarNaming, SidecarReport } from '../../shared/sidecars.ts';
import type { Photo } from '../../shared/types.ts';
import { importMetadataFile } from './exchange/importFile.ts';
import { metadataExportFile } from './exchange/metadataExportFile.ts';
import { editSelectionTags, selectionFields, selectionFieldsOf } from './editing/selectionFields.ts';
import { listFolders } from './folders/listFolders.ts';
import { defaultConfigDirectory, PreferenceStore, type UserPreferences } from '../preferences/userPreferences.ts';
import { resolveUserPath } from './folders/userPath.ts';
import { projectSelection, resolveSelection } from './editing/catalogueSelection.ts';
import type { Selection } from '../../shared/selection.ts';
import { LICENCE_CHOICES, SOURCE_CHOICES, mergeChoices, type SuggestedField } from '../../shared/pickLists.ts';

/** Pick-list values: the built-in licences and sources first, then what the catalogue uses. */
function suggestions(catalogue: Catalogue, field: SuggestedField): string[] {
  const builtIn = field === 'licence' ? LICENCE_CHOICES : field === 'source' ? SOURCE_CHOICES : [];
  return mergeChoices(builtIn, fieldValues(catalogue.db, field));
}

export interface Platform {
  transport: 'electron' | 'browser';
  version: string;
  /** A native folder picker; absent in browser mode. */
  chooseFolders?: () => Promise<string[] | null>;
  /** Where the person's own choices (the UI language) are remembered; the user's config folder when not given. */
  preferences?: PreferenceStore;
  /** The system's languages (Electron's app.getLocale() first); none in browser mode. */
  systemLanguages?: string[];
  /** Told after the person's choices were saved (Electron rebuilds its menu in the new language). */
  onPreferencesChanged?: (preferences: UserPreferences) => void;
}

/**
 * Methods that change the catalogue database: they wait for the opening check (a few moments
 * after opening) and are refused, with the health message, on a damaged catalogue.
 */
const WRITES: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'updatePhotos',
  'startIngest',
  'relinkPhoto',
  'checkOriginals',
  'createCollection',
  'renameCollection',
  'deleteCollection',
  'addToCollection',
  'removeFromCollection',
  'moveInCollection',
  'setPickModified',
  'undo',
  'redo',
  'renameTag',
  'setSidecarSettings',
  'importMetadata',
  'editSelectionTags',
  'editSelection',
]);

/** Sidecars go only next to originals that are there: never into a folder whose original is gone. */
function sidecarsNextToOriginals(photos: readonly Photo[], naming: SidecarNaming): SidecarReport {
  const present = photos.filter((p) => fs.statSync(p.file, { throwIfNoEntry: false })?.isFile());
  const report = writeSidecars(present, naming);
  for (const photo of photos) {
    if (!present.includes(photo)) report.skipped.push({ file: photo.file, reason: 'the original is not there, so no sidecar was written next to it' });
  }
  return report;
}

type Handlers = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> | ApiResults[M] };

/** The photos a call names: its ids, or its selection resolved now. */
function photoIds(catalogue: Catalogue, params: { ids?: number[]; selection?: Selection }): Promise<number[]> | number[] {
  return params.ids ?? resolveSelection(catalogue, params.selection!);
}

export function createApiHandler(catalogue: Catalogue, platform: Platform) {
  // A window is about to ask: load the search index in its worker now, not at the first query.
  catalogue.prepareSearch();
  // This session's chosen folders: nothing is read in or written out anywhere else.
  const chosen = new ChosenFolders();
  const preferences = () => (platform.preferences ??= new PreferenceStore(defaultConfigDirectory()));
  const handlers: Handlers = {
    info: () => ({
      name: catalogue.name,
      directory: catalogue.paths.root,
      photos: catalogue.photos.count(),
      transport: platform.transport,
      version: platform.version,
    }),
    listPhotos: ({ offset, limit }) => catalogue.listPhotos(offset, limit),
    search: ({ query, offset, limit }) => catalogue.search(query, offset, limit),
    searchFacets: ({ query }) => catalogue.searchFacets(query),
    getPhoto: ({ id }) => catalogue.getPhoto(id),
    // The editor saves as you type: successive saves of one field fold into one undo step.
    updatePhotos: ({ ids, patch }) => {
      catalogue.lastSidecarReport = null;
      const photos = catalogue.updatePhotos(ids, patch, { coalesce: true });
      // (Read back after the call, which sets it; the cast undoes TypeScript's narrowing to null.)
      const skipped = (catalogue.lastSidecarReport as SidecarReport | null)?.skipped ?? [];
      return skipped.length ? { photos, sidecarProblems: skipped.map((s) => `${s.file}: ${s.reason}`) } : { photos };
    },
    // Paths from the UI: `~` is home; a relative path is refused, never resolved against the
    // folder the app happened to start in; and only what the person chose this session is read.
    startIngest: ({ paths }) => {
      const resolved = paths.map((typed) => {
        const user = resolveUserPath(typed);
        if (!user.ok) throw new CatalogueError('invalid-input', user.error);
        return user.path;
      });
      const unchosen = resolved.find((p) => !chosen.allows(p, 'ingest'));
      if (unchosen !== undefined) throw new CatalogueError('not-chosen', `${unchosen} was not chosen to add in this session; choose it with Add folder first.`);
      return catalogue.startIngest(resolved);
    },
    ingestProgress: () => catalogue.ingestProgress(),
    cancelIngest: () => catalogue.cancelIngest(),
    creditList: async ({ format, ...named }) => ({ text: catalogue.creditList(await photoIds(catalogue, named), format) }),
    undo: () => catalogue.undo(),
    redo: () => catalogue.redo(),
    editHistory: () => catalogue.historyState(),
    listTags: ({ prefix, limit }) => ({ tags: listTags(catalogue.db, prefix, limit) }),
    renameTag: ({ from, to }) => ({ ...renameTag(catalogue, from, to), history: catalogue.historyState() }),
    fieldSuggestions: ({ field }) => ({ values: suggestions(catalogue, field) }),
    writeSidecars: ({ ids }) => sidecarsNextToOriginals(catalogue.photos.getMany(ids), readSidecarSettings(catalogue.db).naming),
    sidecarSettings: () => readSidecarSettings(catalogue.db),
    setSidecarSettings: (settings) => writeSidecarSettings(catalogue.db, settings),
    preferences: () => ({ ...preferences().read(), systemLanguages: platform.systemLanguages ?? [] }),
    setPreferences: (change) => {
      const saved = preferences().write(change);
      platform.onPreferencesChanged?.(saved);
      return { ...saved, systemLanguages: platform.systemLanguages ?? [] };
    },
    importMetadata: ({ base64, format, keepBlank, skipBadDates, apply, name }) =>
      importMetadataFile(catalogue, Buffer.from(base64, 'base64'), { format, keepBlank, skipBadDates, apply, name }),
    exportMetadata: async ({ format, lang, ...named }) =>
      metadataExportFile(catalogue, { format, lang, ids: named.ids || named.selection ? await photoIds(catalogue, named) : undefined }),
    selectionFields: async (named) => (named.selection ? selectionFieldsOf(catalogue, named.selection) : selectionFields(catalogue, named.ids!)),
    editSelectionTags: async ({ add, remove, ...named }) => {
      const ids = await photoIds(catalogue, named);
      editSelectionTags(catalogue, ids, add, remove);
      return { photos: named.ids ? catalogue.photos.getMany(ids) : [], count: ids.length, history: catalogue.historyState() };
    },
    resultIds: ({ query, offset, limit }) => catalogue.resultIds(query, offset, limit),
    editSelection: async ({ selection, patch }) => {
      const ids = await resolveSelection(catalogue, selection);
      const changed = ids.length ? catalogue.applyEdits(ids.map((id) => ({ id, patch }))) : [];
      return { count: ids.length, changed: changed.length, history: catalogue.historyState() };
    },
    projectSelection: ({ selection, query }) => projectSelection(catalogue, selection, query),
    // Collections, credit lists and export (electron/catalogue/collections/).
    listCollections: () => ({ collections: collectionsOf(catalogue).list() }),
    createCollection: ({ name }) => collectionsOf(catalogue).store.create(name),
    renameCollection: ({ id, name }) => collectionsOf(catalogue).store.rename(id, name),
    deleteCollection: ({ id }) => {
      collectionsOf(catalogue).store.delete(id);
      return { collections: collectionsOf(catalogue).list() };
    },
    getCollection: ({ id }) => collectionsOf(catalogue).get(id),
    addToCollection: ({ id, photoIds, at }) => {
      const { duplicates } = collectionsOf(catalogue).store.add(id, photoIds, at);
      return { collection: collectionsOf(catalogue).get(id), duplicates };
    },
    removeFromCollection: ({ id, itemIds }) => {
      collectionsOf(catalogue).store.removeItems(id, itemIds);
      return collectionsOf(catalogue).get(id);
    },
    moveInCollection: ({ id, itemId, position }) => {
      collectionsOf(catalogue).store.move(id, itemId, position);
      return collectionsOf(catalogue).get(id);
    },
    setPickModified: ({ id, itemId, modified }) => {
      collectionsOf(catalogue).store.setModified(id, itemId, modified);
      return collectionsOf(catalogue).get(id);
    },
    collectionCredits: ({ id, style, lang, format }) => collectionsOf(catalogue).credits(id, style, lang, format),
    collectionCreditsFile: async ({ id, style, lang, format }) => {
      const service = collectionsOf(catalogue);
      const bytes = await service.creditsFile(id, style, lang, format);
      const name = safeFileNamePart(service.store.summary(id).name) || 'collection';
      return { fileName: `${name}_credits.${format}`, mime: CREDIT_FILE_MIME[format], base64: bytes.toString('base64') };
    },
    startExport: ({ id, ...request }) => {
      if (!chosen.allows(request.outDir, 'export')) {
        throw new CatalogueError('not-chosen', `${request.outDir} was not chosen as an export folder in this session; choose the folder in the export dialog.`);
      }
      return collectionsOf(catalogue).startExport(id, request);
    },
    exportProgress: () => collectionsOf(catalogue).exportProgress(),
    cancelExport: () => collectionsOf(catalogue).cancelExport(),
    relinkPhoto: ({ id, path }) => catalogue.relinkPhoto(id, path),
    checkOriginals: async () => {
      const { checked, missing } = await catalogue.checkOriginals();
      return { checked, missing };
    },
    catalogueHealth: () => catalogue.health(),
    listFolders: ({ path, showHidden }) => listFolders(path, { showHidden }),
    chooseFolders: async () => {
      if (!platform.chooseFolders) return null;
      const paths = await platform.chooseFolders();
      // What the native dialog answered is what the person chose.
      chosen.recordFromDialog(paths ?? [], 'ingest');
      return paths ? { paths } : { paths: [] };
    },
    chooseFolder: ({ path, purpose }) => ({ path: chosen.choose(path, purpose) }),
  };

  return async function handle(method: unknown, params: unknown): Promise<ApiEnvelope<unknown>> {
    try {
      if (!isApiMethod(method)) throw new ApiValidationError(`Unknown API method: ${String(method).slice(0, 80)}`);
      const valid = validateParams(method, params);
      if (WRITES.has(method) && !(method === 'importMetadata' && !(valid as ApiParams<'importMetadata'>).apply)) await catalogue.whenWritable();
      const handler = handlers[method] as (p: typeof valid) => unknown;
      return { ok: true, value: await handler(valid) };
    } catch (error) {
      if (error instanceof CatalogueError || error instanceof ApiValidationError) {
        return { ok: false, error: { code: error.code, message: error.message } };
      }
      // Unexpected: log the stack here, send only the message.
      console.error(error);
      return { ok: false, error: { code: 'internal', message: `Internal error: ${(error as Error).message}` } };
    }
  };
}
