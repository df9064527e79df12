#!/usr/bin/env node
// Entry point for `npx fototar`. The catalogue needs Node 24 (node:sqlite, type stripping, the
// same Node as Electron 40's); when started by an older system Node, re-run on the Node 24
// that the repo installs from the npm registry (devDependency "node").
// Then it runs the CLI in this process: the bundle in dist-cli/ when it is up to date, the
// TypeScript sources otherwise (bin/cliEntry.js). Starting a second Node would double the cost
// of every call, and archivists script the CLI over thousands of files.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliEntry, useCompileCache } from './cliEntry.js';

// glibc gives each libvips thread its own malloc arena, and over thousands of images they
// creep; two arenas keep a long ingest's memory flat (measured: npm run bench:ingest -- --small).
// It must be set before the process starts, so replace this process (same pid: a kill still
// stops the ingest) with one that has it. Only the commands that decode images pay for that
// second start; the others never load sharp.
const DECODES_IMAGES = new Set(['ingest', 'export', 'serve']);
const arenas =
  process.platform === 'linux' && !process.env.MALLOC_ARENA_MAX && DECODES_IMAGES.has(process.argv[2]) ? { ...process.env, MALLOC_ARENA_MAX: '2' } : null;
const script = fileURLToPath(import.meta.url);

const major = Number(process.versions.node.split('.')[0]);
if (major >= 24 && arenas && typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...process.execArgv, script, ...process.argv.slice(2)], arenas);
}
if (major < 24) {
  const require = createRequire(import.meta.url);
  let node24;
  try {
    node24 = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
  } catch {
    console.error(`fototar needs Node.js 24 or later (this is ${process.version}); run "npm install" in the repo first.`);
    process.exit(1);
  }
  const result = spawnSync(node24, [script, ...process.argv.slice(2)], { stdio: 'inherit', env: arenas ?? process.env });
  process.exit(result.status ?? 1);
}

// `fototar list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

let entry;
try {
  entry = cliEntry(path.dirname(path.dirname(script)), process.env.FOTOTAR_CLI);
} catch (error) {
  process.stderr.write(`fototar: ${error.message}\n`);
  process.exit(1);
}
if (entry.bundleDir) useCompileCache(entry.bundleDir);
const { main } = await import(entry.url);
process.exitCode = await main(process.argv.slice(2));
