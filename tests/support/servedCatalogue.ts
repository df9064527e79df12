// A browser-mode server over a real catalogue for the HTTP tests: a stand-in UI folder
// (index.html, assets/app.js), a secret file beside it that must never be served, photos ingested
// from `photos/`, and raw requests under the server's /<token>/ prefix.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { startServer, type RunningServer } from '../../electron/server.ts';
import { makeJpeg, tempDir, writeFixture } from './fixtures.ts';
import { rawRequest, type RawRequestOptions, type RawResponse } from './rawHttp.ts';

export interface ServedTestCatalogue {
  dir: string;
  rendererDir: string;
  /** A file outside every folder the server may serve. */
  secret: string;
  catalogue: Catalogue;
  server: RunningServer;
  /** Raw HTTP, so tests control Host and Origin exactly. */
  request(pathname: string, options?: RawRequestOptions): Promise<RawResponse>;
  /** A route under the app's capability prefix `/<token>/`. */
  app(route: string): string;
  close(): Promise<void>;
}

/**
 * `colours`: one photo per colour (fortepan_1.jpg, fortepan_2.jpg…). `beforeServe` runs after
 * the ingest and before the server starts (to plant links, say).
 */
export async function serveTestCatalogue(
  options: { colours?: string[]; beforeServe?(served: Omit<ServedTestCatalogue, 'server' | 'request' | 'app' | 'close'>): Promise<void> } = {},
): Promise<ServedTestCatalogue> {
  const dir = await tempDir();
  const rendererDir = path.join(dir, 'renderer');
  await writeFixture(rendererDir, 'index.html', Promise.resolve(Buffer.from('<!doctype html><html><head><title>t</title></head><body></body></html>')));
  await writeFixture(rendererDir, 'assets/app.js', Promise.resolve(Buffer.from('console.log(1)')));
  const secret = await writeFixture(dir, 'secret.txt', Promise.resolve(Buffer.from('SECRET')));
  for (const [i, colour] of (options.colours ?? ['#808080']).entries()) {
    await writeFixture(dir, `photos/fortepan_${i + 1}.jpg`, makeJpeg({ colour }));
  }
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([path.join(dir, 'photos')]);
  await options.beforeServe?.({ dir, rendererDir, secret, catalogue });
  const server = await startServer(catalogue, { rendererDir });
  return {
    dir,
    rendererDir,
    secret,
    catalogue,
    server,
    request: (pathname, requestOptions = {}) => rawRequest(server.port, pathname, requestOptions),
    app: (route) => `/${server.token}/${route}`,
    async close() {
      await server.close();
      catalogue.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
