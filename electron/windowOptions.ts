// The Electron window's security decisions, kept free of any `electron` import so that plain
// Node unit tests can check every one of them: the webPreferences, which URLs the window may
// navigate to, which frames may call the API, and how custom-scheme requests map to files.
import path from 'node:path';
import type { ImageSize } from '../shared/api.ts';
import { APP_SCHEME, IMAGE_SCHEME } from '../shared/contentSecurityPolicy.ts';
import { containedRealFile } from './paths/isInside.ts';

/** The host of the app scheme: the renderer lives at fototar-app://app/index.html. */
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The one IPC channel; every API call goes through it. */
export const API_CHANNEL = 'fototar:api';

/**
 * The renderer's webPreferences: isolated, sandboxed, no Node, no webviews, no remote or
 * insecure content. The preload (a single CommonJS file) is the only bridge to the main process.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  } as const;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs of the app itself (fototar-app://app/...); everything else stays out. */
export function isAllowedNavigation(url: string): boolean {
  if (typeof url !== 'string' || !url.startsWith(`${APP_ORIGIN}/`)) return false;
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** An IPC sender is trusted only when it is the main frame showing the app's own page. */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame === true && typeof frameUrl === 'string' && isAllowedNavigation(frameUrl);
}

/** Requests the session cancels outright: the app never loads anything from the network. */
export const BLOCKED_REQUEST_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] as const;

export function isRemoteUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && ['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol);
}

/**
 * Maps a URL path (as requested, possibly percent-encoded) onto a file inside `root`, or null.
 * Refuses `..` segments (also encoded), absolute paths, NUL bytes, anything that is not an
 * existing regular file, and files whose real path (after following symbolic links) leaves
 * the real root.
 */
export function resolveInside(root: string, requestPath: string): string | null {
  if (typeof requestPath !== 'string') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // A URL path starts with one slash; what follows must be relative.
  const relative = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  if (relative === '' || path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const segments = relative.split(/[\\/]+/);
  if (segments.some((segment) => segment === '..')) return null;
  return containedRealFile(root, path.join(root, ...segments));
}

/** Reads `fototar-image://<grid|preview|full>/<id>?v=...`; anything else is null. */
export function parseImageUrl(url: string): { size: ImageSize; id: number; version?: string } | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== `${IMAGE_SCHEME}:`) return null;
  if (parsed.host !== 'grid' && parsed.host !== 'preview' && parsed.host !== 'full') return null;
  const match = /^\/(\d{1,12})$/.exec(parsed.pathname);
  if (!match) return null;
  const id = Number(match[1]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  // `v`: the picture's version the window asks for (photosService.ts isVersion).
  const version = parsed.searchParams.get('v');
  return version ? { size: parsed.host, id, version } : { size: parsed.host, id };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export function contentTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Reads `--catalogue <dir>` or `--catalogue=<dir>` from a command line. */
export function catalogueArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--catalogue') {
      const value = argv[i + 1];
      if (value && !value.startsWith('--')) return value;
    } else if (arg.startsWith('--catalogue=')) {
      const value = arg.slice('--catalogue='.length);
      if (value) return value;
    }
  }
  return null;
}
