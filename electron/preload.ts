// The preload: the renderer's only way into the main process. It runs sandboxed and isolated,
// and exposes exactly one object, `window.fototarBridge`: the typed API (every call travels
// over the single `fototar:api` channel), catalogue events (pushed by the main process on
// `fototar:events`, checked before the page sees them), image URLs and, for drag and drop, a
// dropped file's path. ipcRenderer itself is never handed to the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi } from '../shared/apiClient.ts';
import type { ApiEnvelope, FototarBridge, ImageSize } from '../shared/api.ts';
import { IMAGE_SCHEME } from '../shared/contentSecurityPolicy.ts';
import { EVENTS_CHANNEL, isCatalogueEvent, type CatalogueEvent } from '../shared/events.ts';

// The same channel as API_CHANNEL in windowOptions.ts (not imported: that module uses node:fs,
// which a sandboxed preload cannot load; a unit test keeps the two equal).
const API_CHANNEL = 'fototar:api';

const listeners = new Set<(event: CatalogueEvent) => void>();
ipcRenderer.on(EVENTS_CHANNEL, (_event, payload: unknown) => {
  // Only the main process sends to a renderer; still, anything malformed is dropped here.
  if (!isCatalogueEvent(payload)) return;
  for (const listener of listeners) listener(payload);
});

const bridge: FototarBridge = {
  api: createApi((method, params, catalogue) => ipcRenderer.invoke(API_CHANNEL, method, params, catalogue) as Promise<ApiEnvelope<unknown>>),
  imageUrl: (id: number, size: ImageSize, version: string) => `${IMAGE_SCHEME}://${size}/${id}?v=${encodeURIComponent(version)}`,
  pathForFile: (file: unknown) => webUtils.getPathForFile(file as File),
  subscribe: (listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('fototarBridge', bridge);
