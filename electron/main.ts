// Electron's main process, kept thin: it opens a catalogue (the one named, else the one open
// last, else the person's default) in a host that "Open catalogue…" can point at another
// (catalogueHost.ts), shows the renderer in a hardened window and carries API calls over one IPC
// channel into the same handler the CLI and browser mode use. The security decisions themselves live in windowOptions.ts (tested without Electron).
//
// The renderer is served from dist/renderer through the privileged fototar-app:// scheme and the
// catalogue's thumbnails through fototar-image://; nothing else is reachable from the page.
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type Session,
  type WebContents,
} from 'electron';
import { CatalogueHost } from './catalogueHost.ts';
import { namedLocation } from './catalogue/catalogueLocation.ts';
import { defaultCacheDirectory } from './preferences/cacheDirectory.ts';
import { PreferenceStore } from './preferences/userPreferences.ts';
import { RecentCatalogues } from './preferences/recentCatalogues.ts';
import { SavedPasswords, type PasswordCipher } from './preferences/savedPasswords.ts';
import { APP_VERSION } from './appVersion.ts';
import { APP_SCHEME, IMAGE_SCHEME, contentSecurityPolicy } from '../shared/contentSecurityPolicy.ts';
import type { ApiEnvelope } from '../shared/api.ts';
import { EVENTS_CHANNEL } from '../shared/events.ts';
import {
  API_CHANNEL,
  APP_ENTRY_URL,
  APP_HOST,
  BLOCKED_REQUEST_PATTERNS,
  catalogueArgument,
  contentTypeFor,
  isAllowedNavigation,
  isTrustedSender,
  parseImageUrl,
  resolveInside,
  secureWebPreferences,
} from './windowOptions.ts';
import { containedRealFile } from './paths/isInside.ts';
import { errorMessage } from '../shared/errorMessage.ts';
import { englishMessage } from '../shared/errorMessages.ts';
import { catalogueMessage } from './catalogueMessage.ts';
import { pickUiLanguage, type UiLanguage } from '../shared/uiLanguage.ts';
import { menuLabels, menuTemplate, type MenuLabels } from './menuLabels.ts';

const isDevelopment = !app.isPackaged;

// Must happen before `ready`: both schemes behave like https (standard URLs, a secure context),
// so the renderer gets a real origin and module scripts load.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  { scheme: IMAGE_SCHEME, privileges: { standard: true, secure: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let host: CatalogueHost | null = null;
let preferenceStore: PreferenceStore | null = null;
let systemLanguages: string[] = [];

if (!app.requestSingleInstanceLock()) {
  // Another Fototar already runs on this profile: it gets focused (see 'second-instance').
  app.quit();
} else {
  app.on('second-instance', () => focusWindow());
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && host && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    void host?.close();
    host = null;
  });
  app.whenReady().then(start).catch((error: unknown) => fail(error));
}

/**
 * The OS keychain through Electron's safeStorage, for team catalogues' passwords. On Linux
 * without a keyring safeStorage falls back to a fixed key ("basic_text"): that is no keychain,
 * so nothing is remembered there.
 */
const keychain: PasswordCipher = {
  available: () => safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (text) => safeStorage.encryptString(text),
  decrypt: (data) => safeStorage.decryptString(data),
};

