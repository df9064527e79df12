#!/usr/bin/env node
// Entry point for `npx fototar`. The catalogue needs Node 24 (node:sqlite, type stripping, the
// same Node as Electron 40's); when started by an older system Node, re-run on the Node 24
// that the repo installs from the npm registry (devDependency "node").
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const require = createRequire(import.meta.url);
  let node24;
  try {
    node24 = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
  } catch {
    console.error(`fototar needs Node.js 24 or later (this is ${process.version}); run "npm install" in the repo first.`);
    process.exit(1);
  }
  const result = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const { main } = await import('../electron/cli/cli.ts');
process.exitCode = await main(process.argv.slice(2));
