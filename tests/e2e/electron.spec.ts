// The Electron app end to end: launched on a fresh catalogue, the hardened window shows the
// renderer from fototar-app://, exposes only window.fototarBridge (no require, no process),
// adds a folder through the (stubbed) native folder picker and shows the thumbnails served by
// fototar-image://. Needs the Electron binary; skipped where it was not downloaded.
import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Electron executable, or null: require('electron') throws, or names a missing file, without it. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const electronBinaryAvailable = binary !== null;

test.skip(!electronBinaryAvailable, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): Electron end-to-end tests need it');
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication | null = null;
let page: Page;
let photos: string;
let catalogueDir: string;
const pageErrors: string[] = [];

test.beforeAll(async () => {
  for (const built of ['dist-electron/main.mjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run "npm run build" first.`);
  }
  const dir = await tempDir('fototar-electron-e2e-');
  photos = path.join(dir, 'scans');
  catalogueDir = path.join(dir, 'catalogue');
  await writeFixture(photos, 'fortepan_54176.jpg', makeJpeg({ width: 300, height: 200, colour: '#6b5840', xmp: { description: 'Villamos az Üllői úton' } }));
  await writeFixture(photos, 'sub/fortepan_7416.jpg', makeJpeg({ width: 200, height: 300, colour: '#445566' }));

  // As root (containers, CI) Chromium refuses to start with its OS sandbox; the renderer stays
  // a sandboxed renderer either way (no Node in the page or the preload).
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await electron.launch({
    executablePath: binary!,
    args: [...rootArgs, ROOT, '--catalogue', catalogueDir],
    cwd: ROOT,
    env: { ...process.env, FOTOTAR_CATALOGUE: '' },
  });
  page = await app.firstWindow();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
});

test('the window shows the app from fototar-app:// with the catalogue named in its title', async () => {
  expect(page.url()).toBe('fototar-app://app/index.html');
  await expect(page).toHaveTitle(/Fototar/);
  await expect(page).toHaveTitle(/catalogue/);
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

test('the page has window.fototarBridge and no Node: require and process are undefined', async () => {
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { fototarBridge?: Record<string, unknown> & { api?: Record<string, unknown> } };
    return {
      bridge: typeof w.fototarBridge,
      bridgeKeys: Object.keys(w.fototarBridge ?? {}).sort(),
      info: typeof w.fototarBridge?.api?.info,
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      Buffer: typeof w.Buffer,
      electron: typeof w.electron,
      ipcRenderer: typeof w.ipcRenderer,
    };
  });
  expect(globals).toEqual({
    bridge: 'object',
    bridgeKeys: ['api', 'imageUrl', 'pathForFile'],
    info: 'function',
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    electron: 'undefined',
    ipcRenderer: 'undefined',
  });
  const info = await page.evaluate(() => (window as unknown as { fototarBridge: { api: { info(p: object): Promise<{ transport: string; directory: string }> } } }).fototarBridge.api.info({}));
  expect(info.transport).toBe('electron');
  expect(info.directory).toBe(catalogueDir);
});

test('the main process has one window on the app and handles both schemes', async () => {
  const state = await app!.evaluate(({ BrowserWindow, protocol }) => ({
    windows: BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
    app: protocol.isProtocolHandled('fototar-app'),
    image: protocol.isProtocolHandled('fototar-image'),
    file: protocol.isProtocolHandled('fototar-other'),
  }));
  expect(state).toEqual({ windows: ['fototar-app://app/index.html'], app: true, image: true, file: false });
});

test('add a folder through the native picker; thumbnails load from fototar-image://', async () => {
  await app!.evaluate(({ dialog }, folder) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog;
  }, photos);
  await page.getByTestId('add-folder').click();
  const cells = page.getByTestId('grid-cell');
  await expect(cells).toHaveCount(2, { timeout: 60_000 });
  await expect
    .poll(() => page.locator('[data-testid="grid-cell"] img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length))
    .toBe(2);
  const src = await page.locator('[data-testid="grid-cell"] img').first().getAttribute('src');
  expect(src).toMatch(/^fototar-image:\/\/grid\/\d+\?v=/);
});

test('the page cannot leave the app, open windows or reach the network', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app!.windows()).toHaveLength(1);
  const fetched = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'refused'));
  expect(fetched).toBe('refused');
  const outside = await page.evaluate(() => fetch('fototar-app://app/../../package.json').then((r) => r.status, () => 0));
  expect([0, 404]).toContain(outside);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('fototar-app://app/index.html');
  expect(pageErrors.filter((e) => !/example\.com|Content Security Policy|ERR_BLOCKED|net::/i.test(e))).toEqual([]);
});
