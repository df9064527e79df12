// Browser mode's one gate: whether a request may reach the app at all, and which route it asks for.
//
// The per-launch token is a capability carried in the URL path: the app lives at
// http://127.0.0.1:<port>/<token>/ and every route hangs under that prefix. No cookie is ever set,
// because cookies are scoped to the host, not the port, and would be sent to every other server
// on 127.0.0.1. The page reaches its routes by relative URLs, and `Referrer-Policy: no-referrer`
// keeps the path out of any request it makes elsewhere.
import crypto from 'node:crypto';
import type http from 'node:http';

export type Access =
  /** `route`: the path after `/<token>/`, still percent-encoded (e.g. `api/info`, `images/grid/7`, ``). */
  | { kind: 'allowed'; route: string; search: string }
  /** `/<token>` without its slash: the page's relative URLs need it, so send the browser there. */
  | { kind: 'redirect'; location: string }
  | { kind: 'refused'; status: number; message: string };

/** Outside the prefix every answer is this one, so nothing tells a prober what is there. */
export const NOT_FOUND: Access = { kind: 'refused', status: 404, message: 'Not found.' };

export function createRequestGate(token: string, port: () => number) {
  const tokenBytes = Buffer.from(token);
  const tokenMatches = (candidate: string) => {
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && crypto.timingSafeEqual(bytes, tokenBytes);
  };

  /** Host (DNS rebinding), Origin (other sites), well-formed URL, then the token prefix. */
  return function authorise(req: http.IncomingMessage): Access {
    const allowedHosts = [`127.0.0.1:${port()}`, `localhost:${port()}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return { kind: 'refused', status: 421, message: 'Unknown Host header: browser mode answers only 127.0.0.1.' };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return { kind: 'refused', status: 403, message: 'Requests from other origins are refused.' };
    }
    const raw = req.url ?? '/';
    try {
      decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400, message: 'Malformed percent-encoding in the address.' };
    }
    if (!raw.startsWith('/')) return NOT_FOUND;
    const queryAt = raw.indexOf('?');
    const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const search = queryAt === -1 ? '' : raw.slice(queryAt);
    const slash = pathname.indexOf('/', 1);
    const first = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
    if (!tokenMatches(first)) return NOT_FOUND;
    if (slash === -1) return { kind: 'redirect', location: `/${token}/${search}` };
    return { kind: 'allowed', route: pathname.slice(slash + 1), search };
  };
}
