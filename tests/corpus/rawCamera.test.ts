// The camera RAW corpus (../shared/corpus/raw-camera, never copied into the repository): every
// file is ingested once and must be catalogued with its metadata as ExifTool reads it
// (exiftool.json: make, model, capture date, image size). The PhotoPrism DNG carries a real
// embedded preview, which must be the photo's preview; ExifTool's test stubs carry placeholders
// of a few bytes ("<Dummy preview image data>") or 8×8 blank JPEGs, and must say so.
// Run with `npm run test:corpus`. Skips, saying why, where the corpus folder does not exist.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import type { IngestReport, Photo } from '../../shared/types.ts';
import { exifDate } from './corpusExpectations.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rawCamera = path.resolve(repoRoot, '..', 'shared', 'corpus', 'raw-camera');
const present = fs.existsSync(path.join(rawCamera, 'MANIFEST.tsv'));

type ExifTool = Record<string, unknown>;

/**
 * What each file's preview must be. The RAF stub is the exception to "stubs have none": its
 * preview JPEG is an 8×8 blank placeholder, but that JPEG's own EXIF keeps the camera's real
 * 160×120 thumbnail (ExifTool: IFD1 ThumbnailLength 9362, a façade), the largest real picture
 * in the file, so it is shown.
 */
const PREVIEWS: Record<string, { size: [number, number] } | { none: RegExp }> = {
  'files/photoprism_canon_eos_6d.dng': { size: [1024, 683] },
  'files/exiftool_FujiFilm.raf': { size: [160, 120] },
  'files/exiftool_CanonRaw.cr2': { none: /^the RAW file's embedded preview is a placeholder \(\d+ bytes\)/ },
  'files/exiftool_CanonRaw.cr3': { none: /^the RAW file's embedded preview is a placeholder \(\d+ bytes\)/ },
  'files/exiftool_DNG.dng': { none: /^the RAW file's embedded preview is a placeholder \(\d+ bytes\)/ },
  'files/exiftool_Nikon.nef': { none: /^the RAW file's embedded preview is a placeholder \(\d+ bytes\)/ },
  'files/exiftool_Panasonic.rw2': { none: /^the RAW file's embedded preview is a placeholder \(8×8 pixels\)/ },
};

function manifest(): { rel: string; expected: string }[] {
  const lines = fs.readFileSync(path.join(rawCamera, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { rel: cells[header.indexOf('relative_path')], expected: cells[header.indexOf('expected')] };
  });
}

/** The catalogue's camera text: make, then the model without the make repeated. */
function cameraOf(e: ExifTool): string {
  const make = String(e['IFD0:Make'] ?? '').trim();
  const model = String(e['IFD0:Model'] ?? '').trim();
  return [make, model.startsWith(make) ? model.slice(make.length).trim() : model].filter(Boolean).join(' ');
}

if (!present) {
  test('raw-camera corpus', { skip: `corpus not found at ${rawCamera} (it lives outside the repository; see tests/corpus/README)` }, () => {});
} else {
  const rows = manifest();
  const exiftool = (JSON.parse(fs.readFileSync(path.join(rawCamera, 'exiftool.json'), 'utf8')) as { files: Record<string, ExifTool> }).files;
  let dir = '';
  let catalogue: Catalogue;
  let report: IngestReport;
  const byFile = new Map<string, Photo>();

  describe('raw-camera corpus', () => {
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-raw-corpus-'));
      catalogue = Catalogue.open(path.join(dir, 'catalogue'), { create: true });
      report = await catalogue.ingest.run([path.join(rawCamera, 'files')], { taskTimeoutMs: 15_000 });
      for await (const photo of catalogue.photos.iterateAll()) byFile.set(path.relative(rawCamera, photo.file), photo);
    });
    after(() => {
      catalogue?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('every file is catalogued, none refused', () => {
      assert.deepEqual(report.failed, []);
      assert.deepEqual([...byFile.keys()].sort(), rows.map((r) => r.rel).sort());
      assert.deepEqual(Object.keys(PREVIEWS).sort(), rows.map((r) => r.rel).sort(), 'every file has its preview expectation');
    });

    for (const row of rows) {
      test(`${row.rel}: metadata as ExifTool reads it`, () => {
        const photo = byFile.get(row.rel);
        const e = exiftool[row.rel];
        assert.ok(photo, `${row.rel} not catalogued`);
        assert.ok(e, `no ExifTool reading for ${row.rel}`);
        const context = `${row.rel} (manifest expects: ${row.expected})`;
        assert.equal(photo.camera, cameraOf(e), `${context}: camera`);
        const takenAt = exifDate(e['ExifIFD:DateTimeOriginal']);
        assert.ok(takenAt, `${context}: ExifTool gives a capture date`);
        assert.equal(photo.takenAt, takenAt, `${context}: capture date`);
        assert.equal(photo.date, takenAt.slice(0, 10), `${context}: date`);
        // ExifTool's image size is the sensor image's ("3456 2304"); every file is upright.
        assert.equal(e['IFD0:Orientation'], 1);
        const [width, height] = String(e['Composite:ImageSize']).split(/[ x]/).map(Number);
        assert.deepEqual([photo.width, photo.height], [width, height], `${context}: size`);
        assert.equal(photo.format, String(e['File:FileType']).toLowerCase(), `${context}: format`);
      });

      test(`${row.rel}: preview`, async () => {
        const photo = byFile.get(row.rel);
        assert.ok(photo);
        const expected = PREVIEWS[row.rel];
        if ('none' in expected) {
          assert.match(photo.previewError ?? '', expected.none, row.rel);
          assert.equal(await catalogue.photos.imageFile(photo.id, 'grid'), null, `${row.rel}: no thumbnail at all, never a broken one`);
          return;
        }
        assert.equal(photo.previewError, null, row.rel);
        const previewFile = await catalogue.photos.imageFile(photo.id, 'preview');
        const gridFile = await catalogue.photos.imageFile(photo.id, 'grid');
        assert.ok(previewFile && gridFile, `${row.rel}: thumbnails written`);
        const preview = await sharp(previewFile).metadata();
        assert.deepEqual([preview.width, preview.height], expected.size, `${row.rel}: the embedded preview, at its own size`);
        const grid = await sharp(gridFile).metadata();
        assert.ok(Math.max(grid.width, grid.height) <= 320 && grid.width > grid.height, `${row.rel}: grid ${grid.width}x${grid.height}`);
        // A picture, not a blank: the pixels vary in every channel.
        const stats = await sharp(previewFile).stats();
        for (const channel of stats.channels) assert.ok(channel.stdev > 10, `${row.rel}: preview stdev ${channel.stdev}`);
      });
    }
  });
}
