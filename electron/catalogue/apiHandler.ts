// The one place where calls from the renderer enter the catalogue, whatever the transport:
// the method name is checked against the contract, the parameters against its schema, and
// every answer, error or not, goes back in an envelope.
import { isApiMethod, validateParams, ApiValidationError, type ApiEnvelope, type ApiMethod, type ApiResults, type ApiParams } from '../../shared/api.ts';
import type { Catalogue } from './catalogue.ts';
import { CatalogueError } from './catalogueError.ts';
import { collectionsOf } from './collections/collectionService.ts';
import { CREDIT_FILE_MIME } from './collections/collectionCredits.ts';
import { safeFileNamePart } from './collections/exportNames.ts';
import { fieldValues, listTags, renameTag } from './editing/catalogueTags.ts';
import { readSidecarSettings, writeSidecarSettings } from './sidecars/sidecarSettings.ts';
import { writeSidecars } from './sidecars/xmpSidecar.ts';
import type { SidecarReport } from '../../shared/sidecars.ts';
import { importMetadata } from './exchange/metadataImport.ts';
import { editSelectionTags, selectionFields } from './editing/selectionFields.ts';
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
}

type Handlers = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> | ApiResults[M] };

/** The photos a call names: its ids, or its selection resolved now. */
function photoIds(catalogue: Catalogue, params: { ids?: number[]; selection?: Selection }): Promise<number[]> | number[] {
  return params.ids ?? resolveSelection(catalogue, params.selection!);
}

export function createApiHandler(catalogue: Catalogue, platform: Platform) {
  // A window is about to ask: load the search index in its worker now, not at the first query.
  catalogue.prepareSearch();
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
    startIngest: ({ paths }) => catalogue.startIngest(paths),
    ingestProgress: () => catalogue.ingestProgress(),
    cancelIngest: () => catalogue.cancelIngest(),
    creditList: async ({ format, ...named }) => ({ text: catalogue.creditList(await photoIds(catalogue, named), format) }),
    undo: () => catalogue.undo(),
    redo: () => catalogue.redo(),
    editHistory: () => catalogue.historyState(),
    listTags: ({ prefix, limit }) => ({ tags: listTags(catalogue.db, prefix, limit) }),
    renameTag: ({ from, to }) => ({ ...renameTag(catalogue, from, to), history: catalogue.historyState() }),
    fieldSuggestions: ({ field }) => ({ values: suggestions(catalogue, field) }),
    writeSidecars: ({ ids }) => writeSidecars(catalogue.photos.getMany(ids), readSidecarSettings(catalogue.db).naming),
    sidecarSettings: () => readSidecarSettings(catalogue.db),
    setSidecarSettings: (settings) => writeSidecarSettings(catalogue.db, settings),
    importMetadata: ({ text, format, keepBlank, apply, name }) => importMetadata(catalogue, text, { format, keepBlank, apply, name }),
    selectionFields: async (named) => selectionFields(catalogue, await photoIds(catalogue, named)),
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
    startExport: ({ id, ...request }) => collectionsOf(catalogue).startExport(id, request),
    exportProgress: () => collectionsOf(catalogue).exportProgress(),
    cancelExport: () => collectionsOf(catalogue).cancelExport(),
    relinkPhoto: ({ id, path }) => catalogue.relinkPhoto(id, path),
    checkOriginals: async () => {
      const { checked, missing } = await catalogue.checkOriginals();
      return { checked, missing };
    },
    chooseFolders: async () => {
      if (!platform.chooseFolders) return null;
      const paths = await platform.chooseFolders();
      return paths ? { paths } : { paths: [] };
    },
  };

  return async function handle(method: unknown, params: unknown): Promise<ApiEnvelope<unknown>> {
    try {
      if (!isApiMethod(method)) throw new ApiValidationError(`Unknown API method: ${String(method).slice(0, 80)}`);
      const valid = validateParams(method, params);
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
