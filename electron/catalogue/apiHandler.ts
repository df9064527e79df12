// The one place where calls from the renderer enter the catalogue, whatever the transport:
// the method name is checked against the contract, the parameters against its schema, and
// every answer, error or not, goes back in an envelope.
import { isApiMethod, validateParams, ApiValidationError, type ApiEnvelope, type ApiMethod, type ApiResults, type ApiParams } from '../../shared/api.ts';
import type { OpenCatalogue } from './openCatalogue.ts';
import { CatalogueError, errorBody } from './catalogueError.ts';
import { englishMessage } from '../../shared/errorMessages.ts';
import { ChosenFolders } from './chosenFolders.ts';
import { listFolders } from './folders/listFolders.ts';
import { defaultConfigDirectory, PreferenceStore, type UserPreferences } from '../preferences/userPreferences.ts';
import { resolveUserPath } from './folders/userPath.ts';
import { catalogueKind, type CatalogueChoices } from '../../shared/catalogueChoices.ts';

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
  /** "Open catalogue…": the host's recent catalogues and the way to another (catalogueHost.ts); absent where a server serves one. */
  catalogues?: {
    choices(): CatalogueChoices;
    open(request: ApiParams<'openCatalogue'>): Promise<ApiResults['openCatalogue']>;
  };
  /** A native picker for a catalogue's folder (one folder; a new one may be made); absent in browser mode. */
  chooseCatalogueFolder?: () => Promise<string | null>;
}

/**
 * Methods that change the catalogue database: they wait for the opening check (a few moments
 * after opening) and are refused, with the health message, on a damaged catalogue.
 */
const WRITES: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'updatePhotos',
  'startIngest',
  'relinkPhoto',
  'relinkFolder',
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
  'turnPhotos',
]);

type Handlers = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> | ApiResults[M] };

