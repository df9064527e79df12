// The one place where calls from the renderer enter the catalogue, whatever the transport:
// the method name is checked against the contract, the parameters against its schema, and
// every answer, error or not, goes back in an envelope.
import { isApiMethod, validateParams, ApiValidationError, type ApiEnvelope, type ApiMethod, type ApiResults, type ApiParams } from '../../shared/api.ts';
import type { Catalogue } from './catalogue.ts';
import { CatalogueError } from './catalogueError.ts';

export interface Platform {
  transport: 'electron' | 'browser';
  version: string;
  /** A native folder picker; absent in browser mode. */
  chooseFolders?: () => Promise<string[] | null>;
}

type Handlers = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> | ApiResults[M] };

export function createApiHandler(catalogue: Catalogue, platform: Platform) {
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
    getPhoto: ({ id }) => catalogue.getPhoto(id),
    updatePhotos: ({ ids, patch }) => ({ photos: catalogue.updatePhotos(ids, patch) }),
    startIngest: ({ paths }) => catalogue.startIngest(paths),
    ingestProgress: () => catalogue.ingestProgress(),
    cancelIngest: () => catalogue.cancelIngest(),
    creditList: ({ ids, format }) => ({ text: catalogue.creditList(ids, format) }),
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
