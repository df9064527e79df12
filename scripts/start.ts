// `npm start`: builds what is missing, makes the sample catalogue on first run, then opens the
// Electron window, or, where the Electron binary is not installed, serves the same UI in
// browser mode and prints the address.
//   npm start [-- --catalogue <dir|postgres://…>] [-- --port <n>] [-- --browser]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { makeSample } from './make-sample.ts';
import { namedLocation } from '../electron/catalogue/catalogueLocation.ts';
import type { CatalogueHost } from '../electron/catalogueHost.ts';
import { browserModeHost } from '../electron/server/browserModeHost.ts';
import { startServer } from '../electron/server.ts';
import { errorMessage } from '../shared/errorMessage.ts';

// Two glibc malloc arenas keep libvips' memory flat over long ingests (see bin/fototar.js);
// it only takes effect at process start, so restart this process (same pid) with it set.
if (process.platform === 'linux' && !process.env.MALLOC_ARENA_MAX && typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], { ...process.env, MALLOC_ARENA_MAX: '2' });
}

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { catalogue: { type: 'string' }, port: { type: 'string' }, browser: { type: 'boolean' } },
});

function run(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary's path, or why there is none. */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const candidate = createRequire(import.meta.url)('electron') as unknown;
    if (typeof candidate === 'string' && fs.existsSync(candidate)) return { path: candidate };
  } catch {
    // electron's index.js throws "failed to install correctly" when its binary was never downloaded
  }
  return { missing: 'the Electron binary is not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
}

if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) run('build:renderer');

// A folder, or a team catalogue's address (postgres://…), which is no path to resolve.
let catalogueDir = values.catalogue ? namedLocation(values.catalogue) : path.join(root, '.sample-catalogue/catalogue');
if (!values.catalogue && !fs.existsSync(path.join(catalogueDir, 'catalogue.sqlite'))) {
  console.log('Making the sample catalogue (a dozen Fortepan-style photos)…');
  catalogueDir = (await makeSample(path.join(root, '.sample-catalogue'))).catalogueDir;
}

const electron = values.browser ? { missing: 'browser mode was asked for (--browser)' } : electronBinary();
if ('path' in electron) {
  if (!fs.existsSync(path.join(root, 'dist-electron/main.mjs'))) run('build:electron');
  const child = spawn(electron.path, [root, '--catalogue', catalogueDir], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`No Electron window: ${electron.missing}; serving the same UI in browser mode instead.`);
  let host: CatalogueHost;
  try {
    // Backups on open and every few hours; originals checked for missing files in the background.
    host = await browserModeHost(catalogueDir, { purpose: 'npm start (browser mode)' });
  } catch (error) {
    // In use by another Fototar, damaged, newer, a server out of reach: one plain line, no stack.
    console.error(`Fototar cannot open ${catalogueDir}: ${errorMessage(error)}`);
    process.exit(1);
  }
  const port = values.port ? Number(values.port) : 5170;
  // The usual port may be taken (another Fototar): then any free port will do.
  const server = await startServer(host, { port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' && !values.port) return startServer(host, { port: 0 });
    throw error;
  });
  console.log(`Open ${server.url}  (catalogue: ${catalogueDir}; Ctrl+C stops)`);
  const stop = async () => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
