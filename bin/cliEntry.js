// Which code `fototar` runs: the bundle in dist-cli/ (scripts/build-cli.ts) while it is up to
// date, else the TypeScript sources. Plain JavaScript, as bin/fototar.js: it runs before anything
// else, on every call, and must stay cheap (one small JSON read and a stat per source file).
//
// Up to date means: every file the bundle was made from (bundle.json lists them, with the size
// and modification time each had at build time) still has that size and time. An edit, a
// checkout, a deleted file or an `npm install` (it rewrites node_modules/.package-lock.json)
// makes the bundle stale, and then the sources run: slower, never older code.
// FOTOTAR_CLI=source runs the sources always; FOTOTAR_CLI=bundle refuses a stale bundle
// (the benchmark uses it, so it never measures the sources by mistake).
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The manifest's name inside the bundle folder. */
export const BUNDLE_MANIFEST = 'bundle.json';

/** Files that shape the bundle without being its inputs: the packages installed, the compiler settings, the build. */
export const CHECKED_WITH_BUNDLE = ['node_modules/.package-lock.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json', 'scripts/build-cli.ts', 'scripts/build-electron.ts'];

/** True when the bundle in `bundleDir` was made from exactly the files now under `root`. */
export function bundleIsCurrent(bundleDir, root) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(bundleDir, BUNDLE_MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  const sources = Object.entries(manifest?.sources ?? {});
  if (!sources.length) return false;
  for (const [file, [mtimeMs, size]] of sources) {
    const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs !== mtimeMs || stat.size !== size) return false;
  }
  return true;
}

/**
 * The module to import for `main`, and whether it is the bundle. `mode` is FOTOTAR_CLI:
 * 'source', 'bundle' or unset (the bundle when current). Throws, with the line to print, when
 * the bundle is demanded and stale.
 */
export function cliEntry(root, mode) {
  const bundleDir = path.join(root, 'dist-cli');
  if (mode === 'source') return { url: pathToFileURL(path.join(root, 'electron/cli/cli.ts')).href, bundleDir: null };
  if (bundleIsCurrent(bundleDir, root)) return { url: pathToFileURL(path.join(bundleDir, 'cli.mjs')).href, bundleDir };
  if (mode === 'bundle') throw new Error('FOTOTAR_CLI=bundle, but dist-cli/ is missing or older than the sources: run "npm run build:cli"');
  return { url: pathToFileURL(path.join(root, 'electron/cli/cli.ts')).href, bundleDir: null };
}

/**
 * V8's compiled code for the bundle, kept beside it (dist-cli/.compile-cache): compiling the
 * catalogue's 1 MB chunk was a third of `fototar show`'s own time, on every call. The folder goes
 * to the worker threads too (NODE_COMPILE_CACHE: the API enables it for this thread only), so an
 * export's and an ingest's workers do not compile sharp and their modules again each time.
 * Where the folder cannot be written (an installed, read-only copy) Node leaves the cache off
 * and nothing else changes.
 */
export function useCompileCache(bundleDir) {
  const result = module.enableCompileCache?.(path.join(bundleDir, '.compile-cache'));
  if (result?.directory && !process.env.NODE_DISABLE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = result.directory;
}
