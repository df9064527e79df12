import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue } from '../../../electron/catalogue/catalogue.ts';
import type { RunningServer } from '../../../electron/server.ts';
import type { RawRequestOptions } from '../../support/rawHttp.ts';
import { serveTestCatalogue, type ServedTestCatalogue } from '../../support/servedCatalogue.ts';

let served: ServedTestCatalogue;
let catalogue: Catalogue;
let server: RunningServer;
let secretOutside: string;

before(async () => {
  served = await serveTestCatalogue({
    // A link inside the UI folder to a file outside it must not be followed.
    beforeServe: ({ rendererDir, secret }) => fs.symlink(secret, path.join(rendererDir, 'assets', 'link.js')),
  });
  ({ catalogue, server, secret: secretOutside } = served);
});
after(() => served.close());

const request = (pathname: string, options?: RawRequestOptions) => served.request(pathname, options);
const app = (route: string) => served.app(route);
const api = (method: string, params: unknown, headers: Record<string, string> = {}) =>
  request(app(`api/${method}`), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(params) });

test('listens on 127.0.0.1 only, at the address with its token as the first path segment', () => {
  assert.equal(server.url, `http://127.0.0.1:${server.port}/${server.token}/`);
  assert.match(server.token, /^[A-Za-z0-9_-]{32}$/);
});

test('the app lives under /<token>/: no cookie is set; outside the prefix a plain 404 reveals nothing', async () => {
  const page = await request(app(''));
  assert.equal(page.status, 200);
  assert.equal(page.headers['set-cookie'], undefined);
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  assert.ok(!page.body.includes(server.token), 'the page does not repeat the token');
  assert.equal((await request(app('index.html'))).status, 200);
  const bare = await request(`/${server.token}`);
  assert.equal(bare.status, 308, 'without its slash the relative URLs would miss the prefix');
  assert.equal(bare.headers.location, `/${server.token}/`);
  for (const outside of ['/', '/index.html', `/?token=${server.token}`, '/assets/app.js', '/api/info', `/x${server.token}/`, `/${server.token.slice(0, -1)}/`, `/${server.token}x/`]) {
    const res = await request(outside);
    assert.equal(res.status, 404, outside);
    assert.equal(res.body, 'Not found.', outside);
    assert.equal(res.headers['set-cookie'], undefined);
  }
  const apiOutside = await request('/api/info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(apiOutside.status, 404);
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
  assert.equal((await request(app('assets/app.js'))).status, 200);
  for (const evil of ['../secret.txt', '%2e%2e/secret.txt', 'assets/%2e%2e/%2e%2e/secret.txt', `${encodeURIComponent(secretOutside)}`, 'assets/link.js', 'images/grid/../../secret.txt', '../../secret.txt']) {
    const res = await request(app(evil));
    assert.notEqual(res.status, 200, evil);
    assert.ok(!res.body.includes('SECRET'), evil);
  }
  const [photo] = (await catalogue.photos.list(0, 1)).photos;
  const image = await request(app(`images/grid/${photo.id}`));
  assert.equal(image.status, 200);
  assert.equal(image.headers['content-type'], 'image/jpeg');
  assert.equal((await request(`/images/grid/${photo.id}`)).status, 404);
});

test('a window showing another catalogue than the one served is answered "catalogue changed", and its image URLs of another version find nothing', async () => {
  const [photo] = (await catalogue.photos.list(0, 1)).photos;
  const ours = JSON.parse((await api('getPhoto', { id: photo.id }, { 'x-fototar-catalogue': encodeURIComponent(catalogue.location) })).body);
  assert.equal(ours.ok, true);
  const other = JSON.parse((await api('updatePhotos', { ids: [photo.id], patch: { title: 'Máshová szánt' } }, { 'x-fototar-catalogue': encodeURIComponent('/másik/katalógus') })).body);
  assert.equal(other.error.code, 'catalogue-changed');
  assert.notEqual((await catalogue.photos.get(photo.id))?.title, 'Máshová szánt');
  // The picture under its current version; another version's URL (cached a year by the browser) finds nothing.
  assert.equal((await request(app(`images/grid/${photo.id}?v=${encodeURIComponent(photo.thumbVersion)}`))).status, 200);
  assert.equal((await request(app(`images/grid/${photo.id}?v=abc123-old`))).status, 404);
  assert.equal((await request(app(`images/full/${photo.id}?v=abc123-old`))).status, 404);
});
