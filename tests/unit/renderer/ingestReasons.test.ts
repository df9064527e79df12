// Why a file was not added: the ingest report's English reasons, said in the UI language; a
// reason of a form the UI does not know is shown as the catalogue wrote it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { ingestReason } from '../../../renderer/src/ingest/ingestReasons.ts';
import { notRegularFile, fileSystemReason } from '../../../electron/catalogue/ingest/fileProblems.ts';
import { translator } from './i18nForTests.ts';

const stat = (kind: string) => ({
  isFIFO: () => kind === 'fifo',
  isCharacterDevice: () => kind === 'device',
  isBlockDevice: () => false,
  isSocket: () => kind === 'socket',
  isDirectory: () => kind === 'folder',
});
const errno = (code: string) => Object.assign(new Error(code), { code });

test('the reasons the ingest writes are said in Hungarian', async () => {
  const t = (await translator('hu', 'ingest')) as unknown as TFunction<'ingest'>;
  const cases: [string, string][] = [
    ['empty file (0 bytes)', 'üres fájl (0 bájt)'],
    ['file too large (2147483648 bytes)', 'túl nagy fájl (2\u00a0147\u00a0483\u00a0648 bájt)'],
    [`cannot read file: ${fileSystemReason(errno('EACCES'))}`, 'a fájl nem olvasható: nincs jogosultság (EACCES)'],
    [`cannot read folder: ${fileSystemReason(errno('ENOENT'))}`, 'a mappa nem olvasható: nem található (ENOENT)'],
    [`cannot read file: ${fileSystemReason(errno('EIO'))}`, 'a fájl nem olvasható: EIO'],
    [notRegularFile(stat('fifo')), 'nem közönséges fájl (FIFO)'],
    [notRegularFile(stat('device')), 'nem közönséges fájl (eszköz)'],
    [notRegularFile(stat('')), 'nem közönséges fájl'],
    [fileSystemReason(errno('ELOOP')), 'szimbolikus linkhurok'],
    ['file name is not valid UTF-8', 'a fájl neve nem érvényes UTF-8'],
    ['broken symbolic link: its target does not exist', 'hibás szimbolikus link: a célja nem létezik'],
    ['not an image file type Fototar ingests (.txt)', 'a Fototar ilyen típusú fájlt nem olvas be (.txt)'],
    ['not an image file type Fototar ingests (no extension)', 'a Fototar ilyen típusú fájlt nem olvas be (nincs kiterjesztés)'],
    ['the file was still being written: its size or modification time changed while it was read (3 tries)', 'a fájl írása még tartott: a mérete vagy a módosítás ideje megváltozott olvasás közben (3 próbálkozás)'],
    ['could not process: file is damaged: it starts like a JPEG but its structure cannot be read', 'nem sikerült feldolgozni: sérült fájl: JPEG fájlként kezdődik, de a szerkezete nem olvasható'],
    ['ingest stopped before this file was read', 'a beolvasás leállt, mielőtt ez a fájl sorra került volna'],
    // Why a photo has no preview (the grid and the large view show it): the thumbnailer's words.
    ['no decoder for JPEG 2000 images in this build of Fototar', 'a Fototar ezen változata nem tud JPEG 2000 képet megjeleníteni'],
    ['too large to preview: 30000×20000 pixels is over the 268 megapixel limit', 'túl nagy az előnézethez: 30000×20000 képpont, a határ 268 megapixel'],
    // The reasons of the decoders for formats sharp cannot open (JPEG 2000, HEIF, BMP, AVIF sequences, RAW).
    ['too large to preview: a 20000×15000 BMP is over the 100 megapixel limit for BMP', 'túl nagy az előnézethez: 20000×15000 képpontos BMP, a BMP-k határa 100 megapixel'],
    [
      'too large to preview: a 9000×6000 HEIF image is decoded whole, which takes about 702 MB, over the 450 MB a preview may use',
      'túl nagy az előnézethez: a HEIF-kép (9000×6000 képpont) csak egészben dekódolható, ez kb. 702 MB, egy előnézet legfeljebb 450 MB-ot használhat',
    ],
    [
      'too large to preview (progressive JPEG, 120 MP): it can only be decoded whole, which takes about 1440 MB, over the 1000 MB a preview may use',
      'túl nagy az előnézethez (progressive JPEG, 120 MP): csak egészben dekódolható, ez kb. 1440 MB, egy előnézet legfeljebb 1000 MB-ot használhat',
    ],
    ['file is truncated or corrupt (BMP pixel data is short)', 'a fájl csonka vagy sérült (BMP pixel data is short)'],
    ['JPEG 2000 is damaged: no codestream', 'sérült JPEG 2000: no codestream'],
    ['HEIF is damaged: its primary image has no size', 'sérült HEIF: its primary image has no size'],
    ['no preview for a CMYK JPEG 2000: its decoder in this build returns CMYK samples, which Fototar does not convert', 'CMYK JPEG 2000-hez nincs előnézet: ebben a változatban a dekódoló CMYK-mintákat ad, ezeket a Fototar nem alakítja át'],
    ['this build of Fototar is missing its decoder (openjpeg.wasm)', 'a Fototar ezen változatából hiányzik a dekódoló (openjpeg.wasm)'],
    ['HEIF with an unsupported codec: this build of Fototar decodes HEVC (HEIC) and AV1 (AVIF) only', 'nem támogatott kódolású HEIF: a Fototar ezen változata csak HEVC (HEIC) és AV1 (AVIF) képet dekódol'],
    ['HEIF has no primary image to preview (No pitm box)', 'a HEIF-fájlban nincs megjeleníthető elsődleges kép (No pitm box)'],
    [
      'no preview for this AVIF sequence: it has frames only and no still image, and this build of Fototar decodes AVIF stills only',
      'ehhez az AVIF-sorozathoz nincs előnézet: csak képkockái vannak, állóképe nincs, a Fototar ezen változata pedig csak AVIF-állóképet jelenít meg',
    ],
    [
      'could not process: file is damaged: it starts like a Nikon NEF file but states no image size and has no readable preview',
      'nem sikerült feldolgozni: sérült fájl: Nikon NEF fájlként kezdődik, de nem adja meg a kép méretét, és nincs olvasható előnézete',
    ],
    // A decoder's own words stay as they are.
    ['VipsJpeg: Premature end of input file', 'VipsJpeg: Premature end of input file'],
  ];
  for (const [reason, hu] of cases) assert.equal(ingestReason(reason, t), hu, reason);
});