export function createApiHandler(catalogue: OpenCatalogue, platform: Platform) {
  // A window is about to ask: load the search index in its worker now, not at the first query.
  catalogue.search.prepare();
  // This session's chosen folders: nothing is read in or written out anywhere else.
  const chosen = new ChosenFolders();
  const { photos, collections, tags, history, search, originals, exchange, exports, ingest } = catalogue;
  const preferences = () => (platform.preferences ??= new PreferenceStore(defaultConfigDirectory()));
  const handlers: Handlers = {
    info: async () => ({
      name: catalogue.name,
      directory: catalogue.location,
      photos: await photos.count(),
      transport: platform.transport,
      version: platform.version,
    }),
    listPhotos: ({ offset, limit, sort }) => photos.list(offset, limit, sort),
    search: ({ query, offset, limit, sort }) => search.query(query, offset, limit, sort),
    photoSort: () => photos.sort(),
    setPhotoSort: (sort) => photos.setSort(sort),
    searchFacets: ({ query }) => search.facets(query),
    getPhoto: ({ id }) => photos.get(id),
    // The editor saves as you type: successive saves of one field fold into one undo step.
    updatePhotos: async ({ ids, patch, seen }) => {
      const saved = await photos.save(ids, patch, { coalesce: true, ...(seen ? { seen } : {}) });
      const skipped = saved.sidecars?.skipped ?? [];
      return skipped.length ? { photos: saved.photos, sidecarProblems: skipped.map((s) => `${s.file}: ${s.reason}`), sidecarSkipped: skipped } : { photos: saved.photos };
    },
    // Paths from the UI: `~` is home; a relative path is refused, never resolved against the
    // folder the app happened to start in; and only what the person chose this session is read.
    startIngest: ({ paths }) => {
      const resolved = paths.map((typed) => {
        const user = resolveUserPath(typed);
        if (!user.ok) throw new CatalogueError('invalid-input', user.problem.key, user.problem.params);
        return user.path;
      });
      const unchosen = resolved.find((p) => !chosen.allows(p, 'ingest'));
      if (unchosen !== undefined) throw new CatalogueError('not-chosen', 'notChosenIngest', { path: unchosen });
      return ingest.start(resolved);
    },
    ingestProgress: () => ingest.progress(),
    cancelIngest: () => ingest.cancel(),
    creditList: async ({ format, lang, ...named }) => ({ text: await photos.creditList(await photos.idsOf(named), format, lang) }),
    undo: () => history.undo(),
    redo: () => history.redo(),
    editHistory: () => history.state(),
    photoHistory: async ({ id }) => ({ entries: await history.photo(id) }),
    listTags: async ({ prefix, limit }) => ({ tags: await tags.list(prefix, limit) }),
    listTagTree: async ({ prefix }) => ({ nodes: await tags.tree(prefix) }),
    renameTag: async ({ from, to }) => ({ ...await tags.rename(from, to), history: await history.state() }),
    fieldSuggestions: async ({ field }) => ({ values: await photos.fieldSuggestions(field) }),
    writeSidecars: ({ ids }) => exchange.writeSidecars(ids, { onlyPresent: true }),
    sidecarSettings: () => exchange.sidecarSettings(),
    setSidecarSettings: (settings) => exchange.setSidecarSettings(settings),
    // The person's own choices (the UI language) belong to the host, not to the catalogue.
    // The window is told the language only, as the API says (the archivist's name is the CLI's
    // until a team catalogue opens in the app).
    preferences: () => ({ language: preferences().read().language, systemLanguages: platform.systemLanguages ?? [] }),
    setPreferences: (change) => {
      const saved = preferences().write(change);
      platform.onPreferencesChanged?.(saved);
      return { language: saved.language, systemLanguages: platform.systemLanguages ?? [] };
    },
    importMetadata: ({ base64, format, keepBlank, skipBadDates, apply, name }) =>
      exchange.import(Buffer.from(base64, 'base64'), { format, keepBlank, skipBadDates, apply, name }),
    exportMetadata: async ({ format, lang, sort, ...named }) => {
      const ids = named.ids || named.selection ? await photos.idsOf(named) : undefined;
      // The catalogue's sort unless one is given; relevance keeps the export's own order.
      const order = sort ?? await photos.sort();
      if (order.field === 'relevance') return exchange.exportFile({ format, lang, ids });
      return exchange.exportFile({ format, lang, ids: await photos.inOrder(ids, order), inOrder: true });
    },
    selectionFields: (named) => photos.selectionFields(named.selection ?? named.ids!),
    editSelectionTags: async ({ add, remove, ...named }) => {
      const ids = await photos.idsOf(named);
      await photos.editTags(ids, add, remove);
      return { photos: named.ids ? await photos.getMany(ids) : [], count: ids.length, history: await history.state() };
    },
    resultIds: ({ query, offset, limit, sort }) => search.resultIds(query, offset, limit, sort),
    editSelection: async ({ selection, patch }) => ({ ...(await photos.editSelection(selection, patch)), history: await history.state() }),
    turnPhotos: async ({ rotate, flip, ...named }) => {
      const { count, changed } = await photos.turn(named, { rotate, flip });
      return { count, changed: changed.length, history: await history.state() };
    },
    projectSelection: ({ selection, query }) => photos.project(selection, query),
    // Collections, credit lists and export.
    listCollections: async () => ({ collections: await collections.list() }),
    createCollection: ({ name, query }) => collections.create(name, query),
    renameCollection: ({ id, name }) => collections.rename(id, name),
    deleteCollection: async ({ id }) => {
      await collections.delete(id);
      return { collections: await collections.list() };
    },
    getCollection: ({ id }) => collections.get(id),
    addToCollection: async ({ id, photoIds, at }) => {
      const { duplicates } = await collections.add(id, photoIds, at);
      return { collection: await collections.get(id), duplicates };
    },
    removeFromCollection: async ({ id, itemIds }) => {
      await collections.removeItems(id, itemIds);
      return await collections.get(id);
    },
    moveInCollection: async ({ id, itemId, position }) => {
      await collections.move(id, itemId, position);
      return await collections.get(id);
    },
    setPickModified: async ({ id, itemId, modified }) => {
      await collections.setModified(id, itemId, modified);
      return await collections.get(id);
    },
    collectionCredits: ({ id, style, lang, format }) => collections.credits(id, style, lang, format),
    collectionCreditsFile: ({ id, style, lang, format }) => collections.creditsDownload(id, style, lang, format),
    startExport: ({ id, ...request }) => {
      if (!chosen.allows(request.outDir, 'export')) {
        throw new CatalogueError('not-chosen', 'notChosenExport', { path: request.outDir });
      }
      return exports.start(id, request);
    },
    exportProgress: () => exports.progress(),
    cancelExport: () => exports.cancel(),
    relinkPhoto: ({ id, path }) => originals.relink(id, path),
    folderTree: () => originals.folders(),
    // The new folder is read (its files hashed): only one the person chose to read from.
    relinkFolder: ({ from, to }) => {
      if (!chosen.allows(to, 'ingest')) throw new CatalogueError('not-chosen', 'notChosenRelink', { path: to });
      return originals.relinkFolder(from, to);
    },
    checkOriginals: async () => {
      const { checked, missing } = await originals.check();
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
    catalogueChoices: () =>
      platform.catalogues?.choices() ?? {
        current: { location: catalogue.location, kind: catalogueKind(catalogue.location) },
        recent: [],
        canOpen: false,
        canRememberPassword: false,
        rememberedPasswords: [],
        problem: null,
      },
    openCatalogue: (request) => {
      if (!platform.catalogues) throw new CatalogueError('invalid-input', 'catalogueSwitchUnavailable');
      return platform.catalogues.open(request);
    },
    chooseCatalogueFolder: async () => (platform.chooseCatalogueFolder ? { path: await platform.chooseCatalogueFolder() } : null),
  };

  return async function handle(method: unknown, params: unknown): Promise<ApiEnvelope<unknown>> {
    catalogue.activity.note();
    try {
      if (!isApiMethod(method)) throw new ApiValidationError('unknownMethod', { method: String(method).slice(0, 80) });
      const valid = validateParams(method, params);
      if (WRITES.has(method) && !(method === 'importMetadata' && !(valid as ApiParams<'importMetadata'>).apply)) await catalogue.whenWritable();
      const handler = handlers[method] as (p: typeof valid) => unknown;
      return { ok: true, value: await handler(valid) };
    } catch (error) {
      const known = error instanceof CatalogueError || error instanceof ApiValidationError ? error : catalogue.explain(error);
      if (known) return { ok: false, error: errorBody(known) };
      // Unexpected: log the stack here, send only the message.
      console.error(error);
      const reason = (error as Error).message;
      return { ok: false, error: { code: 'internal', message: englishMessage('internal', { reason }), key: 'internal', params: { reason } } };
    }
  };
}
