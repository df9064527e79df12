// Picks the transport once. In Electron the preload exposes `window.fototarBridge` through
// contextBridge; in a browser the catalogue's HTTP server answers <app>/api/<method> and
// <app>/images/... and pushes catalogue events as Server-Sent Events on <app>/events. Nothing
// else in the renderer knows which.
import type { ApiEnvelope, FototarBridge, ImageSize } from '../../../shared/api.ts';
import { ApiError, CATALOGUE_CHANGED, CATALOGUE_HEADER, createApi } from '../../../shared/apiClient.ts';
import { API_METHODS } from '../../../shared/apiMethods.ts';
import { isCatalogueEvent, type CatalogueEvent } from '../../../shared/events.ts';
import { i18n } from '../i18n/i18n.ts';

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

/** The absolute URL of a browser-mode route, e.g. `appUrl('events')` for the EventSource. */
export function appUrl(route: string): string {
  return new URL(route, appBase).href;
}

async function postJson(method: string, params: unknown, catalogue: string | null): Promise<ApiEnvelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(appUrl(`api/${method}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(catalogue === null ? {} : { [CATALOGUE_HEADER]: encodeURIComponent(catalogue) }) },
      body: JSON.stringify(params ?? {}),
    });
  } catch (error) {
    return { ok: false, error: { code: 'network', message: i18n.t('serverSilent', { reason: String(error) }) } };
  }
  try {
    return (await response.json()) as ApiEnvelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'http', message: i18n.t('serverAnswered', { status: response.status, statusText: response.statusText }) } };
  }
}

/**
 * One EventSource for the page, opened with the first subscriber. The URL is relative, resolved
 * against the page like every other address the server hands out. After a dropped connection
 * the browser reconnects by itself; events sent meanwhile are lost, so a reconnect tells every
 * subscriber that anything may have changed. (Progress of long work is caught up by its panel:
 * common/useCatchUpWhenQuiet.ts.)
 */
function serverEvents(): FototarBridge['subscribe'] {
  const listeners = new Set<(event: CatalogueEvent) => void>();
  let source: EventSource | null = null;
  // Whether events may have been missed: after any drop, and before the first open when the
  // first try failed (the page's own first reads may predate what happened meanwhile).
  let missed = false;
  const deliver = (event: CatalogueEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const open = () => {
    source = new EventSource(appUrl('events'));
    source.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (isCatalogueEvent(data)) deliver(data);
    };
    source.onerror = () => {
      missed = true;
    };
    source.onopen = () => {
      if (missed) {
        deliver({ type: 'photosChanged', ids: 'all' });
        deliver({ type: 'collectionsChanged' });
        deliver({ type: 'historyChanged' });
      }
      missed = false;
    };
  };
  return (listener) => {
    listeners.add(listener);
    if (!source) open();
    return () => void listeners.delete(listener);
  };
}

function httpBridge(): FototarBridge {
  return {
    api: createApi((method, params, catalogue) => postJson(method, params, catalogue)),
    imageUrl: (id: number, size: ImageSize, version: string) => appUrl(`images/${size}/${id}?v=${encodeURIComponent(version)}`),
    subscribe: serverEvents(),
  };
}

export const bridge: FototarBridge = window.fototarBridge ?? httpBridge();

/**
 * The API as the panels call it: a call meant for a catalogue another window has since put away
 * (Open catalogue…) loads this window afresh on the catalogue open now, and is not retried.
 */
export const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (params: unknown) => {
      try {
        return await (bridge.api[method] as (p: unknown) => Promise<unknown>)(params);
      } catch (error) {
        if (error instanceof ApiError && error.code === CATALOGUE_CHANGED) window.location.reload();
        throw error;
      }
    },
  ]),
) as FototarBridge['api'];