async function start(): Promise<void> {
  hardenSession(session.defaultSession);

  const userData = app.getPath('userData');
  preferenceStore = new PreferenceStore(userData);
  const recent = new RecentCatalogues(userData);
  // A folder, or a team catalogue on PostgreSQL (postgres://…), opened under the archivist's name:
  // the one named on the command line; else the one open last time (when it cannot be opened now,
  // the default folder opens and the window says why); else the default folder.
  const named = catalogueArgument(process.argv) ?? (process.env.FOTOTAR_CATALOGUE || null);
  const fallback = path.join(userData, 'catalogue');
  const wanted = named ? namedLocation(named) : (recent.read()[0] ?? fallback);
  // The UI (and the menu) follow the system's language until the person chooses one.
  systemLanguages = [app.getLocale(), ...app.getPreferredSystemLanguages()];
  try {
    host = await CatalogueHost.open(
      wanted,
      named ? null : fallback,
      {
        transport: 'electron',
        version: APP_VERSION,
        chooseFolders,
        chooseCatalogueFolder,
        preferences: preferenceStore,
        systemLanguages,
        // The language switch in the window changes the menu's language too.
        onPreferencesChanged: () => Menu.setApplicationMenu(buildMenu()),
      },
      {
        options: { purpose: 'app', chosenArchivist: preferenceStore.read().archivist, cacheDir: defaultCacheDirectory(), configDir: userData },
        recent,
        passwords: new SavedPasswords(userData, keychain),
        // Backups on open and every few hours; originals checked for missing files in the background.
        startDuties: (opened) => opened.startBackgroundDuties(),
      },
    );
  } catch (error) {
    fail(error, `Fototar cannot open the catalogue at ${wanted}`);
    return;
  }
  // Every change the catalogue reports (and writes by other processes it notices) goes to the window.
  host.events.on((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENTS_CHANNEL, event);
  });

  const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveApp(request, rendererDir));
  protocol.handle(IMAGE_SCHEME, (request) => serveImage(request));

  ipcMain.handle(API_CHANNEL, async (event, method: unknown, params: unknown, catalogue: unknown) => {
    if (!validateSender(event)) {
      return { ok: false, error: { code: 'forbidden', message: englishMessage('forbidden'), key: 'forbidden' } } satisfies ApiEnvelope<never>;
    }
    if (!host) return { ok: false, error: { code: 'internal', message: englishMessage('catalogueClosed'), key: 'catalogueClosed' } } satisfies ApiEnvelope<never>;
    return host.handle(method, params, typeof catalogue === 'string' ? catalogue : null);
  });

  Menu.setApplicationMenu(buildMenu());
  createWindow();
}

function fail(error: unknown, title = 'Fototar could not start'): void {
  const message = errorMessage(error);
  console.error(`${title}: ${message}`);
  try {
    dialog.showErrorBox(title, message);
  } finally {
    app.exit(1);
  }
}

// --- window -----------------------------------------------------------------------------------

function createWindow(): BrowserWindow {
  const preload = path.join(app.getAppPath(), 'dist-electron', 'preload.cjs');
  const win = new BrowserWindow({
    title: 'Fototar',
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    show: false,
    backgroundColor: '#16171a',
    webPreferences: secureWebPreferences(preload),
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Every webContents, ours or not: no webviews, no new windows, no navigation off the app. */
function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
}

/** No permissions, no devices, no network: the app needs none of them. */
function hardenSession(ses: Session): void {
  // Except writing to the clipboard: "Copy credit" is what authors come for.
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  ses.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: [...BLOCKED_REQUEST_PATTERNS] }, (_details, callback) => callback({ cancel: true }));
}

// --- IPC --------------------------------------------------------------------------------------

/** Only the main frame of our window, showing the app's own page, may call the API. */
function validateSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const win = mainWindow;
  if (!frame || !win || win.isDestroyed()) return false;
  const main = win.webContents.mainFrame;
  const isMainFrame =
    event.sender.id === win.webContents.id && frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isTrustedSender(frame.url, isMainFrame);
}

async function chooseFolders(): Promise<string[] | null> {
  const l = labels();
  const options: OpenDialogOptions = { title: l.chooseFoldersTitle, buttonLabel: l.chooseFoldersButton, properties: ['openDirectory', 'multiSelections'] };
  const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : result.filePaths;
}

