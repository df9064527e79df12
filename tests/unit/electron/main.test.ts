// Starts the bundled main process (dist-electron/main.mjs, built here into a temp folder) in
// plain Node against a fake `electron` module, then drives what it registered: the two
// protocol handlers, the IPC handler, the window and the session hooks. This checks main.ts's
// wiring at run time on machines without the Electron binary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { mainOptions } from '../../../scripts/build-electron.ts';
import { Catalogue } from '../../../electron/catalogue/catalogue.ts';
import { makeJpeg, tempDir, writeFixture } from '../../support/fixtures.ts';
import { app as fakeApp, BrowserWindow, FakeEvent, FakeWebContents, fakeState, recorded } from '../../support/fakeElectron.ts';

const FAKE_ELECTRON = new URL('../../support/fakeElectron.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: FAKE_ELECTRON, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

let dir: string;
let catalogueDir: string;
let win: BrowserWindow;

before(async () => {
  dir = await tempDir('fototar-main-');
  const appPath = path.join(dir, 'app');
  const renderer = path.join(appPath, 'dist', 'renderer');
  await writeFixture(renderer, 'index.html', Promise.resolve(Buffer.from('<!doctype html><html><head><title>Fototar</title></head><body></body></html>')));
  await writeFixture(renderer, 'assets/app.js', Promise.resolve(Buffer.from('console.log(1)')));
  const secret = await writeFixture(dir, 'secret.txt', Promise.resolve(Buffer.from('SECRET')));
  await fs.symlink(secret, path.join(renderer, 'assets', 'link.js'));

  // A catalogue with one photo, made by the CLI's code path before the main process opens it.
  catalogueDir = path.join(dir, 'cat');
  await writeFixture(dir, 'photos/fortepan_1.jpg', makeJpeg());
  const seed = Catalogue.open(catalogueDir, { create: true });
  await seed.ingest.run([path.join(dir, 'photos')]);
  seed.close();

  const outDir = path.join(dir, 'dist-electron');
  await esbuild.build({ ...mainOptions(outDir), logLevel: 'silent' });
  fakeState.appPath = appPath;
  fakeState.userData = path.join(dir, 'userData');
  // A Hungarian system: the menu starts in Hungarian (nothing chosen in the window yet).
  fakeState.locale = 'hu-HU';
  process.env.FOTOTAR_CATALOGUE = catalogueDir;
  await import(pathToFileURL(path.join(outDir, 'main.mjs')).href);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(recorded.errorBoxes, [], 'the main process started without an error');
  win = BrowserWindow.all[0];
});

after(async () => {
  delete process.env.FOTOTAR_CATALOGUE;
  (await import(FAKE_ELECTRON)).app.emit('will-quit');
});

const app = (pathname: string, init?: RequestInit) => recorded.protocolHandlers.get('fototar-app')!(new Request(`fototar-app://app${pathname}`, init));
const image = (url: string) => recorded.protocolHandlers.get('fototar-image')!(new Request(url));
const ipc = (frame: Record<string, unknown> | null, senderId: number, method: unknown, params: unknown) =>
  recorded.ipcHandlers.get('fototar:api')!({ sender: { id: senderId }, senderFrame: frame }, method, params) as Promise<{ ok: boolean; value?: any; error?: { code: string } }>;

test('registers both schemes as privileged, standard and secure, and enables the sandbox', () => {
  const schemes = Object.fromEntries(recorded.privilegedSchemes.map((s) => [s.scheme, s.privileges]));
  assert.equal(schemes['fototar-app']?.standard, true);
  assert.equal(schemes['fototar-app']?.secure, true);
  assert.equal(schemes['fototar-image']?.standard, true);
  assert.equal(schemes['fototar-app']?.bypassCSP, undefined);
  assert.equal(recorded.sandboxEnabled, true);
});

test('opens one hardened window on the app URL', () => {
  assert.equal(BrowserWindow.all.length, 1);
  const prefs = win.options.webPreferences;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.preload, path.join(fakeState.appPath, 'dist-electron', 'preload.cjs'));
  assert.equal(win.loadedUrl, 'fototar-app://app/index.html');
});

test('web contents may not open windows, navigate away or attach webviews', () => {
  const contents = win.webContents;
  assert.deepEqual(contents.windowOpenHandler?.({ url: 'https://example.com/' }), { action: 'deny' });
  for (const name of ['will-navigate', 'will-redirect']) {
    const away = new FakeEvent('https://example.com/');
    contents.emit(name, away);
    assert.equal(away.defaultPrevented, true, `${name} to the web`);
    const file = new FakeEvent('file:///etc/passwd');
    contents.emit(name, file);
    assert.equal(file.defaultPrevented, true, `${name} to a file`);
    const inside = new FakeEvent('fototar-app://app/index.html');
    contents.emit(name, inside);
    assert.equal(inside.defaultPrevented, false, `${name} inside the app`);
  }
  const webview = new FakeEvent();
  contents.emit('will-attach-webview', webview);
  assert.equal(webview.defaultPrevented, true);
});

