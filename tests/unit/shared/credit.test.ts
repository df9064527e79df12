import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveLicence, type CreditInput } from '../../../shared/credit.ts';
import { creditLine, creditList } from '../../../shared/creditStyles.ts';
import { recogniseEmbeddedCredit } from '../../../shared/embeddedCredit.ts';

const base: CreditInput = {
  fortepanId: 12345, title: '', file: '/x/fortepan_12345.jpg', donor: 'Nagy Gyula', photographer: '', source: '',
  licence: '', embeddedCredit: '', embeddedCreator: '', copyright: '',
};

test('Fortepan credit is "Fortepan / donor"', () => {
  assert.equal(creditLine(base), 'Fortepan / Nagy Gyula');
});

test('Fortepan credit adds the photographer when known', () => {
  assert.equal(creditLine({ ...base, photographer: 'Berkó Pál' }), 'Fortepan / Nagy Gyula / Berkó Pál');
});

test('a hierarchical donor is kept whole', () => {
  assert.equal(
    creditLine({ ...base, donor: 'Budapest Főváros Levéltára / Klösz György fényképei' }),
    'Fortepan / Budapest Főváros Levéltára / Klösz György fényképei',
  );
});

test('a photo whose source is Fortepan follows Fortepan\'s rule without a number', () => {
  assert.equal(creditLine({ ...base, fortepanId: null, source: 'Fortepan' }), 'Fortepan / Nagy Gyula');
});

test('other sources: the creator and the embedded credit line, else the copyright', () => {
  const other = { ...base, fortepanId: null, donor: '' };
  assert.equal(creditLine({ ...other, embeddedCredit: 'Magyar Nemzeti Múzeum', embeddedCreator: 'X' }), 'X / Magyar Nemzeti Múzeum');
  assert.equal(creditLine({ ...other, embeddedCreator: 'Kovács Béla' }), 'Kovács Béla');
  assert.equal(creditLine({ ...other, copyright: '© 1999 Y' }), '© 1999 Y');
  assert.equal(creditLine(other), '');
});

test('Fortepan licence is CC BY-SA 3.0 unless recorded otherwise', () => {
  assert.equal(effectiveLicence(base), 'CC BY-SA 3.0');
  assert.equal(effectiveLicence({ ...base, licence: 'CC BY-SA 4.0' }), 'CC BY-SA 4.0');
  assert.equal(effectiveLicence({ ...base, fortepanId: null }), '');
});

test('an embedded "Fortepan / X" credit names the donor', () => {
  assert.equal(recogniseEmbeddedCredit('Fortepan / Nagy Gyula')?.donor, 'Nagy Gyula');
  assert.equal(recogniseEmbeddedCredit('FORTEPAN/Berkó Pál')?.donor, 'Berkó Pál');
  assert.equal(recogniseEmbeddedCredit('Magyar Nemzeti Múzeum'), null);
});

test('credit list as text numbers photos and names the licence', () => {
  const text = creditList([base, { ...base, fortepanId: 7, donor: 'Ebner', title: 'Strand' }], 'txt');
  assert.equal(text, '1. Fortepan 12345: Fortepan / Nagy Gyula (CC BY-SA 3.0)\n2. Strand: Fortepan / Ebner (CC BY-SA 3.0)\n');
});

test('credit list in Hungarian: the shelfmark and "no credit" in Hungarian words, English by default', () => {
  const archive = { ...base, fortepanId: 9, title: 'Lánchíd', donor: 'Budapest Főváros Levéltára', archiveRef: 'HU.BFL.XV.19.d.1.05.054' };
  const nothing = { ...base, fortepanId: null, title: 'Árvíz', donor: '', source: '', photographer: '', licence: '' };
  assert.equal(
    creditList([archive, nothing], 'txt', 'hu'),
    '1. Lánchíd: Fortepan / Budapest Főváros Levéltára. Levéltári jelzet: HU.BFL.XV.19.d.1.05.054 (CC BY-SA 3.0)\n2. Árvíz: (nincs forrásmegjelölés)\n',
  );
  assert.equal(
    creditList([archive, nothing], 'txt'),
    '1. Lánchíd: Fortepan / Budapest Főváros Levéltára. Archive reference: HU.BFL.XV.19.d.1.05.054 (CC BY-SA 3.0)\n2. Árvíz: (no credit recorded)\n',
  );
});

test('credit list as Markdown links the licence and escapes metadata', () => {
  const md = creditList([{ ...base, title: '*bold* <img src=x onerror=alert(1)>' }], 'md');
  assert.match(md, /\[CC BY\\-SA 3\\\.0\]\(https:\/\/creativecommons\.org\/licenses\/by-sa\/3\.0\/\)/);
  assert.ok(md.includes('\\*bold\\*'));
  assert.ok(md.includes('\\<img'));
  assert.ok(!/(^|[^\\])</.test(md), 'every < is escaped, so no Markdown renderer sees a tag');
});