/** Open catalogue… > Choose folder…: one folder, which may be made new in the picker. */
async function chooseCatalogueFolder(): Promise<string | null> {
  const l = labels();
  const options: OpenDialogOptions = { title: l.chooseCatalogueTitle, buttonLabel: l.chooseCatalogueButton, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
  const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

// --- protocols --------------------------------------------------------------------------------

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}

/** fototar-app://app/<path>: files of dist/renderer only; HTML gets the Content-Security-Policy. */
async function serveApp(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed.');
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return textResponse(404, 'Not found.');
  const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
  if (!file) {
    return url.pathname === '/index.html' || url.pathname === '/'
      ? textResponse(503, 'The user interface is not built: run "npm run build".')
      : textResponse(404, 'Not found.');
  }
  const headers: Record<string, string> = { 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache', ...SECURITY_HEADERS };
  if (path.extname(file).toLowerCase() === '.html') headers['Content-Security-Policy'] = contentSecurityPolicy([`${IMAGE_SCHEME}:`]);
  return new Response(new Uint8Array(await fs.promises.readFile(file)), { status: 200, headers });
}

/** fototar-image://<grid|preview|full>/<id>: only files the catalogue names (thumbnails inside its folder; for `full`, the photo's own original). */
async function serveImage(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed.');
  const image = parseImageUrl(request.url);
  const catalogue = host?.catalogue;
  if (!image || !catalogue) return textResponse(404, 'No such image.');
  let file: string | null = null;
  let type: string | null = null;
  try {
    if (image.size === 'full') {
      // The loupe's picture: the photo's original or its full-size render (fullImage.ts).
      const full = await catalogue.photos.fullImageFile(image.id, image.version);
      file = full ? containedRealFile(full.root, full.file) : null;
      type = full?.type ?? null;
    } else {
      // As shown: a rotated or flipped photo's turned copy (made on first request).
      const candidate = await catalogue.photos.shownImageFile(image.id, image.size, image.version);
      file = candidate ? containedRealFile(catalogue.paths.root, candidate) : null;
    }
  } catch (error) {
    console.error(error);
    return textResponse(500, 'Could not read the image.');
  }
  if (!file) return textResponse(404, 'No such image.');
  return new Response(new Uint8Array(await fs.promises.readFile(file)), {
    status: 200,
    headers: { 'Content-Type': type ?? contentTypeFor(file), 'Cache-Control': 'private, max-age=31536000, immutable', ...SECURITY_HEADERS, 'Cross-Origin-Resource-Policy': 'cross-origin' },
  });
}

// --- menu -------------------------------------------------------------------------------------

/** File > Add Folder…: the native picker, then the ingest; the window hears its progress as events. */
async function addFolderFromMenu(): Promise<void> {
  focusWindow();
  const handle = host?.handle;
  if (!handle) return;
  // Through the handler, so the folders the dialog answers are recorded as chosen.
  const chosen = await handle('chooseFolders', {});
  const paths = chosen.ok ? (chosen.value as { paths: string[] } | null)?.paths ?? [] : [];
  if (paths.length === 0) return;
  const envelope = await handle('startIngest', { paths });
  if (!envelope.ok) {
    const options = { type: 'error' as const, title: 'Fototar', message: labels().addFolderFailed, detail: catalogueMessage(uiLanguage(), envelope.error) };
    if (mainWindow) await dialog.showMessageBox(mainWindow, options);
    else await dialog.showMessageBox(options);
  }
}

/** The menu's (and the native dialogs') words in the UI language: the person's choice, else the system's. */
function labels(): MenuLabels {
  return menuLabels(preferenceStore?.read().language ?? null, systemLanguages);
}

function uiLanguage(): UiLanguage {
  return pickUiLanguage(preferenceStore?.read().language ?? null, systemLanguages);
}

function buildMenu(): Menu {
  return Menu.buildFromTemplate(
    menuTemplate(labels(), {
      isMac: process.platform === 'darwin',
      isDevelopment,
      onAddFolder: () => void addFolderFromMenu().catch((error: unknown) => console.error(error)),
      // The window shows "Open catalogue…" (recent catalogues, a folder, a team's address).
      onOpenCatalogue: () => {
        focusWindow();
        host?.emit({ type: 'openCatalogueAsked' });
      },
    }),
  );
}
