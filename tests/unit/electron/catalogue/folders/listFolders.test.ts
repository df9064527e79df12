// The folder browser's server side: folders only, hidden ones on request, `~` expanded, relative
// paths refused, and a folder that cannot be opened answered with a one-line reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFolders } from '../../../../../electron/catalogue/folders/listFolders.ts';
import { resolveUserPath } from '../../../../../electron/catalogue/folders/userPath.ts';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { tempDir } from '../../../../support/fixtures.ts';
import { honouringFileModes } from '../../../../support/fileModes.ts';

async function tree(): Promise<string> {
  const home = await tempDir('fototar-folders-');
  for (const dir of ['Pictures/fortepan', 'Documents', '.cache', 'Ágyú', 'album 10', 'album 9']) await fs.mkdir(path.join(home, dir), { recursive: true });
  await fs.writeFile(path.join(home, 'notes.txt'), 'not a folder');
  await fs.symlink(path.join(home, 'Pictures'), path.join(home, 'pics-link'));
  await fs.symlink(path.join(home, 'gone'), path.join(home, 'broken-link'));
  return home;
}

test('lists subfolders only, sorted, hidden ones only when asked', async () => {
  const home = await tree();
  const listing = await listFolders(home, { home });
  assert.equal(listing.error, undefined);
  assert.equal(listing.path, home);
  assert.equal(listing.parent, path.dirname(home));
  assert.deepEqual(listing.folders.map((f) => f.name), ['Ágyú', 'album 9', 'album 10', 'Documents', 'Pictures', 'pics-link']);
  assert.equal(listing.folders.find((f) => f.name === 'Pictures')?.path, path.join(home, 'Pictures'));
  const hidden = await listFolders(home, { home, showHidden: true });
  assert.ok(hidden.folders.some((f) => f.name === '.cache'));
});

test('~ and ~/… are the home folder; no path at all starts at home', async () => {
  const home = await tree();
  assert.equal((await listFolders('~', { home })).path, home);
  assert.equal((await listFolders(undefined, { home })).path, home);
  const pictures = await listFolders('~/Pictures', { home });
  assert.equal(pictures.path, path.join(home, 'Pictures'));
  assert.deepEqual(pictures.folders.map((f) => f.name), ['fortepan']);
  assert.deepEqual(resolveUserPath('  ~/Pictures/  ', home), { ok: true, path: path.join(home, 'Pictures') });
});

test('relative paths and ~user are refused with a message, never resolved against the working folder', async () => {
  const home = await tree();
  for (const typed of ['Pictures', './Pictures', '../etc', '~someone/x']) {
    const listing = await listFolders(typed, { home });
    assert.deepEqual(listing.folders, []);
    assert.match(listing.error ?? '', typed.startsWith('~') ? /only your own home folder/ : /is a relative path: type the full path/);
    assert.equal(listing.path, typed, 'the typed path comes back as typed');
  }
});

test('a missing folder and a file say so in one line', async () => {
  const home = await tree();
  const missing = await listFolders(path.join(home, 'nope'), { home });
  assert.equal(missing.error, `There is no folder “${path.join(home, 'nope')}”.`);
  const file = await listFolders(path.join(home, 'notes.txt'), { home });
  assert.equal(file.error, `“${path.join(home, 'notes.txt')}” is a file, not a folder.`);
  assert.equal(file.parent, home, 'the way up stays open');
});

test('a folder without read permission gives a message, not an exception', async (t) => {
  const home = await tree();
  const locked = path.join(home, 'locked');
  await fs.mkdir(locked);
  await fs.chmod(locked, 0o000);
  t.after(() => fs.chmod(locked, 0o755));
  const module = fileURLToPath(new URL('../../../../../electron/catalogue/folders/listFolders.ts', import.meta.url));
  const script = `import(${JSON.stringify(module)}).then(async (m) => process.stdout.write(JSON.stringify(await m.listFolders(${JSON.stringify(locked)}))))`;
  // Root reads any folder: run the listing without the capabilities that allow it.
  const [command, args] = honouringFileModes(process.execPath, ['-e', script]);
  const run = spawnSync(command, args, { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const listing = JSON.parse(run.stdout);
  assert.equal(listing.error, `Fototar may not open “${locked}” (permission denied).`);
  assert.deepEqual(listing.folders, []);
});

test('the API: listFolders answers, and startIngest refuses a relative path instead of resolving it', async () => {
  const dir = await tempDir('fototar-folders-api-');
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
    const listed = await handle('listFolders', { path: dir });
    assert.equal(listed.ok, true);
    assert.deepEqual(listed.ok && (listed.value as { folders: { name: string }[] }).folders.map((f) => f.name), ['cat']);
    const refused = await handle('startIngest', { paths: ['photos'] });
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.error.message : '', /“photos” is a relative path/);
    assert.equal(catalogue.ingest.progress().state, 'idle');
  } finally {
    catalogue.close();
  }
});
