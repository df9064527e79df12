// Bundles the command line with esbuild into dist-cli/, so `fototar` starts from plain
// JavaScript instead of type-stripping the catalogue's TypeScript on every call:
//   cli.mjs                      the entry bin/fototar.js imports (exports main)
//   <name>-<hash>.mjs            one chunk per command (each is an import() in
//                                electron/cli/commands/index.ts) and the modules they share, so
//                                `fototar show` loads neither ingest, exifr, Lunr, exceljs nor docx
//   ingestWorker.mjs, exportWorker.mjs, searchWorker.mjs
//                                the worker threads, found beside the chunk that starts them
//                                (new URL('./searchWorker.mjs', import.meta.url)), as in dist-electron
//   *.wasm                       the WebAssembly decoders (OpenJPEG, libheif), beside the chunks that load them
//   bundle.json                  every source file the bundle was made from, with its size and
//                                time: bin/fototar.js runs the bundle only while all of them are
//                                unchanged, and the TypeScript sources otherwise (bin/cliEntry.js)
// Everything lands in one folder one level below the repo, like dist-electron/main.mjs, so the
// paths modules take from import.meta.url (../dist/renderer/, ../package.json) still hold.
// The folder is made beside dist-cli/ and renamed into place: a CLI started during a build
// finds the old bundle whole, or none (and runs the sources).
// Run: node scripts/build-cli.ts (npm run build runs it).
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { common, copyWasm, ROOT } from './build-electron.ts';
import { BUNDLE_MANIFEST, CHECKED_WITH_BUNDLE, type BundleManifest } from '../bin/cliEntry.js';

export const CLI_OUT_DIR = path.join(ROOT, 'dist-cli');

// Bundled CommonJS dependencies may call require() and read __dirname; ESM has neither, so each
// chunk makes them. Only from import.meta: a chunk's own top-level names are hoisted over the
// banner, and uuid's `var URL` (in exceljs) made `new URL(...)` here a TypeError.
const CHUNK_BANNER = [
  "import { createRequire as __fototarCreateRequire } from 'node:module';",
  'const require = __fototarCreateRequire(import.meta.url);',
  'const __filename = import.meta.filename;',
  'const __dirname = import.meta.dirname;',
].join('\n');

export function cliOptions(outDir = CLI_OUT_DIR): esbuild.BuildOptions & { metafile: true } {
  return {
    ...common,
    entryPoints: {
      cli: path.join(ROOT, 'electron/cli/cli.ts'),
      ingestWorker: path.join(ROOT, 'electron/catalogue/ingest/ingestWorker.ts'),
      exportWorker: path.join(ROOT, 'electron/catalogue/collections/exportWorker.ts'),
      searchWorker: path.join(ROOT, 'electron/catalogue/search/searchWorker.ts'),
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // Code splitting needs ESM: each import() becomes a chunk loaded only when it runs.
    splitting: true,
    // Chunks beside the entries (not in a subfolder): see the paths note above.
    chunkNames: '[name]-[hash]',
    // sharp is native (its own binaries); it is loaded from node_modules when a command needs it.
    external: ['sharp'],
    banner: { js: CHUNK_BANNER },
    metafile: true,
  };
}

/** The files whose change makes a bundle stale: its inputs in the repo, plus the installed packages as a whole. */
function manifestOf(metafile: esbuild.Metafile): BundleManifest {
  const files = new Set<string>(CHECKED_WITH_BUNDLE);
  for (const input of Object.keys(metafile.inputs)) {
    // Bundled packages change only through npm, which rewrites node_modules/.package-lock.json.
    if (!input.startsWith('node_modules/') && !input.includes(':')) files.add(input);
  }
  const sources: BundleManifest['sources'] = {};
  for (const file of [...files].sort()) {
    const stat = fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    if (stat) sources[file] = [stat.mtimeMs, stat.size];
  }
  return { sources };
}

/** The metafile as if esbuild had written to `to` (its outputs are named relative to the repo). */
function movedTo(metafile: esbuild.Metafile, from: string, to: string): esbuild.Metafile {
  const relative = (dir: string) => `${path.relative(ROOT, dir).split(path.sep).join('/')}/`;
  const [prefix, replacement] = [relative(from), relative(to)];
  const outputs = Object.entries(metafile.outputs).map(([file, output]) => [file.startsWith(prefix) ? replacement + file.slice(prefix.length) : file, output] as const);
  return { ...metafile, outputs: Object.fromEntries(outputs) };
}

/** Builds the bundle into `outDir` (replacing it whole); returns esbuild's account of what went into which file. */
export async function buildCli(outDir = CLI_OUT_DIR): Promise<esbuild.Metafile> {
  const staging = `${outDir}.${process.pid}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  let metafile: esbuild.Metafile;
  try {
    // A file saved while esbuild read it could be in the manifest with its new time but in the
    // bundle with its old text: build again until no input changed since the build began.
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const result = await esbuild.build(cliOptions(staging));
      const manifest = manifestOf(result.metafile);
      if (Object.values(manifest.sources).every(([mtimeMs]) => mtimeMs < started)) {
        fs.writeFileSync(path.join(staging, BUNDLE_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
        copyWasm(staging);
        metafile = movedTo(result.metafile, staging, outDir);
        break;
      }
      if (attempt === 3) throw new Error('the sources kept changing while the CLI was bundled; run the build again');
      fs.rmSync(staging, { recursive: true, force: true });
    }
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(staging, outDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return metafile;
}

if (import.meta.main) {
  try {
    await buildCli();
    console.log(`Built ${path.relative(process.cwd(), CLI_OUT_DIR) || CLI_OUT_DIR}/cli.mjs`);
  } catch (error) {
    // esbuild has already printed the messages.
    if (!(error as { errors?: unknown }).errors) console.error(error);
    process.exitCode = 1;
  }
}
