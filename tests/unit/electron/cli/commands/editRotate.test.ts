// `fototar edit <id...> --rotate 90|180|270 --flip`: clockwise, added to each photo's current
// rotation, one undoable step, the size `show` prints as displayed; bad values are one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fototar } from '../../../../support/cli.ts';

test('fototar edit --rotate turns the photos from where each was, --flip mirrors them, undo takes it back', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  const cat = path.join(dir, 'catalogue');
  await writeFixture(photos, 'fortepan_1.jpg', makeJpeg({ width: 60, height: 40 }));
  await writeFixture(photos, 'fortepan_2.jpg', makeJpeg({ width: 50, height: 40 }));
  assert.equal(fototar('ingest', photos, '--catalogue', cat).status, 0);
  const list = JSON.parse(fototar('list', '--catalogue', cat, '--json').stdout).photos as { id: number; file: string }[];
  const [a, b] = ['fortepan_1.jpg', 'fortepan_2.jpg'].map((name) => String(list.find((p) => p.file.endsWith(name))!.id));
  const show = (id: string) => JSON.parse(fototar('show', id, '--catalogue', cat, '--json').stdout) as { rotation: number; flipped: boolean; width: number; height: number };

  const first = fototar('edit', a!, '--rotate', '90', '--catalogue', cat);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(first.stdout.trim(), 'saved 1 photo');
  const both = fototar('edit', a!, b!, '--rotate', '90', '--catalogue', cat, '--json');
  assert.equal(both.status, 0, both.stderr);
  assert.deepEqual((JSON.parse(both.stdout).photos as { rotation: number }[]).map((p) => p.rotation), [180, 90]);
  assert.deepEqual([show(b!).width, show(b!).height], [40, 50]);
  assert.match(fototar('show', b!, '--catalogue', cat).stdout, /^size\s+40×50 · JPEG$/m);
  assert.match(fototar('show', b!, '--catalogue', cat).stdout, /^turned\s+90° clockwise$/m);

  assert.equal(fototar('edit', b!, '--flip', '--rotate', '270', '--title', 'Híd', '--catalogue', cat).status, 0);
  assert.deepEqual([show(b!).rotation, show(b!).flipped], [0, true]);
  assert.match(fototar('show', b!, '--catalogue', cat).stdout, /^turned\s+flipped$/m);

  // The turn is its own step: undo takes it back, the title stays until the next undo.
  assert.match(fototar('undo', '--catalogue', cat).stdout, /Rotate counter-clockwise and flip/);
  assert.deepEqual([show(b!).rotation, show(b!).flipped], [90, false]);
  assert.match(fototar('undo', '--catalogue', cat).stdout, /Edit title/);
  assert.match(fototar('undo', '--catalogue', cat).stdout, /Rotate clockwise 2 photos/);
  assert.deepEqual([show(a!).rotation, show(b!).rotation], [90, 0]);
});

test('a bad --rotate is one line on stderr and changes nothing', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  const cat = path.join(dir, 'catalogue');
  await writeFixture(photos, 'fortepan_1.jpg', makeJpeg());
  assert.equal(fototar('ingest', photos, '--catalogue', cat).status, 0);
  for (const [value, message] of [
    ['45', /^fototar edit: --rotate must be 90, 180 or 270 \(degrees clockwise, added to the current rotation; got 45\)$/],
    ['-90', /^fototar edit: --rotate must be 90, 180 or 270 .*got -90\)$/],
    ['left', /^fototar edit: --rotate must be 90, 180 or 270 .*got left\)$/],
  ] as const) {
    const r = fototar('edit', '1', `--rotate=${value}`, '--catalogue', cat);
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr.trim(), message);
  }
  const missing = fototar('edit', '99', '--rotate', '90', '--catalogue', cat);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
  assert.match(missing.stderr, /99/);
  const none = fototar('edit', '1', '--catalogue', cat);
  assert.match(none.stderr, /--rotate, --flip/);
  assert.equal(JSON.parse(fototar('show', '1', '--catalogue', cat, '--json').stdout).rotation, 0);
});
