// Browser mode takes a request as large as the API contract allows, and refuses a larger one with
// a clear message (counted as it arrives, or at once from its declared length).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { Catalogue } from '../../../../electron/catalogue/catalogue.ts';
import { startServer, type RunningServer } from '../../../../electron/server.ts';
import { DEFAULT_BODY_LIMIT, bodyLimitFor } from '../../../../electron/server/requestBody.ts';
import { IMPORT_FILE_MAX_BYTES } from '../../../../shared/api.ts';
import { tempDir } from '../../../support/fixtures.ts';
import { rawRequest } from '../../../support/rawHttp.ts';

let catalogue: Catalogue;
let server: RunningServer;

before(async () => {
  const dir = await tempDir('fototar-body-');
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  server = await startServer(catalogue, { rendererDir: path.join(dir, 'no-renderer') });
});
after(async () => {
  await server.close();
  catalogue.close();
});

const apiPath = (method: string) => `/${server.token}/api/${method}`;

/** Streams `body` without a Content-Length (chunked), as a client that does not say may. */
function postChunked(pathname: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // The server may close while the rest is still on its way; the answer already arrived.
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.write(body);
    req.end();
  });
}

test('the limit follows the contract: the import may carry its 100 MB file as base64', () => {
  assert.ok(bodyLimitFor('importMetadata') >= (IMPORT_FILE_MAX_BYTES / 3) * 4);
  assert.equal(bodyLimitFor('info'), DEFAULT_BODY_LIMIT);
});

test('a CSV import of more than 4 MB is accepted (it used to be refused with 413)', async () => {
  // 400 lines with long captions (as a scanned archive's descriptions can be): about 6 MB.
  const caption = 'Villamos az Üllői úton, a Klinikák előtt. '.repeat(350);
  const text = ['fortepan_id,title,description', ...Array.from({ length: 400 }, (_, i) => `${i + 1},Kép ${i + 1},"${caption}"`)].join('\n');
  const body = JSON.stringify({ base64: Buffer.from(text).toString('base64'), name: 'big.csv', apply: false });
  assert.ok(Buffer.byteLength(body) > 4 * 1024 * 1024);
  const res = await rawRequest(server.port, apiPath('importMetadata'), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  assert.equal(res.status, 200, res.body.slice(0, 200));
  assert.equal(JSON.parse(res.body).ok, true);
});

test('a declared length above the import\'s maximum is refused at once with a clear message', async () => {
  const res = await rawRequest(server.port, apiPath('importMetadata'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(bodyLimitFor('importMetadata') + 1) },
    body: '{}',
  });
  assert.equal(res.status, 413);
  const envelope = JSON.parse(res.body);
  assert.equal(envelope.ok, false);
  assert.equal(envelope.error.message, 'The importMetadata request is larger than the API allows (a file of at most 100 MB); nothing was changed.');
});

test('a streamed body is counted as it arrives and refused past the limit', async () => {
  const res = await postChunked(apiPath('info'), Buffer.alloc(DEFAULT_BODY_LIMIT + 1024 * 1024, 0x20));
  assert.equal(res.status, 413);
  assert.match(JSON.parse(res.body).error.message, /^The info request is larger than the API allows \(8 MB\); nothing was changed\.$/);
  // The server is still there for the next call.
  const next = await rawRequest(server.port, apiPath('info'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(next.status, 200);
});
