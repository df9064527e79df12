// Every credit style in both languages against the rules in ../shared/DOMAIN.md and issue 6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, type CreditInput } from '../../../shared/credit.ts';
import { isShareAlike, styledCredit, taslParts, taslText, CREDIT_STYLES, CREDIT_LANGS } from '../../../shared/creditStyles.ts';
import { creditCsvRows, creditWarnings, figureEntries, renderCreditList, type FigurePick } from '../../../shared/figureCredits.ts';

const fortepan: CreditInput = {
  fortepanId: 12345, title: '', file: '/x/fortepan_12345.jpg', donor: 'Nagy Gyula', photographer: '', source: '',
  licence: '', embeddedCredit: '', embeddedCreator: '', copyright: '',
};
const withPhotographer = { ...fortepan, photographer: 'Berkó Pál' };
const other: CreditInput = {
  fortepanId: null, title: '', file: '/x/scan 7.jpg', donor: '', photographer: '', source: '', licence: '',
  embeddedCredit: 'Magyar Nemzeti Múzeum', embeddedCreator: 'Kovács Béla', copyright: '© 1999 MNM',
};

test('fortepan style: "Fortepan / donor", plus " / photographer" when known, in both languages', () => {
  for (const lang of CREDIT_LANGS) {
    assert.equal(styledCredit(fortepan, 'fortepan', lang), 'Fortepan / Nagy Gyula');
    assert.equal(styledCredit(withPhotographer, 'fortepan', lang), 'Fortepan / Nagy Gyula / Berkó Pál');
  }
});

test('press style: "Fotó: Nagy Gyula / Fortepan" in Hungarian, "Photo: Fortepan / Nagy Gyula" in English', () => {
  assert.equal(styledCredit(fortepan, 'press', 'hu'), 'Fotó: Nagy Gyula / Fortepan');
  assert.equal(styledCredit(fortepan, 'press', 'en'), 'Photo: Fortepan / Nagy Gyula');
  // A known photographer stands next to "Fotó:"; the donor is never dropped.
  assert.equal(styledCredit(withPhotographer, 'press', 'hu'), 'Fotó: Berkó Pál / Nagy Gyula / Fortepan');
  assert.equal(styledCredit(withPhotographer, 'press', 'en'), 'Photo: Fortepan / Nagy Gyula / Berkó Pál');
});

test('commons style: "Wikimedia Commons/Fortepan/Nagy Gyula" in both languages', () => {
  for (const lang of CREDIT_LANGS) {
    assert.equal(styledCredit(fortepan, 'commons', lang), 'Wikimedia Commons/Fortepan/Nagy Gyula');
    assert.equal(styledCredit(withPhotographer, 'commons', lang), 'Wikimedia Commons/Fortepan/Nagy Gyula/Berkó Pál');
  }
});

