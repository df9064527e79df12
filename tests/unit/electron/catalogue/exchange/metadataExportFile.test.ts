// The UI's "Export metadata…": the exportMetadata API method writes the file `fototar
// export-metadata` writes (Hungarian headers, Hungarian dates and ";" for a Hungarian UI, a BOM
// for Excel; XLSX as a workbook), of a selection or of every photo, and it imports back unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { metadataFileName } from '../../../../../electron/catalogue/exchange/metadataExportFile.ts';
import { apiCaller } from '../../../../support/apiCaller.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { tempDir } from '../../../../support/fixtures.ts';

let catalogue: Catalogue;
let handle: ReturnType<typeof createApiHandler>;
let ids: number[];

before(async () => {
  const dir = await tempDir('fototar-export-metadata-api-');
  catalogue = Catalogue.open(path.join(dir, 'Képek 1956'), { create: true });
  const now = new Date().toISOString();
  catalogue.store.photos.insert(fortepanRecord(101, { title: 'Üllői út', date: '1956-10-23', donor: 'Nagy Gyula', tags: ['villamos', 'utca'] }), now);
  catalogue.store.photos.insert(fortepanRecord(102, { title: 'Körút', date: '195X', donor: 'Kurutz Márton' }), now);
  catalogue.store.photos.insert(fortepanRecord(103, { title: '=SUM(A1)', date: '1956~' }), now);
  ids = (await Array.fromAsync(catalogue.photos.iterateAll())).sort((a, b) => (a.fortepanId ?? 0) - (b.fortepanId ?? 0)).map((p) => p.id);
  handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
});

after(() => catalogue.close());

const call = apiCaller(() => handle);

test('the file is named for the catalogue, in the file\'s language, safely', () => {
  assert.equal(metadataFileName('Képek 1956', 'csv', 'hu'), 'Kepek_1956_metaadatok.csv');
  assert.equal(metadataFileName('Képek 1956', 'xlsx', 'en'), 'Kepek_1956_metadata.xlsx');
  assert.equal(metadataFileName('../..', 'csv', 'en'), 'fototar_metadata.csv');
});

test('Hungarian: ";" between cells, Hungarian headers and dates, a BOM; the selection only', async () => {
  const file = await call('exportMetadata', { selection: { query: '', all: false, ids: [ids[0], ids[1]] }, format: 'csv', lang: 'hu' });
  assert.equal(file.fileName, 'Kepek_1956_metaadatok.csv');
  assert.equal(file.mime, 'text/csv;charset=utf-8');
  assert.equal(file.photos, 2);
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  assert.ok(text.startsWith('\ufeff"Fortepan-szám";"fájl";"cím";"leírás";"dátum";"adományozó"'), text.slice(0, 80));
  const lines = text.trimEnd().split('\r\n');
  assert.equal(lines.length, 3, 'the header and the two selected photos');
  assert.match(lines[1], /^"101";.*"Üllői út";"";"1956\. október 23\.";"Nagy Gyula"/);
  assert.match(lines[2], /"1950-es évek"/);
});

test('English: "," and English headers; every photo without ids or a selection; formulas guarded', async () => {
  const file = await call('exportMetadata', { format: 'csv', lang: 'en' });
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  assert.ok(text.startsWith('\ufeff"fortepan_id","file","title"'));
  assert.equal(file.photos, 3);
  assert.match(text, /"'=SUM\(A1\)"/);
});

test('XLSX is a workbook; the export imports back with no change and no rejected line, in both formats and languages', async () => {
  for (const format of ['csv', 'xlsx'] as const) {
    for (const lang of ['hu', 'en'] as const) {
      const file = await call('exportMetadata', { ids, format, lang });
      if (format === 'xlsx') assert.equal(Buffer.from(file.base64, 'base64').subarray(0, 2).toString('latin1'), 'PK');
      const back = await call('importMetadata', { base64: file.base64, apply: false, name: file.fileName });
      assert.deepEqual([back.rows, back.changes.length, back.rejected, back.unchanged], [3, 0, [], 3], `${format} ${lang}`);
    }
  }
});

test('ids and a selection together are refused with a message', async () => {
  await assert.rejects(call('exportMetadata', { ids, selection: { query: '', all: true, ids: [] }, format: 'csv', lang: 'hu' }), /ids, a selection or neither/);
  await assert.rejects(call('exportMetadata', { format: 'ods', lang: 'hu' }), /format/);
});
