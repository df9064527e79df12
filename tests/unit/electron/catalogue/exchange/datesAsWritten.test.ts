// Dates typed as archivists write them reach the catalogue as EDTF with bounds, from every place
// a date can come from: the editor's API, a batch edit, a CSV import and the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { importMetadata } from '../../../../../electron/catalogue/exchange/metadataImport.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';
import { fototar } from '../../../../support/cli.ts';

test('an edit and a batch edit store a Hungarian phrase as EDTF with its bounds', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    await catalogue.photos.update([ids[0]], { date: '1956 körül' });
    const one = await catalogue.photos.get(ids[0]);
    assert.equal(one.date, '1956~');
    assert.deepEqual([one.dateFrom, one.dateTo], ['1956-01-01', '1956-12-31']);
    await catalogue.photos.update([ids[1], ids[2]], { date: 'az 1950-es években' });
    assert.deepEqual([(await catalogue.photos.get(ids[1])).date, (await catalogue.photos.get(ids[2])).date], ['195X', '195X']);
    await assert.rejects(async () => await catalogue.photos.update([ids[0]], { date: 'valamikor régen' }), /cannot be read as a date.*Accepted/);
    assert.equal((await catalogue.photos.get(ids[0])).date, '1956~', 'a refused date changes nothing');
  } finally {
    catalogue.close();
  }
});

test('a CSV import reads Hungarian Excel short dates, seasons and open ends', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    const csv = ['fortepan_id;date', '1000;1956. 10. 23.', '1001;1944 nyarán', '1002;1890 után'].join('\r\n');
    const applied = await importMetadata(catalogue, csv, { apply: true, name: 'excel.csv' });
    assert.equal(applied.rejected.length, 0, JSON.stringify(applied.rejected));
    const [a, b, c] = await Promise.all(ids.map(async (id) => await catalogue.photos.get(id)));
    assert.deepEqual([a.date, a.dateFrom, a.dateTo], ['1956-10-23', '1956-10-23', '1956-10-23']);
    assert.deepEqual([b.date, b.dateFrom, b.dateTo], ['1944-22', '1944-06-01', '1944-08-31']);
    assert.deepEqual([c.date, c.dateFrom, c.dateTo], ['1890/..', '1890-01-01', '1910-12-31']);
  } finally {
    catalogue.close();
  }
});

test('fototar edit --date takes a phrase and search by year finds an open end', async () => {
  const { dir, catalogue, ids } = await archivistCatalogue(1);
  catalogue.close();
  const cat = path.join(dir, 'cat');
  const run = (...args: string[]) => fototar(...args, '--catalogue', cat);
  const edit = run('edit', String(ids[0]), '--date', '1890 után');
  assert.equal(edit.status, 0, edit.stderr);
  const shown = JSON.parse(run('show', String(ids[0]), '--json').stdout);
  assert.equal(shown.date, '1890/..');
  const found = JSON.parse(run('search', 'year:1895', '--json').stdout);
  assert.deepEqual(found.hits.map((h: { id: number }) => h.id), [ids[0]]);
  const bad = run('edit', String(ids[0]), '--date', 'tavasz');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr.trim(), /^[^\n]*cannot be read as a date[^\n]*$/);
});

test('an import keeps the rest of a row with an unreadable date only when asked', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    const csv = 'fortepan_id;title;date\r\n1000;Körtér;valamikor\r\n';
    const strict = await importMetadata(catalogue, csv, { apply: true });
    assert.deepEqual(strict.rejected.map((r) => r.line), [2]);
    assert.match(strict.rejected[0].reason, /date: .*cannot be read as a date/);
    // The cell itself travels with the reason, so the UI says why in its own language.
    assert.equal(strict.rejected[0].unreadableDate, 'valamikor');
    assert.equal((await catalogue.photos.get(ids[0])).title, '');
    const lenient = await importMetadata(catalogue, csv, { apply: true, skipBadDates: true });
    assert.deepEqual(lenient.rejected, []);
    assert.deepEqual(lenient.warnings?.map((w) => w.line), [2]);
    assert.equal(lenient.warnings[0].unreadableDate, 'valamikor');
    assert.equal((await catalogue.photos.get(ids[0])).title, 'Körtér');
    assert.equal((await catalogue.photos.get(ids[0])).date, '');
  } finally {
    catalogue.close();
  }
});
