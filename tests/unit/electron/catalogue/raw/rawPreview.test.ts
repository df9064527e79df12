// Camera RAW files, made by the test in each container layout: recognised by content, the
// largest real embedded JPEG is the preview (oriented by the RAW's EXIF), the size is the
// sensor image's, the metadata is read (CR3 and RAF too, which exifr cannot open), and a
// placeholder preview gives its reason instead of a broken thumbnail.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { imageFacts, renderThumbnails } from '../../../../../electron/catalogue/thumbnails/makeThumbnails.ts';
import { readMetadata } from '../../../../../electron/catalogue/metadata/readMetadata.ts';
import { sniffRawFormat } from '../../../../../electron/catalogue/raw/rawFormat.ts';
import { buildTiff, cr3, dng, raf, SENSOR_BYTES, tiffHead, twoColourJpeg } from '../../../../support/rawFixtures.ts';

/** Mean colour of a small patch around (x, y) of an encoded image. */
async function colourAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data } = await sharp(image).extract({ left: x, top: y, width: 4, height: 4 }).raw().toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += 3) for (let c = 0; c < 3; c++) sums[c] += data[i + c];
  return sums.map((s) => s / (data.length / 3));
}

const isRed = ([r, g, b]: number[]) => r > 150 && g < 90 && b < 90;
const isBlue = ([r, g, b]: number[]) => b > 150 && r < 90 && g < 110;

