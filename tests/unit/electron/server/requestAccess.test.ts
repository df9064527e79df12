// Browser mode against a hostile page or local program: it listens on loopback only, serves
// nothing outside its /<token>/ prefix, refuses foreign Host (DNS rebinding) and Origin headers, answers
// no CORS preflight, and serves no file outside the UI and the catalogue's thumbnails, however
// the path is encoded, including through a symbolic link planted in the thumbnail cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import type { Catalogue } from '../../../../electron/catalogue/catalogue.ts';
import { thumbnailPath } from '../../../../electron/catalogue/cataloguePaths.ts';
import type { RunningServer } from '../../../../electron/server.ts';
import type { RawRequestOptions } from '../../../support/rawHttp.ts';
import { serveTestCatalogue, type ServedTestCatalogue } from '../../../support/servedCatalogue.ts';

let served: ServedTestCatalogue;
let catalogue: Catalogue;
let server: RunningServer;
let ids: number[];

before(async () => {
  served = await serveTestCatalogue({
    colours: ['#111111', '#222222'],
    // Someone with write access to the catalogue folder swaps a thumbnail for a link to a secret.
    async beforeServe({ catalogue: opened, secret }) {
      const second = (await opened.photos.ids())[1];
      const thumb = thumbnailPath(opened.paths, (await opened.photos.get(second)).hash, 'grid');
      await fs.rm(thumb);
      await fs.symlink(secret, thumb);
    },
  });
  ({ catalogue, server } = served);
  ids = await catalogue.photos.ids();
});
after(() => served.close());

const request = (pathname: string, options?: RawRequestOptions) => served.request(pathname, options);
const app = (route: string) => served.app(route);
const apiHeaders = (extra: Record<string, string | undefined> = {}) => ({ 'content-type': 'application/json', ...extra });

test('listens on 127.0.0.1 only: not on ::1, not on the machine\'s other addresses', async () => {
  const reachable = (host: string) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port: server.port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
  assert.equal(await reachable('127.0.0.1'), true);
  const others = Object.values(os.networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a!.address);
  for (const host of ['::1', ...others]) assert.equal(await reachable(host), false, host);
});

test('every request needs the token prefix: page, assets, images and API; no cookie or header stands in for it', async () => {
  for (const route of ['', 'index.html', 'assets/app.js', `images/grid/${ids[0]}`, `images/preview/${ids[0]}`, `assets/app.js?token=${server.token}`]) {
    assert.equal((await request(`/${route}`)).status, 404, route);
    assert.equal((await request(`/${route}`, { headers: { cookie: `fototar_token=${server.token}`, 'x-fototar-token': server.token } })).status, 404, route);
    assert.equal((await request(`/wrong-token-wrong-token/${route}`)).status, 404, route);
    assert.equal((await request(app(route))).status, 200, route);
  }
  const api = (pathname: string, headers: Record<string, string | undefined>) => request(pathname, { method: 'POST', headers, body: '{}' });
  assert.equal((await api('/api/info', apiHeaders({ 'x-fototar-token': server.token }))).status, 404, 'the old header is no way in');
  assert.equal((await api(`/${server.token}x/api/info`, apiHeaders())).status, 404);
  assert.equal((await api(app('api/info'), apiHeaders({ 'content-type': 'text/plain' }))).status, 415, 'a simple cross-site form post is not JSON');
  assert.equal((await request(app('api/info'))).status, 404, 'the API is POST only');
  assert.equal((await api(app('api/info'), apiHeaders())).status, 200);
});

test('foreign, missing and look-alike Host headers are refused (DNS rebinding)', async () => {
  for (const host of [`evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `[::1]:${server.port}`, undefined]) {
    const res = await request(app('api/info'), { method: 'POST', headers: apiHeaders({ host }), body: '{}' });
    // Without any Host header Node's HTTP parser already answers 400.
    assert.equal(res.status, host === undefined ? 400 : 421, String(host));
  }
  assert.equal((await request(app('api/info'), { method: 'POST', headers: apiHeaders({ host: `localhost:${server.port}` }), body: '{}' })).status, 200);
});

test('foreign and opaque Origins are refused; no CORS preflight is answered', async () => {
  for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port}.evil.example`, `http://127.0.0.1:${server.port + 1}`, 'file://']) {
    const res = await request(app('api/info'), { method: 'POST', headers: apiHeaders({ origin }), body: '{}' });
    assert.equal(res.status, 403, origin);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  }
  const preflight = await request(app('api/updatePhotos'), {
    method: 'OPTIONS',
    headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  assert.ok(preflight.status >= 400, `preflight status ${preflight.status}`);
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  assert.equal(preflight.headers['access-control-allow-headers'], undefined);
  const page = await request(app(''));
  assert.equal(page.headers['x-frame-options'], 'DENY');
  assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
});

test('no path leaves the UI folder or the thumbnail cache, however it is encoded', async () => {
  for (const evil of [
    '..%2fsecret.txt', '%2e%2e%2fsecret.txt', '%252e%252e/secret.txt', 'assets/..%5c..%5csecret.txt', 'assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/etc/passwd', '%2fetc%2fpasswd', 'assets/app.js%00.png', '%', 'images/grid/1/../../../secret.txt', 'images/grid/-1', 'images/original/1',
  ]) {
    const res = await request(app(evil));
    assert.notEqual(res.status, 200, evil);
    assert.ok(!res.body.includes('SECRET') && !res.body.includes('root:'), evil);
  }
  assert.equal((await request(app('%'))).status, 400, 'a malformed escape is a bad request, not a server error');
  assert.equal((await request(app('assets/app.js%00'))).status, 400);
  assert.equal((await request(app(`images/grid/${ids[0]}`))).status, 200);
  const planted = await request(app(`images/grid/${ids[1]}`));
  assert.equal(planted.status, 404, 'a thumbnail that is a link out of the catalogue is not followed');
  assert.ok(!planted.body.includes('SECRET'));
});

test('malformed percent-encoding anywhere in the address is a one-line 400, never a 500', async () => {
  for (const pathname of [app('api/%E0%A4%A'), '/api/%E0%A4%A', app(`images/grid/${ids[0]}?v=%E0%A4%A`), `/%E0%A4%A/`, app('assets/%ZZ.js'), `/${server.token}%/`]) {
    const res = await request(pathname, pathname.includes('api/') ? { method: 'POST', headers: apiHeaders(), body: '{}' } : {});
    assert.equal(res.status, 400, pathname);
    assert.equal(res.body, 'Malformed percent-encoding in the address.', pathname);
  }
});
