// Starts `fototar serve` as a user would, on a free port, and stops it after the test.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/fototar.js', import.meta.url));
const START_BOUND_MS = 120_000;

export interface ServedCatalogue {
  url: string;
  origin: string;
  /** The per-launch token, as it appears in the address. */
  token: string;
  stop(): Promise<void>;
}

/**
 * `env`: extra environment for the server (a test's own HOME, for instance). The person's
 * preferences (the UI language they chose) go to a folder of this catalogue's, never to the
 * real user's, unless FOTOTAR_CONFIG_DIR is given.
 */
export async function serveCatalogue(catalogueDir: string, env: Record<string, string> = {}): Promise<ServedCatalogue> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--catalogue', catalogueDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FOTOTAR_CONFIG_DIR: path.join(path.dirname(path.resolve(catalogueDir)), `${path.basename(catalogueDir)}-config`), ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    // A bound, not a timing: on a machine loaded far past its cores, starting Node and opening the
    // catalogue took over 20 s (every test of an overloaded run failed here, not in the app).
    const timer = setTimeout(() => reject(new Error(`fototar serve did not start within ${START_BOUND_MS / 1000} s: ${stderr}`)), START_BOUND_MS);
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      // The app's address: http://127.0.0.1:<port>/<token>/ (the token is the first path segment).
      const match = /(http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{16,}\/)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`fototar serve exited (${code}): ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    token: new URL(url).pathname.split('/')[1],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