describe('DNG', () => {
  test('the largest embedded JPEG is the preview, not the IFD0 thumbnail libvips would open', async () => {
    const preview = await twoColourJpeg(600, 400);
    const thumbnail = await twoColourJpeg(160, 120, '#00ff00', '#00ff00');
    const file = dng({ preview, thumbnail });
    assert.equal(sniffRawFormat(file), 'dng');
    const facts = await imageFacts(file);
    assert.equal(facts.format, 'dng');
    assert.deepEqual([facts.width, facts.height], [4000, 3000], 'the sensor image size, not the preview size');
    assert.equal(facts.noPreview, null);
    const thumbs = await renderThumbnails(file, facts);
    const meta = await sharp(thumbs.preview).metadata();
    assert.deepEqual([meta.width, meta.height], [600, 400]);
    assert.ok(isRed(await colourAt(thumbs.preview, 20, 200)) && isBlue(await colourAt(thumbs.preview, 560, 200)));
  });

  test("the RAW's EXIF orientation turns the preview and the displayed size", async () => {
    const file = dng({ preview: await twoColourJpeg(600, 400), orientation: 6 });
    const facts = await imageFacts(file);
    assert.deepEqual([facts.width, facts.height], [3000, 4000]);
    const thumbs = await renderThumbnails(file, facts);
    const meta = await sharp(thumbs.preview).metadata();
    assert.deepEqual([meta.width, meta.height], [400, 600]);
    // Orientation 6 turns the picture 90° clockwise: the left (red) half comes to the top.
    assert.ok(isRed(await colourAt(thumbs.preview, 200, 20)), 'red on top');
    assert.ok(isBlue(await colourAt(thumbs.preview, 200, 570)), 'blue below');
  });

  test('a placeholder preview says so, with its size, and no thumbnail is made', async () => {
    const file = dng({ preview: Buffer.from('<Dummy preview image data>', 'latin1') });
    const facts = await imageFacts(file);
    assert.equal(facts.decoder, 'none');
    assert.match(facts.noPreview ?? '', /^the RAW file's embedded preview is a placeholder \(26 bytes\)/);
    await assert.rejects(renderThumbnails(file, facts), /placeholder \(26 bytes\)/);
  });

  test('an 8×8 blank JPEG in the preview place is a placeholder too', async () => {
    const file = dng({ preview: await twoColourJpeg(8, 8, '#fff', '#fff') });
    const facts = await imageFacts(file);
    assert.match(facts.noPreview ?? '', /placeholder \(8×8 pixels\)/);
  });

  test('metadata: camera and capture date', async () => {
    const file = dng({ preview: await twoColourJpeg(600, 400) });
    const meta = await readMetadata(file, (await imageFacts(file)).embedded);
    assert.equal(meta.camera, 'Canon EOS 6D');
    assert.equal(meta.takenAt, '2019-06-06T07:29:51Z');
  });
});

describe('TIFF-based RAWs by maker', () => {
  const nef = async (make: string, photometric: number) =>
    buildTiff({
      entries: [
        { tag: 0xfe, long: [1] },
        { tag: 0x100, long: [160] },
        { tag: 0x101, long: [120] },
        { tag: 0x10f, ascii: make },
        { tag: 0x110, ascii: `${make} D70` },
        { tag: 0x112, short: [8] },
      ],
      subIfds: [
        { entries: [{ tag: 0xfe, long: [1] }, { tag: 0x103, short: [6] }, { tag: 0x201, blob: { data: await twoColourJpeg(300, 200), lengthTag: 0x202 } }] },
        { entries: [{ tag: 0xfe, long: [0] }, { tag: 0x100, long: [3040] }, { tag: 0x101, long: [2014] }, { tag: 0x103, short: [34713] }, { tag: 0x106, short: [photometric] }, { tag: 0x111, blob: { data: SENSOR_BYTES, lengthTag: 0x117 } }] },
      ],
    });

  test("NEF: SubIFD0's JpgFromRaw is the preview; orientation 8; size from the raw SubIFD", async () => {
    const file = await nef('NIKON CORPORATION', 32803);
    assert.equal(sniffRawFormat(file), 'nef');
    const facts = await imageFacts(file);
    assert.deepEqual([facts.width, facts.height], [2014, 3040]);
    const thumbs = await renderThumbnails(file, facts);
    const meta = await sharp(thumbs.preview).metadata();
    assert.deepEqual([meta.width, meta.height], [200, 300]);
    // Orientation 8 turns it 90° counter-clockwise: the left (red) half goes to the bottom.
    assert.ok(isRed(await colourAt(thumbs.preview, 100, 280)), 'red below');
  });

  test('ARW is told by its maker', async () => {
    assert.equal(sniffRawFormat(await nef('SONY', 32803)), 'arw');
  });

  test('a scanner TIFF that names Nikon is no RAW: no sensor data in it', async () => {
    const coolscan = buildTiff({ entries: [{ tag: 0x100, long: [8] }, { tag: 0x101, long: [8] }, { tag: 0x106, short: [2] }, { tag: 0x10f, ascii: 'Nikon' }, { tag: 0x110, ascii: 'Nikon SUPER COOLSCAN 5000 ED' }] });
    assert.equal(sniffRawFormat(coolscan), null);
  });

  test('CR2: the IFD0 preview strip; the size from the Exif IFD, as Canon stores it', async () => {
    const preview = await twoColourJpeg(480, 320);
    const head = Buffer.concat([tiffHead('II*\0'), Buffer.from('CR\x02\0\0\0\0\0', 'latin1')]);
    // IFD0 right after the 16-byte header (real CR2s say so in the header; here it follows it).
    head.writeUInt32LE(16, 4);
    const file = buildTiff(
      {
        entries: [
          { tag: 0x100, long: [1536] },
          { tag: 0x101, long: [1024] },
          { tag: 0x103, short: [6] },
          { tag: 0x10f, ascii: 'Canon' },
          { tag: 0x110, ascii: 'Canon EOS 350D DIGITAL' },
          { tag: 0x111, blob: { data: preview, lengthTag: 0x117 } },
        ],
        exif: { entries: [{ tag: 0x9003, ascii: '2005:08:03 18:59:18' }, { tag: 0xa002, long: [3456] }, { tag: 0xa003, long: [2304] }] },
      },
      head,
    );
    assert.equal(sniffRawFormat(file), 'cr2');
    const facts = await imageFacts(file);
    assert.deepEqual([facts.width, facts.height], [3456, 2304]);
    const meta = await sharp((await renderThumbnails(file, facts)).preview).metadata();
    assert.deepEqual([meta.width, meta.height], [480, 320]);
  });

  test("RW2: Panasonic's JpgFromRaw tag; the size inside the sensor's borders", async () => {
    const file = buildTiff(
      {
        entries: [
          { tag: 0x04, short: [6] },
          { tag: 0x05, short: [8] },
          { tag: 0x06, short: [2742] },
          { tag: 0x07, short: [3656] },
          { tag: 0x2e, undefined: await twoColourJpeg(400, 300) },
          { tag: 0x10f, ascii: 'Panasonic' },
          { tag: 0x110, ascii: 'DMC-LX3' },
        ],
      },
      tiffHead('IIU\0'),
    );
    assert.equal(sniffRawFormat(file), 'rw2');
    const facts = await imageFacts(file);
    assert.deepEqual([facts.width, facts.height], [3648, 2736]);
    const meta = await sharp((await renderThumbnails(file, facts)).preview).metadata();
    assert.deepEqual([meta.width, meta.height], [400, 300]);
  });

  test("ORF: the preview in the Olympus maker note's CameraSettings", async () => {
    const preview = await twoColourJpeg(640, 480);
    // The maker note's offsets count from its own start ("OLYMPUS\0II" + version, IFD at 12).
    const makerNote = buildTiff(
      { entries: [{ tag: 0x2020, long: [0] }] },
      Buffer.from('OLYMPUS\0II\x03\0', 'latin1'),
    );
    // CameraSettings after the main directory, the preview after that.
    const settingsAt = makerNote.length;
    const settings = buildTiff({ entries: [{ tag: 0x101, long: [0] }, { tag: 0x102, long: [preview.length] }] }, Buffer.alloc(0));
    const previewAt = settingsAt + settings.length;
    const note = Buffer.concat([makerNote, settings, preview]);
    // Point 0x2020 at the settings and 0x101 at the preview (each table's first entry value).
    note.writeUInt32LE(settingsAt, 12 + 2 + 8);
    note.writeUInt32LE(previewAt, settingsAt + 2 + 8);
    // Shift the settings' own out-of-line offsets: it has none (two LONGs fit inline).
    const file = buildTiff(
      {
        entries: [
          { tag: 0x100, long: [4032] },
          { tag: 0x101, long: [3024] },
          { tag: 0x103, short: [1] },
          { tag: 0x106, short: [32803] },
          { tag: 0x10f, ascii: 'OLYMPUS IMAGING CORP.' },
          { tag: 0x110, ascii: 'E-M5' },
        ],
        exif: { entries: [{ tag: 0x927c, undefined: note }] },
      },
      tiffHead('IIRO'),
    );
    assert.equal(sniffRawFormat(file), 'orf');
    const facts = await imageFacts(file);
    assert.deepEqual([facts.width, facts.height], [4032, 3024]);
    assert.equal(facts.noPreview, null);
    const meta = await sharp((await renderThumbnails(file, facts)).preview).metadata();
    assert.deepEqual([meta.width, meta.height], [640, 480]);
  });
});

describe('CR3', () => {
  test('the largest of THMB, PRVW and the full-size track JPEG; metadata from CMT1/CMT2', async () => {
    const file = cr3({
      thumbnail: await twoColourJpeg(160, 120),
      preview: await twoColourJpeg(1620, 1080),
      full: await twoColourJpeg(2400, 1600),
      make: 'Canon',
      model: 'Canon EOS M50',
      date: '2018:02:21 12:08:56',
      orientation: 3,
    });
    assert.equal(sniffRawFormat(file), 'cr3');
    const facts = await imageFacts(file);
    assert.equal(facts.format, 'cr3');
    assert.deepEqual([facts.width, facts.height], [6000, 4000]);
    assert.deepEqual(facts.embeddedPreview && [facts.embeddedPreview.width, facts.embeddedPreview.height], [2400, 1600]);
    const thumbs = await renderThumbnails(file, facts);
    const meta = await sharp(thumbs.preview).metadata();
    assert.deepEqual([meta.width, meta.height], [1600, 1067]);
    // Orientation 3 turns it half round: red (left) ends up on the right.
    assert.ok(isRed(await colourAt(thumbs.preview, 1500, 500)) && isBlue(await colourAt(thumbs.preview, 50, 500)));
    const metadata = await readMetadata(file, facts.embedded);
    assert.equal(metadata.camera, 'Canon EOS M50');
    assert.equal(metadata.takenAt, '2018-02-21T12:08:56Z');
  });

  test('without the full-size track the PRVW box is the preview', async () => {
    const file = cr3({ thumbnail: await twoColourJpeg(160, 120), preview: await twoColourJpeg(1620, 1080), make: 'Canon', model: 'Canon EOS R', date: '2019:01:01 10:00:00' });
    const facts = await imageFacts(file);
    assert.deepEqual(facts.embeddedPreview && [facts.embeddedPreview.width, facts.embeddedPreview.height], [1620, 1080]);
  });

  test('placeholders everywhere: the reason, not a preview', async () => {
    const dummy = Buffer.from('<Dummy preview image data>', 'latin1');
    const file = cr3({ thumbnail: dummy, preview: dummy, make: 'Canon', model: 'Canon EOS M50', date: '2018:02:21 12:08:56' });
    const facts = await imageFacts(file);
    assert.match(facts.noPreview ?? '', /^the RAW file's embedded preview is a placeholder \(26 bytes\)/);
  });
});

describe('RAF', () => {
  test("the header's JPEG is the preview; its EXIF is the photo's metadata; the raw size from the RAF directory", async () => {
    const jpeg = await twoColourJpeg(1920, 1280, undefined, undefined, { IFD0: { Make: 'FUJIFILM', Model: 'X-T5' }, IFD2: { DateTimeOriginal: '2023:05:06 07:08:09' } }, 6);
    const file = raf({ jpeg, cropped: [7728, 5152] });
    assert.equal(sniffRawFormat(file), 'raf');
    const facts = await imageFacts(file);
    assert.equal(facts.orientation, 6);
    assert.deepEqual([facts.width, facts.height], [5152, 7728]);
    const meta = await sharp((await renderThumbnails(file, facts)).preview).metadata();
    assert.deepEqual([meta.width, meta.height], [1067, 1600]);
    const metadata = await readMetadata(file, facts.embedded);
    assert.equal(metadata.camera, 'FUJIFILM X-T5');
    assert.equal(metadata.takenAt, '2023-05-06T07:08:09Z');
  });
});

describe('hostile RAW files', () => {
  test('cut short or scrambled: a clear answer, never a hang or a crash', async () => {
    const whole = dng({ preview: await twoColourJpeg(600, 400) });
    const crx = cr3({ thumbnail: Buffer.alloc(10), preview: Buffer.alloc(10), make: 'Canon', model: 'X', date: '2020:01:01 00:00:00' });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const original of [whole, crx]) {
      for (const cut of [16, 40, 100, 300, original.length - 100]) {
        const file = original.subarray(0, cut);
        await imageFacts(file).then(
          (facts) => assert.ok(facts.noPreview === null || /RAW|placeholder|preview/.test(facts.noPreview)),
          (error: Error) => assert.match(error.message, /damaged|not an image|truncated|format/),
        );
      }
      for (let round = 0; round < 30; round++) {
        const file = Buffer.from(original);
        for (let i = 0; i < 20; i++) file[16 + Math.floor(random() * (file.length - 16))] = Math.floor(random() * 256);
        await imageFacts(file).catch((error: Error) => assert.ok(error.message.length < 400));
      }
    }
  });
});
