// Files as they really are on disk: cut short, still being written, named in a legacy code
// page, looping links, FIFOs and devices. Each is either catalogued with what could be read and
// a visible warning, or reported with its own reason; none blocks the ingest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { readStableFile } from '../../../../../electron/catalogue/ingest/readStableFile.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fototar } from '../../../../support/cli.ts';

/** An image with detail everywhere, so its first half compresses to about half the bytes. */
const detailed = (format: 'jpeg' | 'png') =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    [format]()
    .toBuffer();

test('half-truncated JPEG and PNG keep the preview of what could be read and are marked truncated: stored, shown, reported', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  const jpeg = await detailed('jpeg');
  const png = await detailed('png');
  await writeFixture(photos, 'half.jpg', Promise.resolve(jpeg.subarray(0, Math.floor(jpeg.length / 2))));
  await writeFixture(photos, 'half.png', Promise.resolve(png.subarray(0, Math.floor(png.length / 2))));
  await writeFixture(photos, 'whole.jpg', Promise.resolve(jpeg));
  const root = path.join(dir, 'cat');

  const run = fototar('ingest', photos, '--catalogue', root, '--json');
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { added: number; failed: unknown[]; warnings: { path: string; message: string }[] };
  assert.equal(report.added, 3);
  assert.deepEqual(report.failed, []);
  const warned = report.warnings.map((w) => `${path.basename(w.path)}: ${w.message}`);
  assert.equal(warned.length, 2, warned.join('\n'));
  assert.match(warned[0], /^half\.jpg: preview incomplete, truncated: the file ends before the image does/);
  assert.match(warned[1], /^half\.png: preview incomplete, truncated: /);

  const catalogue = Catalogue.open(root, { readOnly: true });
  try {
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));
    for (const name of ['half.jpg', 'half.png']) {
      const photo = byName.get(name)!;
      assert.match(photo.previewWarning ?? '', /^truncated: /, name);
      assert.equal(photo.previewError, null, `${name} keeps its preview`);
      assert.ok(await catalogue.photos.imageFile(photo.id, 'preview'), `${name} has a preview of its first half`);
    }
    assert.equal(byName.get('whole.jpg')!.previewWarning, null);
    const id = String(byName.get('half.jpg')!.id);
    assert.match(JSON.parse(fototar('show', id, '--catalogue', root, '--json').stdout).previewWarning, /^truncated: /);
    assert.match(fototar('show', id, '--catalogue', root).stdout, /^preview {6}truncated: the file ends before the image does/m);
  } finally {
    catalogue.close();
  }
});

test('a file whose size changes while it is read is read again once it has settled, or reported as still being written', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'growing.jpg');
  const whole = await makeJpeg({ width: 120, height: 90 });
  fs.writeFileSync(file, whole.subarray(0, 1000));
  // The rest of the file arrives while the first read is under way (a copy still running).
  const settled = await readStableFile(file, { settleMs: 1, afterRead: (attempt) => (attempt === 0 ? fs.appendFileSync(file, whole.subarray(1000)) : undefined) });
  assert.equal(settled.ok, true);
  assert.ok(settled.ok && settled.bytes.equals(whole), 'the second read has the whole file');

  let n = 0;
  const never = await readStableFile(file, { settleMs: 1, attempts: 3, afterRead: () => fs.appendFileSync(file, Buffer.from([n++])) });
  assert.deepEqual(never, { ok: false, reason: 'the file was still being written: its size or modification time changed while it was read (3 tries)' });
});

test('a name that is not UTF-8, a symbolic-link loop, a broken link, a FIFO and a device link each get their own reason; a FIFO never blocks', async (t) => {
  if (process.platform === 'win32') return t.skip('POSIX file types');
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'good.jpg', makeJpeg());
  // "café.jpg" as Latin-1 bytes: not valid UTF-8.
  fs.writeFileSync(Buffer.concat([Buffer.from(`${photos}/caf`), Buffer.from([0xe9]), Buffer.from('.jpg')]), await makeJpeg({ colour: '#123456' }));
  fs.symlinkSync('loop-b.jpg', path.join(photos, 'loop-a.jpg'));
  fs.symlinkSync('loop-a.jpg', path.join(photos, 'loop-b.jpg'));
  fs.symlinkSync('nowhere.jpg', path.join(photos, 'broken.jpg'));
  execFileSync('mkfifo', [path.join(photos, 'pipe.jpg')]);
  fs.symlinkSync(path.join(photos, 'pipe.jpg'), path.join(photos, 'pipe-link.jpg'));
  fs.symlinkSync('/dev/zero', path.join(photos, 'device.jpg'));
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    // A short deadline: were the FIFO opened for reading, this ingest would wait for it.
    const report = await catalogue.ingest.run([photos, path.join(photos, 'pipe.jpg'), path.join(photos, 'loop-a.jpg')], { taskTimeoutMs: 20_000 });
    assert.equal(report.added, 1);
    const reasons = report.failed.map((f) => `${path.relative(photos, f.path)}: ${f.reason}`).sort();
    assert.deepEqual(reasons, [
      'broken.jpg: broken symbolic link: its target does not exist',
      'caf\\xe9.jpg: file name is not valid UTF-8',
      'device.jpg: not a regular file (device)',
      'loop-a.jpg: symbolic link loop',
      'loop-a.jpg: symbolic link loop',
      'loop-b.jpg: symbolic link loop',
      'pipe-link.jpg: not a regular file (FIFO)',
      'pipe.jpg: not a regular file (FIFO)',
      'pipe.jpg: not a regular file (FIFO)',
    ]);
  } finally {
    catalogue.close();
  }
});
