// docs/credit-rules.md is the specification of every credit line: this test reads each row of its
// tables and checks the code gives exactly that, so the document and the code cannot drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CreditInput } from '../../../shared/credit.ts';
import { CREDIT_LANGS, CREDIT_STYLES, styledCredit, type CreditStyle } from '../../../shared/creditStyles.ts';
import { recogniseEmbeddedCredit } from '../../../shared/embeddedCredit.ts';

const DOC = fs.readFileSync(path.join(import.meta.dirname, '../../../docs/credit-rules.md'), 'utf8');

/** The rows between `<!-- name:start -->` and `<!-- name:end -->`, header and rule left out. */
function tableRows(name: string): string[][] {
  const start = DOC.indexOf(`<!-- ${name}:start -->`);
  const end = DOC.indexOf(`<!-- ${name}:end -->`);
  assert.ok(start >= 0 && end > start, `docs/credit-rules.md has the ${name} table`);
  const lines = DOC.slice(start, end).split('\n').filter((line) => line.startsWith('|'));
  return lines.slice(2).map((line) => line.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
}

/** A cell's code text: `x` → x; — and an empty cell → "". */
function code(cell: string): string {
  if (cell === '—' || cell === '') return '';
  const match = /^`(.*)`$/.exec(cell);
  assert.ok(match, `a credit cell is code: ${cell}`);
  return match[1];
}

const FIELDS: Record<string, keyof CreditInput> = {
  id: 'fortepanId', file: 'file', donor: 'donor', photographer: 'photographer', source: 'source', licence: 'licence',
  credit: 'embeddedCredit', creator: 'embeddedCreator', copyright: 'copyright', ref: 'archiveRef', title: 'title',
};

function photoFrom(spec: string): CreditInput {
  const photo: CreditInput = {
    fortepanId: null, title: '', file: '', donor: '', photographer: '', source: '', licence: '',
    embeddedCredit: '', embeddedCreator: '', copyright: '', archiveRef: '',
  };
  for (const pair of spec.split(';')) {
    const [key, ...rest] = pair.split('=');
    const field = FIELDS[key.trim()];
    assert.ok(field, `known field in "${spec}": ${key}`);
    const value = rest.join('=').trim();
    if (field === 'fortepanId') photo.fortepanId = Number(value);
    else (photo as unknown as Record<string, string>)[field] = value;
  }
  if (!photo.file && photo.fortepanId !== null) photo.file = `fortepan_${photo.fortepanId}.jpg`;
  return photo;
}

const rules = tableRows('credit-rules');
const SOURCE_KEYS = new Set([...DOC.matchAll(/^- \*\*\[([A-Z])\]\*\*/gm)].map((m) => m[1]));

test('every case of docs/credit-rules.md gives the documented line, in every style and both languages', () => {
  assert.ok(rules.length >= 80, `the table has its rows (${rules.length})`);
  for (const [kase, spec, style, hu, en, sources] of rules) {
    assert.ok((CREDIT_STYLES as readonly string[]).includes(style), `a style: ${style}`);
    const photo = photoFrom(code(spec));
    const expected = { hu: code(hu), en: code(en) };
    for (const lang of CREDIT_LANGS) {
      assert.equal(styledCredit(photo, style as CreditStyle, lang), expected[lang], `${kase} · ${style} · ${lang}`);
    }
    const keys = sources.split(',').map((s) => s.trim());
    assert.ok(keys.length && keys.every((k) => SOURCE_KEYS.has(k)), `${kase} · ${style}: its sources are in the list (${sources})`);
  }
});

test('the table is exhaustive: each case in all four styles, and every case the issue lists', () => {
  const styles = new Map<string, Set<string>>();
  for (const [kase, , style] of rules) styles.set(kase, (styles.get(kase) ?? new Set()).add(style));
  for (const [kase, seen] of styles) assert.deepEqual([...seen].sort(), [...CREDIT_STYLES].sort(), kase);
  const specs = rules.map((r) => r[1]).join('\n');
  for (const needed of [
    'Klösz György fényképei; photographer=Klösz György', // a donor naming the photographer
    'photographer=ismeretlen', 'photographer=Ismeretlen fényképész', 'photographer=UNKNOWN',
    'donor=Fortepan`', 'source=FSZEK Budapest-képarchívum', 'file=FI0001858.jpg', 'ref=HU.BFL.XV.19.d.1.05.054',
    'source=Wikimedia Commons',
  ]) {
    assert.ok(specs.includes(needed), `a case with ${needed}`);
  }
});

test('every embedded credit form in docs/credit-rules.md is recognised as documented', () => {
  const rows = tableRows('embedded-credits');
  assert.ok(rows.length >= 10);
  for (const [credit, source, donor, photographer, number, licence, archiveRef] of rows) {
    const found = recogniseEmbeddedCredit(code(credit));
    if (source === '(not recognised)') {
      assert.equal(found, null, credit);
      continue;
    }
    assert.ok(found, `recognised: ${credit}`);
    const id = number ? (/^\d+$/.test(number) ? Number(number) : null) : null;
    const iowaId = /^FI\d{7}$/.test(number) ? number : null;
    assert.deepEqual(
      { source: found.source, donor: found.donor, photographer: found.photographer, fortepanId: found.fortepanId, iowaId: found.iowaId, licence: found.licence, archiveRef: found.archiveRef },
      { source, donor, photographer, fortepanId: id, iowaId, licence, archiveRef },
      credit,
    );
  }
});
