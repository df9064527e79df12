// The folder scan decides by content: every file under the added folders is either handed to
// the ingest (an image, whatever its name), reported as failed, or skipped with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { scanFolders } from '../../../../../electron/catalogue/ingest/scanFolders.ts';
import { renderMessage } from '../../../../../shared/errorMessages.ts';
import hu from '../../../../../shared/locales/hu/errors.json' with { type: 'json' };
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

const png = () => sharp({ create: { width: 6, height: 4, channels: 3, background: '#246' } }).png().toBuffer();

async function mixedFolder(): Promise<string> {
  const dir = path.join(await tempDir(), 'donation');
  await writeFixture(dir, 'scan_0042', makeJpeg());
  await writeFixture(dir, 'photo.dat', makeJpeg());
  await writeFixture(dir, 'really-a-png.jpg', png());
  await writeFixture(dir, 'fortepan_1.jpg', makeJpeg());
  await writeFixture(dir, 'notes.txt', Promise.resolve(Buffer.from('Adományozó: Nagy Gyula\n')));
  await writeFixture(dir, 'Thumbs.db', Promise.resolve(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])));
  await writeFixture(dir, '.DS_Store', Promise.resolve(Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31])));
  await writeFixture(dir, '._fortepan_1.jpg', Promise.resolve(Buffer.from([0, 5, 0x16, 7, 0, 2, 0, 0])));
  await writeFixture(dir, 'empty', Promise.resolve(Buffer.alloc(0)));
  await writeFixture(dir, '.secret.jpg', makeJpeg());
  await writeFixture(dir, '.settings', Promise.resolve(Buffer.from('[view]\nsort=name\n')));
  await writeFixture(dir, 'sub/list.pdf', Promise.resolve(Buffer.from('%PDF-1.4\n')));
  await writeFixture(dir, 'sub/fortepan_1.xmp', Promise.resolve(Buffer.from('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')));
  await writeFixture(dir, '.hidden-folder/inside.jpg', makeJpeg());
  return dir;
}

test('images are found by content under any name; the rest is skipped with its reason, none in silence', async () => {
  const dir = await mixedFolder();
  const scan = await scanFolders([dir]);
  const rel = (p: string) => path.relative(dir, p);
  assert.deepEqual(scan.files.map(rel), ['.secret.jpg', 'fortepan_1.jpg', 'photo.dat', 'really-a-png.jpg', 'scan_0042']);
  assert.deepEqual(scan.failed, []);
  assert.deepEqual(
    scan.skipped.map((s) => [rel(s.path), s.reason, s.message]),
    [
      ['.DS_Store', 'system', 'system file (.DS_Store)'],
      ['._fortepan_1.jpg', 'system', 'system file (AppleDouble)'],
      ['.settings', 'hidden', 'hidden file'],
      ['Thumbs.db', 'system', 'system file (Thumbs.db)'],
      ['empty', 'empty', 'empty file (0 bytes)'],
      ['notes.txt', 'text', 'text file'],
      ['sub/fortepan_1.xmp', 'sidecar', 'XMP sidecar: read with the photo of the same name'],
      ['sub/list.pdf', 'document', 'document (PDF)'],
    ],
  );
  // A hidden folder is not walked (as before): its files are neither catalogued nor listed.
  assert.ok(!scan.skipped.some((s) => s.path.includes('.hidden-folder')));

  // A name that disagrees with the content is noted, by key too (the UI's language).
  const notes = [...scan.notes.values()].map((n) => [rel(n.path), n.message, n.key, n.params]);
  assert.deepEqual(notes, [
    ['photo.dat', 'named .dat but its content is JPEG', 'ingestWrongExtension', { ext: '.dat', format: 'JPEG' }],
    ['really-a-png.jpg', 'named .jpg but its content is PNG', 'ingestWrongExtension', { ext: '.jpg', format: 'PNG' }],
    ['scan_0042', 'its name has no extension but its content is JPEG', 'ingestNoExtension', { format: 'JPEG' }],
  ]);
  const huCatalogue = { messages: hu, plurals: new Intl.PluralRules('hu'), numbers: new Intl.NumberFormat('hu-HU') };
  assert.equal(renderMessage(huCatalogue, 'ingestWrongExtension', { ext: '.jpg', format: 'PNG' }), 'a neve .jpg kiterjesztésű, de a tartalma PNG');
  assert.equal(renderMessage(huCatalogue, scan.skipped[0].key!, scan.skipped[0].params), 'rendszerfájl (.DS_Store)');
});

