// The app (or a server) holds the catalogue's lock; a person can still look things up from the
// command line, but cannot write behind the app's back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../electron/catalogue/catalogue.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';
import { fototar } from '../../../support/cli.ts';

test('read-only commands work while the catalogue is open elsewhere; edits are refused', async () => {
  const dir = await tempDir();
  await writeFixture(dir, 'photos/fortepan_9.jpg', makeJpeg({ xmp: { description: 'Villamos', credit: 'Fortepan / Nagy Gyula' } }));
  const cat = path.join(dir, 'cat');
  const open = Catalogue.open(cat, { create: true });
  try {
    await open.ingest.run([path.join(dir, 'photos')]);
    const [{ id }] = (await open.photos.list(0, 1)).photos;
    // An edit the app has committed is what the command line reads.
    await open.photos.update([id], { caption: 'Villamos a körúton' });

    const list = fototar('list', '--catalogue', cat, '--json');
    assert.equal(list.status, 0, list.stderr);
    assert.equal(JSON.parse(list.stdout).photos.length, 1);
    const show = fototar('show', String(id), '--catalogue', cat, '--json');
    assert.equal(show.status, 0, show.stderr);
    assert.equal(JSON.parse(show.stdout).caption, 'Villamos a körúton');
    const credits = fototar('credits', String(id), '--catalogue', cat);
    assert.equal(credits.status, 0, credits.stderr);
    assert.match(credits.stdout, /Fortepan \/ Nagy Gyula/);

    const edit = fototar('edit', String(id), '--catalogue', cat, '--caption', 'x');
    assert.equal(edit.status, 1);
    assert.match(edit.stderr, /in use/);
    assert.equal((await open.photos.get(id)).caption, 'Villamos a körúton');
  } finally {
    open.close();
  }
});
