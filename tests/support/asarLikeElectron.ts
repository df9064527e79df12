// Loaded with --import before the packaged main process (and, through execArgv, in each of its
// worker threads): resolves `electron` to the stand-in the main-process test uses, and finds a
// file that is not inside the extracted app.asar/ in app.asar.unpacked/, as Electron's asar
// layer does. Nothing else: a module missing from both places fails as it would for a user.
import fs from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const FAKE_ELECTRON = new URL('./fakeElectron.ts', import.meta.url).href;
const PACKED = '/app.asar/';
const UNPACKED = '/app.asar.unpacked/';

const toUnpacked = (url: string) => url.replace(PACKED, UNPACKED);
const exists = (url: string) => url.startsWith('file:') && fs.existsSync(fileURLToPath(url));

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: FAKE_ELECTRON, shortCircuit: true };
    let resolved;
    try {
      resolved = nextResolve(specifier, context);
    } catch (error) {
      // A worker started from app.asar/dist-electron/…Worker.mjs that is unpacked.
      if (specifier.includes(PACKED) && exists(toUnpacked(specifier))) return { url: toUnpacked(specifier), format: 'module', shortCircuit: true };
      const parent = context.parentURL;
      if (!parent || (error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
      // In Electron an unpacked module keeps its path inside app.asar: sharp (unpacked) finds
      // detect-libc (packed) beside it, and main.mjs (packed) finds sharp. Here the two halves
      // are two folders, so a lookup that fails in one is made again from the other.
      if (parent.includes(PACKED)) resolved = nextResolve(specifier, { ...context, parentURL: toUnpacked(parent) });
      else if (parent.includes(UNPACKED)) resolved = nextResolve(specifier, { ...context, parentURL: parent.replace(UNPACKED, PACKED) });
      else throw error;
    }
    if (resolved.url.includes(PACKED) && !exists(resolved.url) && exists(toUnpacked(resolved.url))) {
      return { ...resolved, url: toUnpacked(resolved.url), shortCircuit: true };
    }
    return resolved;
  },
});
