// The bundles scripts/build-electron.ts makes: the preload a single CommonJS file that
// requires only electron (a sandboxed preload can load nothing else), the main process and its
// ingest worker importing only Node's built-ins, electron and sharp (everything else bundled).
import { builtinModules } from 'node:module';
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { mainOptions, preloadOptions } from '../../../scripts/build-electron.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function requiredModules(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))].sort();
}

describe('bundles', () => {
  test('the bundled preload requires nothing but electron', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-preload-'));
    try {
      const outfile = path.join(out, 'preload.cjs');
      await esbuild.build({ ...preloadOptions(outfile), sourcemap: false, logLevel: 'silent' });
      const bundle = fs.readFileSync(outfile, 'utf8');
      assert.deepEqual(requiredModules(bundle), ['electron']);
      assert.doesNotMatch(bundle, /\bimport\s*\(|^\s*import\s/m, 'a single CommonJS file, no module loads');
      // The same holds for the copy `npm run build` made, if there is one.
      const built = path.join(ROOT, 'dist-electron', 'preload.cjs');
      if (fs.existsSync(built)) assert.deepEqual(requiredModules(fs.readFileSync(built, 'utf8')), ['electron']);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('the bundled main process imports only Node built-ins, electron and sharp', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-main-'));
    try {
      await esbuild.build({ ...mainOptions(out), sourcemap: false, logLevel: 'silent' });
      for (const file of ['main.mjs', 'ingestWorker.mjs', 'exportWorker.mjs']) {
        const bundle = fs.readFileSync(path.join(out, file), 'utf8');
        const imported = [...bundle.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2]);
        // Node's built-ins, with or without the node: prefix (bundled CommonJS code such as ExcelJS's names them bare).
        const builtIn = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
        const foreign = imported.filter((name) => !builtIn(name) && name !== 'electron' && name !== 'sharp');
        assert.deepEqual(foreign, [], `${file} imports ${foreign.join(', ')}`);
        assert.deepEqual(requiredModules(bundle).filter((name) => !builtIn(name) && !['electron', 'sharp'].includes(name)), [], `${file} requires only built-ins`);
      }
      assert.match(fs.readFileSync(path.join(out, 'main.mjs'), 'utf8'), /from "electron"/);
      assert.doesNotMatch(fs.readFileSync(path.join(out, 'main.mjs'), 'utf8'), /from "sharp"/, 'sharp is only loaded by the worker');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
