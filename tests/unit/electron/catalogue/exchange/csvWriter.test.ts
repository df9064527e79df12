// Every CSV the app writes (export-metadata, an export's manifest.csv, the credit list as CSV,
// file and preview) with hostile cells: nothing a spreadsheet opens may start a cell with a
// formula, whichever separator it guesses (`,`, or `;` as Excel in Hungarian does, or tab), and
// the values still come back exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { csvFile, csvRecords } from '../../../../../electron/catalogue/exchange/csvWriter.ts';
import { exportMetadata } from '../../../../../electron/catalogue/exchange/metadataExport.ts';
import { unguardFormula } from '../../../../../shared/metadataExchange.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';

const HOSTILE = [
  "Kovács;=1+2*cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil","x")',
  '+36 1 234 5678',
  '-2+3',
  '@SUM(A1:A9)',
  '\tTab first',
  '\rCR first',
  'a;b;=c',
  'say "hi", then; leave',
  'két sor\n=második',
  "'=already guarded",
] as const;

/** Starts of cells as a spreadsheet splitting at `separator` outside double quotes would see them. */
function cellStarts(text: string, separator: string): string[] {
  const starts: string[] = [];
  let quoted = false;
  let start = true;
  for (const char of text.replace(/^\ufeff/, '')) {
    if (start) {
      starts.push(char);
      start = false;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === separator || char === '\n')) start = true;
  }
  return starts;
}

function assertSafe(text: string, what: string): void {
  // Every cell quoted, records ended by CRLF: RFC 4180 with no bare cell to misread.
  assert.match(text.replace(/^\ufeff/, ''), /^(?:"(?:[^"]|"")*"(?:,|\r\n))+$/, `${what}: every cell quoted`);
  for (const separator of [',', ';', '\t']) {
    const bad = cellStarts(text, separator).filter((c) => /[=+\-@\t\r]/.test(c));
    assert.deepEqual(bad, [], `${what}: a cell starts a formula when split at ${JSON.stringify(separator)}`);
  }
  // And every hostile value reads back, once the guard comes off (credit lines trim the ends; a
  // one-line field such as the title or donor keeps a line break as a space, shared/fieldLimits.ts).
  const cells = (parseCsv(text, { bom: true, relax_column_count: true }) as string[][]).flat().map(unguardFormula);
  for (const value of HOSTILE) {
    const oneLine = value.trim().replace(/\s*[\r\n]+\s*/g, ' ');
    assert.ok(cells.some((c) => c.includes(value.trim()) || c.includes(oneLine)), `${what}: ${JSON.stringify(value)} kept`);
  }
}

let catalogue: Catalogue;
let dir: string;
let collectionId: number;

before(async () => {
  const made = await archivistCatalogue(HOSTILE.length);
  catalogue = made.catalogue;
  dir = made.dir;
  for (const [i, id] of made.ids.entries()) {
    const value = HOSTILE[i];
    await catalogue.photos.update([id], { title: value, caption: value, donor: value, photographer: value, place: value, notes: value, tags: [value] });
  }
  const service = catalogue.collections;
  collectionId = (await service.create('Hostile')).id;
  await service.add(collectionId, made.ids);
});

after(() => catalogue.close());

test('the CSV writer quotes every cell and guards formulas', () => {
  const text = csvRecords(['a', 'b'], HOSTILE.map((value, i) => [i, value]));
  assertSafe(text, 'csvRecords');
  assert.ok(!text.startsWith('\ufeff'));
  assert.ok(csvFile(['a'], [['x']]).startsWith('\ufeff"a"\r\n"x"\r\n'), 'a file starts with the BOM');
});

test('export-metadata CSV', async () => {
  assertSafe(await exportMetadata(catalogue, 'csv'), 'export-metadata');
});

test('the credit list as CSV, file and preview, in every style', async () => {
  const service = catalogue.collections;
  for (const style of ['fortepan', 'press', 'commons', 'tasl'] as const) {
    const file = (await service.creditsFile(collectionId, style, 'hu', 'csv')).toString('utf8');
    assertSafe(file, `credits.csv (${style})`);
    assert.ok(file.startsWith('\ufeff'), 'Excel reads the accents right');
    assertSafe((await service.credits(collectionId, style, 'en', 'csv')).text, `credits preview (${style})`);
  }
});

test("an export's manifest.csv", async () => {
  const out = path.join(dir, 'export');
  await catalogue.exports.run(collectionId, { outDir: out, size: 32, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: false });
  assertSafe(fs.readFileSync(path.join(out, 'manifest.csv'), 'utf8'), 'manifest.csv');
});
