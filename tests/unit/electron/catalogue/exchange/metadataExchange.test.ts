import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { exportMetadata } from '../../../../../electron/catalogue/exchange/metadataExport.ts';
import { importMetadata } from '../../../../../electron/catalogue/exchange/metadataImport.ts';
import { guardFormula, unguardFormula, EXCHANGE_COLUMNS } from '../../../../../shared/metadataExchange.ts';
import { EDITABLE_FIELDS } from '../../../../../shared/types.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';
import { makeJpeg, writeFixture } from '../../../../support/fixtures.ts';

test('the formula guard neutralises = + - @ and comes off exactly once on import', () => {
  for (const value of ['=HYPERLINK("http://x")', '+36 1 234', '-5', '@SUM(A1)', '\tx', "'=already", "''+two", '＝全角']) {
    const guarded = guardFormula(value);
    assert.ok(guarded.startsWith("'"), value);
    assert.equal(unguardFormula(guarded), value);
  }
  for (const value of ['Üllői út', "'quoted", 'a=b', '']) {
    assert.equal(guardFormula(value), value);
    assert.equal(unguardFormula(value), value);
  }
});

test('import previews every change, reports bad rows by line, and applies in one undoable step', async () => {
  const { catalogue, ids } = await archivistCatalogue(4);
  try {
    await catalogue.photos.update([ids[2]], { title: 'Már kész' });
    const csv = [
      'fortepan_id,file,title,description,date,donor,tags,licence,Raktári hely',
      '1000,,Üllői út,"Villamos az Üllői úton,',
      'két sorban",1956~,Nagy Gyula,villamos; Üllői út,CC BY-SA 3.0,x',
      ',fortepan_1001.jpg,Kálvin tér,,195X,,,,',
      '9999,,Nincs ilyen,,,,,,',
      '1000,,Másodszor,,,,,,',
      '1001,fortepan_1000.jpg,Ütközik,,,,,,',
      'Fortepan 1002,,Már kész,,,,,CC BY-SA 3.0,',
      ',fortepan_1003.jpg,Rossz dátum,,1956-13-01,,,,',
    ].join('\r\n');
    const preview = await importMetadata(catalogue, csv, { name: 'lista.csv' });
    assert.equal(preview.applied, false);
    assert.equal(preview.rows, 7);
    assert.deepEqual(preview.ignoredColumns, ['Raktári hely']);
    assert.deepEqual(preview.changes.map((c) => [c.line, c.id]), [[2, ids[0]], [4, ids[1]]]);
    assert.deepEqual(preview.changes[0].fields.find((f) => f.field === 'caption'), {
      field: 'caption',
      before: '',
      after: 'Villamos az Üllői úton,\r\nkét sorban',
    });
    assert.deepEqual(preview.changes[0].fields.find((f) => f.field === 'tags'), { field: 'tags', before: '', after: 'villamos; Üllői út' });
    assert.equal(preview.unchanged, 1, 'line 8 holds what the photo already has');
    assert.deepEqual(
      preview.rejected.map((r) => r.line),
      [5, 6, 7, 9],
    );
    assert.match(preview.rejected[0].reason, /no photo in the catalogue with Fortepan number 9999/);
    assert.match(preview.rejected[1].reason, /same photo as line 2/);
    assert.match(preview.rejected[2].reason, /no photo in the catalogue with Fortepan number 1001 and file "fortepan_1000.jpg"/);
    assert.match(preview.rejected[3].reason, /date: .*month 13/);
    assert.equal((await catalogue.photos.get(ids[0])).title, '', 'a preview changes nothing');

    const applied = await importMetadata(catalogue, csv, { apply: true, name: 'lista.csv' });
    assert.equal(applied.applied, true);
    const first = await catalogue.photos.get(ids[0]);
    assert.equal(first.title, 'Üllői út');
    assert.equal(first.dateFrom, '1956-01-01');
    assert.deepEqual(first.tags, ['villamos', 'Üllői út']);
    assert.equal((await catalogue.photos.get(ids[1])).date, '195X');
    assert.equal((await catalogue.history.state()).undoLabel, 'Import 2 rows from lista.csv');
    await catalogue.history.undo();
    assert.equal((await catalogue.photos.get(ids[0])).title, '');
    assert.equal((await catalogue.photos.get(ids[1])).date, '');
  } finally {
    catalogue.close();
  }
});

