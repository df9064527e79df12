// The one API contract between the renderer and the catalogue. The preload (Electron) and the
// HTTP client (browser mode) are both derived from API_METHODS, and both sides validate
// parameters with the same zod schemas, so a method cannot be half-wired.
import { z } from 'zod';
import { API_METHODS, type ApiMethodName } from './apiMethods.ts';
import type { CatalogueInfo, IngestProgress, Photo, PhotoSummary, SearchResult } from './types.ts';

const photoId = z.number().int().positive();
const shortText = z.string().max(2000);
const longText = z.string().max(20000);

export const photoPatchSchema = z
  .object({
    title: shortText,
    caption: longText,
    date: z.string().max(100),
    donor: shortText,
    photographer: shortText,
    country: shortText,
    city: shortText,
    place: shortText,
    tags: z.array(z.string().max(200)).max(500),
    licence: shortText,
    source: shortText,
    notes: longText,
  })
  .partial()
  .strict();

export const apiSchemas = {
  info: z.object({}).strict(),
  listPhotos: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict(),
  search: z
    .object({ query: z.string().max(1000), offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) })
    .strict(),
  getPhoto: z.object({ id: photoId }).strict(),
  updatePhotos: z.object({ ids: z.array(photoId).min(1).max(100000), patch: photoPatchSchema }).strict(),
  startIngest: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }).strict(),
  ingestProgress: z.object({}).strict(),
  cancelIngest: z.object({}).strict(),
  creditList: z.object({ ids: z.array(photoId).min(1).max(100000), format: z.enum(['txt', 'md']) }).strict(),
  /** Asks the platform for folders to add; browser mode answers null (no native dialog). */
  chooseFolders: z.object({}).strict(),
} as const;

export type ApiMethod = keyof typeof apiSchemas;
export type ApiParams<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;

export interface ApiResults {
  info: CatalogueInfo;
  listPhotos: { total: number; photos: PhotoSummary[] };
  search: SearchResult;
  getPhoto: Photo;
  updatePhotos: { photos: Photo[] };
  startIngest: IngestProgress;
  ingestProgress: IngestProgress;
  cancelIngest: IngestProgress;
  creditList: { text: string };
  chooseFolders: { paths: string[] } | null;
}

// A compile error here means a method lacks a schema, a result type or a name in API_METHODS.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const contractIsComplete: Exact<keyof ApiResults, ApiMethod> & Exact<ApiMethodName, ApiMethod> = true;
void contractIsComplete;

export { API_METHODS };

export type FototarApi = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> };

/** Every answer crosses the process boundary in this envelope, so errors arrive as messages. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false, error: { code: string; message: string } };

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiSchemas, name);
}

/** Validates a call's parameters; the message says which field is wrong and how. */
export function validateParams<M extends ApiMethod>(method: M, params: unknown): ApiParams<M> {
  const result = apiSchemas[method].safeParse(params ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'parameters';
    throw new ApiValidationError(`${method}: ${where}: ${issue.message}`);
  }
  return result.data as ApiParams<M>;
}

export class ApiValidationError extends Error {
  readonly code = 'invalid-input';
}

/** Image sizes the catalogue serves: a grid thumbnail and a large preview. */
export type ImageSize = 'grid' | 'preview';

/** What the renderer gets from its transport: the API plus how to address images. */
export interface FototarBridge {
  api: FototarApi;
  imageUrl(id: number, size: ImageSize, version: string): string;
  /** Electron only: the file system path of a dropped File (a DOM object, hence unknown here). */
  pathForFile?: (file: unknown) => string;
}
