// Spreadsheets as Hungarian archivists have them: Excel's ";" CSV in Windows-1250, Excel's
// "Unicode text" (UTF-16), XLSX workbooks, Fortepan's own column names and Hungarian headers.
// Every form imports exactly; a file whose encoding cannot be told is refused; nothing ever
// stores U+FFFD; export → import round-trips in every format and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { importMetadataFile } from '../../../../../electron/catalogue/exchange/importFile.ts';
import { exportMetadata, exportMetadataXlsx } from '../../../../../electron/catalogue/exchange/metadataExport.ts';
import { decodeSpreadsheetText, utf8Spreadsheet } from '../../../../../electron/catalogue/exchange/spreadsheetText.ts';
import { csvRecords, type TableReader } from '../../../../../electron/catalogue/exchange/metadataImport.ts';
import { EDITABLE_FIELDS } from '../../../../../shared/types.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';
import { fototar } from '../../../../support/cli.ts';

// Windows-1250 bytes of Hungarian text, as Hungarian Excel writes them.
const CP1250: Record<string, number> = {
  á: 0xe1, é: 0xe9, í: 0xed, ó: 0xf3, ö: 0xf6, ő: 0xf5, ú: 0xfa, ü: 0xfc, ű: 0xfb,
  Á: 0xc1, É: 0xc9, Í: 0xcd, Ó: 0xd3, Ö: 0xd6, Ő: 0xd5, Ú: 0xda, Ü: 0xdc, Ű: 0xdb, '„': 0x84, '”': 0x94, '–': 0x96,
};
function windows1250(text: string): Uint8Array {
  const bytes = [...text].map((ch) => {
    if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
    const b = CP1250[ch];
    assert.ok(b, `no Windows-1250 byte for ${ch}`);
    return b;
  });
  const out = Uint8Array.from(bytes);
  assert.equal(new TextDecoder('windows-1250').decode(out), text, 'the test encoder agrees with the standard table');
  return out;
}

const ALL_ACCENTS = 'Árvíztűrő tükörfúrógép – „ÁÉÍÓÖŐÚÜŰ áéíóöőúüű”';

test('a Windows-1250 ";" CSV from Hungarian Excel imports every accent, and says how it was read', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    const csv = ['Fortepan-szám;cím;adományozó;dátum', `1000;${ALL_ACCENTS};Kurutz Márton;1956. 10. 23.`, '1001;Üllői út;Kurutz Márton;1950-es évek', '1002;Ősz;Kurutz Márton;1944 ősz'].join('\r\n');
    const result = await importMetadataFile(catalogue, windows1250(csv), { name: 'lista.csv', apply: true });
    assert.equal(result.encoding, 'Windows-1250');
    assert.deepEqual(result.rejected, []);
    const [a, b, c] = await Promise.all(ids.map(async (id) => await catalogue.photos.get(id)));
    assert.equal(a.title, ALL_ACCENTS);
    assert.deepEqual([a.donor, b.donor, c.donor], ['Kurutz Márton', 'Kurutz Márton', 'Kurutz Márton']);
    assert.deepEqual([a.date, b.date, c.date], ['1956-10-23', '195X', '1944-23']);
    for (const photo of [a, b, c]) assert.ok(!JSON.stringify(photo).includes('\ufffd'));
  } finally {
    catalogue.close();
  }
});

