// The real-world corpus (../shared/corpus, never copied into the repository): every file of
// real-world/MANIFEST.tsv is ingested once and checked against ExifTool's reading and the
// manifest's expectation; the Fortepan sample must come in whole with its numbers.
// Run with `npm run test:corpus`. Skips, saying why, where the corpus folder does not exist.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { readMetadata } from '../../electron/catalogue/metadata/readMetadata.ts';
import type { IngestReport, Photo } from '../../shared/types.ts';
import { flattenTags } from '../../shared/tags.ts';
import { expectedFromExifTool, normalise, REFERENCE_PREVIEWS, SPECIAL, type ExifTool } from './corpusExpectations.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const realWorld = path.join(corpus, 'real-world');
const present = fs.existsSync(path.join(realWorld, 'MANIFEST.tsv'));
/**
 * Per-file deadline: the hung-parser files must cost seconds, not the suite. Not less: the
 * largest HEIC decoded (33 MP, HEVC in WebAssembly) takes 5 s on a quiet machine and 19 s on
 * one with a load of 20 on 2 cores.
 */
const TASK_TIMEOUT_MS = 60_000;

interface Row {
  rel: string;
  exercises: string;
  expected: string;
}

function manifest(): Row[] {
  const lines = fs.readFileSync(path.join(realWorld, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0].split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { rel: cells[col('relative_path')], exercises: cells[col('what_it_exercises')], expected: cells[col('expected')] };
  });
}

