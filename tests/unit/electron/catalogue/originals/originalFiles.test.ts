// An original deleted or moved while the app runs: the check marks it missing (metadata
// intact), a file back in place clears the mark, and a moved file is relinked through the API,
// the CLI and (see tests/e2e/hostile.spec.ts) the UI, only to a file with the same content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { watchOriginals } from '../../../../../electron/catalogue/originals/originalFiles.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fototar } from '../../../../support/cli.ts';

async function setUp() {
  const dir = await tempDir('fototar-originals-');
  const photos = path.join(dir, 'photos');
  const a = await writeFixture(photos, 'fortepan_501.jpg', makeJpeg({ colour: '#112233' }));
  const b = await writeFixture(photos, 'fortepan_502.jpg', makeJpeg({ colour: '#445566' }));
  const catalogueDir = path.join(dir, 'cat');
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  await catalogue.ingest.run([photos]);
  const ids = Object.fromEntries((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p.id]));
  await catalogue.photos.update([ids['fortepan_501.jpg']], { caption: 'Villamos a Nagykörúton', donor: 'Nagy Gyula' });
  return { dir, photos, a, b, catalogueDir, catalogue, idA: ids['fortepan_501.jpg'], idB: ids['fortepan_502.jpg'] };
}

test('a deleted original shows as missing with its metadata; relinking needs the same picture', async () => {
  const { dir, a, b, catalogue, idA, idB } = await setUp();
  const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
  try {
    const moved = path.join(dir, 'elsewhere', 'renamed.jpg');
    await fs.mkdir(path.dirname(moved));
    await fs.rename(a, moved);
    const check = await handle('checkOriginals', {});
    assert.deepEqual(check, { ok: true, value: { checked: 2, missing: 1 } });
    const photo = await catalogue.photos.get(idA);
    assert.equal(photo.missing, true);
    assert.equal(photo.caption, 'Villamos a Nagykörúton');
    assert.equal(photo.credit, 'Fortepan / Nagy Gyula');
    assert.equal((await catalogue.photos.list(0, 10)).photos.find((p) => p.id === idA)?.missing, true, 'the grid sees it');
    assert.equal((await catalogue.photos.get(idB)).missing, false);

    // A different picture is refused; so is a path already catalogued and a path with nothing.
    const wrong = await handle('relinkPhoto', { id: idA, path: b });
    assert.equal(wrong.ok, false);
    if (!wrong.ok) assert.match(wrong.error.message, /already photo|different picture/);
    const other = path.join(dir, 'other.jpg');
    await fs.writeFile(other, await makeJpeg({ colour: '#abcdef' }));
    const different = await handle('relinkPhoto', { id: idA, path: other });
    assert.ok(!different.ok && /different picture/.test(different.error.message));
    const nothing = await handle('relinkPhoto', { id: idA, path: path.join(dir, 'nope.jpg') });
    assert.ok(!nothing.ok && /no file at/.test(nothing.error.message));
    assert.equal((await catalogue.photos.get(idA)).missing, true);

    const relinked = await handle('relinkPhoto', { id: idA, path: moved });
    assert.equal(relinked.ok, true);
    const after = await catalogue.photos.get(idA);
    assert.equal(after.file, moved);
    assert.equal(after.missing, false);
    assert.equal(after.caption, 'Villamos a Nagykörúton');
  } finally {
    catalogue.close();
  }
});

test('a file put back clears the mark on the next check', async () => {
  const { a, catalogue, idA } = await setUp();
  try {
    const bytes = await fs.readFile(a);
    await fs.rm(a);
    await catalogue.originals.check();
    assert.equal((await catalogue.photos.get(idA)).missing, true);
    await fs.writeFile(a, bytes);
    const report = await catalogue.originals.check();
    assert.deepEqual(report.changed, [idA]);
    assert.equal((await catalogue.photos.get(idA)).missing, false);
  } finally {
    catalogue.close();
  }
});

test('fototar check-files and fototar relink <id> <new path>', async () => {
  const { dir, a, catalogueDir, catalogue, idA } = await setUp();
  catalogue.close();
  const moved = path.join(dir, 'moved.jpg');
  await fs.rename(a, moved);
  const check = fototar('check-files', '--catalogue', catalogueDir, '--json');
  assert.equal(check.status, 0, check.stderr);
  assert.deepEqual(JSON.parse(check.stdout), { checked: 2, missing: [{ id: idA, file: a }] });
  const bad = fototar('relink', String(idA), path.join(dir, 'nope.jpg'), '--catalogue', catalogueDir);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^fototar relink: Not relinked: no file at .*\n$/);
  const ok = fototar('relink', String(idA), moved, '--catalogue', catalogueDir, '--json');
  assert.equal(ok.status, 0, ok.stderr);
  const photo = JSON.parse(ok.stdout);
  assert.equal(photo.file, moved);
  assert.equal(photo.missing, false);
  assert.equal(photo.caption, 'Villamos a Nagykörúton');
});

test('a check cut short because the catalogue closed says nothing; one that fails while open says why', async (t) => {
  const printed: string[] = [];
  t.mock.method(console, 'error', (text: unknown) => void printed.push(String(text)));
  let fail!: (error: Error) => void;
  const stop = watchOriginals(() => new Promise((_, reject) => (fail = reject)));
  stop();
  fail(new Error('database is not open'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(printed, []);

  const stopOpen = watchOriginals(() => Promise.reject(new Error('disk I/O error')));
  await new Promise((resolve) => setImmediate(resolve));
  stopOpen();
  assert.deepEqual(printed, ['Checking original files failed: disk I/O error']);
});