test('a semicolon-separated CSV from a Hungarian Excel imports; --keep-blank leaves empty cells alone', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    await catalogue.photos.update(ids, { donor: 'Berkó Pál', caption: 'Régi' });
    const csv = '\ufefffortepan_id;title;description;donor\r\n1000;Körtér;;"Nagy; Gyula"\r\n';
    const kept = await importMetadata(catalogue, csv, { keepBlank: true, apply: true });
    assert.equal(kept.changes.length, 1);
    const photo = await catalogue.photos.get(ids[0]);
    assert.equal(photo.title, 'Körtér');
    assert.equal(photo.caption, 'Régi');
    assert.equal(photo.donor, 'Nagy; Gyula');
    await importMetadata(catalogue, csv, { apply: true });
    assert.equal((await catalogue.photos.get(ids[0])).caption, '', 'without keepBlank an empty cell empties the field');
    await assert.rejects(async () => await importMetadata(catalogue, 'title\nx\n'), /fortepan_id or file/);
    await assert.rejects(async () => await importMetadata(catalogue, 'fortepan_id,title\n1000,"unclosed\n'), /cannot be read/);
  } finally {
    catalogue.close();
  }
});

for (const format of ['csv', 'json'] as const) {
  test(`a ${format.toUpperCase()} export re-imported into a fresh catalogue of the same files reproduces every field`, async () => {
    const { dir, photos, catalogue, ids } = await archivistCatalogue(3);
    // A file carrying its own embedded caption: the import must replace it, and clear what is empty.
    await writeFixture(photos, 'sub/fortepan_2000.jpg', makeJpeg({ xmp: { description: 'Beágyazott', title: 'Beágyazott cím' } }));
    await catalogue.ingest.run([photos]);
    const embedded = (await Array.fromAsync(catalogue.photos.iterateAll())).find((p) => p.fortepanId === 2000)!;
    try {
      await catalogue.photos.update([ids[0]], {
        title: '=HYPERLINK("http://evil")',
        caption: 'Első sor, "idézet"\nmásodik sor; pontosvessző',
        date: '1944/1945',
        donor: 'Budapest Főváros Levéltára / Klösz György fényképei',
        photographer: '-Ismeretlen',
        country: 'Magyarország',
        city: 'Budapest',
        place: 'Üllői út 1.',
        tags: ['villamos', '+1', 'Üllői út'],
        licence: 'CC BY-SA 3.0',
        source: 'Fortepan',
        archiveRef: 'HU.BFL.XV.19.d.1.05.054',
        notes: "@megjegyzés\t'idézőjel",
      });
      await catalogue.photos.update([ids[1]], { date: '[1955,1956]', tags: [], licence: '', source: '', notes: '' });
      await catalogue.photos.update([embedded.id], { title: '', caption: 'Saját', date: '1956?' });
      const exported = await exportMetadata(catalogue, format);
      if (format === 'csv') {
        assert.ok(exported.startsWith('\ufeff"fortepan_id","file","title"'));
        assert.match(exported, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
        assert.match(exported, /"'-Ismeretlen"/);
      }
      const file = path.join(dir, `export.${format}`);
      await fs.writeFile(file, exported);

      const fresh = Catalogue.open(path.join(dir, 'fresh'), { create: true });
      try {
        await fresh.ingest.run([photos]);
        const result = await importMetadata(fresh, await fs.readFile(file, 'utf8'), { format, apply: true });
        assert.deepEqual(result.rejected, []);
        const byFile = async (c: Catalogue) => new Map((await Array.fromAsync(c.photos.iterateAll())).map((p) => [p.file, p]));
        const before = await byFile(catalogue);
        const after = await byFile(fresh);
        assert.equal(after.size, 4);
        for (const [file, original] of before) {
          const copy = after.get(file)!;
          for (const field of [...EDITABLE_FIELDS, 'dateFrom', 'dateTo', 'credit'] as const) {
            assert.deepEqual(copy[field], original[field], `${path.basename(file)} ${field}`);
          }
        }
        // Exporting the fresh catalogue gives the same file again.
        assert.equal(await exportMetadata(fresh, format), exported);
        assert.equal(EXCHANGE_COLUMNS.length, 15);
      } finally {
        fresh.close();
      }
    } finally {
      catalogue.close();
    }
  });
}
