// Reads the Electron entry points as text and checks the security-relevant wiring that a
// refactor could quietly drop, then checks the bundled preload loads nothing but `electron`.
import { builtinModules } from 'node:module';
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { mainOptions, preloadOptions } from '../../../scripts/build-electron.ts';
import { API_CHANNEL } from '../../../electron/windowOptions.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
/** Source without comments, so a mention in a comment cannot satisfy (or fail) a check. */
const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const main = code('electron/main.ts');
const preload = code('electron/preload.ts');

/** The text of a call starting at `start`, up to its balanced closing parenthesis. */
function callText(source: string, start: number): string {
  const open = source.indexOf('(', start);
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error('unbalanced call');
}

function requiredModules(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))].sort();
}

describe('electron/main.ts', () => {
  test('creates its window with secureWebPreferences and nothing that weakens it', () => {
    assert.match(main, /new BrowserWindow\(\{[\s\S]*?webPreferences:\s*secureWebPreferences\(/);
    assert.equal((main.match(/new BrowserWindow\(/g) ?? []).length, 1, 'one window');
    for (const weak of [/nodeIntegration:\s*true/, /contextIsolation:\s*false/, /sandbox:\s*false/, /webSecurity:\s*false/, /allowRunningInsecureContent:\s*true/, /webviewTag:\s*true/]) {
      assert.doesNotMatch(main, weak);
    }
  });

  test('denies new windows and guards navigation for every webContents', () => {
    assert.match(main, /setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\)/);
    assert.doesNotMatch(main, /action:\s*'allow'/);
    assert.match(main, /app\.on\('web-contents-created',[^\n]*guardWebContents/);
    for (const event of ['will-navigate', 'will-redirect']) {
      const at = main.indexOf(`contents.on('${event}'`);
      assert.ok(at >= 0, `${event} is handled`);
      assert.match(callText(main, at), /isAllowedNavigation\([^)]*\)\)\s*event\.preventDefault\(\)/, `${event} prevents what is not the app`);
    }
    assert.match(main, /contents\.on\('will-attach-webview',\s*\(event\)\s*=>\s*event\.preventDefault\(\)\)/);
  });

  test('denies permissions (except writing a credit to the clipboard) and cancels remote requests', () => {
    assert.match(main, /setPermissionRequestHandler\(\(_contents, permission, callback\)\s*=>\s*callback\(permission === 'clipboard-sanitized-write'\)\)/);
    assert.match(main, /setPermissionCheckHandler\(\(_contents, permission\)\s*=>\s*permission === 'clipboard-sanitized-write'\)/);
    assert.match(main, /setDevicePermissionHandler\(\(\)\s*=>\s*false\)/);
    assert.match(main, /onBeforeRequest\([\s\S]*?callback\(\{\s*cancel:\s*true\s*\}\)/);
  });

  test('has one IPC channel, and its handler validates the sender before calling the API', () => {
    assert.equal((main.match(/ipcMain\.handle\(/g) ?? []).length, 1);
    assert.doesNotMatch(main, /ipcMain\.on\(|ipcMain\.once\(|handleOnce\(/);
    const handler = callText(main, main.indexOf('ipcMain.handle('));
    assert.match(handler, /^ipcMain\.handle\(API_CHANNEL,/);
    const check = handler.indexOf('validateSender(event)');
    const call = handler.indexOf('handle(method, params)');
    assert.ok(check > 0, 'validateSender(event) is called');
    assert.ok(call > check, 'the API is called after validateSender');
    assert.match(handler.slice(check - 10, call), /if \(!validateSender\(event\)\)\s*\{?\s*return/);
    const validate = main.slice(main.indexOf('function validateSender('));
    assert.match(validate.slice(0, validate.indexOf('\n}')), /isTrustedSender\(frame\.url,/);
  });

  test('serves the renderer and images only through protocol.handle, never file://', () => {
    assert.match(main, /protocol\.handle\(APP_SCHEME,/);
    assert.match(main, /protocol\.handle\(IMAGE_SCHEME,/);
    assert.match(main, /resolveInside\(rendererDir,/);
    assert.match(main, /catalogue\.imageFile\(/);
    assert.doesNotMatch(main, /loadFile\(|file:\/\/|registerFileProtocol|bypassCSP:\s*true/);
    assert.match(main, /loadURL\(APP_ENTRY_URL\)/);
  });

  test('developer tools only in development', () => {
    // The menu is built in menuLabels.ts (its words in the UI language) from main's isDevelopment.
    assert.match(code('electron/menuLabels.ts'), /isDevelopment\s*\?\s*\(\[\{ role: 'reload', label: l\.reload \}, \{ role: 'toggleDevTools', label: l\.toggleDevTools \}/);
    assert.match(main, /menuTemplate\([\s\S]*?\bisDevelopment,/);
    assert.match(main, /const isDevelopment = !app\.isPackaged/);
    assert.doesNotMatch(main, /openDevTools\(/);
  });
});

describe('electron/preload.ts', () => {
  test('exposes one object, fototarBridge, through contextBridge', () => {
    assert.equal((preload.match(/exposeInMainWorld\(/g) ?? []).length, 1);
    assert.match(preload, /contextBridge\.exposeInMainWorld\('fototarBridge',\s*bridge\)/);
  });

  test('never exposes ipcRenderer itself', () => {
    assert.match(preload, /^import \{[^}]*\bipcRenderer\b[^}]*\} from 'electron';$/m);
    const body = preload.replace(/^import\s[^;]*;$/gm, '');
    assert.doesNotMatch(body, /exposeInMainWorld\([^)]*ipcRenderer/);
    assert.doesNotMatch(body, /ipcRenderer\s*[,}\]]/, 'ipcRenderer is not put into an object or array');
    assert.doesNotMatch(body, /[:=(]\s*ipcRenderer\b(?!\.)/, 'ipcRenderer is not a value');
    assert.doesNotMatch(body, /ipcRenderer\.(send|once|sendSync|postMessage|addListener)\b/);
    const uses = [...body.matchAll(/\bipcRenderer\b(\.\w+)?/g)].map((m) => m[0]);
    // Calls go out on the API channel; catalogue events come in on the events channel only,
    // each checked (isCatalogueEvent) before a page listener sees it.
    assert.deepEqual(uses.sort(), ['ipcRenderer.invoke', 'ipcRenderer.on'], 'outside its import, ipcRenderer appears only as invoke and one on');
    assert.match(body, /ipcRenderer\.invoke\(API_CHANNEL, method, params\)/);
    assert.match(body, /ipcRenderer\.on\(EVENTS_CHANNEL, \(_event, payload: unknown\) => \{\s*if \(!isCatalogueEvent\(payload\)\) return;/);
  });

  test('uses the channel the main process handles', () => {
    const channel = /const API_CHANNEL = '([^']+)'/.exec(preload)?.[1];
    assert.equal(channel, API_CHANNEL);
  });

  test('only main.ts and preload.ts import electron (a type-only import, erased from the build, aside)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else if (/\.[cm]?tsx?$/.test(entry.name) && /^\s*(?:import(?!\s+type\s)|export)\b[^;]*?from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m.test(read(rel))) offenders.push(rel);
      }
    };
    walk('electron');
    walk('shared');
    assert.deepEqual(offenders.sort(), [path.join('electron', 'main.ts'), path.join('electron', 'preload.ts')].sort());
  });
});

describe('bundles', () => {
  test('the bundled preload requires nothing but electron', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-preload-'));
    try {
      const outfile = path.join(out, 'preload.cjs');
      await esbuild.build({ ...preloadOptions(outfile), sourcemap: false, logLevel: 'silent' });
      const bundle = fs.readFileSync(outfile, 'utf8');
      assert.deepEqual(requiredModules(bundle), ['electron']);
      assert.doesNotMatch(bundle, /\bimport\s*\(|^\s*import\s/m, 'a single CommonJS file, no module loads');
      // The same holds for the copy `npm run build` made, if there is one.
      const built = path.join(ROOT, 'dist-electron', 'preload.cjs');
      if (fs.existsSync(built)) assert.deepEqual(requiredModules(fs.readFileSync(built, 'utf8')), ['electron']);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('the bundled main process imports only Node built-ins, electron and sharp', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-main-'));
    try {
      await esbuild.build({ ...mainOptions(out), sourcemap: false, logLevel: 'silent' });
      for (const file of ['main.mjs', 'ingestWorker.mjs']) {
        const bundle = fs.readFileSync(path.join(out, file), 'utf8');
        const imported = [...bundle.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2]);
        // Node's built-ins, with or without the node: prefix (bundled CommonJS code such as ExcelJS's names them bare).
        const builtIn = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
        const foreign = imported.filter((name) => !builtIn(name) && name !== 'electron' && name !== 'sharp');
        assert.deepEqual(foreign, [], `${file} imports ${foreign.join(', ')}`);
        assert.deepEqual(requiredModules(bundle).filter((name) => !builtIn(name) && !['electron', 'sharp'].includes(name)), [], `${file} requires only built-ins`);
      }
      assert.match(fs.readFileSync(path.join(out, 'main.mjs'), 'utf8'), /from "electron"/);
      assert.doesNotMatch(fs.readFileSync(path.join(out, 'main.mjs'), 'utf8'), /from "sharp"/, 'sharp is only loaded by the worker');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
