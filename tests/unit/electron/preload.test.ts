// Loads electron/preload.ts against a fake `electron` and checks what the page gets: one
// object, fototarBridge, whose API calls travel on the main process's channel, whose events
// come only from the events channel and only when well-formed, and which holds no ipcRenderer.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { registerHooks } from 'node:module';
import type { FototarBridge } from '../../../shared/api.ts';
import type { CatalogueEvent } from '../../../shared/events.ts';
import { EVENTS_CHANNEL } from '../../../shared/events.ts';
import { API_CHANNEL } from '../../../electron/windowOptions.ts';
import { ipcRenderer, preloadRecorded } from '../../support/fakeElectron.ts';

const FAKE_ELECTRON = new URL('../../support/fakeElectron.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: FAKE_ELECTRON, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

let bridge: FototarBridge;

before(async () => {
  await import('../../../electron/preload.ts');
  bridge = preloadRecorded.exposed[0]?.[1] as FototarBridge;
});

/** Every value reachable from `root` through own properties (functions included). */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) visit(descriptor.value);
    }
  };
  visit(root);
  return [...seen];
}

test('exposes exactly one object, fototarBridge', () => {
  assert.deepEqual(preloadRecorded.exposed.map(([key]) => key), ['fototarBridge']);
  assert.deepEqual(Object.keys(bridge).sort(), ['api', 'imageUrl', 'pathForFile', 'subscribe']);
});

test('holds no ipcRenderer, nor any of its methods', () => {
  const values = reachable(bridge);
  assert.ok(!values.includes(ipcRenderer), 'ipcRenderer is not reachable from the bridge');
  const methods = [ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.send, ipcRenderer.sendSync, ipcRenderer.postMessage, ipcRenderer.emit, ipcRenderer.once];
  assert.deepEqual(values.filter((v) => methods.includes(v as never)), []);
});

test('API calls go out on the channel the main process handles, and nothing else is sent', async () => {
  assert.equal(API_CHANNEL, 'fototar:api');
  const value = await bridge.api.getPhoto({ id: 7 });
  // The catalogue the window loaded goes with every call once `info` named it (none before).
  assert.deepEqual(preloadRecorded.invoked.at(-1), [API_CHANNEL, 'getPhoto', { id: 7 }, null]);
  assert.deepEqual(value, { echoed: ['getPhoto', { id: 7 }, null] });
  assert.deepEqual(preloadRecorded.otherCalls, []);
});

test('listens on the events channel only, and passes on only well-formed events', () => {
  assert.deepEqual([...ipcRenderer.listeners.keys()], [EVENTS_CHANNEL]);
  assert.equal(ipcRenderer.listeners.get(EVENTS_CHANNEL)?.length, 1);
  const heard: CatalogueEvent[] = [];
  const unsubscribe = bridge.subscribe((event) => heard.push(event));
  for (const malformed of [null, 'photosChanged', { type: 'nope' }, { type: 'photosChanged', ids: 'some' }, { type: 'exportProgress' }]) {
    ipcRenderer.emit(EVENTS_CHANNEL, {}, malformed);
  }
  assert.deepEqual(heard, [], 'malformed payloads are dropped');
  ipcRenderer.emit(EVENTS_CHANNEL, {}, { type: 'photosChanged', ids: [1, 2] });
  assert.deepEqual(heard, [{ type: 'photosChanged', ids: [1, 2] }]);
  unsubscribe();
  ipcRenderer.emit(EVENTS_CHANNEL, {}, { type: 'collectionsChanged' });
  assert.equal(heard.length, 1, 'an unsubscribed listener hears nothing');
});

test('image URLs use the image scheme; dropped files are resolved by webUtils', () => {
  assert.equal(bridge.imageUrl(3, 'grid', 'a b'), 'fototar-image://grid/3?v=a%20b');
  assert.equal(bridge.pathForFile!({ name: 'x.jpg' }), '/dropped/x.jpg');
});
