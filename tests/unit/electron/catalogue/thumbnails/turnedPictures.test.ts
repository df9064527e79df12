// The person's rotation and flip applied wherever the picture is made: openUpright (previews,
// exported copies, the loupe's render), the grid thumbnail and preview as served, the loupe's
// full-size picture, and exported copies (upright pixels, no orientation left for a viewer to
// apply twice, checked with ExifTool). Checked by colour: a picture whose left half is red.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { imageFacts, openUpright } from '../../../../../electron/catalogue/thumbnails/makeThumbnails.ts';
import { renderPicture } from '../../../../../electron/catalogue/collections/renderPicture.ts';
import type { ExportFacts } from '../../../../../electron/catalogue/collections/exportMetadata.ts';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { startServer } from '../../../../../electron/server.ts';
import { tempDir } from '../../../../support/fixtures.ts';
import { exiftool, hasExiftool } from '../../../../support/exiftool.ts';

const RED = { r: 220, g: 20, b: 20 };
const BLUE = { r: 20, g: 20, b: 220 };

/** An 80 × 40 JPEG: red left half, blue right half; `orientation` written as EXIF when given. */
async function redLeft(orientation?: number): Promise<Buffer> {
  const half = (colour: typeof RED) => sharp({ create: { width: 40, height: 40, channels: 3, background: colour } }).png().toBuffer();
  let image = sharp({ create: { width: 80, height: 40, channels: 3, background: BLUE } })
    .composite([{ input: await half(RED), left: 0, top: 0 }])
    .jpeg({ quality: 95 });
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

/** Which colour is at a fraction (x, y) of the picture: 'red', 'blue' or what it is. */
async function colourAt(input: Buffer | string, x: number, y: number): Promise<string> {
  const { data, info } = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const px = Math.min(info.width - 1, Math.floor(x * info.width));
  const py = Math.min(info.height - 1, Math.floor(y * info.height));
  const at = (py * info.width + px) * info.channels;
  const [r, g, b] = [data[at]!, data[at + 1]!, data[at + 2]!];
  if (r > 150 && b < 100 && g < 100) return 'red';
  if (b > 150 && r < 100 && g < 100) return 'blue';
  return `rgb(${r},${g},${b})`;
}

/** Where red is: top, bottom, left or right (read from the four corners). */
async function redSide(input: Buffer | string): Promise<string> {
  const [tl, tr, bl, br] = await Promise.all([[0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].map(([x, y]) => colourAt(input, x!, y!)));
  const red = (...corners: string[]) => corners.every((c) => c === 'red');
  const blue = (...corners: string[]) => corners.every((c) => c === 'blue');
  if (red(tl, tr) && blue(bl, br)) return 'top';
  if (red(bl, br) && blue(tl, tr)) return 'bottom';
  if (red(tl, bl) && blue(tr, br)) return 'left';
  if (red(tr, br) && blue(tl, bl)) return 'right';
  return `corners ${tl} ${tr} ${bl} ${br}`;
}

async function openedWith(input: Buffer, turn: { rotation: 0 | 90 | 180 | 270; flipped: boolean }): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await (await openUpright(input, await imageFacts(input), 80, 'none', turn)).png().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

test('openUpright turns the picture as the person did: a red left half is on top after a quarter clockwise', async () => {
  const input = await redLeft();
  assert.equal(await redSide((await openedWith(input, { rotation: 0, flipped: false })).data), 'left');
  const quarter = await openedWith(input, { rotation: 90, flipped: false });
  assert.deepEqual([quarter.width, quarter.height], [40, 80]);
  assert.equal(await redSide(quarter.data), 'top');
  assert.equal(await redSide((await openedWith(input, { rotation: 270, flipped: false })).data), 'bottom');
  assert.equal(await redSide((await openedWith(input, { rotation: 180, flipped: false })).data), 'right');
  assert.equal(await redSide((await openedWith(input, { rotation: 0, flipped: true })).data), 'right');
  // A quarter clockwise, then mirrored left to right: the top stays on top.
  assert.equal(await redSide((await openedWith(input, { rotation: 90, flipped: true })).data), 'top');
});

test('the file\'s own EXIF orientation comes first, the person\'s turn after it', async () => {
  // Stored red-left with orientation 6: shown a quarter clockwise, red on top; a further quarter puts it on the right.
  const input = await redLeft(6);
  assert.equal(await redSide((await openedWith(input, { rotation: 0, flipped: false })).data), 'top');
  const half = await openedWith(input, { rotation: 90, flipped: false });
  assert.deepEqual([half.width, half.height], [80, 40]);
  assert.equal(await redSide(half.data), 'right');
  assert.equal(await redSide((await openedWith(input, { rotation: 270, flipped: false })).data), 'left');
  // Flipped: the shown picture (red on top) mirrored left to right keeps red on top.
  assert.equal(await redSide((await openedWith(input, { rotation: 0, flipped: true })).data), 'top');
});

test('an orientation Fototar applies itself (a PNG eXIf chunk, a RAW preview) turns as sharp\'s own does, 5 and 7 included', async () => {
  // A red top-left quarter tells all eight apart.
  const quarter = await sharp({ create: { width: 40, height: 20, channels: 3, background: RED } }).png().toBuffer();
  for (let orientation = 2; orientation <= 8; orientation++) {
    const input = await sharp({ create: { width: 80, height: 40, channels: 3, background: BLUE } })
      .composite([{ input: quarter, left: 0, top: 0 }])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation })
      .toBuffer();
    const facts = await imageFacts(input);
    assert.equal(facts.sharpOrients, true);
    const bySharp = await (await openUpright(input, facts, 80)).raw().toBuffer();
    const byFototar = await (await openUpright(input, { ...facts, sharpOrients: false }, 80)).raw().toBuffer();
    assert.ok(bySharp.equals(byFototar), `orientation ${orientation}`);
  }
});

