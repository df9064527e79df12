// An export worker opens a JPEG or PNG by its path (imageFactsByPath), with the same facts the
// whole-file read gives (size after orientation, orientation, who decodes it), and hands every
// other file, and one sharp cannot open, to that whole-file read (null), which knows the reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { imageFacts, imageFactsByPath, openUpright } from '../../../../../electron/catalogue/thumbnails/makeThumbnails.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fixture } from './decoderFixtures.ts';

test('a JPEG or PNG gets the same facts by its path as read whole, and opens upright by its path', async () => {
  const dir = await tempDir('fototar-bypath-');
  const files = {
    // A JPEG with no extension, turned by its EXIF: 60 × 40 stored, 40 × 60 shown.
    scan: await writeFixture(dir, 'scan_0042', makeJpeg({ width: 60, height: 40, orientation: 6 })),
    png: await writeFixture(dir, 'plan.png', sharp({ create: { width: 30, height: 20, channels: 4, background: '#ff000080' } }).png().toBuffer()),
  };
  for (const file of Object.values(files)) {
    const byPath = await imageFactsByPath(file);
    assert.ok(byPath, path.basename(file));
    const whole = await imageFacts(fs.readFileSync(file));
    assert.deepEqual({ ...byPath, embedded: {} }, { ...whole, embedded: {} }, path.basename(file));
  }
  const scan = (await imageFactsByPath(files.scan))!;
  assert.deepEqual([scan.width, scan.height, scan.orientation], [40, 60, 6]);
  const upright = await (await openUpright(files.scan, scan, 60)).toBuffer({ resolveWithObject: true });
  assert.deepEqual([upright.info.width, upright.info.height], [40, 60]);
});

test('any other file, and a JPEG sharp cannot open, is left to the whole-file read', async () => {
  const dir = await tempDir('fototar-bypath-');
  const others = [
    await writeFixture(dir, 'master.tif', sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).tiff().toBuffer()),
    await writeFixture(dir, 'master.jp2', fixture('sycc420.jp2')),
    await writeFixture(dir, 'notes.txt', Buffer.from('Erzsébet híd, 1946')),
    // Starts like a JPEG, then nothing a decoder can read.
    await writeFixture(dir, 'broken.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 0x41)])),
    await writeFixture(dir, 'empty.jpg', Buffer.alloc(0)),
  ];
  for (const file of others) assert.equal(await imageFactsByPath(file), null, path.basename(file));
  // A picture read by path is only ever one sharp decodes itself.
  const jp2 = await imageFacts(fixture('sycc420.jp2'));
  await assert.rejects(openUpright(others[1], jp2, 100), /only a picture sharp decodes itself/);
});