if (!present) {
  test('real-world corpus', { skip: `corpus not found at ${corpus} (it lives outside the repository; see tests/corpus/README)` }, () => {});
} else {
  const rows = manifest();
  const exiftool = (JSON.parse(fs.readFileSync(path.join(realWorld, 'exiftool.json'), 'utf8')) as { files: Record<string, ExifTool> }).files;
  let dir = '';
  let catalogue: Catalogue;
  let report: IngestReport;
  const byFile = new Map<string, Photo>();
  const failures = new Map<string, string>();
  const skips = new Map<string, string>();

  describe('real-world corpus', () => {
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-corpus-'));
      catalogue = Catalogue.open(path.join(dir, 'catalogue'), { create: true });
      report = await catalogue.ingest.run([path.join(realWorld, 'files')], { taskTimeoutMs: TASK_TIMEOUT_MS });
      for await (const photo of catalogue.photos.iterateAll()) byFile.set(path.relative(realWorld, photo.file).normalize('NFC'), photo);
      for (const failure of report.failed) failures.set(path.relative(realWorld, failure.path).normalize('NFC'), failure.reason);
      for (const skip of report.skipped) skips.set(path.relative(realWorld, skip.path).normalize('NFC'), skip.reason);
    });
    after(() => {
      catalogue?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('every file is accounted for: catalogued, refused with a reason, or skipped as not an image with a reason', async () => {
      assert.deepEqual(await unaccounted(path.join(realWorld, 'files'), report, catalogue), []);
      // The sidecars are skipped as sidecars (their images carry what they say).
      const sidecars = rows.filter((r) => r.rel.endsWith('.xmp')).map((r) => r.rel.normalize('NFC'));
      assert.deepEqual(sidecars.map((rel) => skips.get(rel)), sidecars.map(() => 'sidecar'));
      // A JPEG saved as .heic is catalogued by its content, with a note on its name.
      const misnamed = path.join(realWorld, 'files/misnamed/photoprism_wrong.heic');
      assert.ok(byFile.has('files/misnamed/photoprism_wrong.heic'));
      assert.ok(report.warnings.some((w) => w.path === misnamed && w.message === 'named .heic but its content is JPEG'), 'the wrong name is noted');
    });

    test('every image file is either catalogued or refused, nothing else', () => {
      const images = rows.filter((r) => !r.rel.endsWith('.xmp')).map((r) => r.rel.normalize('NFC'));
      const accounted = images.filter((rel) => byFile.has(rel) !== failures.has(rel));
      assert.deepEqual(images.filter((rel) => !accounted.includes(rel)), []);
      assert.equal(report.photos, byFile.size);
      assert.equal(report.added + report.failed.length, images.length);
    });

    for (const row of rows) {
      const rel = row.rel.normalize('NFC');
      test(rel, async () => checkRow(rel, row));
    }

    test('multi-page TIFF: the first page is the preview, the page count is kept', async () => {
      for (const [rel, pages, width, height] of [
        ['files/scans-dpi/multipage_600dpi_bilevel.tif', 5, 4670, 6170],
        ['files/tiff/sharp_G31D_MULTI.TIF', 2, 2464, 3248],
      ] as const) {
        const photo = byFile.get(rel);
        assert.ok(photo, rel);
        assert.equal(photo.pageCount, pages, rel);
        // The size is one page's, not the pages stacked: a stacked strip would be `pages` times taller.
        assert.deepEqual([photo.width, photo.height], [width, height], rel);
        const preview = await sharp((await catalogue.photos.imageFile(photo.id, 'preview'))!).metadata();
        assert.ok(Math.abs(preview.width / preview.height - width / height) < 0.01, `${rel}: preview ${preview.width}x${preview.height}`);
      }
      assert.equal(byFile.get('files/camera-jpeg/Nikon D1X.jpg')?.pageCount, null, 'a single-page file has no page count');
    });

    test('BMP: decoded without sharp, previews in the right colours and upright', async () => {
      const photo = byFile.get('files/bmp/photoprism_example.bmp');
      assert.ok(photo && photo.previewError === null);
      const { data, info } = await sharp((await catalogue.photos.imageFile(photo.id, 'preview'))!).raw().toBuffer({ resolveWithObject: true });
      // A lake under a blue sky: the top row is bluer than it is red (BGR swapped would invert it).
      const [r, , b] = [data[0], data[1], data[2]];
      assert.ok(b > r, `top-left pixel ${[...data.subarray(0, 3)]}`);
      assert.deepEqual([info.width, info.height], [100, 67]);
    });

    describe('JPEG 2000, HEIC and AVIF: real previews in the colours a reference decoder gives', () => {
      for (const [rel, reference] of Object.entries(REFERENCE_PREVIEWS)) {
        test(rel, async () => {
          const photo = byFile.get(rel);
          assert.ok(photo, `${rel} not catalogued: ${failures.get(rel)}`);
          assert.equal(photo.previewError, null, rel);
          const file = await catalogue.photos.imageFile(photo.id, 'preview');
          assert.ok(file, `${rel}: preview missing`);
          const stats = await sharp(file).stats();
          const meta = await sharp(file).metadata();
          // The preview is the photo shrunk to 1600 pixels on its long edge, never enlarged.
          const long = Math.min(1600, Math.max(photo.width!, photo.height!));
          assert.equal(Math.max(meta.width, meta.height), long, `${rel}: preview ${meta.width}x${meta.height} of ${photo.width}x${photo.height}`);
          assert.ok(Math.abs(meta.width / meta.height - photo.width! / photo.height!) < 0.02, `${rel}: preview ${meta.width}x${meta.height} of ${photo.width}x${photo.height}`);
          const mean = stats.channels.slice(0, 3).map((c) => Math.round(c.mean * 10) / 10);
          assert.ok(stats.channels.some((c) => c.stdev > 0), `${rel}: the preview is blank`);
          const off = reference.mean.some((want, i) => Math.abs(want - mean[i]) > 5);
          assert.ok(!off, `${rel}: mean colour ${mean.join(',')}, reference ${reference.mean.join(',')} (±5)`);
        });
      }
    });
  });

  async function checkRow(rel: string, row: Row): Promise<void> {
    const special = SPECIAL[rel];
    const photo = byFile.get(rel);
    const failure = failures.get(rel);
    const context = `${rel}\n  exercises: ${row.exercises}\n  manifest expects: ${row.expected}`;

    if (special && 'sidecar' in special) {
      // Sidecars are not images: the scan skips them as sidecars; their image carries what they say.
      assert.equal(photo, undefined, context);
      assert.equal(failure, undefined, context);
      assert.equal(skips.get(rel), 'sidecar', context);
      if (special.sidecar) assert.ok(byFile.has(special.sidecar), `${context}\n  its image ${special.sidecar} must be catalogued`);
      return;
    }
    if (special && 'fail' in special) {
      assert.equal(photo, undefined, `${context}\n  must not be catalogued (${special.why})`);
      assert.ok(failure, `${context}\n  must be in report.failed (${special.why})`);
      assert.match(failure, special.fail, `${context}\n  reason: ${failure}`);
      return;
    }
    assert.ok(photo, `${context}\n  not catalogued: ${failure}`);
    const e = exiftool[row.rel] ?? exiftool[rel];
    assert.ok(e, `no ExifTool reading for ${rel}`);
    // An XMP sidecar beside the image wins over what the image carries (docs/xmp-sidecars.md):
    // its descriptive fields, as ExifTool reads the sidecar, are what the catalogue must hold.
    const sidecarRel = Object.entries(SPECIAL).find(([, s]) => 'sidecar' in s && s.sidecar === rel)?.[0];
    const fromSidecar: Partial<ReturnType<typeof expectedFromExifTool>> = {};
    if (sidecarRel && exiftool[sidecarRel]) {
      const side = expectedFromExifTool(sidecarRel, exiftool[sidecarRel]);
      for (const key of ['title', 'caption', 'photographer', 'date'] as const) if (side[key]) fromSidecar[key] = side[key];
      for (const key of ['city', 'country', 'place'] as const) if (side[key]) fromSidecar[key] = side[key];
      if (side.tags.length) fromSidecar.tags = side.tags;
    }
    const expected = { ...expectedFromExifTool(rel, e), ...fromSidecar, ...(special?.override ?? {}) };

    if (special?.previewError) assert.match(photo.previewError ?? '', special.previewError, context);
    else {
      assert.equal(photo.previewError, null, context);
      // The grid thumbnail is upright: same shape as the displayed size.
      const grid = await catalogue.photos.imageFile(photo.id, 'grid');
      assert.ok(grid, `${context}\n  grid thumbnail missing`);
      const thumb = await sharp(grid).metadata();
      const shape = (w: number, h: number) => (Math.abs(w - h) <= Math.max(2, 0.02 * Math.max(w, h)) ? 'square' : w > h ? 'landscape' : 'portrait');
      assert.equal(shape(thumb.width, thumb.height), shape(expected.width ?? 0, expected.height ?? 0), `${context}\n  thumbnail ${thumb.width}x${thumb.height}`);
    }

    assert.deepEqual([photo.width, photo.height], [expected.width, expected.height], `${context}\n  displayed size after orientation`);
    assert.equal(photo.takenAt, expected.takenAt, `${context}\n  date taken`);
    assert.equal(photo.date, expected.date, `${context}\n  date`);
    assert.equal(normalise(photo.title), expected.title, `${context}\n  title`);
    assert.equal(normalise(photo.caption), expected.caption, `${context}\n  caption`);
    // The manifest lists flat keywords (what ExifTool's Keywords/Subject hold); Fototar keeps
    // Lightroom's hierarchical paths as paths (issue 16), so the levels are compared.
    assert.deepEqual([...flattenTags(photo.tags)].sort(), [...flattenTags(expected.tags)].sort(), `${context}\n  keywords`);
    assert.equal(normalise(photo.photographer), expected.photographer, `${context}\n  photographer`);
    if (expected.city !== null) assert.equal(photo.city, expected.city, `${context}\n  city`);
    if (expected.country !== null) assert.equal(photo.country, expected.country, `${context}\n  country`);
    if (expected.place !== null) assert.equal(photo.place, expected.place, `${context}\n  place`);
    if (expected.gps === null) assert.equal(photo.gps, null, `${context}\n  GPS`);
    else {
      assert.ok(photo.gps, `${context}\n  GPS missing, expected ${JSON.stringify(expected.gps)}`);
      assert.ok(Math.abs(photo.gps.lat - expected.gps.lat) < 1e-5 && Math.abs(photo.gps.lon - expected.gps.lon) < 1e-5, `${context}\n  GPS ${JSON.stringify(photo.gps)} != ${JSON.stringify(expected.gps)}`);
      if (expected.gps.alt === null) assert.equal(photo.gps.alt, null, `${context}\n  altitude`);
      else assert.ok(photo.gps.alt !== null && Math.abs(photo.gps.alt - expected.gps.alt) < 0.01, `${context}\n  altitude ${photo.gps.alt} != ${expected.gps.alt}`);
    }
  }

  describe('metadata of files that are refused as images', () => {
    const read = async (rel: string) => readMetadata(fs.readFileSync(path.join(realWorld, rel)));
    test('an EXIF-only JPEG without pixels still has readable metadata', async () => {
      const meta = await read('files/makernotes-tiny/libexif_canon_makernote_variant_1.jpg');
      assert.equal(meta.camera, 'Canon PowerShot S70');
      assert.equal(meta.orientation, 6);
    });
    test('JPEG 2000 metadata is read from its uuid boxes', async () => {
      const nikon = await read('files/jpeg2000/RESULT-OK_0008.jp2');
      assert.equal(nikon.camera, 'NIKON CORPORATION NIKON D2X');
      assert.equal(nikon.takenAt, '2019-12-16T15:12:02Z');
      const reagan = await read('files/jpeg2000/exiv2_Reagan.jp2');
      assert.equal(reagan.fields.title, '040621-N-6536T-062');
      assert.match(reagan.fields.caption, /^040621-N-6536T-062\nUSS Ronald Reagan \(CVN 76\), June 21, 2004/);
    });
  });
}

