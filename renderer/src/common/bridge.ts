// Picks the transport once. In Electron the preload exposes `window.fototarBridge` through
// contextBridge; in a browser the catalogue's HTTP server answers /api/<method> and /images/...
// Nothing else in the renderer knows which one it has.
import type { ApiEnvelope, FototarBridge, ImageSize } from '../../../shared/api.ts';
import { createApi } from '../../../shared/apiClient.ts';

declare global {
  interface Window {
    fototarBridge?: FototarBridge;
  }
}

function readToken(): string {
  const meta = document.querySelector('meta[name="fototar-token"]');
  return meta?.getAttribute('content') ?? '';
}

async function postJson(method: string, params: unknown, token: string): Promise<ApiEnvelope<unknown>> {
  let response: Response;
  try {
    response = await fetch('/api/' + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fototar-token': token },
      body: JSON.stringify(params ?? {}),
    });
  } catch (error) {
    return { ok: false, error: { code: 'network', message: `The catalogue server did not answer (${String(error)})` } };
  }
  try {
    return (await response.json()) as ApiEnvelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'http', message: `The catalogue server answered ${response.status} ${response.statusText}` } };
  }
}

function httpBridge(): FototarBridge {
  const token = readToken();
  return {
    api: createApi((method, params) => postJson(method, params, token)),
    imageUrl: (id: number, size: ImageSize, version: string) => `/images/${size}/${id}?v=${encodeURIComponent(version)}`,
  };
}

export const bridge: FototarBridge = window.fototarBridge ?? httpBridge();
export const api = bridge.api;
