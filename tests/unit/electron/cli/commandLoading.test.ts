// The read-only commands start without the heavy libraries (issue 14: a fast CLI): `show`, `list`
// and `credits` load neither sharp, exifr nor Lunr (nor exceljs or docx), from the TypeScript
// sources and from the bundle alike. Every module the process (and any worker it starts) resolves
// is recorded by a resolve hook loaded with --import; for the bundle, each chunk it loaded is
// mapped back to the source files in it through esbuild's metafile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { buildCli } from '../../../../scripts/build-cli.ts';
import { ROOT } from '../../../../scripts/build-electron.ts';
import { imagelessCatalogue } from '../../../support/imagelessCatalogue.ts';
import { tempDir } from '../../../support/fixtures.ts';

const bin = fileURLToPath(new URL('../../../../bin/fototar.js', import.meta.url));
const HEAVY = /node_modules\/(sharp|@img|exifr|lunr|exceljs|docx)\//;
const READ_ONLY: string[][] = [['show', '1'], ['list', '--json'], ['credits', '1', '2']];

let dir: string;
let catalogue: string;
let hook: string;
let bundle: string;
let metafile: Metafile;

before(async () => {
  dir = await tempDir();
  catalogue = imagelessCatalogue(3);
  hook = path.join(dir, 'recordResolved.mjs');
  fs.writeFileSync(
    hook,
    [
      "import { registerHooks } from 'node:module';",
      "import fs from 'node:fs';",
      'registerHooks({ resolve(specifier, context, next) {',
      '  const resolved = next(specifier, context);',
      "  fs.appendFileSync(process.env.RESOLVED_LOG, resolved.url + '\\n');",
      '  return resolved;',
      '} });',
    ].join('\n'),
  );
  bundle = path.join(dir, 'dist-cli');
  metafile = await buildCli(bundle);
});

after(() => fs.rmSync(catalogue, { recursive: true, force: true }));

/** Runs `args` (node arguments) with the hook; returns the URLs of every module resolved. */
function resolvedBy(name: string, args: string[], env: Record<string, string> = {}): string[] {
  const log = path.join(dir, `${name}.log`);
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, ...args], { encoding: 'utf8', env: { ...process.env, ...env, RESOLVED_LOG: log } });
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(log, 'utf8').trim().split('\n');
}

for (const command of READ_ONLY) {
  test(`${command[0]} from the sources loads no sharp, exifr, Lunr, exceljs or docx`, () => {
    const urls = resolvedBy(`source-${command[0]}`, [bin, ...command, '--catalogue', catalogue], { FOTOTAR_CLI: 'source' });
    // The hook saw the command itself: the list is not empty by mistake.
    assert.ok(urls.some((url) => url.endsWith(`electron/cli/commands/${command[0]}.ts`)), urls.join('\n'));
    assert.deepEqual(urls.filter((url) => HEAVY.test(url)), []);
  });

  test(`${command[0]} from the bundle loads no chunk holding sharp, exifr, Lunr, exceljs or docx`, () => {
    const entry = pathToFileURL(path.join(bundle, 'cli.mjs')).href;
    const script = `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(${JSON.stringify([...command, '--catalogue', catalogue])});`;
    const urls = resolvedBy(`bundle-${command[0]}`, ['--input-type=module', '-e', script]);
    const chunks = urls.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url)).filter((file) => file.startsWith(bundle + path.sep));
    const inputs = new Set<string>();
    for (const [output, { inputs: parts }] of Object.entries(metafile.outputs)) {
      if (chunks.includes(path.resolve(ROOT, output))) for (const input of Object.keys(parts)) inputs.add(input);
    }
    assert.ok(inputs.has(`electron/cli/commands/${command[0]}.ts`), [...inputs].join('\n'));
    assert.deepEqual([...inputs].filter((input) => HEAVY.test(input)), []);
    // sharp stays outside the bundle: it would show up as itself.
    assert.deepEqual(urls.filter((url) => HEAVY.test(url)), []);
  });
}

test('the bundle has the heavy libraries, in chunks of their own (the check above can fail)', () => {
  const holding = (library: string) => Object.entries(metafile.outputs).filter(([, o]) => Object.keys(o.inputs).some((input) => input.startsWith(`node_modules/${library}/`)));
  for (const library of ['exifr', 'lunr', 'exceljs', 'docx']) assert.ok(holding(library).length > 0, library);
  // sharp is native: never bundled, loaded from node_modules by the commands that decode images.
  assert.equal(holding('sharp').length, 0);
});

test('every chunk the command line can load, loads on its own (a chunk is a module of its own: nothing in it may break another)', () => {
  // The chunks cli.mjs reaches by import or import(). Those only the workers reach (the image
  // decoders the ingest and export workers share) load inside a worker, next to sharp.
  // By file name: the metafile names files where the build first wrote them.
  const importsOf = new Map(Object.entries(metafile.outputs).map(([file, output]) => [path.basename(file), output.imports.filter((i) => !i.external).map((i) => path.basename(i.path))]));
  const reached = new Set<string>();
  const visit = (name: string) => {
    if (reached.has(name)) return;
    reached.add(name);
    for (const imported of importsOf.get(name) ?? []) visit(imported);
  };
  visit('cli.mjs');
  const chunks = [...reached].filter((file) => file.endsWith('.mjs'));
  assert.ok(chunks.length > 10, chunks.join(' '));
  const urls = chunks.map((file) => pathToFileURL(path.join(bundle, file)).href);
  const script = `for (const url of ${JSON.stringify(urls)}) await import(url);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
