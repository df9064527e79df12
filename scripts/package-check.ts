// The installer, checked where Electron cannot run. electron-builder builds its `dir` target
// (what every installer wraps) from a stand-in Electron distribution — a folder holding an
// executable named `electron` — with the real electron-builder.yml; only the fuses step is left
// to the real build, since the stand-in has no fuse sentinel (tests/unit/package checks the fuse
// names against @electron/fuses). The result is then inspected with @electron/asar.
// Used by tests/unit/package/packageCheck.test.ts (`npm run package:check`, and `npm test`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as asar from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { NODE_EXTERNALS } from './build-electron.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

/**
 * What the package may weigh (app.asar + app.asar.unpacked), in MB. Set from what was left
 * after pruning (about 22 MB, most of it sharp's libvips) with room for growth; a jump past it
 * means something is shipped that should not be.
 */
export const SIZE_BUDGET_MB = 30;

/** What the bundles load at run time, inside the asar. */
const REQUIRED_IN_ASAR = ['/package.json', '/dist/renderer/index.html', '/dist-electron/main.mjs', '/dist-electron/preload.cjs'];
/** Worker threads and native code must be outside the asar (see electron-builder.yml). */
const REQUIRED_UNPACKED = [
  'dist-electron/ingestWorker.mjs',
  'dist-electron/exportWorker.mjs',
  'dist-electron/searchWorker.mjs',
  'dist-electron/openjpeg.wasm',
  'dist-electron/libheif.wasm',
  'node_modules/sharp/package.json',
];

/** The files sharp's package.json names as its entry points (main, module), as shipped. */
function sharpEntries(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/sharp/package.json'), 'utf8')) as { main?: string; module?: string };
  return [manifest.main, manifest.module].filter((f): f is string => !!f).map((f) => path.posix.join('node_modules/sharp', f));
}

export interface BuiltPackage {
  /** linux-unpacked: the stand-in executable and resources/. */
  appOutDir: string;
  resources: string;
}