test('a file named like an image goes to the ingest even when its content is none: its failure says what it found', async () => {
  const dir = await tempDir();
  await writeFixture(dir, 'empty.jpg', Promise.resolve(Buffer.alloc(0)));
  await writeFixture(dir, 'broken.jpg', Promise.resolve(Buffer.from('this is not a JPEG at all')));
  await writeFixture(dir, 'cut.tif', Promise.resolve(Buffer.from('II*\0')));
  const scan = await scanFolders([dir]);
  assert.deepEqual(scan.files.map((f) => path.basename(f)), ['broken.jpg', 'cut.tif', 'empty.jpg']);
  assert.deepEqual(scan.skipped, []);
});

test('files named on their own are sniffed too; a system file is not read', async () => {
  const dir = await tempDir();
  const jpeg = await writeFixture(dir, '.chosen', makeJpeg());
  const text = await writeFixture(dir, 'readme.md', Promise.resolve(Buffer.from('# Fortepan\n')));
  const fork = await writeFixture(dir, '._x.jpg', makeJpeg());
  const scan = await scanFolders([jpeg, text, fork, text]);
  assert.deepEqual(scan.files, [jpeg]);
  assert.deepEqual(scan.skipped.map((s) => [path.basename(s.path), s.reason]), [['readme.md', 'text'], ['._x.jpg', 'system']]);
});

test('a file the catalogue already holds is taken as an image without reading it again', async () => {
  const dir = await tempDir();
  const kept = await writeFixture(dir, 'kept.txt', Promise.resolve(Buffer.from('was a JPEG once')));
  const scan = await scanFolders([dir], { isCatalogued: (file) => file === kept });
  assert.deepEqual(scan.files, [kept]);
  assert.deepEqual(scan.skipped, []);
});

test('FIFOs, broken links and names that are not UTF-8: failures when they may be photos, skips when their content says otherwise', async (t) => {
  if (process.platform === 'win32') return t.skip('POSIX file types');
  const dir = await tempDir();
  execFileSync('mkfifo', [path.join(dir, 'pipe')]);
  fs.symlinkSync('nowhere', path.join(dir, 'gone'));
  fs.symlinkSync('photo', path.join(dir, 'link-to-photo'));
  await writeFixture(dir, 'photo', makeJpeg());
  // "jegyzet-é" and "kép-é" in Latin-1: not valid UTF-8.
  const latin1 = (name: string) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);
  fs.writeFileSync(latin1('jegyzet-\xe9.txt'), 'notes');
  fs.writeFileSync(latin1('k\xe9p-\xe9'), await makeJpeg());
  const scan = await scanFolders([dir]);
  assert.deepEqual(scan.files.map((f) => path.basename(f)), ['link-to-photo', 'photo']);
  assert.deepEqual(scan.failed.map((f) => `${path.basename(f.path)}: ${f.reason}`), [
    'gone: broken symbolic link: its target does not exist',
    'k\\xe9p-\\xe9: file name is not valid UTF-8',
    'pipe: not a regular file (FIFO)',
  ]);
  assert.deepEqual(scan.skipped.map((s) => `${path.basename(s.path)}: ${s.reason}`), ['jegyzet-\\xe9.txt: text']);
});

test('a folder of many files is scanned in its order, every file accounted for', async () => {
  const dir = await tempDir();
  const jpeg = await makeJpeg({ width: 8, height: 8 });
  for (let i = 0; i < 300; i++) {
    const name = `f${String(i).padStart(3, '0')}`;
    fs.writeFileSync(path.join(dir, i % 3 === 0 ? `${name}.txt` : name), i % 3 === 0 ? 'text' : jpeg);
  }
  const scan = await scanFolders([dir]);
  assert.equal(scan.files.length, 200);
  assert.equal(scan.skipped.length, 100);
  const names = scan.files.map((f) => path.basename(f));
  assert.deepEqual(names, [...names].sort());
});