const NO_FACTS: ExportFacts = {
  title: 'Próba', caption: '', credit: '', creator: '', source: '', sourceUrl: '', licence: '', licenceUrl: '', rights: '', keywords: [], identifier: '', archiveRef: '',
  date: '', sublocation: '', city: '', country: '', gps: null, marks: { rating: 0, flag: '', label: '' },
};

test('a turned photo\'s grid thumbnail, preview and loupe picture are turned, at once and after a restart; an exported copy is upright pixels with no orientation to apply', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  fs.mkdirSync(photos);
  fs.writeFileSync(path.join(photos, 'plain.jpg'), await redLeft());
  fs.writeFileSync(path.join(photos, 'exif6.jpg'), await redLeft(6));
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  let reopened: Catalogue | null = null;
  try {
    await catalogue.ingest.run([photos]);
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));
    const plain = byName.get('plain.jpg')!;
    const exif6 = byName.get('exif6.jpg')!;
    assert.equal(exif6.fileOrientation, 6);
    assert.equal(plain.fileOrientation, 1); // none in the file: upright

    assert.equal(await redSide((await catalogue.photos.shownImageFile(plain.id, 'grid'))!), 'left');
    await catalogue.photos.turn({ ids: [plain.id, exif6.id] }, { rotate: 90 });
    const grid = (await catalogue.photos.shownImageFile(plain.id, 'grid'))!;
    const gridMeta = await sharp(grid).metadata();
    assert.deepEqual([gridMeta.width, gridMeta.height], [40, 80]);
    assert.equal(await redSide(grid), 'top');
    assert.equal(await redSide((await catalogue.photos.shownImageFile(plain.id, 'preview'))!), 'top');
    assert.equal(await redSide((await catalogue.photos.shownImageFile(exif6.id, 'grid'))!), 'right');
    // The stored thumbnail (named by content, shared by duplicates) is untouched.
    assert.equal(await redSide((await catalogue.photos.imageFile(plain.id, 'grid'))!), 'left');

    // The loupe: a JPEG is no longer the original's bytes but its render, turned.
    const full = (await catalogue.photos.fullImageFile(plain.id))!;
    assert.notEqual(full.file, plain.file);
    const fullMeta = await sharp(full.file).metadata();
    assert.deepEqual([fullMeta.width, fullMeta.height], [40, 80]);
    assert.equal(await redSide(full.file), 'top');

    // Over HTTP, the grid's own request.
    const server = await startServer(catalogue, { port: 0 });
    try {
      const response = await fetch(`${server.url}images/grid/${plain.id}`);
      assert.equal(response.status, 200);
      assert.equal(await redSide(Buffer.from(await response.arrayBuffer())), 'top');
    } finally {
      await server.close();
    }

    // An exported copy: the pixels are turned, and nothing tells a viewer to turn them again.
    for (const photo of [await catalogue.photos.get(plain.id), await catalogue.photos.get(exif6.id)]) {
      const copy = await renderPicture({ photo }, NO_FACTS, { format: 'jpeg', quality: 90 });
      assert.deepEqual([copy.width, copy.height], [photo.width, photo.height]);
      const file = path.join(dir, `copy-${photo.id}.jpg`);
      fs.writeFileSync(file, copy.data);
      assert.equal(await redSide(file), photo.id === plain.id ? 'top' : 'right');
      if (hasExiftool) {
        const tags = exiftool(file, ['-n']);
        assert.ok(tags['IFD0:Orientation'] === undefined || tags['IFD0:Orientation'] === 1, JSON.stringify(tags['IFD0:Orientation']));
        assert.deepEqual([tags['File:ImageWidth'], tags['File:ImageHeight']], [photo.width, photo.height]);
      }
    }
    catalogue.close();

    // After a restart the turned thumbnail is there at once, still turned.
    reopened = Catalogue.open(path.join(dir, 'cat'));
    assert.equal(await redSide((await reopened.photos.shownImageFile(plain.id, 'grid'))!), 'top');
    // Turned back: the stored thumbnail again.
    await reopened.photos.turn({ ids: [plain.id] }, { rotate: 270 });
    assert.equal(await reopened.photos.shownImageFile(plain.id, 'grid'), await reopened.photos.imageFile(plain.id, 'grid'));
  } finally {
    if (catalogue.db.isOpen) catalogue.close();
    reopened?.close();
  }
});
