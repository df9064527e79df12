// Browser mode: the same API contract over HTTP, for machines without the Electron binary.
// Bound to 127.0.0.1 only. The app lives at http://127.0.0.1:<port>/<token>/: the per-launch
// token is a capability in the URL path (no cookie, which every other port on 127.0.0.1 would
// receive), checked by one gate (server/requestAccess.ts) before the one route table below.
// Foreign Host headers (DNS rebinding) and foreign Origins are refused; no CORS.
import { englishMessage } from '../shared/errorMessages.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { OpenCatalogue } from './catalogue/openCatalogue.ts';
import { CatalogueHost } from './catalogueHost.ts';
import { CATALOGUE_HEADER } from '../shared/apiClient.ts';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy.ts';
import { APP_VERSION } from './appVersion.ts';
import { containedRealFile } from './paths/isInside.ts';
import { createRequestGate } from './server/requestAccess.ts';
import { BodyTooLarge, readBody } from './server/requestBody.ts';
import { serveEvents } from './serverEvents.ts';

export interface ServerOptions {
  port?: number;
  token?: string;
  rendererDir?: string;
}

export interface RunningServer {
  /** The address to open: `http://127.0.0.1:<port>/<token>/`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** What a route handler gets: the request, the response, and its route's match. */
export interface RouteRequest {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  match: RegExpExecArray;
}

/**
 * One line per route, all under the `/<token>/` prefix (the gate has already checked the token,
 * Host and Origin). `path` matches the rest of the path, still percent-encoded; GET routes also
 * answer HEAD. First match wins.
 */
export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  handle(request: RouteRequest): void | Promise<void>;
}

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../dist/renderer/', import.meta.url));
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Serves `served`: a host (catalogueHost.ts: "Open catalogue…" may put another catalogue in its
 * place) or one catalogue, served as it is.
 */
export async function startServer(served: OpenCatalogue | CatalogueHost, options: ServerOptions = {}): Promise<RunningServer> {
  const host = served instanceof CatalogueHost ? served : new CatalogueHost(served, { transport: 'browser', version: APP_VERSION });
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('The browser-mode token must be at least 16 URL-safe characters.');
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  let port = 0;
  const authorise = createRequestGate(token, () => port);

  const routes: Route[] = [
    { method: 'POST', path: /^api\/([^/]{1,100})$/, handle: ({ req, res, match }) => answerApi(req, res, decodeURIComponent(match[1]), host.handle) },
    {
      method: 'GET',
      path: /^images\/(grid|preview)\/(\d{1,12})$/,
      handle: async ({ req, res, match }) => {
        // As shown: a rotated or flipped photo's turned copy (made on first request).
        const { catalogue } = host;
        const file = await catalogue.photos.shownImageFile(Number(match[2]), match[1] as 'grid' | 'preview', versionOf(req));
        if (!file) return deny(res, 404, 'No such image.');
        res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
        sendFile(res, file, catalogue.paths.root);
      },
    },
    {
      // The loupe's picture: the original of this photo (the catalogue names it; no path comes
      // from the request) or its full-size render in the catalogue's cache.
      method: 'GET',
      path: /^images\/full\/(\d{1,12})$/,
      handle: async ({ req, res, match }) => {
        const image = await host.catalogue.photos.fullImageFile(Number(match[1]), versionOf(req));
        if (!image) return deny(res, 404, 'No such image.');
        res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
        sendFile(res, image.file, image.root, image.type);
      },
    },
    { method: 'GET', path: /^(index\.html)?$/, handle: ({ res }) => sendIndex(res, rendererDir) },
    // The catalogue's events (shared/events.ts) as Server-Sent Events, for the renderer's panels.
    { method: 'GET', path: /^events$/, handle: ({ req, res }) => serveEvents(req, res, host.events) },
    // Add new routes above this one:
    // the built UI's files are the catch-all, so it stays last.
    {
      method: 'GET',
      path: /^.+$/,
      handle: ({ res, match }) => {
        const requested = decodeURIComponent(match[0]);
        // A NUL byte never names a file of ours (and would cut the path short in native code).
        if (requested.includes('\0')) return deny(res, 400, 'Malformed path.');
        res.setHeader('Cache-Control', 'private, max-age=3600');
        sendFile(res, path.resolve(rendererDir, `./${requested}`), rendererDir);
      },
    },
  ];

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- every error is caught inside and answered as a response
  const server = http.createServer(async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    try {
      const access = authorise(req);
      if (access.kind === 'refused') return deny(res, access.status, access.message);
      if (access.kind === 'redirect') {
        res.writeHead(308, { Location: access.location });
        return res.end();
      }
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const forPath = routes.filter((route) => route.path.test(access.route));
      const route = forPath.find((r) => r.method === method);
      if (!route) return forPath.length ? deny(res, 405, 'Method not allowed.') : deny(res, 404, 'Not found.');
      await route.handle({ req, res, match: route.path.exec(access.route)! });
    } catch (error) {
      if (res.headersSent) res.destroy();
      else if (error instanceof BodyTooLarge) sendJson(res, 413, { ok: false, error: { code: 'too-large', message: error.message, key: error.key, params: error.params } }, { Connection: 'close' });
      else {
        console.error(error);
        deny(res, 500, 'Internal error.');
      }
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/${token}/`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answerApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  method: string,
  handle: (method: unknown, params: unknown, catalogue: string | null) => Promise<unknown>,
): Promise<void> {
  // Only JSON: a cross-site form cannot send it without a CORS preflight, which is never answered.
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return deny(res, 415, 'API calls send JSON.');
  const body = await readBody(req, method);
  let params: unknown;
  try {
    params = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: englishMessage('bodyNotJson'), key: 'bodyNotJson' } });
  }
  sendJson(res, 200, await handle(method, params, catalogueOf(req)));
}

/** An image request's `v`: the version of the picture the window asks for (photosService.ts isVersion). */
function versionOf(req: http.IncomingMessage): string | undefined {
  return new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('v') || undefined;
}

/** The catalogue the calling window loaded (shared/apiClient.ts CATALOGUE_HEADER), or null. */
function catalogueOf(req: http.IncomingMessage): string | null {
  const header = req.headers[CATALOGUE_HEADER];
  if (typeof header !== 'string') return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

function deny(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
}

/** Serves a file only if it really lies inside `root` (after resolving symbolic links). */
function sendFile(res: http.ServerResponse, file: string, root: string, type?: string): void {
  const real = containedRealFile(root, file);
  if (!real) return deny(res, 404, 'Not found.');
  res.writeHead(200, { 'Content-Type': type ?? MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream' });
  fs.createReadStream(real).pipe(res);
}

function sendIndex(res: http.ServerResponse, rendererDir: string): void {
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) return deny(res, 503, 'The user interface is not built: run "npm run build".');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy() });
  res.end(fs.readFileSync(indexFile, 'utf8'));
}
