// Builds a typed FototarApi from one function that carries a call across a boundary
// (ipcRenderer.invoke in the preload, fetch in browser mode). Every method comes from
// API_METHODS, so a transport cannot forget one.
import { API_METHODS } from './apiMethods.ts';
import type { ApiEnvelope, ApiMethod, FototarApi } from './api.ts';

export type Invoker = (method: ApiMethod, params: unknown) => Promise<ApiEnvelope<unknown>>;

/** An error the catalogue reported; `message` is meant for people. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

export function createApi(invoke: Invoker): FototarApi {
  const api: Partial<Record<ApiMethod, (params: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    api[method] = async (params: unknown) => {
      const envelope = await invoke(method, params ?? {});
      if (envelope.ok) return envelope.value;
      throw new ApiError(envelope.error.code, envelope.error.message);
    };
  }
  return api as FototarApi;
}
