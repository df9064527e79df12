// A moved folder relinked as a whole: every photo found by content under the new folder (at the
// same relative path, or renamed elsewhere inside it), the rest reported as not found; the API
// reads only a folder the person chose; `fototar relink --folder` and `fototar folders` do the
// same from the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fototar } from '../../../../support/cli.ts';
import type { FolderNode, FolderTree } from '../../../../../shared/folderTree.ts';

async function setUp() {
  const dir = await tempDir('fototar-folder-relink-');
  const box = path.join(dir, 'Szkennek', 'Doboz 1');
  await writeFixture(box, 'fortepan_601.jpg', makeJpeg({ colour: '#112233' }));
  await writeFixture(box, 'fortepan_602.jpg', makeJpeg({ colour: '#445566' }));
  await writeFixture(path.join(box, 'Ünnepek'), 'fortepan_603.jpg', makeJpeg({ colour: '#778899' }));
  const other = path.join(dir, 'Szkennek', 'Doboz 2');
  await writeFixture(other, 'fortepan_604.jpg', makeJpeg({ colour: '#aabbcc' }));
  const catalogueDir = path.join(dir, 'cat');
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  await catalogue.ingest.run([box, other]);
  const ids = Object.fromEntries((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p.id]));
  await catalogue.photos.update([ids['fortepan_601.jpg']], { caption: 'Villamos a Nagykörúton' });
  return { dir, box, other, catalogueDir, catalogue, ids };
}

/** Moves the box: one photo stays where it was relative to the box, one is renamed into a subfolder, one is lost. */
async function moveBox(dir: string, box: string): Promise<string> {
  const moved = path.join(dir, 'Archívum', 'Doboz 1 (áthelyezve)');
  await fs.mkdir(path.dirname(moved), { recursive: true });
  await fs.rename(box, moved);
  await fs.mkdir(path.join(moved, 'átnevezve'));
  await fs.rename(path.join(moved, 'fortepan_602.jpg'), path.join(moved, 'átnevezve', 'kép 2.jpg'));
  await fs.rm(path.join(moved, 'Ünnepek', 'fortepan_603.jpg'));
  // A different picture of the same name where the lost one was: not taken.
  await fs.writeFile(path.join(moved, 'Ünnepek', 'fortepan_603.jpg'), await makeJpeg({ colour: '#000000' }));
  return moved;
}

test('relinking a moved folder finds its photos by content and reports the rest; the tree follows', async () => {
  const { dir, box, catalogue, ids } = await setUp();
  const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
  try {
    const before = await handle('folderTree', {});
    assert.ok(before.ok);
    assert.deepEqual(
      (before.value as FolderTree).nodes.map((n) => [n.name, n.count, n.children.map((c) => [c.name, c.count])]),
      [
        ['Doboz 1', 3, [['Ünnepek', 1]]],
        ['Doboz 2', 1, []],
      ],
    );
    const moved = await moveBox(dir, box);
    // The new folder must have been chosen in this session (it is read).
    const refused = await handle('relinkFolder', { from: box, to: moved });
    assert.ok(!refused.ok && refused.error.key === 'notChosenRelink');
    assert.ok((await handle('chooseFolder', { path: moved, purpose: 'ingest' })).ok);
    const result = await handle('relinkFolder', { from: box, to: moved });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value, {
      photos: 3,
      relinked: 2,
      notFound: 1,
      notFoundFiles: [{ id: ids['fortepan_603.jpg'], file: path.join(box, 'Ünnepek', 'fortepan_603.jpg') }],
    });
    const first = await catalogue.photos.get(ids['fortepan_601.jpg']);
    assert.equal(first.file, path.join(moved, 'fortepan_601.jpg'));
    assert.equal(first.caption, 'Villamos a Nagykörúton');
    assert.equal((await catalogue.photos.get(ids['fortepan_602.jpg'])).file, path.join(moved, 'átnevezve', 'kép 2.jpg'));
    assert.equal((await catalogue.photos.get(ids['fortepan_603.jpg'])).file, path.join(box, 'Ünnepek', 'fortepan_603.jpg'));

    const answer = await handle('folderTree', {});
    assert.ok(answer.ok);
    const after = { value: answer.value as FolderTree };
    const names = (nodes: FolderNode[]): unknown => nodes.map((n) => [n.name, n.count, names(n.children)]);
    assert.equal(after.value.parent, dir);
    assert.deepEqual(names(after.value.nodes), [
      ['Archívum/Doboz 1 (áthelyezve)', 2, [['átnevezve', 1, []]]],
      ['Szkennek', 2, [['Doboz 1/Ünnepek', 1, []], ['Doboz 2', 1, []]]],
    ]);

    const nothing = await handle('relinkFolder', { from: path.join(dir, 'nincs'), to: moved });
    assert.ok(!nothing.ok && nothing.error.key === 'relinkFolderNoPhotos');
  } finally {
    catalogue.close();
  }
});

test('fototar folders and fototar relink --folder <old> <new>', async () => {
  const { dir, box, catalogueDir, catalogue } = await setUp();
  catalogue.close();
  const listed = fototar('folders', '--catalogue', catalogueDir);
  assert.equal(listed.status, 0, listed.stderr);
  assert.equal(
    listed.stdout,
    [`in ${path.join(dir, 'Szkennek')}`, `Doboz 1  3  ${box}`, `  Ünnepek  1  ${path.join(box, 'Ünnepek')}`, `Doboz 2  1  ${path.join(dir, 'Szkennek', 'Doboz 2')}`, '4 photos in 3 folders', ''].join('\n'),
  );
  const json = JSON.parse(fototar('folders', '--catalogue', catalogueDir, '--json').stdout);
  assert.equal(json.total, 4);
  assert.equal(json.nodes[0].path, box);

  const moved = await moveBox(dir, box);
  const usage = fototar('relink', '--folder', box, '--catalogue', catalogueDir);
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /^fototar relink: relink --folder takes the old folder and the new folder\n$/);
  const notFolder = fototar('relink', '--folder', box, path.join(moved, 'fortepan_601.jpg'), '--catalogue', catalogueDir);
  assert.equal(notFolder.status, 1);
  assert.match(notFolder.stderr, /^fototar relink: Not relinked: .* is not a folder/);
  const ok = fototar('relink', '--folder', box, moved, '--catalogue', catalogueDir);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^2 of 3 photos relinked to .*, 1 not found\.\nnot found {2}\d+ {2}.*fortepan_603\.jpg\n$/);
  const again = JSON.parse(fototar('relink', '--folder', path.join(box, 'Ünnepek'), path.join(moved, 'Ünnepek'), '--catalogue', catalogueDir, '--json').stdout);
  assert.deepEqual({ ...again, notFoundFiles: again.notFoundFiles.length }, { photos: 1, relinked: 0, notFound: 1, notFoundFiles: 1 });
});
