// A multi-page TIFF (a folder of letters, a contact sheet's negatives) is one photo: its page
// count is kept on the photo, its size is one page's, and its preview is the first page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { multiPageTiff } from '../../../../support/rawFixtures.ts';

test("a three-page TIFF: page count 3, one page's size, the first page previewed", async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    await writeFixture(photos, 'letters.tif', Promise.resolve(multiPageTiff(200, 300, [[150, 120, 90], [20, 200, 20], [20, 20, 200]])));
    await writeFixture(photos, 'single.tif', Promise.resolve(multiPageTiff(200, 300, [[90, 90, 90]])));
    const report = await catalogue.ingest.run([photos]);
    assert.deepEqual(report.failed, []);
    const photosByName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));
    const letters = photosByName.get('letters.tif')!;
    assert.equal(letters.pageCount, 3);
    assert.deepEqual([letters.width, letters.height], [200, 300]);
    assert.equal(photosByName.get('single.tif')!.pageCount, null);
    const preview = (await catalogue.photos.imageFile(letters.id, 'preview'))!;
    const { data, info } = await sharp(preview).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [200, 300]);
    const centre = (150 * info.width + 100) * info.channels;
    const colour = [...data.subarray(centre, centre + 3)];
    assert.ok(colour.every((v, i) => Math.abs(v - [150, 120, 90][i]) <= 4), `first page's sepia, got ${colour}`);
  } finally {
    catalogue.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
});
