// Picks the transport once. In Electron the preload exposes `window.fototarBridge` through
// contextBridge; in a browser the catalogue's HTTP server answers <app>/api/<method> and <app>/images/...
// Nothing else in the renderer knows which one it has.
import type { ApiEnvelope, FototarBridge, ImageSize } from '../../shared/api.ts';
import { createApi } from '../../shared/apiClient.ts';

declare global {
  interface Window {
    fototarBridge?: FototarBridge;
  }
}

/**
 * Browser mode serves the app at http://127.0.0.1:<port>/<token>/ and every route under that
 * prefix, so the token lives only in the page's own address: the renderer reaches the API, the
 * images and the event stream relative to it, and never stores or sends the token elsewhere.
 */
const appBase = new URL('./', window.location.href);

/** The absolute URL of a browser-mode route, e.g. `appUrl('events')` for an EventSource. */
export function appUrl(route: string): string {
  return new URL(route, appBase).href;
}

async function postJson(method: string, params: unknown): Promise<ApiEnvelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(appUrl(`api/${method}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
  return {
    api: createApi((method, params) => postJson(method, params)),
    imageUrl: (id: number, size: ImageSize, version: string) => appUrl(`images/${size}/${id}?v=${encodeURIComponent(version)}`),
  };
}

export const bridge: FototarBridge = window.fototarBridge ?? httpBridge();
export const api = bridge.api;
