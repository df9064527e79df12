// Builds a typed FototarApi from one function that carries a call across a boundary
// (ipcRenderer.invoke in the preload, fetch in browser mode). Every method comes from
// API_METHODS, so a transport cannot forget one.
import { API_METHODS } from './apiMethods.ts';
import type { ApiEnvelope, ApiErrorBody, ApiMethod, FototarApi } from './api.ts';
import { isErrorKey, isErrorParams, type ErrorKey, type ErrorParams } from './errorMessages.ts';

/**
 * Carries one call; `catalogue` is the catalogue the window loaded (info's `directory`), null
 * before it knows: the host refuses a call meant for a catalogue that is no longer the open one
 * ("Open catalogue…" in another window), so it can never land on another catalogue's photo of
 * the same number.
 */
export type Invoker = (method: ApiMethod, params: unknown, catalogue: string | null) => Promise<ApiEnvelope<unknown>>;

/** The HTTP header browser mode carries `catalogue` in (percent-encoded: an address or a path may hold any character). */
export const CATALOGUE_HEADER = 'x-fototar-catalogue';

/** The error code of a call meant for a catalogue another window has since closed: the window loads afresh. */
export const CATALOGUE_CHANGED = 'catalogue-changed';

/**
 * An error the catalogue reported; `message` is meant for people (in English), and `key` with
 * `params`, when the catalogue sent them, say it in the UI's language (renderer/src/common/errorText.ts).
 */
export class ApiError extends Error {
  readonly code: string;
  readonly key?: ErrorKey;
  readonly params?: ErrorParams;
  constructor(code: string, message: string, key?: ErrorKey, params?: ErrorParams) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.key = key;
    this.params = params;
  }

  /** From an envelope's error; a key this build does not know, or malformed params, are dropped (the message stays). */
  static from(body: ApiErrorBody): ApiError {
    const params = body.params ?? {};
    const known = isErrorKey(body.key) && isErrorParams(params);
    return known ? new ApiError(String(body.code), String(body.message), body.key, params) : new ApiError(String(body.code), String(body.message));
  }
}

export function createApi(invoke: Invoker): FototarApi {
  const api: Partial<Record<ApiMethod, (params: unknown) => Promise<unknown>>> = {};
  // The catalogue this window shows, as the first answer of `info` named it.
  let catalogue: string | null = null;
  for (const method of API_METHODS) {
    api[method] = async (params: unknown) => {
      const envelope = await invoke(method, params ?? {}, catalogue);
      if (envelope.ok) {
        const directory = method === 'info' ? (envelope.value as { directory?: unknown }).directory : undefined;
        if (catalogue === null && typeof directory === 'string') catalogue = directory;
        return envelope.value;
      }
      throw ApiError.from(envelope.error);
    };
  }
  return api as FototarApi;
}
