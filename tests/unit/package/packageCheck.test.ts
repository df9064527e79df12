// `npm run package:check`: builds the installer's `dir` target with electron-builder from a
// stand-in Electron (scripts/package-check.ts), checks what it holds, and starts its packaged main
// process. Needs `npm run build` first (npm test builds before the unit tests).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCheckPackage, inspectPackage, layOutAsElectron, runtimePackages, SIZE_BUDGET_MB, type BuiltPackage, type Inspection } from '../../../scripts/package-check.ts';
import { tempDir, writeFixture } from '../../support/fixtures.ts';

let dir: string;
let pkg: BuiltPackage;
let inspection: Inspection;

before(async () => {
  dir = await tempDir('fototar-package-');
  pkg = await buildCheckPackage(dir);
  inspection = inspectPackage(pkg);
  console.log(JSON.stringify({ package_mb: inspection.sizeMb, budget_mb: SIZE_BUDGET_MB, node_modules: inspection.shippedPackages }));
});

test('the package holds what the bundles load, and nothing bundled, dev-only, typed or mapped', () => {
  assert.deepEqual(inspection.problems, []);
  const runtime = runtimePackages();
  assert.deepEqual(inspection.shippedPackages.filter((name) => !runtime.has(name)), [], 'node_modules holds only sharp and what it needs');
  for (const name of ['sharp', `@img/sharp-${process.platform}-${process.arch}`]) assert.ok(inspection.shippedPackages.includes(name), name);
  for (const worker of ['ingestWorker', 'exportWorker', 'searchWorker']) assert.ok(inspection.unpackedFiles.includes(`dist-electron/${worker}.mjs`), worker);
  for (const wasm of ['openjpeg.wasm', 'libheif.wasm']) assert.ok(inspection.unpackedFiles.includes(`dist-electron/${wasm}`), wasm);
  assert.ok(inspection.asarFiles.includes('/dist/renderer/index.html'));
});

test('the packaged main process starts, ingests and exports through the unpacked sharp, workers and WebAssembly decoders, and answers the API', async () => {
  const layout = layOutAsElectron(pkg, path.join(dir, 'run'));
  assert.equal(fs.existsSync(path.join(layout.appDir, 'node_modules', 'sharp')), false, 'sharp is only reachable through app.asar.unpacked');
  const photos = path.join(dir, 'photos');
  // A JPEG 2000: its preview needs OpenJPEG's .wasm, read from app.asar.unpacked beside the worker, and sharp.
  await writeFixture(photos, 'fortepan_1234.jp2', Promise.resolve(fs.readFileSync(fileURLToPath(new URL('../../fixtures/decoders/rgb16.jp2', import.meta.url)))));
  const support = fileURLToPath(new URL('../../support/', import.meta.url));
  const run = spawnSync(
    process.execPath,
    ['--import', path.join(support, 'asarLikeElectron.ts'), path.join(support, 'runPackagedMain.ts'), layout.appDir, path.join(dir, 'cat'), photos, path.join(dir, 'userData')],
    { encoding: 'utf8', timeout: 180_000 },
  );
  assert.equal(run.status, 0, run.stderr);
  const seen = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
  assert.deepEqual(seen.errorBoxes, []);
  assert.equal(seen.ingest.state, 'done', JSON.stringify(seen.ingest));
  assert.equal(seen.ingest.added, 1, JSON.stringify(seen.ingest));
  assert.equal(seen.photos, 1);
  assert.equal(seen.previewError, null);
  assert.equal(seen.thumbnail?.status, 200);
  assert.match(seen.thumbnail?.type ?? '', /^image\//);
  assert.ok(seen.thumbnail.bytes > 100);
  assert.equal(seen.renderer, 200, 'the packaged renderer is found');
  // The picture was rendered by the packaged export worker (dist-electron/exportWorker.mjs).
  assert.deepEqual(seen.exported, { state: 'done', files: ['01_fortepan_1234.jpg', 'credits.txt', 'credits.docx', 'manifest.csv'], error: null });
});
