// A rotated or flipped photo's XMP sidecar says how to show the original as Fototar shows it:
// tiff:Orientation is the file's own EXIF orientation, then the person's turn (shared/orientation.ts),
// read back with ExifTool; the original is never touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { writeSidecarSettings } from '../../../../../electron/catalogue/store/sidecarSettings.ts';
import { exiftool } from '../../../../support/exiftool.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const orientationIn = (sidecar: string) => exiftool(sidecar, ['-n'])['XMP-tiff:Orientation'];

test('tiff:Orientation in the sidecar composes the file\'s orientation with the person\'s rotation and flip, and follows undo', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  const plainFile = await writeFixture(photos, 'plain.jpg', makeJpeg({ width: 60, height: 40 }));
  const sidewaysFile = await writeFixture(photos, 'sideways.jpg', makeJpeg({ width: 60, height: 40, orientation: 6 }));
  const originals = [sha(plainFile), sha(sidewaysFile)];
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    await catalogue.ingest.run([photos]);
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p.id]));
    const plain = byName.get('plain.jpg')!;
    const sideways = byName.get('sideways.jpg')!;

    // Not turned: the file's own orientation (none is upright).
    await catalogue.exchange.writeSidecars([plain, sideways]);
    assert.equal(orientationIn(`${plainFile}.xmp`), 1);
    assert.equal(orientationIn(`${sidewaysFile}.xmp`), 6);

    writeSidecarSettings(catalogue.db, { autoWrite: true });
    await catalogue.photos.turn({ ids: [plain, sideways] }, { rotate: 90 });
    assert.equal(orientationIn(`${plainFile}.xmp`), 6); // a quarter clockwise
    assert.equal(orientationIn(`${sidewaysFile}.xmp`), 3); // the file's quarter and the person's: a half turn
    await catalogue.photos.turn({ ids: [plain] }, { flip: true });
    assert.equal(orientationIn(`${plainFile}.xmp`), 5); // a quarter clockwise, then mirrored: transposed
    await catalogue.photos.turn({ ids: [sideways] }, { rotate: 180 });
    assert.equal(orientationIn(`${sidewaysFile}.xmp`), 1);

    await catalogue.history.undo();
    assert.equal(orientationIn(`${sidewaysFile}.xmp`), 3);
    await catalogue.history.undo();
    assert.equal(orientationIn(`${plainFile}.xmp`), 6);
    assert.deepEqual([sha(plainFile), sha(sidewaysFile)], originals, 'originals are never modified');
  } finally {
    catalogue.close();
  }
});