const rawCamera = path.join(corpus, 'raw-camera', 'files');
if (!fs.existsSync(rawCamera)) {
  test('raw-camera corpus', { skip: `corpus not found at ${rawCamera}` }, () => {});
} else {
  test('raw-camera corpus: every file is accounted for, each RAW passed on to the ingest as an image', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-raw-'));
    const catalogue = Catalogue.open(path.join(dir, 'catalogue'), { create: true });
    try {
      const report = await catalogue.ingest.run([rawCamera], { taskTimeoutMs: TASK_TIMEOUT_MS });
      assert.deepEqual(await unaccounted(rawCamera, report, catalogue), []);
      // Camera RAWs are images: catalogued, or refused by the worker with its reason, never skipped.
      assert.deepEqual(report.skipped, []);
    } finally {
      catalogue.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * Every file under `root` that the catalogue and the report do not account for, or account for
 * twice: each must be catalogued, failed with a reason, or skipped with a reason.
 */
async function unaccounted(root: string, report: IngestReport, catalogue: Catalogue): Promise<string[]> {
  const key = (file: string) => file.normalize('NFC');
  const catalogued = new Set((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => key(p.file)));
  const failed = new Map(report.failed.map((f) => [key(f.path), f.reason]));
  const skipped = new Map(report.skipped.map((s) => [key(s.path), `${s.reason}: ${s.message}`]));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(key(full));
    }
  };
  walk(root);
  const problems: string[] = [];
  for (const file of files) {
    const ways = [catalogued.has(file), failed.has(file), skipped.has(file)].filter(Boolean).length;
    if (ways !== 1) problems.push(`${path.relative(root, file)}: accounted for ${ways} times`);
    if (failed.has(file) && !failed.get(file)) problems.push(`${path.relative(root, file)}: failed without a reason`);
    if (skipped.has(file) && !/^\w+: .+/.test(skipped.get(file)!)) problems.push(`${path.relative(root, file)}: skipped without a reason`);
  }
  const all = new Set(files);
  for (const listed of [...catalogued, ...failed.keys(), ...skipped.keys()]) if (!all.has(listed)) problems.push(`${listed}: reported but not a file under ${root}`);
  return problems;
}

const fortepan = path.join(corpus, 'fortepan');
if (!fs.existsSync(fortepan)) {
  test('Fortepan sample', { skip: `corpus not found at ${fortepan}` }, () => {});
} else {
  test('Fortepan sample: 17 photos, each with its Fortepan number', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-fortepan-'));
    const catalogue = Catalogue.open(path.join(dir, 'catalogue'), { create: true });
    try {
      const report = await catalogue.ingest.run([fortepan], { taskTimeoutMs: TASK_TIMEOUT_MS });
      assert.deepEqual(report.failed, []);
      const photos = (await Array.fromAsync(catalogue.photos.iterateAll()));
      assert.equal(photos.length, 17);
      for (const photo of photos) {
        const number = Number(/fortepan_(\d+)\.jpg$/.exec(photo.file)?.[1]);
        assert.equal(photo.fortepanId, number, photo.file);
        assert.equal(photo.source, 'Fortepan', photo.file);
        assert.equal(photo.licence, 'CC BY-SA 3.0', photo.file);
        assert.equal(photo.previewError, null, photo.file);
        assert.ok(photo.width && photo.height && Math.max(photo.width, photo.height) <= 2560, photo.file);
      }
      const files = fs.readdirSync(fortepan).filter((f) => /^fortepan_\d+\.jpg$/.test(f)).map((f) => Number(f.slice(9, -4))).sort((a, b) => a - b);
      assert.deepEqual(photos.map((p) => p.fortepanId).sort((a, b) => (a ?? 0) - (b ?? 0)), files);
    } finally {
      catalogue.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
