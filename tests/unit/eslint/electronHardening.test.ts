// The window's hardening rules (eslint/electronHardening.js), shown failing: the real main.ts
// and preload.ts lint clean, and each weakening a refactor could bring in, applied to their
// real text, is an error. Their behaviour is tested by running them against a fake electron
// (tests/unit/electron/main.test.ts and preload.test.ts).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });
const source = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

/** `text` with `from` replaced by `to`; fails the test if `from` is not in it (the source moved on). */
function mutate(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  assert.notEqual(changed, text, `the source no longer contains ${from}`);
  return changed;
}

async function assertRefused(file: string, from: string | RegExp, to: string, reason: RegExp) {
  const found = await errors(file, mutate(source(file), from, to));
  assert.ok(found.some((e) => e.startsWith('no-restricted-syntax') && reason.test(e)), `expected ${reason}, got ${JSON.stringify(found)}`);
}

const PREFS = 'webPreferences: secureWebPreferences(preload),';

describe('electron/main.ts', () => {
  test('lints clean as it is', async () => assert.deepEqual(await errors('electron/main.ts', source('electron/main.ts')), []));

  test('a window without secureWebPreferences, or with something spread over it, is refused', async () => {
    await assertRefused('electron/main.ts', PREFS, 'webPreferences: { preload },', /secureWebPreferences/);
    await assertRefused('electron/main.ts', PREFS, 'webPreferences: { ...secureWebPreferences(preload), devTools: true },', /secureWebPreferences/);
    await assertRefused('electron/main.ts', PREFS, '', /secureWebPreferences/);
  });

  for (const [key, value] of [
    ['nodeIntegration', 'true'],
    ['contextIsolation', 'false'],
    ['sandbox', 'false'],
    ['webSecurity', 'false'],
    ['allowRunningInsecureContent', 'true'],
    ['webviewTag', 'true'],
  ]) {
    test(`${key}: ${value} is refused`, async () => {
      await assertRefused('electron/main.ts', PREFS, `${PREFS} ${key}: ${value},`, new RegExp(`${key}: ${value}`));
    });
  }

  test('new windows stay denied', async () => {
    await assertRefused('electron/main.ts', "({ action: 'deny' })", "({ action: 'allow' })", /always denied/);
  });

  test('no file:// loading and no developer tools outside development', async () => {
    await assertRefused('electron/main.ts', 'void win.loadURL(APP_ENTRY_URL);', "void win.loadFile('index.html');", /protocol\.handle/);
    await assertRefused('electron/main.ts', 'void win.loadURL(APP_ENTRY_URL);', "void win.loadURL('file:///tmp/index.html');", /file:\/\//);
    await assertRefused('electron/main.ts', "win.once('ready-to-show', () => win.show());", "win.once('ready-to-show', () => win.webContents.openDevTools());", /developer tools/);
    await assertRefused('electron/menuLabels.ts', "{ role: 'resetZoom', label: l.resetZoom },", "{ role: 'resetZoom', label: l.resetZoom }, { role: 'toggleDevTools' },", /only when isDevelopment/);
    await assertRefused('electron/main.ts', 'const isDevelopment = !app.isPackaged;', 'const isDevelopment = true;', /exactly !app\.isPackaged/);
    await assertRefused('electron/main.ts', "{ scheme: APP_SCHEME, privileges: { standard: true", "{ scheme: APP_SCHEME, privileges: { bypassCSP: true, standard: true", /bypassCSP: true/);
  });

  test('IPC only through ipcMain.handle', async () => {
    await assertRefused('electron/main.ts', 'ipcMain.handle(API_CHANNEL,', "ipcMain.on('fototar:raw', () => undefined);\n  ipcMain.handle(API_CHANNEL,", /ipcMain\.handle/);
  });
});

describe('electron/preload.ts', () => {
  test('lints clean as it is', async () => assert.deepEqual(await errors('electron/preload.ts', source('electron/preload.ts')), []));

  test('ipcRenderer is never handed to the page', async () => {
    await assertRefused('electron/preload.ts', "contextBridge.exposeInMainWorld('fototarBridge', bridge);", "contextBridge.exposeInMainWorld('fototarBridge', bridge);\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);", /never handed/);
    await assertRefused('electron/preload.ts', 'subscribe: (listener) => {', 'ipc: { ipcRenderer },\n  subscribe: (listener) => {', /never handed/);
    await assertRefused('electron/preload.ts', 'subscribe: (listener) => {', 'raw: ipcRenderer,\n  subscribe: (listener) => {', /never handed/);
  });

  test('it only invokes and listens', async () => {
    await assertRefused('electron/preload.ts', 'subscribe: (listener) => {', "send: (m: string) => ipcRenderer.send('x', m),\n  subscribe: (listener) => {", /only invokes/);
  });
});