test('every web contents, not only the window\'s, is guarded', () => {
  const other = new FakeWebContents();
  fakeApp.emit('web-contents-created', new FakeEvent(), other);
  assert.deepEqual(other.windowOpenHandler?.({ url: 'fototar-app://app/index.html' }), { action: 'deny' });
  const away = new FakeEvent('https://example.com/');
  other.emit('will-navigate', away);
  assert.equal(away.defaultPrevented, true);
  const webview = new FakeEvent();
  other.emit('will-attach-webview', webview);
  assert.equal(webview.defaultPrevented, true);
});

test('the session grants only writing a credit to the clipboard, and no devices', () => {
  const answers: Record<string, boolean> = {};
  for (const permission of ['clipboard-sanitized-write', 'clipboard-read', 'media', 'geolocation', 'notifications']) {
    recorded.permissionRequestHandler!(win.webContents, permission, (g) => (answers[permission] = g), {});
    assert.equal(recorded.permissionCheckHandler!(win.webContents, permission, 'fototar-app://app', {}), permission === 'clipboard-sanitized-write', permission);
  }
  assert.deepEqual(answers, { 'clipboard-sanitized-write': true, 'clipboard-read': false, media: false, geolocation: false, notifications: false });
  assert.equal(recorded.devicePermissionHandler!({ deviceType: 'usb' }), false);
});

test('the session denies every permission and cancels network requests', () => {
  let granted: boolean | null = null;
  recorded.permissionRequestHandler!(win.webContents, 'media', (g) => (granted = g), {});
  assert.equal(granted, false);
  assert.equal(recorded.permissionCheckHandler!(win.webContents, 'clipboard-read', 'fototar-app://app', {}), false);
  assert.deepEqual([...recorded.beforeRequest!.filter.urls].sort(), ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
  let response: { cancel?: boolean } | null = null;
  recorded.beforeRequest!.listener({ url: 'https://example.com/' }, (r) => (response = r));
  assert.deepEqual(response, { cancel: true });
});

test('fototar-app:// serves the renderer with the Content-Security-Policy', async () => {
  const page = await app('/index.html');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /img-src [^;]*fototar-image:/);
  assert.match(await page.text(), /<title>Fototar<\/title>/);
  const script = await app('/assets/app.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
  assert.equal(script.headers.get('content-security-policy'), null);
  assert.equal(script.headers.get('x-content-type-options'), 'nosniff');
});

test('fototar-app:// serves nothing outside dist/renderer', async () => {
  for (const pathname of ['/assets/link.js', '/%2e%2e/%2e%2e/%2e%2e/secret.txt', '/..%2f..%2f..%2fsecret.txt', '/missing.js', '/assets']) {
    assert.equal((await app(pathname)).status, 404, pathname);
  }
  const other = await recorded.protocolHandlers.get('fototar-app')!(new Request('fototar-app://evil/index.html'));
  assert.equal(other.status, 404);
  assert.equal((await app('/index.html', { method: 'POST', body: 'x' })).status, 405);
});

test('fototar-image:// serves catalogue thumbnails by id and size only, of the version asked for', async () => {
  const photo = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'getPhoto', { id: 1 });
  const grid = await image(`fototar-image://grid/1?v=${encodeURIComponent(photo.value.thumbVersion)}`);
  assert.equal(grid.status, 200);
  assert.equal(grid.headers.get('content-type'), 'image/jpeg');
  const bytes = new Uint8Array(await grid.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xd8]);
  assert.equal((await image('fototar-image://preview/1')).status, 200);
  for (const url of ['fototar-image://grid/1?v=another-version', 'fototar-image://full/1?v=another-version', 'fototar-image://grid/999', 'fototar-image://original/1', 'fototar-image://grid/abc', 'fototar-image://grid/%2e%2e%2fsecret.txt']) {
    assert.equal((await image(url)).status, 404, url);
  }
});

test('the IPC handler answers the main frame of the window', async () => {
  const envelope = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'info', {});
  assert.equal(envelope.ok, true);
  assert.equal(envelope.value.transport, 'electron');
  assert.equal(envelope.value.photos, 1);
  assert.equal(envelope.value.directory, path.resolve(catalogueDir));
  const invalid = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'getPhoto', { id: -1 });
  assert.equal(invalid.ok, false);
  assert.equal(invalid.error?.code, 'invalid-input');
});

test('the IPC handler refuses subframes, foreign pages, other senders and missing frames', async () => {
  const main = win.webContents.mainFrame;
  const cases: [string, Record<string, unknown> | null, number][] = [
    ['subframe', { ...main, parent: main, routingId: main.routingId + 100 }, win.webContents.id],
    ['foreign page', { ...main, url: 'https://example.com/' }, win.webContents.id],
    ['file page', { ...main, url: 'file:///tmp/x.html' }, win.webContents.id],
    ['other webContents', { ...main }, win.webContents.id + 1000],
    ['no frame', null, win.webContents.id],
  ];
  for (const [name, frame, senderId] of cases) {
    const envelope = await ipc(frame, senderId, 'info', {});
    assert.equal(envelope.ok, false, name);
    assert.equal(envelope.error?.code, 'forbidden', name);
  }
});

