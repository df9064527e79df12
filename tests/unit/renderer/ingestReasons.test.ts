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
    // A decoder's own words stay as they are.
    ['VipsJpeg: Premature end of input file', 'VipsJpeg: Premature end of input file'],
  ];
  for (const [reason, hu] of cases) assert.equal(ingestReason(reason, t), hu, reason);
});

test('in English the reasons stay as the catalogue wrote them', async () => {
  const t = (await translator('en', 'ingest')) as unknown as TFunction<'ingest'>;
  for (const reason of ['empty file (0 bytes)', 'not a regular file (socket)', 'cannot read file: permission denied (EPERM)', 'not an image file type Fototar ingests (no extension)', 'could not process: image has no dimensions']) {
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