test('UTF-16 with a BOM (Excel\'s "Unicode text", tab separated) and UTF-8 with and without a BOM import', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    const text = `mid\ttitle\n1000\t${ALL_ACCENTS}\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r1 = await importMetadataFile(catalogue, le, { name: 'unicode.txt', apply: true });
    assert.equal(r1.encoding, 'UTF-16LE');
    assert.equal((await catalogue.photos.get(ids[0])).title, ALL_ACCENTS);
    const be = Buffer.from(Buffer.from(`\ufeffmid,title\n1000,Be ${ALL_ACCENTS}\n`, 'utf16le').swap16());
    assert.equal((await importMetadataFile(catalogue, be, { name: 'be.csv', apply: true })).encoding, 'UTF-16BE');
    assert.equal((await catalogue.photos.get(ids[0])).title, `Be ${ALL_ACCENTS}`);
    const bom = await importMetadataFile(catalogue, Buffer.from(`\ufeffmid,title\n1000,Bom ${ALL_ACCENTS}\n`), { name: 'a.csv', apply: true });
    assert.equal(bom.encoding, 'UTF-8 with BOM');
    const plain = await importMetadataFile(catalogue, Buffer.from(`mid,title\n1000,Plain ${ALL_ACCENTS}\n`), { name: 'b.csv', apply: true });
    assert.equal(plain.encoding, 'UTF-8');
    assert.equal((await catalogue.photos.get(ids[0])).title, `Plain ${ALL_ACCENTS}`);
  } finally {
    catalogue.close();
  }
});

test('UTF-8 read as bytes (no string of the whole file) gives what decoding it gives: the same records, lines and refusals', async () => {
  // ";" from the header, a cell with a CRLF and quotes inside, every accent, a 4-byte character.
  const csv = `\ufeffFortepan-szám;cím;megjegyzés\r\n1000;"${ALL_ACCENTS}";"két\r\nsor, ""idézve"" 📷"\r\n\r\n1001;Üllői út;\r\n1002;x;y`;
  const bytes = Buffer.from(csv);
  const utf8 = utf8Spreadsheet(bytes);
  assert.equal(utf8?.encoding, 'UTF-8 with BOM');
  const decoded = decodeSpreadsheetText(bytes);
  assert.ok(decoded.ok);
  const records = async (read: TableReader) => {
    const out: [number, string[]][] = [];
    for await (const { line, record } of read) out.push([line, record]);
    return out;
  };
  const fromBytes = await records(csvRecords(utf8!.bytes));
  assert.deepEqual(fromBytes, await records(csvRecords(decoded.text)));
  assert.deepEqual(fromBytes.map(([line]) => line), [1, 2, 5, 6]);
  assert.equal(fromBytes[1][1][2], 'két\r\nsor, "idézve" 📷');
  // Without a BOM, a C1 control (bytes C2 85) or DEL is no spreadsheet's UTF-8: left to
  // decodeSpreadsheetText, which refuses it as before. So is a byte that is not UTF-8.
  assert.equal(utf8Spreadsheet(Buffer.from('mid,title\n1000,a\u0085b\n')), null);
  assert.equal(utf8Spreadsheet(Buffer.from('mid,title\n1000,a\u007fb\n')), null);
  assert.equal(utf8Spreadsheet(windows1250(`mid;cím\n1000;${ALL_ACCENTS}`)), null);
  assert.equal(utf8Spreadsheet(Buffer.from(`mid,title\n1000,${ALL_ACCENTS}\t\n`))?.encoding, 'UTF-8');
  // A quote left open is reported at its line, read from bytes as from text.
  const broken = Buffer.from('mid,title\n1000,ok\n1001,"open\n1002,x\n');
  await assert.rejects(records(csvRecords(utf8Spreadsheet(broken)!.bytes)), (error: Error & { key?: string }) => /line/i.test(error.message));
});

test('a file whose encoding cannot be told is refused with one clear sentence, and nothing changes', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    // Bytes that are not UTF-8 and read as Windows-1250 give symbols no spreadsheet holds (‰ˇ˘¤¦).
    const odd = Buffer.concat([Buffer.from('mid,title\n1000,'), Buffer.from([0x89, 0xa1, 0xa2, 0xa4, 0xa6, 0x89, 0xa1, 0xa2, 0x0a])]);
    await assert.rejects(importMetadataFile(catalogue, odd, { name: 'odd.csv', apply: true }), /encoding cannot be told/);
    const nul = Buffer.from('m\0i\0d\0,\0t\0\n\0');
    await assert.rejects(importMetadataFile(catalogue, nul, { name: 'nul.csv', apply: true }), /NUL bytes/);
    assert.equal((await catalogue.photos.get(ids[0])).title, '');
  } finally {
    catalogue.close();
  }
  for (const bytes of [Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]), Buffer.from([0x81, 0x8d, 0x8f, 0x90])]) {
    const decoded = decodeSpreadsheetText(bytes);
    assert.equal(decoded.ok, false);
  }
});

test("Fortepan's own column names import into the right fields", async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    const csv = [
      'mid,year,leiras,adomanyozo_name,szerzo_name,cimke_name,orszag_name,varos_name,helyszin_name',
      '1000,1956,"Villamos a Nagykörúton",Nagy Gyula,Berkó Pál,villamos; körút,Magyarország,Budapest,Nagykörút',
    ].join('\n');
    const result = await importMetadataFile(catalogue, Buffer.from(csv), { name: 'fortepan.csv', apply: true });
    assert.deepEqual(result.ignoredColumns, []);
    const p = await catalogue.photos.get(ids[0]);
    assert.deepEqual(
      [p.date, p.caption, p.donor, p.photographer, p.tags, p.country, p.city, p.place],
      ['1956', 'Villamos a Nagykörúton', 'Nagy Gyula', 'Berkó Pál', ['villamos', 'körút'], 'Magyarország', 'Budapest', 'Nagykörút'],
    );
    // Hungarian headers without accents and in any case.
    await importMetadataFile(catalogue, Buffer.from('FORTEPAN SZAM;Cim;Leiras;Megjegyzes\n1000;Körút;Új leírás;jegyzet\n'), { name: 'x.csv', apply: true });
    assert.deepEqual([(await catalogue.photos.get(ids[0])).title, (await catalogue.photos.get(ids[0])).caption, (await catalogue.photos.get(ids[0])).notes], ['Körút', 'Új leírás', 'jegyzet']);
  } finally {
    catalogue.close();
  }
});

const FORMS = [
  { format: 'csv', lang: 'en' },
  { format: 'csv', lang: 'hu' },
  { format: 'json', lang: 'en' },
  { format: 'xlsx', lang: 'en' },
  { format: 'xlsx', lang: 'hu' },
] as const;

for (const { format, lang } of FORMS) {
  test(`export → import round-trips every field: ${format}, ${lang}`, async () => {
    const { dir, photos, catalogue, ids } = await archivistCatalogue(5);
    try {
      await catalogue.photos.update([ids[0]], {
        title: `=SUM(A1) ${ALL_ACCENTS}`,
        caption: 'Első sor; "idézet"\nmásodik sor',
        date: '1956-10-23',
        donor: 'Budapest Főváros Levéltára / Klösz György fényképei',
        photographer: '-Ismeretlen',
        // Hierarchical tags travel whole, | and all (a comma inside a level too).
        tags: ['villamos', 'Üllői út', 'Helyszín|Budapest|Üllői út', 'Jármű|Skoda 30,5'],
        licence: 'CC BY-SA 3.0',
        notes: '0012',
      });
      await catalogue.photos.update([ids[1]], { date: '195X', place: 'Nagykörút' });
      await catalogue.photos.update([ids[2]], { date: '1944-23', city: 'Győr' });
      await catalogue.photos.update([ids[3]], { date: '1956~' });
      await catalogue.photos.update([ids[4]], { date: '[1955,1956]' });
      const file = path.join(dir, `export.${format}`);
      if (format === 'xlsx') await fs.writeFile(file, await exportMetadataXlsx(catalogue, { lang }));
      else await fs.writeFile(file, await exportMetadata(catalogue, format, { lang }));
      if (format === 'csv' && lang === 'hu') {
        const text = await fs.readFile(file, 'utf8');
        assert.ok(text.startsWith('\ufeff"Fortepan-szám";"fájl";"cím"'), 'Hungarian headers, ";" between cells');
        assert.match(text, /"1956\. október 23\."/);
        assert.match(text, /"1950-es évek"/);
      }
      if (format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        const sheet = workbook.worksheets[0];
        const dateColumn = (sheet.getRow(1).values as string[]).indexOf(lang === 'hu' ? 'dátum' : 'date');
        const cell = sheet.getRow(2).getCell(dateColumn);
        assert.equal(typeof cell.value, 'string', 'dates stay text in the workbook');
        assert.equal(cell.numFmt, '@');
      }
      const fresh = Catalogue.open(path.join(dir, 'fresh'), { create: true });
      try {
        await fresh.ingest.run([photos]);
        const result = await importMetadataFile(fresh, await fs.readFile(file), { name: path.basename(file), apply: true });
        assert.deepEqual(result.rejected, []);
        const byFile = async (c: Catalogue) => new Map((await Array.fromAsync(c.photos.iterateAll())).map((p) => [p.file, p]));
        const after = await byFile(fresh);
        for (const [f, original] of await byFile(catalogue)) {
          for (const field of [...EDITABLE_FIELDS, 'dateFrom', 'dateTo'] as const) {
            assert.deepEqual(after.get(f)![field], original[field], `${path.basename(f)} ${field}`);
          }
        }
      } finally {
        fresh.close();
      }
    } finally {
      catalogue.close();
    }
  });
}

test('the CLI imports a Windows-1250 CSV and an XLSX, and exports XLSX with --lang hu and CSV with --delimiter', async () => {
  const { dir, catalogue, ids } = await archivistCatalogue(2);
  catalogue.close();
  const cat = path.join(dir, 'cat');
  const run = (...args: string[]) => fototar(...args, '--catalogue', cat);
  const csvFile = path.join(dir, 'excel.csv');
  await fs.writeFile(csvFile, windows1250('Fortepan-szám;adományozó\r\n1000;Kurutz Márton\r\n'));
  const imported = run('import', csvFile);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /read as Windows-1250/);
  const xlsx = path.join(dir, 'out.xlsx');
  const exported = run('export-metadata', '--format', 'xlsx', '--output', xlsx, '--lang', 'hu');
  assert.equal(exported.status, 0, exported.stderr);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  assert.equal(workbook.worksheets[0].getRow(1).getCell(1).value, 'Fortepan-szám');
  assert.equal(workbook.worksheets[0].getRow(2).getCell(6).value, 'Kurutz Márton');
  // Change the workbook as a user would, then import it back.
  workbook.worksheets[0].getRow(3).getCell(6).value = 'Őry Ödön';
  await workbook.xlsx.writeFile(xlsx);
  const back = run('import', xlsx);
  assert.equal(back.status, 0, back.stderr);
  const shown = JSON.parse(run('show', String(ids[1]), '--json').stdout);
  assert.equal(shown.donor, 'Őry Ödön');
  const semi = run('export-metadata', '--delimiter', ';');
  assert.equal(semi.status, 0, semi.stderr);
  assert.ok(semi.stdout.startsWith('\ufeff"fortepan_id";"file"'));
  const noOut = run('export-metadata', '--format', 'xlsx');
  assert.equal(noOut.status, 1);
  assert.match(noOut.stderr, /needs --output/);
});
