import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Catalogue } from '../../../electron/catalogue/catalogue.ts';
import { startServer, type RunningServer } from '../../../electron/server.ts';
import { makeJpeg, tempDir, writeFixture } from '../../helpers/fixtures.ts';
import { rawRequest, type RawRequestOptions } from '../../helpers/rawHttp.ts';

let catalogue: Catalogue;
let server: RunningServer;
let secretOutside: string;

before(async () => {
  const dir = await tempDir();
  const renderer = path.join(dir, 'renderer');
  await writeFixture(renderer, 'index.html', Promise.resolve(Buffer.from('<!doctype html><html><head><title>t</title></head><body></body></html>')));
  await writeFixture(renderer, 'assets/app.js', Promise.resolve(Buffer.from('console.log(1)')));
  secretOutside = await writeFixture(dir, 'secret.txt', Promise.resolve(Buffer.from('SECRET')));
  await fs.symlink(secretOutside, path.join(renderer, 'assets', 'link.js'));
  await writeFixture(dir, 'photos/fortepan_1.jpg', makeJpeg());
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest([path.join(dir, 'photos')]);
  server = await startServer(catalogue, { rendererDir: renderer });
});
after(async () => {
  await server.close();
  catalogue.close();
});

/** Raw HTTP so tests control Host and Origin headers exactly. */
const request = (pathname: string, options: RawRequestOptions = {}) => rawRequest(server.port, pathname, options);

const cookie = () => `fototar_token=${server.token}`;
const api = (method: string, params: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-fototar-token': server.token, ...headers }, body: JSON.stringify(params) });

test('listens on 127.0.0.1 only', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
});

test('the printed address sets a strict HttpOnly cookie; without the token nothing is served', async () => {
  const first = await request(`/?token=${server.token}`);
  assert.equal(first.status, 303);
  assert.match(String(first.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
  assert.equal((await request('/')).status, 403);
  assert.equal((await request('/?token=wrong')).status, 403);
  const page = await request('/', { headers: { cookie: cookie() } });
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  assert.ok(page.body.includes(`<meta name="fototar-token" content="${server.token}">`));
});

test('API calls need the token header, not just the cookie (no cross-site requests)', async () => {
  const noToken = await request('/api/info', { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookie() }, body: '{}' });
  assert.equal(noToken.status, 403);
  const ok = await api('info', {});
  assert.equal(JSON.parse(ok.body).value.photos, 1);
});

test('foreign Host (DNS rebinding) and foreign Origin are refused; no CORS headers', async () => {
  assert.equal((await api('info', {}, { host: `evil.example:${server.port}` })).status, 421);
  assert.equal((await api('info', {}, { origin: 'http://evil.example' })).status, 403);
  const same = await api('info', {}, { origin: server.origin });
  assert.equal(same.status, 200);
  assert.equal(same.headers['access-control-allow-origin'], undefined);
});

test('parameters are validated and errors come back as messages', async () => {
  const bad = JSON.parse((await api('getPhoto', { id: 'x' })).body);
  assert.equal(bad.ok, false);
  assert.match(bad.error.message, /getPhoto: id/);
  const unknown = JSON.parse((await api('deleteEverything', {})).body);
  assert.match(unknown.error.message, /Unknown API method/);
  const missing = JSON.parse((await api('getPhoto', { id: 999 })).body);
  assert.equal(missing.error.code, 'not-found');
  const extra = JSON.parse((await api('listPhotos', { offset: 0, limit: 10, sql: 'DROP' })).body);
  assert.equal(extra.ok, false);
});

test('only files of the open catalogue and the UI are served: no traversal, no symlinks out', async () => {
  const headers = { cookie: cookie() };
  assert.equal((await request('/assets/app.js', { headers })).status, 200);
  for (const evil of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', `/${encodeURIComponent(secretOutside)}`, '/assets/link.js', '/images/grid/../../secret.txt']) {
    const res = await request(evil, { headers });
    assert.notEqual(res.status, 200, evil);
    assert.ok(!res.body.includes('SECRET'), evil);
  }
  const [photo] = catalogue.listPhotos(0, 1).photos;
  const image = await request(`/images/grid/${photo.id}`, { headers });
  assert.equal(image.status, 200);
  assert.equal(image.headers['content-type'], 'image/jpeg');
  assert.equal((await request(`/images/grid/${photo.id}`)).status, 403);
});