test('in English the reasons stay as the catalogue wrote them', async () => {
  const t = (await translator('en', 'ingest')) as unknown as TFunction<'ingest'>;
  for (const reason of ['empty file (0 bytes)', 'not a regular file (socket)', 'cannot read file: permission denied (EPERM)', 'not an image file type Fototar ingests (no extension)', 'could not process: image has no dimensions',
    'too large to preview (progressive JPEG, 120 MP): it can only be decoded whole, which takes about 1440 MB, over the 1000 MB a preview may use',
    'too large to preview: a 9000×6000 HEIF image is decoded whole, which takes about 702 MB, over the 450 MB a preview may use',
    'JPEG 2000 is damaged: no codestream', 'HEIF has no primary image to preview (No pitm box)']) {
    assert.equal(ingestReason(reason, t), reason);
  }
  assert.equal(ingestReason('file too large (2147483648 bytes)', t), 'file too large (2,147,483,648 bytes)');
});

test("a RAW file's no-preview reasons, as the thumbnailer writes them, are said in Hungarian", async () => {
  const { imageFacts } = await import('../../../electron/catalogue/thumbnails/makeThumbnails.ts');
  const { dng, twoColourJpeg } = await import('../../support/rawFixtures.ts');
  const t = (await translator('hu', 'ingest')) as unknown as TFunction<'ingest'>;
  const policy = 'a Fototar a RAW-fájl saját előnézetét mutatja, a szenzor nyers adatait nem dolgozza fel';
  const placeholder = (await imageFacts(dng({ preview: Buffer.from('<Dummy preview image data>', 'latin1') }))).noPreview ?? '';
  assert.equal(ingestReason(placeholder, t), `a RAW-fájl beágyazott előnézete csak helykitöltő (26 bájt); ${policy}`);
  const blank = (await imageFacts(dng({ preview: await twoColourJpeg(8, 8, '#fff', '#fff') }))).noPreview ?? '';
  assert.equal(ingestReason(blank, t), `a RAW-fájl beágyazott előnézete csak helykitöltő (8×8 képpont); ${policy}`);
  const garbage = (await imageFacts(dng({ preview: Buffer.alloc(4096, 0x41) }))).noPreview ?? '';
  assert.match(ingestReason(garbage, t), /^a RAW-fájl beágyazott előnézete nem olvasható \(4096 bytes at SubIFD1 JPEG strip are not a JPEG image\); /);
  assert.equal(ingestReason("the Sony ARW file has no embedded preview; Fototar shows a RAW file's own preview and does not decode its sensor data", t), `Sony ARW: a fájlban nincs beágyazott előnézet; ${policy}`);
});
