// The ingest as the CLI reports it: images by content are catalogued (a wrong name noted), and
// every other file is in `skipped` with its reason and counted per reason, in --json and in
// the plain summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import sharp from 'sharp';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fototar } from '../../../../support/cli.ts';

async function donation(): Promise<{ dir: string; photos: string }> {
  const dir = await tempDir();
  const photos = path.join(dir, 'donation');
  await writeFixture(photos, 'scan_0042', makeJpeg({ xmp: { title: 'Erzsébet híd' } }));
  await writeFixture(photos, 'really-a-png.jpg', sharp({ create: { width: 6, height: 4, channels: 3, background: '#246' } }).png().toBuffer());
  await writeFixture(photos, 'notes.txt', Promise.resolve(Buffer.from('Adományozó: Nagy Gyula\n')));
  await writeFixture(photos, 'Thumbs.db', Promise.resolve(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
  await writeFixture(photos, '.DS_Store', Promise.resolve(Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31])));
  await writeFixture(photos, '._scan.jpg', Promise.resolve(Buffer.from([0, 5, 0x16, 7, 0, 2, 0, 0])));
  await writeFixture(photos, 'empty', Promise.resolve(Buffer.alloc(0)));
  return { dir, photos };
}

test('fototar ingest --json lists every skipped file with its reason and counts them; a wrong name is a warning', async () => {
  const { dir, photos } = await donation();
  const run = fototar('ingest', photos, '--catalogue', path.join(dir, 'cat'), '--json');
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    added: number;
    failed: unknown[];
    warnings: { path: string; message: string }[];
    skipped: Record<string, unknown>[];
    skippedByReason: Record<string, number>;
    photos: number;
  };
  assert.equal(report.added, 2);
  assert.equal(report.photos, 2);
  assert.deepEqual(report.failed, []);
  assert.deepEqual(
    report.warnings.map((w) => `${path.basename(w.path)}: ${w.message}`),
    ['really-a-png.jpg: named .jpg but its content is PNG', 'scan_0042: its name has no extension but its content is JPEG'],
  );
  // English only, as every --json list of the CLI: no message keys.
  assert.deepEqual(
    report.skipped.map((s) => ({ ...s, path: path.relative(photos, s.path as string) })),
    [
      { path: '.DS_Store', reason: 'system', message: 'system file (.DS_Store)' },
      { path: '._scan.jpg', reason: 'system', message: 'system file (AppleDouble)' },
      { path: 'Thumbs.db', reason: 'system', message: 'system file (Thumbs.db)' },
      { path: 'empty', reason: 'empty', message: 'empty file (0 bytes)' },
      { path: 'notes.txt', reason: 'text', message: 'text file' },
    ],
  );
  assert.deepEqual(report.skippedByReason, { system: 3, text: 1, empty: 1 });
  assert.deepEqual(Object.keys(report.skippedByReason), ['system', 'text', 'empty'], 'counts in the reasons’ order');
});

test('fototar ingest says in one line how many files were skipped and why', async () => {
  const { dir, photos } = await donation();
  const run = fototar('ingest', photos, '--catalogue', path.join(dir, 'cat'));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^skipped 5 files that are not images \(3 system files, 1 text file, 1 empty file\)$/m);
  assert.match(run.stdout, /^warning: .*really-a-png\.jpg: named \.jpg but its content is PNG$/m);

  const one = path.join(dir, 'one');
  await writeFixture(one, 'a.pdf', Promise.resolve(Buffer.from('%PDF-1.4\n')));
  const single = fototar('ingest', one, '--catalogue', path.join(dir, 'cat2'));
  assert.match(single.stdout, /^skipped 1 file that is not an image \(1 document\)$/m);
});