test('chooseFolders goes through the native dialog', async () => {
  recorded.openDialogResult = { canceled: false, filePaths: ['/photos/a', '/photos/b'] };
  const chosen = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'chooseFolders', {});
  assert.deepEqual(chosen, { ok: true, value: { paths: ['/photos/a', '/photos/b'] } });
  // What the dialog answered is chosen for this session: the ingest may read it.
  const ingest = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'startIngest', { paths: ['/photos/a'] });
  assert.notEqual(ingest.error?.code, 'not-chosen');
  const unchosen = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'startIngest', { paths: ['/photos/c'] });
  assert.equal(unchosen.error?.code, 'not-chosen');
  recorded.openDialogResult = { canceled: true, filePaths: [] };
  const cancelled = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'chooseFolders', {});
  assert.deepEqual(cancelled, { ok: true, value: { paths: [] } });
});

test('uses one IPC channel; the menu speaks the system\'s language, then the one chosen in the window', async () => {
  assert.deepEqual([...recorded.ipcHandlers.keys()], ['fototar:api']);
  assert.deepEqual(recorded.ipcListeners, []);
  const menu = () => JSON.stringify(recorded.menu?.template);
  assert.match(menu(), /"label":"Fájl"/);
  assert.match(menu(), /Mappa hozzáadása…/);
  assert.match(menu(), /"role":"undo","label":"Visszavonás"/);
  assert.doesNotMatch(menu(), /Add Folder|"Edit"|"Undo"/);

  // The language switch in the window saves the choice; the menu is rebuilt in that language.
  const chosen = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'setPreferences', { language: 'en' });
  assert.equal(chosen.ok, true);
  assert.match(menu(), /"label":"File"/);
  assert.match(menu(), /Add Folder…/);
  assert.match(menu(), /"role":"undo","label":"Undo"/);
  assert.match(menu(), /"role":"copy","label":"Copy"/);
  assert.doesNotMatch(menu(), /Fájl|Visszavonás/);
  await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'setPreferences', { language: 'hu' });
  assert.match(menu(), /"label":"Fájl"/);
});

test('developer tools are in the menu of an unpackaged (development) app', () => {
  // The packaged case (app.isPackaged) is held by a lint rule: eslint/electronHardening.js.
  assert.equal(fakeApp.isPackaged, false);
  // The View menu, in whichever language the menu speaks now.
  const view = recorded.menu?.template.find((item) => item.submenu?.some?.((sub: { role?: string }) => sub.role === 'resetZoom'));
  assert.ok(view.submenu.some((item: { role?: string }) => item.role === 'toggleDevTools'));
});

test('File > Open Catalogue… asks the window for its dialog; another folder opens in place, the window told to load afresh', async () => {
  type Item = { accelerator?: string; click?: () => void };
  const item = recorded.menu?.template.flatMap((menu: { submenu?: Item[] }) => menu.submenu ?? []).find((sub: Item) => sub.accelerator === 'CmdOrCtrl+Shift+O');
  win.webContents.sent.length = 0;
  item?.click?.();
  assert.deepEqual(win.webContents.sent, [['fototar:events', { type: 'openCatalogueAsked' }]]);

  // The ingest an earlier test started ends first (while it runs, another catalogue waits).
  const running = async () => ['scanning', 'running'].includes((await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'ingestProgress', {})).value.state);
  while (await running()) await new Promise((resolve) => setTimeout(resolve, 20));
  const other = path.join(dir, 'masik-katalogus');
  const opened = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'openCatalogue', { location: other });
  assert.deepEqual(opened, { ok: true, value: { location: other, changed: true } });
  assert.ok(win.webContents.sent.some(([, event]) => JSON.stringify(event) === JSON.stringify({ type: 'catalogueOpened', location: other })));
  const info = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'info', {});
  assert.equal(info.value.directory, other);
  assert.equal(info.value.photos, 0);
  // The next start opens it again (recent list in userData), and the first is offered back.
  const recent = JSON.parse(await fs.readFile(path.join(fakeState.userData, 'recent-catalogues.json'), 'utf8'));
  assert.deepEqual(recent, [other, path.resolve(catalogueDir)]);
  const back = await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'openCatalogue', { location: catalogueDir });
  assert.equal(back.value.changed, true);
  assert.equal((await ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'info', {})).value.photos, 1);
});

test('a team password is offered to be remembered only where safeStorage has a real keychain (not Linux\'s basic_text)', async () => {
  const choices = () => ipc({ ...win.webContents.mainFrame }, win.webContents.id, 'catalogueChoices', {});
  fakeState.storageBackend = 'basic_text';
  assert.equal((await choices()).value.canRememberPassword, false);
  fakeState.storageBackend = 'gnome_libsecret';
  assert.equal((await choices()).value.canRememberPassword, true);
  fakeState.storageBackend = 'basic_text';
});
