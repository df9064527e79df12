// bin/fototar.js runs the bundle only while it was made from exactly the files there now, and
// the TypeScript sources otherwise: a stale bundle must never run (it would test old code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE_MANIFEST, bundleIsCurrent, cliEntry, type BundleManifest } from '../../../bin/cliEntry.js';
import { buildCli } from '../../../scripts/build-cli.ts';
import { ROOT } from '../../../scripts/build-electron.ts';
import { tempDir } from '../../support/fixtures.ts';

/** A repo with two sources and a dist-cli/ whose manifest records them as they are now. */
async function fakeRepo(): Promise<{ root: string; bundleDir: string; source: string }> {
  const root = await tempDir();
  const source = path.join(root, 'electron', 'cli', 'cli.ts');
  fs.mkdirSync(path.dirname(source), { recursive: true });
  fs.writeFileSync(source, 'export const a = 1;\n');
  fs.writeFileSync(path.join(root, 'tsconfig.json'), '{}\n');
  const bundleDir = path.join(root, 'dist-cli');
  fs.mkdirSync(bundleDir);
  fs.writeFileSync(path.join(bundleDir, 'cli.mjs'), 'export const a = 1;\n');
  const sources: BundleManifest['sources'] = {};
  for (const file of ['electron/cli/cli.ts', 'tsconfig.json']) {
    const stat = fs.statSync(path.join(root, file));
    sources[file] = [stat.mtimeMs, stat.size];
  }
  fs.writeFileSync(path.join(bundleDir, BUNDLE_MANIFEST), JSON.stringify({ sources } satisfies BundleManifest));
  return { root, bundleDir, source };
}

const bundled = (root: string) => pathToFileURL(path.join(root, 'dist-cli', 'cli.mjs')).href;
const sources = (root: string) => pathToFileURL(path.join(root, 'electron', 'cli', 'cli.ts')).href;

test('an up-to-date bundle runs', async () => {
  const { root, bundleDir } = await fakeRepo();
  assert.equal(bundleIsCurrent(bundleDir, root), true);
  assert.deepEqual(cliEntry(root, undefined), { url: bundled(root), bundleDir });
  assert.deepEqual(cliEntry(root, 'bundle'), { url: bundled(root), bundleDir });
});

test('an edited source makes the bundle stale, even at the same size or an older time', async () => {
  const { root, bundleDir, source } = await fakeRepo();
  const before = fs.statSync(source);
  fs.writeFileSync(source, 'export const b = 2;\n');
  // Same size, and the modification time put back a second: only "unchanged" is current.
  fs.utimesSync(source, before.atime, new Date(before.mtimeMs - 1000));
  assert.equal(fs.statSync(source).size, before.size);
  assert.equal(bundleIsCurrent(bundleDir, root), false);
  assert.deepEqual(cliEntry(root, undefined), { url: sources(root), bundleDir: null });
});

test('a deleted source, a missing or unreadable manifest make the bundle stale', async () => {
  const deleted = await fakeRepo();
  fs.rmSync(path.join(deleted.root, 'tsconfig.json'));
  assert.equal(bundleIsCurrent(deleted.bundleDir, deleted.root), false);

  const noManifest = await fakeRepo();
  fs.rmSync(path.join(noManifest.bundleDir, BUNDLE_MANIFEST));
  assert.equal(bundleIsCurrent(noManifest.bundleDir, noManifest.root), false);

  const torn = await fakeRepo();
  fs.writeFileSync(path.join(torn.bundleDir, BUNDLE_MANIFEST), '{"sources": {"electron/cli/cli.ts": [1');
  assert.equal(bundleIsCurrent(torn.bundleDir, torn.root), false);

  const empty = await fakeRepo();
  fs.writeFileSync(path.join(empty.bundleDir, BUNDLE_MANIFEST), '{"sources": {}}');
  assert.equal(bundleIsCurrent(empty.bundleDir, empty.root), false);
});

test('FOTOTAR_CLI=source always runs the sources; FOTOTAR_CLI=bundle refuses a stale bundle with a one-line reason', async () => {
  const { root, bundleDir, source } = await fakeRepo();
  assert.deepEqual(cliEntry(root, 'source'), { url: sources(root), bundleDir: null });
  fs.appendFileSync(source, '// edited\n');
  assert.throws(() => cliEntry(root, 'bundle'), (error: Error) => /^FOTOTAR_CLI=bundle, but dist-cli\/ is missing or older than the sources: run "npm run build:cli"$/.test(error.message));
  fs.rmSync(bundleDir, { recursive: true });
  assert.deepEqual(cliEntry(root, undefined), { url: sources(root), bundleDir: null });
});

test('the real build records every source it bundled, the workers and the installed packages included', async () => {
  const out = path.join(await tempDir(), 'dist-cli');
  await buildCli(out);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, BUNDLE_MANIFEST), 'utf8')) as BundleManifest;
  const files = Object.keys(manifest.sources);
  for (const file of [
    'electron/cli/cli.ts',
    'electron/cli/commands/show.ts',
    'electron/cli/commands/ingest.ts',
    'electron/catalogue/catalogue.ts',
    'electron/catalogue/ingest/ingestWorker.ts',
    'electron/catalogue/collections/exportWorker.ts',
    'electron/catalogue/search/searchWorker.ts',
    'shared/credit.ts',
    'node_modules/.package-lock.json',
    'scripts/build-cli.ts',
  ]) {
    assert.ok(files.includes(file), file);
  }
  // Bundled packages are covered by npm's lock file, not file by file.
  assert.equal(files.filter((file) => file.startsWith('node_modules/') && file !== 'node_modules/.package-lock.json').length, 0);
  assert.equal(bundleIsCurrent(out, ROOT), true);
});
