// Browser mode's push channel: catalogue events as Server-Sent Events, behind the token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveEvents } from '../../../electron/serverEvents.ts';
import { startServer } from '../../../electron/server.ts';
import { Catalogue } from '../../../electron/catalogue/catalogue.ts';
import type { CatalogueEvent } from '../../../shared/events.ts';
import { tempDir } from '../../support/fixtures.ts';
import { rawRequest } from '../../support/rawHttp.ts';
import { fortepanRecord } from '../../support/records.ts';
import path from 'node:path';

test('each catalogue event goes out as one SSE message; a closed stream unsubscribes', async () => {
  const listeners = new Set<(e: CatalogueEvent) => void>();
  const hub = {
    on(listener: (e: CatalogueEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const server = http.createServer((req, res) => serveEvents(req, res, hub));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const received = await new Promise<string>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/events' }, (res) => {
        assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.includes('retry:') && listeners.size === 1 && !body.includes('data:')) {
            for (const l of listeners) l({ type: 'photosChanged', ids: [7] });
          }
          if (body.includes('data:')) {
            res.destroy();
            resolve(body);
          }
        });
      }).on('error', reject);
    });
    assert.match(received, /^data: \{"type":"photosChanged","ids":\[7\]\}$/m);
    const deadline = Date.now() + 5000;
    while (listeners.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(listeners.size, 0, 'the listener is gone with the connection');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('the server streams events only with the token', async () => {
  const dir = await tempDir();
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  catalogue.store.photos.insert(fortepanRecord(1), new Date().toISOString());
  const server = await startServer(catalogue, { rendererDir: dir });
  try {
    const refused = await rawRequest(server.port, '/events');
    assert.notEqual(refused.status, 200);
  } finally {
    await server.close();
    catalogue.close();
  }
});
