// The command line and hierarchical tags: edit --tags and --add-tag take paths, tags list draws
// the tree (--json: the tags as stored, flat paths), renaming a node renames what is under it as
// one undoable step, and an empty level is refused in one line.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fototar, fototarJson as json } from '../../../../support/cli.ts';

let cat: string;
let ids: string[];

before(async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  cat = path.join(dir, 'cat');
  await writeFixture(photos, 'fortepan_1.jpg', makeJpeg({ colour: '#112233' }));
  await writeFixture(photos, 'fortepan_2.jpg', makeJpeg({ colour: '#332211' }));
  assert.equal(fototar('ingest', photos, '--catalogue', cat).status, 0);
  ids = json('list', '--catalogue', cat).photos.map((p: { id: number }) => String(p.id));
});

test('edit takes paths, tags list draws the tree, --json lists the paths; a node rename is one undo step', () => {
  assert.equal(fototar('edit', ids[0], '--tags', 'Helyszín | Budapest | Üllői út; villamos', '--catalogue', cat).status, 0);
  assert.equal(fototar('edit', ids[0], ids[1], '--add-tag', 'Helyszín|Budapest|Kálvin tér', '--catalogue', cat).status, 0);
  assert.deepEqual(json('show', ids[0], '--catalogue', cat).tags, ['Helyszín|Budapest|Üllői út', 'villamos', 'Helyszín|Budapest|Kálvin tér']);

  const tree = fototar('tags', 'list', '--catalogue', cat);
  assert.equal(tree.status, 0);
  assert.deepEqual(tree.stdout.trimEnd().split('\n'), [
    '      2  Helyszín',
    '      2    Budapest',
    '      2      Kálvin tér',
    '      1      Üllői út',
    '      1  villamos',
  ]);
  assert.deepEqual(
    json('tags', 'list', '--catalogue', cat).tags.map((t: { tag: string }) => t.tag).sort(),
    ['Helyszín|Budapest|Kálvin tér', 'Helyszín|Budapest|Üllői út', 'villamos'],
  );

  assert.deepEqual(json('tags', 'rename', 'Helyszín|Budapest', 'Városok|Budapest', '--catalogue', cat), { photos: 2, merged: false });
  assert.deepEqual(json('show', ids[0], '--catalogue', cat).tags, ['Városok|Budapest|Üllői út', 'villamos', 'Városok|Budapest|Kálvin tér']);
  assert.deepEqual(json('show', ids[1], '--catalogue', cat).tags, ['Városok|Budapest|Kálvin tér']);
  assert.equal(fototar('undo', '--catalogue', cat).status, 0);
  assert.deepEqual(json('show', ids[1], '--catalogue', cat).tags, ['Helyszín|Budapest|Kálvin tér']);
});

test('a path with an empty level is refused in one line, and nothing changes', () => {
  const before = json('show', ids[1], '--catalogue', cat).tags;
  for (const args of [['edit', ids[1], '--tags', 'Helyszín||Budapest'], ['edit', ids[1], '--add-tag', '|Budapest'], ['tags', 'rename', 'Helyszín', 'Hely|']]) {
    const result = fototar(...args, '--catalogue', cat);
    assert.equal(result.status, 1, args.join(' '));
    assert.match(result.stderr, /^.*one of its levels is empty.*\n$/, args.join(' '));
  }
  assert.deepEqual(json('show', ids[1], '--catalogue', cat).tags, before);
});
