// The DOCX credit list opens in LibreOffice: converted to PDF headless, its text is every figure's
// credit in order, Hungarian letters intact, links written out. Skipped (with the reason) where
// LibreOffice is not installed; scripts/install-system-deps.sh installs it for CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docxCreditList } from '../../../../../electron/catalogue/collections/docxCreditList.ts';
import type { CreditInput } from '../../../../../shared/credit.ts';
import { figureEntries, type FigurePick } from '../../../../../shared/figureCredits.ts';
import { tempDir } from '../../../../support/fixtures.ts';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0);
const pdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const skip = !soffice ? 'LibreOffice is not installed (Debian: libreoffice-writer-nogui)' : !pdftotext ? 'pdftotext is not installed (Debian: poppler-utils)' : false;

const base: CreditInput = {
  fortepanId: 54176, title: '', file: '/x/fortepan_54176.jpg', donor: 'Nagy Gyula', photographer: '', source: '', licence: '',
  embeddedCredit: '', embeddedCreator: '', copyright: '',
};
const picks: FigurePick[] = [
  { photo: { ...base, id: 1, title: 'Villamos az Üllői úton', photographer: 'Berkó Pál' }, modified: true },
  { photo: { ...base, id: 2, fortepanId: 7416, donor: 'Kurutz Márton' }, modified: false },
  { photo: { ...base, id: 3, fortepanId: null, donor: '', embeddedCredit: 'Magyar Nemzeti Múzeum <b>&</b>', embeddedCreator: 'Kovács Béla' }, modified: false },
];

function toPdf(docx: string, outDir: string): string {
  // A private profile: a LibreOffice already running (or another test) cannot block the conversion.
  const profile = pathToFileURL(path.join(outDir, 'lo-profile')).href;
  const r = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { encoding: 'utf8', timeout: 120_000 });
  const pdf = path.join(outDir, path.basename(docx).replace(/\.docx$/, '.pdf'));
  assert.ok(fs.existsSync(pdf), `LibreOffice made no PDF: ${r.stdout} ${r.stderr}`);
  return pdf;
}

test('DOCX credit lists open in LibreOffice with every figure in order (tasl hu, press en)', { skip, timeout: 240_000 }, async () => {
  const dir = await tempDir('fototar-docx-');
  const files: [string, Buffer][] = [
    ['tasl-hu.docx', await docxCreditList(figureEntries(picks, 'tasl', 'hu'), { style: 'tasl', lang: 'hu', collectionName: 'Harmadik fejezet' })],
    ['press-en.docx', await docxCreditList(figureEntries(picks, 'press', 'en'), { style: 'press', lang: 'en', collectionName: 'Chapter 3' })],
  ];
  const texts: Record<string, string> = {};
  for (const [name, data] of files) {
    const docx = path.join(dir, name);
    fs.writeFileSync(docx, data);
    const pdf = toPdf(docx, dir);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/[ \t]+/g, ' ');
    texts[name] = text;
    // A picture of page 1 to look at: FOTOTAR_KEEP_PNG=dir keeps it.
    if (process.env.FOTOTAR_KEEP_PNG) spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, path.join(process.env.FOTOTAR_KEEP_PNG, name.replace('.docx', ''))]);
  }
  // Lines wrap anywhere (inside URLs too): compare with white space removed.
  const flat = (text: string) => text.replace(/\s+/g, '');
  const has = (text: string, expected: string) => assert.ok(flat(text).includes(flat(expected)), `missing: ${expected}\nin: ${text}`);
  const hu = texts['tasl-hu.docx'];
  has(hu, 'Képjegyzék: Harmadik fejezet');
  has(hu, '1. kép: „Villamos az Üllői úton”; szerző: Berkó Pál; forrás: Fortepan / Nagy Gyula, https://fortepan.hu/hu/photos/?id=54176; licenc: CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/; módosítva');
  has(hu, '2. kép: „Fortepan 7416”; szerző: ismeretlen; forrás: Fortepan / Kurutz Márton, https://fortepan.hu/hu/photos/?id=7416');
  has(hu, '3. kép: „fortepan_54176.jpg”; szerző: Kovács Béla; forrás: Magyar Nemzeti Múzeum <b>&</b>');
  assert.ok(hu.indexOf('1. kép') < hu.indexOf('2. kép') && hu.indexOf('2. kép') < hu.indexOf('3. kép'));
  const en = texts['press-en.docx'];
  has(en, 'Picture credits: Chapter 3');
  has(en, 'Figure 1: Photo: Berkó Pál / Fortepan / Nagy Gyula (Fortepan 54176; CC BY-SA 3.0)');
  has(en, 'Figure 2: Photo: Fortepan / Kurutz Márton (Fortepan 7416; CC BY-SA 3.0)');
  has(en, 'Figure 3: Photo: Kovács Béla / Magyar Nemzeti Múzeum <b>&</b> (fortepan_54176.jpg)');
});
