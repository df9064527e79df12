// The metadata export of more photos than one piece holds (2,000): the same rows in the same
// order as one whole export would give, written a piece at a time, and a file that is whole or
// not there at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { exportMetadata, exportRecords, metadataTextPieces } from '../../../../../electron/catalogue/exchange/metadataExport.ts';
import { importMetadata } from '../../../../../electron/catalogue/exchange/metadataImport.ts';
import { writeMetadataFile } from '../../../../../electron/catalogue/exchange/metadataExportToFile.ts';
import type { ExchangeTarget } from '../../../../../electron/catalogue/exchange/exchangeTarget.ts';
import { readXlsxTable } from '../../../../../electron/catalogue/exchange/xlsxTable.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { tempDir } from '../../../../support/fixtures.ts';

const PHOTOS = 4_500;
let dir: string;
let catalogue: Catalogue;

before(async () => {
  dir = await tempDir('fototar-export-pieces-');
  catalogue = Catalogue.open(path.join(dir, 'catalogue'), { create: true });
  const now = new Date().toISOString();
  catalogue.db.exec('BEGIN');
  // Added in falling Fortepan order, so the export's order (rising) is not the order of ids.
  for (let n = PHOTOS; n >= 1; n--) catalogue.store.photos.insert(fortepanRecord(100_000 + n, { title: `Üllői út ${n}`, donor: 'Kurutz Márton' }), now);
  catalogue.db.exec('COMMIT');
});

after(() => catalogue.close());

const fortepanIds = (csv: string) => csv.split('\r\n').slice(1, -1).map((line) => Number(line.split(',')[0].replaceAll('"', '')));

test('a CSV of 4,500 photos comes in pieces, every photo once, in Fortepan-number order', async () => {
  const pieces = (await Array.fromAsync(metadataTextPieces(target(), 'csv')));
  assert.ok(pieces.length >= 4, `header and three pieces of rows, not ${pieces.length}`);
  const csv = pieces.join('');
  assert.ok(csv.startsWith('\ufeff"fortepan_id"'));
  const numbers = fortepanIds(csv);
  assert.equal(numbers.length, PHOTOS);
  assert.deepEqual(numbers, Array.from({ length: PHOTOS }, (_, i) => 100_001 + i));
  assert.equal(csv, await exportMetadata(target(), 'csv'));
});

test('JSON in pieces is the same text JSON.stringify gives for the whole list', async () => {
  const json = await exportMetadata(target(), 'json');
  const records = JSON.parse(json) as unknown[];
  assert.equal(records.length, PHOTOS);
  assert.equal(json, `${JSON.stringify(records, null, 2)}\n`);
  assert.equal(await exportMetadata(withPhotos([]), 'json'), '[]\n');
});

test('a selection in the grid\'s order keeps that order across pieces, each photo once', async () => {
  const all = (await catalogue.photos.listed()).map((p) => p.id);
  const chosen = [...all.slice(0, 3_000)].reverse();
  const records = await exportRecords(target(), [...chosen, chosen[0], 999_999], true);
  assert.equal(records.length, 3_000);
  const idOfNumber = new Map((await catalogue.photos.listed()).map((p) => [p.fortepanId, p.id]));
  assert.deepEqual(records.map((r) => idOfNumber.get(r.fortepan_id)), chosen);
});

test('an XLSX written to a file as it is made reads back whole', async () => {
  const file = path.join(dir, 'metaadatok.xlsx');
  await writeMetadataFile(target(), file, 'xlsx', { lang: 'hu' });
  const rows = await readXlsxTable(fs.readFileSync(file));
  assert.equal(rows.length, PHOTOS + 1);
  assert.equal(rows[0].record[0], 'Fortepan-szám');
  assert.equal(rows[1].record[0], '100001');
  assert.ok(rows[PHOTOS].record.includes(`Üllői út ${PHOTOS}`));
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.part')), []);
});

test('an export that fails halfway leaves the previous file as it was and no partial file', async () => {
  const file = path.join(dir, 'metadata.csv');
  fs.writeFileSync(file, 'the previous export\n');
  let calls = 0;
  const failing: ExchangeTarget = {
    photos: {
      ...photosOf(),
      getMany: async (ids) => {
        if (++calls === 2) throw new Error('disk gone');
        return await catalogue.photos.getMany(ids);
      },
    },
  };
  for (const format of ['csv', 'xlsx'] as const) {
    calls = 0;
    await assert.rejects(writeMetadataFile(failing, file, format), /disk gone/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'the previous export\n');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.part')), []);
  }
});

function photosOf(): ExchangeTarget['photos'] {
  const photos = catalogue.photos;
  return {
    iterateAll: () => photos.iterateAll(),
    listed: async () => await photos.listed(),
    getMany: async (ids) => await photos.getMany(ids),
    editableMany: async (ids) => await photos.editableMany(ids),
    count: async () => await photos.count(),
    applyEdits: async (edits, label) => await photos.applyEdits(edits, label),
  };
}

function target(): ExchangeTarget {
  return { photos: photosOf() };
}

function withPhotos(ids: number[]): ExchangeTarget {
  return { photos: { ...photosOf(), listed: async () => [], getMany: () => catalogue.photos.getMany(ids), count: async () => 0 } };
}

test('an export into a folder that is not there says which folder, in one sentence', async () => {
  await assert.rejects(writeMetadataFile(target(), path.join(dir, 'nincs', 'metadata.csv'), 'csv'), (error: Error) => {
    assert.equal(error.message, `There is no folder “${path.join(dir, 'nincs')}”.`);
    return true;
  });
});

test('an import of 4,500 rows compares each with its photo across pieces, and a photo named twice is refused the second time', async () => {
  const lines = (await exportMetadata(target(), 'csv')).replace(/^\ufeff/, '').split('\r\n');
  const header = lines[0];
  const rows = lines.slice(1, -1);
  // New titles in three pieces' worth of rows; row 10 again at the end.
  const edited = rows.map((line, i) => (i % 1_000 === 999 ? line.replace(/"Üllői út \d+"/, `"Körút ${i + 1}"`) : line));
  const text = [header, ...edited, rows[9], ''].join('\r\n');
  const result = await importMetadata(target(), text);
  assert.equal(result.rows, PHOTOS + 1);
  assert.deepEqual(result.changes.map((c) => c.line), [1000, 2000, 3000, 4000].map((n) => n + 1));
  assert.deepEqual(result.changes[2].fields, [{ field: 'title', before: 'Üllői út 3000', after: 'Körút 3000' }]);
  assert.equal(result.unchanged, PHOTOS - 4);
  assert.deepEqual(result.rejected.map((r) => [r.line, r.key]), [[PHOTOS + 2, 'importSamePhoto']]);
});

test('a CSV import plans its rows as they are read: a failure of the catalogue mid-file is said as it is, not as an unreadable file, and nothing is applied', async () => {
  const text = (await exportMetadata(target(), 'csv')).replace(/"Üllői út 4000"/, '"Körút"');
  let pieces = 0;
  const failing: ExchangeTarget = {
    photos: {
      ...photosOf(),
      editableMany: async (ids) => {
        if (++pieces === 2) throw new Error('disk gone');
        return await catalogue.photos.editableMany(ids);
      },
    },
  };
  await assert.rejects(async () => await importMetadata(failing, text, { apply: true }), (error: Error) => error.message === 'disk gone');
  // The second piece failed while csv-parse was still reading: the rows after it were never planned.
  assert.equal(pieces, 2);
  assert.equal((await catalogue.photos.getMany(await catalogue.photos.ids())).filter((p) => p.title === 'Körút').length, 0);
});