test('tasl: title or "Fortepan <number>", author = photographer else donor, source link, licence with link', () => {
  const en = taslParts(fortepan, 'en', false);
  assert.deepEqual(en, {
    title: 'Fortepan 12345', author: 'Nagy Gyula', source: 'Fortepan', sourceUrl: 'https://fortepan.hu/en/photos/?id=12345',
    licence: 'CC BY-SA 3.0', licenceUrl: 'https://creativecommons.org/licenses/by-sa/3.0/', modified: false,
  });
  assert.equal(taslParts(fortepan, 'hu', false).sourceUrl, 'https://fortepan.hu/hu/photos/?id=12345');
  const titled = taslParts({ ...withPhotographer, title: 'Villamos az Üllői úton' }, 'en', true);
  assert.equal(titled.title, 'Villamos az Üllői úton');
  assert.equal(titled.author, 'Berkó Pál');
  assert.equal(titled.source, 'Fortepan / Nagy Gyula', 'the donor Fortepan asks for stays in the credit');
  assert.equal(titled.modified, true);
  assert.equal(
    styledCredit(fortepan, 'tasl', 'en'),
    '“Fortepan 12345” by Nagy Gyula; source: Fortepan, https://fortepan.hu/en/photos/?id=12345; licence: CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/',
  );
  assert.equal(
    styledCredit(fortepan, 'tasl', 'hu', true),
    '„Fortepan 12345”; szerző: Nagy Gyula; forrás: Fortepan, https://fortepan.hu/hu/photos/?id=12345; licenc: CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/; módosítva',
  );
  assert.match(styledCredit({ ...fortepan, licence: 'CC BY-SA 4.0' }, 'tasl', 'en'), /CC BY-SA 4\.0, https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\//);
  assert.doesNotMatch(styledCredit(fortepan, 'tasl', 'en', false), /modified/);
  assert.match(styledCredit(fortepan, 'tasl', 'en', true), /; modified$/);
});

test('other sources fall back to the embedded credit line, creator and licence in every style', () => {
  assert.equal(styledCredit(other, 'fortepan', 'en'), 'Magyar Nemzeti Múzeum');
  assert.equal(styledCredit(other, 'commons', 'hu'), 'Magyar Nemzeti Múzeum', 'not a Commons copy: no Commons prefix');
  assert.equal(styledCredit(other, 'press', 'hu'), 'Fotó: Magyar Nemzeti Múzeum');
  assert.equal(styledCredit(other, 'press', 'en'), 'Photo: Magyar Nemzeti Múzeum');
  const t = taslParts({ ...other, licence: 'CC BY 4.0' }, 'en', false);
  assert.equal(t.title, 'scan 7.jpg');
  assert.equal(t.author, 'Kovács Béla');
  assert.equal(t.source, 'Magyar Nemzeti Múzeum');
  assert.equal(t.sourceUrl, null, 'no link is taken from metadata');
  assert.equal(t.licenceUrl, 'https://creativecommons.org/licenses/by/4.0/');
  // Without a licence, TASL names what the file says about rights.
  assert.equal(taslParts(other, 'en', false).licence, '© 1999 MNM');
  assert.equal(taslText(taslParts(other, 'en', false), 'en'), '“scan 7.jpg” by Kovács Béla; source: Magyar Nemzeti Múzeum; licence: © 1999 MNM');
  const bare = { ...other, embeddedCredit: '', embeddedCreator: '', copyright: '' };
  for (const style of ['fortepan', 'press', 'commons'] as const) assert.equal(styledCredit(bare, style, 'en'), '');
});

test('ShareAlike licences are recognised', () => {
  assert.ok(isShareAlike('CC BY-SA 3.0'));
  assert.ok(isShareAlike('cc-by-sa 4.0'));
  assert.ok(!isShareAlike('CC BY 4.0'));
  assert.ok(!isShareAlike('CC0 1.0'));
});

const picks: FigurePick[] = [
  { photo: { ...fortepan, id: 1, caption: 'Villamos' }, modified: false },
  { photo: { ...other, id: 2, embeddedCredit: '<b>Bold</b> & "quoted"', title: '=HYPERLINK("http://evil")' }, modified: false },
  { photo: { ...withPhotographer, id: 3, fortepanId: 7416 }, modified: true },
];

test('every text format numbers figures in order, for every style and language', () => {
  for (const style of CREDIT_STYLES) {
    for (const lang of CREDIT_LANGS) {
      const entries = figureEntries(picks, style, lang);
      assert.deepEqual(entries.map((e) => e.figure), [1, 2, 3]);
      const options = { style, lang, collectionName: 'Chapter 3' };
      const txt = renderCreditList(entries, 'txt', options);
      const fig = (n: number) => (lang === 'hu' ? `${n}. kép` : `Figure ${n}`);
      assert.ok(txt.startsWith(lang === 'hu' ? 'Képjegyzék: Chapter 3\n' : 'Picture credits: Chapter 3\n'), txt);
      const lines = txt.trim().split('\n').slice(2);
      lines.forEach((line, i) => assert.ok(line.startsWith(`${fig(i + 1)}: ${entries[i].credit}`), line));
      assert.ok(renderCreditList(entries, 'md', options).includes(`**${escapeMarkdown(fig(3))}:**`));
      assert.ok(renderCreditList(entries, 'html', options).includes(`<strong>${fig(2)}:</strong>`));
      assert.deepEqual(creditCsvRows(entries).map((row) => row[0]), [1, 2, 3]);
    }
  }
  const txt = renderCreditList(figureEntries(picks, 'press', 'hu'), 'txt', { style: 'press', lang: 'hu', collectionName: 'X' });
  assert.match(txt, /^1\. kép: Fotó: Nagy Gyula \/ Fortepan \(Fortepan 12345; CC BY-SA 3\.0\)$/m);
  assert.match(txt, /^3\. kép: Fotó: Berkó Pál \/ Nagy Gyula \/ Fortepan \(Fortepan 7416; CC BY-SA 3\.0\)$/m);
});

test('HTML escapes metadata and links only to URLs we build', () => {
  const html = renderCreditList(figureEntries(picks, 'fortepan', 'en'), 'html', { style: 'fortepan', lang: 'en', collectionName: '<script>x</script>' });
  assert.ok(!html.includes('<b>Bold</b>'));
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&#60;b&#62;Bold&#60;/b&#62; &#38; &#34;quoted&#34;'));
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(hrefs.length > 0);
  for (const href of hrefs) assert.match(href, /^https:\/\/(creativecommons\.org|fortepan\.hu)\//);
  const tasl = renderCreditList(figureEntries(picks, 'tasl', 'en'), 'html', { style: 'tasl', lang: 'en', collectionName: '' });
  assert.ok(tasl.includes('<a href="https://fortepan.hu/en/photos/?id=12345">Fortepan</a>'));
});

test('Markdown escapes metadata', () => {
  const md = renderCreditList(figureEntries(picks, 'fortepan', 'en'), 'md', { style: 'fortepan', lang: 'en', collectionName: 'C' });
  assert.ok(md.includes('\\<b\\>Bold\\</b\\>'));
  assert.ok(md.includes('[CC BY\\-SA 3\\.0](https://creativecommons.org/licenses/by-sa/3.0/)'));
});

// The CSV itself (quoting, formula guard) is written on the Node side: tests/unit/catalogue/csvWriter.test.ts.
test('CSV rows carry the metadata as it is and mark modified picks', () => {
  const rows = creditCsvRows(figureEntries(picks, 'tasl', 'en'));
  assert.ok(rows.some((row) => row.includes('=HYPERLINK("http://evil")')), JSON.stringify(rows));
  assert.equal(rows[2].at(-1), 'yes', 'figure 3 is marked modified');
});

test('warnings: no licence, no credit, no donor, ShareAlike, the same photo twice', () => {
  const list: FigurePick[] = [
    { photo: { ...fortepan, id: 1 }, modified: false },
    { photo: { ...other, id: 2, embeddedCredit: '', embeddedCreator: '', copyright: '' }, modified: false },
    { photo: { ...fortepan, id: 3, donor: '' }, modified: false },
    { photo: { ...fortepan, id: 1 }, modified: false },
    { photo: { ...other, id: 5, licence: 'CC BY 4.0' }, modified: false },
  ];
  const byKind = Object.fromEntries(creditWarnings(list).map((w) => [w.kind, w]));
  assert.deepEqual(byKind['no-licence'].figures, [2]);
  assert.deepEqual(byKind['no-credit'].figures, [2]);
  assert.deepEqual(byKind['no-donor'].figures, [3]);
  assert.deepEqual(byKind['share-alike'].figures, [1, 3, 4]);
  assert.deepEqual(byKind.duplicate.figures, [1, 4]);
  assert.match(byKind.duplicate.message, /Fortepan 12345/);
  assert.deepEqual(creditWarnings([{ photo: { ...other, id: 9, licence: 'CC BY 4.0' }, modified: false }]), []);
});
