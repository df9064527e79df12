// Bundles the Electron side with esbuild into dist-electron/:
//   main.mjs          the main process (ESM; sharp stays external: it is native)
//   ingestWorker.mjs  the ingest worker thread the main process starts (next to main.mjs)
//   exportWorker.mjs  the export's worker thread, which renders the pictures (next to main.mjs)
//   searchWorker.mjs  the search worker thread that owns the search index
//   preload.cjs       the preload (one CommonJS file: sandboxed preloads cannot load modules)
//   *.wasm            the WebAssembly decoders the ingest worker loads from beside itself
//                     (OpenJPEG, libheif: electron/catalogue/thumbnails/wasmFile.ts)
// Run: node scripts/build-electron.ts
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { WASM_FILES } from '../electron/catalogue/thumbnails/wasmFile.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = path.join(ROOT, 'dist-electron');

/** Native or Electron-provided packages, loaded at run time from node_modules (sharp is unpacked from the asar). */
export const NODE_EXTERNALS = ['electron', 'sharp'];

// Bundled CommonJS dependencies may call require() for Node built-ins; ESM has none, so one is made.
const ESM_BANNER = [
  "import { createRequire as __fototarCreateRequire } from 'node:module';",
  "import { fileURLToPath as __fototarFileURLToPath } from 'node:url';",
  'const require = __fototarCreateRequire(import.meta.url);',
  'const __filename = __fototarFileURLToPath(import.meta.url);',
  'const __dirname = __fototarFileURLToPath(new URL(".", import.meta.url));',
].join('\n');

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: ROOT,
} satisfies esbuild.BuildOptions;

export function mainOptions(outDir = OUT_DIR): esbuild.BuildOptions {
  return {
    ...common,
    entryPoints: {
      main: path.join(ROOT, 'electron/main.ts'),
      ingestWorker: path.join(ROOT, 'electron/catalogue/ingest/ingestWorker.ts'),
      exportWorker: path.join(ROOT, 'electron/catalogue/collections/exportWorker.ts'),
      // The search worker thread (electron/catalogue/search/searchWorker.ts), next to main.mjs.
      searchWorker: path.join(ROOT, 'electron/catalogue/search/searchWorker.ts'),
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    external: NODE_EXTERNALS,
    banner: { js: ESM_BANNER },
  };
}

export function preloadOptions(outFile = path.join(OUT_DIR, 'preload.cjs')): esbuild.BuildOptions {
  return {
    ...common,
    entryPoints: [path.join(ROOT, 'electron/preload.ts')],
    outfile: outFile,
    format: 'cjs',
    // Only electron may be required at run time: everything else is inlined.
    external: ['electron'],
    // The API contract brings zod along; minified, the preload parses faster on every page load.
    minify: true,
  };
}

/** Copies the decoders' WebAssembly binaries from their npm packages into a bundle's folder. */
export function copyWasm(outDir: string): void {
  const require = createRequire(import.meta.url);
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, file] of Object.entries(WASM_FILES)) fs.copyFileSync(require.resolve(file), path.join(outDir, name));
}

export async function buildElectron(outDir = OUT_DIR): Promise<void> {
  await Promise.all([esbuild.build(mainOptions(outDir)), esbuild.build(preloadOptions(path.join(outDir, 'preload.cjs')))]);
  copyWasm(outDir);
}

if (import.meta.main) {
  try {
    await buildElectron();
    console.log(`Built ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}/{main.mjs,ingestWorker.mjs,exportWorker.mjs,searchWorker.mjs,preload.cjs}`);
  } catch (error) {
    // esbuild has already printed the messages.
    if (!(error as { errors?: unknown }).errors) console.error(error);
    process.exitCode = 1;
  }
}
