// Calls the API handler as a renderer would and unwraps the envelope: the value, or a thrown
// Error carrying the envelope's code (so a test can assert.rejects on either).
import type { ApiEnvelope, ApiResults } from '../../shared/api.ts';
import type { createApiHandler } from '../../electron/catalogue/apiHandler.ts';

export type ApiCall = <M extends keyof ApiResults>(method: M, params: unknown) => Promise<ApiResults[M]>;

export function apiCaller(handle: () => ReturnType<typeof createApiHandler>): ApiCall {
  return async (method, params) => {
    const envelope = (await handle()(method, params)) as ApiEnvelope<ApiResults[typeof method]>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
}
