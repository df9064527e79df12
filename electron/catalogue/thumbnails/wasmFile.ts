// The WebAssembly decoders' binaries. The bundles (dist-electron/, dist-cli/) carry them beside
// the code that loads them (the build scripts copy them there, see WASM_FILES); run from the
// TypeScript sources, they are read from the npm packages that ship them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Each binary's name beside the bundle, and where its package keeps it. */
export const WASM_FILES = {
  'openjpeg.wasm': 'pdfjs-dist/wasm/openjpeg.wasm',
  'libheif.wasm': 'libheif-js/libheif-wasm/libheif.wasm',
} as const;

export type WasmName = keyof typeof WASM_FILES;

/** The binary's bytes; throws a plain reason when the build lacks it. */
export function readWasm(name: WasmName): Uint8Array<ArrayBuffer> {
  const beside = fileURLToPath(new URL(`./${name}`, import.meta.url));
  let file = beside;
  if (!fs.existsSync(beside)) {
    try {
      file = createRequire(import.meta.url).resolve(WASM_FILES[name]);
    } catch {
      throw new Error(`this build of Fototar is missing its decoder (${name})`);
    }
  }
  const bytes = fs.readFileSync(file);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) as Uint8Array<ArrayBuffer>;
}