/** Builds the `dir` target into outDir. Needs `npm run build` first (dist/ and dist-electron/). */
export async function buildCheckPackage(outDir: string, configFile = path.join(ROOT, 'electron-builder.yml')): Promise<BuiltPackage> {
  for (const built of ['dist/renderer/index.html', 'dist-electron/main.mjs']) {
    if (!fs.existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run npm run build first`);
  }
  const electronDist = path.join(outDir, 'stand-in-electron');
  fs.mkdirSync(electronDist, { recursive: true });
  fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron for the package check"\n', { mode: 0o755 });
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      extends: configFile,
      electronFuses: null,
      electronDist,
      electronVersion: ELECTRON_VERSION,
      directories: { output: path.join(outDir, 'release'), buildResources: 'resources' },
    },
  });
  const appOutDir = path.join(outDir, 'release', 'linux-unpacked');
  return { appOutDir, resources: path.join(appOutDir, 'resources') };
}

/**
 * The packages the bundles load from node_modules at run time — the esbuild externals other
 * than electron itself (sharp) — and everything they depend on. Anything else in the package's
 * node_modules is shipped twice (it is inside dist-electron already) or not needed at all.
 */
export function runtimePackages(): Set<string> {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; dev?: boolean }>;
  };
  const rootDeps = NODE_EXTERNALS.filter((name) => name !== 'electron');
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry) return; // an optional dependency for another platform
    seen.add(name);
    for (const dep of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {})]) visit(dep);
  };
  rootDeps.forEach(visit);
  return seen;
}

/** Package names under a node_modules folder listing ("@img/colour", "sharp"). */
function packagesIn(paths: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const p of paths) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
    if (m) names.add(m[1]);
  }
  return names;
}

function walk(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

const sizeOf = (file: string) => fs.statSync(file).size;

export interface Inspection {
  problems: string[];
  asarFiles: string[];
  unpackedFiles: string[];
  shippedPackages: string[];
  sizeMb: number;
}

/** Everything that must be there is, and nothing that must not be is. */
export function inspectPackage(pkg: BuiltPackage): Inspection {
  const problems: string[] = [];
  const asarPath = path.join(pkg.resources, 'app.asar');
  const unpackedDir = path.join(pkg.resources, 'app.asar.unpacked');
  // Files only (the archive's header also lists folders), with those packed inside it apart.
  const asarFiles = asar
    .listPackage(asarPath, { isPack: false })
    .map((p) => p.split(path.sep).join('/'))
    .filter((p) => !('files' in asar.statFile(asarPath, p.slice(1), false)));
  const unpackedFiles = walk(unpackedDir);
  const inAsarOnly = new Set(asarFiles.filter((p) => !(asar.statFile(asarPath, p.slice(1), false) as { unpacked?: boolean }).unpacked));

  for (const file of REQUIRED_IN_ASAR) if (!asarFiles.includes(file)) problems.push(`missing from app.asar: ${file}`);
  for (const file of [...REQUIRED_UNPACKED, ...sharpEntries()]) if (!unpackedFiles.includes(file)) problems.push(`missing from app.asar.unpacked: ${file}`);
  const nativeInAsar = [...inAsarOnly].filter((p) => /\.node$|libvips|\/node_modules\/(sharp|@img)\//.test(p));
  if (nativeInAsar.length) problems.push(`native code packed inside app.asar (it cannot load from there): ${nativeInAsar.slice(0, 3).join(', ')}`);
  if (!unpackedFiles.some((p) => /^node_modules\/@img\/sharp-[^/]+\/.*\.node$/.test(p))) problems.push("sharp's native addon (@img/sharp-*/…/*.node) is not unpacked");
  const workersInAsar = [...inAsarOnly].filter((p) => /Worker\.mjs$/.test(p));
  if (workersInAsar.length) problems.push(`worker threads inside app.asar: ${workersInAsar.join(', ')}`);
  // Every worker the main bundle starts must ship.
  const main = asar.extractFile(asarPath, 'dist-electron/main.mjs').toString('utf8');
  for (const worker of new Set([...main.matchAll(/["'`]\.\/(\w+Worker)\.mjs["'`]/g)].map((m) => m[1]))) {
    if (!unpackedFiles.includes(`dist-electron/${worker}.mjs`)) problems.push(`main.mjs starts ${worker}.mjs, which is not in the package`);
  }

  const allowed = runtimePackages();
  const shipped = packagesIn([...asarFiles, ...unpackedFiles]);
  for (const name of shipped) {
    if (name.startsWith('@types/')) problems.push(`type declarations shipped: ${name}`);
    else if (!allowed.has(name)) problems.push(`shipped in node_modules but not a run-time dependency (bundled into dist-electron, or a dev dependency): ${name}`);
  }
  const maps = [...asarFiles, ...unpackedFiles].filter((p) => p.endsWith('.map'));
  if (maps.length) problems.push(`source maps shipped: ${maps.slice(0, 3).join(', ')}`);
  const tests = [...asarFiles, ...unpackedFiles].filter((p) => /(^|\/)(tests?|__tests__|spec)\//.test(p) || /\.(test|spec)\.[cm]?[jt]s$/.test(p));
  if (tests.length) problems.push(`tests shipped: ${tests.slice(0, 3).join(', ')}`);
  const sources = asarFiles.filter((p) => /^\/(electron|renderer|shared|scripts)\//.test(p));
  if (sources.length) problems.push(`TypeScript sources shipped: ${sources.slice(0, 3).join(', ')}`);

  const bytes = sizeOf(asarPath) + unpackedFiles.reduce((sum, p) => sum + sizeOf(path.join(unpackedDir, p)), 0);
  const sizeMb = Math.round((bytes / 1024 / 1024) * 10) / 10;
  if (sizeMb > SIZE_BUDGET_MB) problems.push(`the package is ${sizeMb} MB, over its budget of ${SIZE_BUDGET_MB} MB`);
  return { problems, asarFiles, unpackedFiles, shippedPackages: [...shipped].sort(), sizeMb };
}

/**
 * Lays the package out as Electron sees it, for running its main process in plain Node:
 * `<dir>/app.asar/` holds what is packed (unpacked entries left out, as in the real archive) and
 * `<dir>/app.asar.unpacked/` what is not, so a module found only through the unpacked path
 * proves that it is there.
 */
export function layOutAsElectron(pkg: BuiltPackage, dir: string): { appDir: string; unpackedDir: string } {
  const appDir = path.join(dir, 'app.asar');
  const unpackedDir = path.join(dir, 'app.asar.unpacked');
  asar.extractAll(path.join(pkg.resources, 'app.asar'), appDir);
  fs.cpSync(path.join(pkg.resources, 'app.asar.unpacked'), unpackedDir, { recursive: true });
  for (const file of walk(unpackedDir)) fs.rmSync(path.join(appDir, file), { force: true });
  removeEmptyFolders(appDir);
  return { appDir, unpackedDir };
}

function removeEmptyFolders(dir: string): boolean {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  const left = entries.filter((e) => !(e.isDirectory() && removeEmptyFolders(path.join(dir, e.name))));
  if (left.length === 0) fs.rmdirSync(dir);
  return left.length === 0;
}
