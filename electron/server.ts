// Browser mode: the same API contract over HTTP, for machines without the Electron binary.
// Bound to 127.0.0.1 only. Every request must carry the per-launch token (cookie for page
// loads and images, header for API calls, so another site cannot make a user's browser call
// the API); foreign Host headers (DNS rebinding) and foreign Origins are refused; no CORS.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Catalogue } from './catalogue/catalogue.ts';
import { createApiHandler } from './catalogue/apiHandler.ts';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy.ts';
import { APP_VERSION } from './appVersion.ts';
import { serveEvents } from './serverEvents.ts';

export interface ServerOptions {
  port?: number;
  token?: string;
  rendererDir?: string;
}

export interface RunningServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const COOKIE = 'fototar_token';
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

export async function startServer(catalogue: Catalogue, options: ServerOptions = {}): Promise<RunningServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const handle = createApiHandler(catalogue, { transport: 'browser', version: APP_VERSION });
  let port = 0;

  const tokenMatches = (candidate: string | undefined | null) => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && crypto.timingSafeEqual(bytes, tokenBytes);
  };

  const server = http.createServer(async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    try {
      const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      if (!allowedHosts.includes(req.headers.host ?? '')) return deny(res, 421, 'Unknown Host header: browser mode answers only 127.0.0.1.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
        return deny(res, 403, 'Requests from other origins are refused.');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const cookieToken = parseCookies(req.headers.cookie)[COOKIE];
      const headerToken = req.headers['x-fototar-token'];

      // The printed address carries the token once; it becomes a strict, HttpOnly cookie.
      if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
        if (!tokenMatches(url.searchParams.get('token'))) return deny(res, 403, 'Wrong token: open the address Fototar printed.');
        res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
        res.writeHead(303, { Location: '/' });
        return res.end();
      }

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return deny(res, 405, 'API calls are POST.');
        if (!tokenMatches(typeof headerToken === 'string' ? headerToken : null)) return deny(res, 403, 'Missing or wrong API token.');
        if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return deny(res, 415, 'API calls send JSON.');
        const body = await readBody(req);
        let params: unknown;
        try {
          params = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
        }
        const envelope = await handle(decodeURIComponent(url.pathname.slice('/api/'.length)), params);
        return sendJson(res, 200, envelope);
      }

      if (!tokenMatches(cookieToken) && !tokenMatches(typeof headerToken === 'string' ? headerToken : null)) {
        return deny(res, 403, 'This page needs the address with its token, as Fototar printed it.');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed.');
      if (url.pathname === '/events') return serveEvents(req, res, catalogue.events);

      const image = /^\/images\/(grid|preview)\/(\d{1,12})$/.exec(url.pathname);
      if (image) {
        const file = catalogue.imageFile(Number(image[2]), image[1] as 'grid' | 'preview');
        if (!file) return deny(res, 404, 'No such image.');
        res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
        return sendFile(res, file, catalogue.paths.root);
      }

      if (url.pathname === '/' || url.pathname === '/index.html') return sendIndex(res, rendererDir, token);
      let requested: string;
      try {
        requested = decodeURIComponent(url.pathname);
      } catch {
        return deny(res, 400, 'Malformed path.');
      }
      // A NUL byte never names a file of ours (and would cut the path short in native code).
      if (requested.includes('\0')) return deny(res, 400, 'Malformed path.');
      const asset = path.resolve(rendererDir, `.${requested}`);
      res.setHeader('Cache-Control', 'private, max-age=3600');
      return sendFile(res, asset, rendererDir);
    } catch (error) {
      if (!res.headersSent) deny(res, (error as { status?: number }).status ?? 500, (error as Error).message);
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
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

function deny(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) cookies[name] = rest.join('=');
  }
  return cookies;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('Request body too large.'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Serves a file only if it really lies inside `root` (after resolving symbolic links). */
function sendFile(res: http.ServerResponse, file: string, root: string): void {
  let real: string;
  let realRoot: string;
  try {
    real = fs.realpathSync(file);
    realRoot = fs.realpathSync(root);
  } catch {
    return deny(res, 404, 'Not found.');
  }
  if (!real.startsWith(realRoot + path.sep) || !fs.statSync(real).isFile()) return deny(res, 404, 'Not found.');
  res.writeHead(200, { 'Content-Type': MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream' });
  fs.createReadStream(real).pipe(res);
}

function sendIndex(res: http.ServerResponse, rendererDir: string, token: string): void {
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) return deny(res, 503, 'The user interface is not built: run "npm run build".');
  const html = fs
    .readFileSync(indexFile, 'utf8')
    .replace('<head>', `<head>\n    <meta name="fototar-token" content="${token}">`);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy() });
  res.end(html);
}
