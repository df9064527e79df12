// The loupe's picture: a browser's own formats as the original's bytes, others rendered once at
// full size into the catalogue's cache, and nothing for a missing original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { fullRenderPath } from '../../../../../electron/catalogue/thumbnails/fullImage.ts';
import { startServer } from '../../../../../electron/server.ts';
import { tempDir } from '../../../../support/fixtures.ts';

async function noise(width: number, height: number): Promise<Sharp> {
  return sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
}

test('a JPEG is served as itself; a TIFF is rendered once at full size; a missing original has none', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  fs.mkdirSync(photos);
  await (await noise(2400, 1600)).jpeg({ quality: 80 }).toFile(path.join(photos, 'scan.jpg'));
  await (await noise(2000, 1500)).tiff({ compression: 'lzw' }).toFile(path.join(photos, 'master.tif'));
  // A JPEG 2000 master: sharp cannot open it; the render uses Fototar's own decoder, as previews do.
  fs.copyFileSync(new URL('../../../../fixtures/decoders/rgb16.jp2', import.meta.url), path.join(photos, 'master.jp2'));
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    await catalogue.ingest.run([photos]);
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));
    const jpeg = byName.get('scan.jpg')!;
    const tiff = byName.get('master.tif')!;

    const fromJpeg = await catalogue.photos.fullImageFile(jpeg.id);
    assert.deepEqual(fromJpeg, { file: jpeg.file, root: photos, type: 'image/jpeg' });

    const fromTiff = await catalogue.photos.fullImageFile(tiff.id);
    assert.equal(fromTiff?.file, fullRenderPath(catalogue.paths, tiff.hash));
    assert.equal(fromTiff?.type, 'image/jpeg');
    const meta = await sharp(fromTiff!.file).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 2000, 1500]);
    // Made once: a second request reads the cache.
    const made = fs.statSync(fromTiff!.file).mtimeMs;
    await catalogue.photos.fullImageFile(tiff.id);
    assert.equal(fs.statSync(fromTiff!.file).mtimeMs, made);

    const jp2 = byName.get('master.jp2')!;
    const fromJp2 = await catalogue.photos.fullImageFile(jp2.id);
    assert.ok(fromJp2, 'a JPEG 2000 gets a full-size render');
    const jp2Meta = await sharp(fromJp2.file).metadata();
    assert.deepEqual([jp2Meta.format, jp2Meta.width, jp2Meta.height], ['jpeg', jp2.width, jp2.height]);

    // Over HTTP, under the token: the original's own bytes.
    const server = await startServer(catalogue, { port: 0 });
    try {
      const response = await fetch(`${server.url}images/full/${jpeg.id}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/jpeg');
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(jpeg.file)));
      assert.equal((await fetch(`${server.url}images/full/999999`)).status, 404);
    } finally {
      await server.close();
    }

    fs.rmSync(jpeg.file);
    assert.equal(await catalogue.photos.fullImageFile(jpeg.id), null);
  } finally {
    catalogue.close();
  }
});
