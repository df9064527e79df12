// Every credit style in both languages against the rules in ../shared/DOMAIN.md and issue 6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, type CreditInput } from '../../../shared/credit.ts';
import { commonsFilePage, isFromCommons } from '../../../shared/commonsFile.ts';
import { isShareAlike, styledCredit, taslParts, taslText, CREDIT_STYLES, CREDIT_LANGS } from '../../../shared/creditStyles.ts';
import { CREDIT_CSV_COLUMNS, creditCsvRows, creditWarnings, figureEntries, renderCreditList, type FigurePick } from '../../../shared/figureCredits.ts';

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

test('press style keeps "Fortepan / donor" together: "Fotó: Fortepan / Nagy Gyula", photographer first when known', () => {
  assert.equal(styledCredit(fortepan, 'press', 'hu'), 'Fotó: Fortepan / Nagy Gyula');
  assert.equal(styledCredit(fortepan, 'press', 'en'), 'Photo: Fortepan / Nagy Gyula');
  // A known photographer stands next to "Fotó:"; the donor is never dropped nor split from Fortepan.
  assert.equal(styledCredit(withPhotographer, 'press', 'hu'), 'Fotó: Berkó Pál / Fortepan / Nagy Gyula');
  assert.equal(styledCredit(withPhotographer, 'press', 'en'), 'Photo: Berkó Pál / Fortepan / Nagy Gyula');
});

test('commons style: "Fotó: / Photo: Wikimedia Commons/Fortepan/Nagy Gyula", as the article reusing the Commons copy', () => {
  assert.equal(styledCredit(fortepan, 'commons', 'hu'), 'Fotó: Wikimedia Commons/Fortepan/Nagy Gyula');
  assert.equal(styledCredit(fortepan, 'commons', 'en'), 'Photo: Wikimedia Commons/Fortepan/Nagy Gyula');
  assert.equal(styledCredit(withPhotographer, 'commons', 'en'), 'Photo: Wikimedia Commons/Fortepan/Nagy Gyula/Berkó Pál');
});

test('tasl: title or "Fortepan <number>", author = photographer else unknown, the donor in the source, links', () => {
  const en = taslParts(fortepan, 'en', false);
  assert.deepEqual(en, {
    title: 'Fortepan 12345', author: '', source: 'Fortepan / Nagy Gyula', sourceUrl: 'https://fortepan.hu/en/photos/?id=12345',
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
    '“Fortepan 12345” by unknown; source: Fortepan / Nagy Gyula, https://fortepan.hu/en/photos/?id=12345; licence: CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/',
  );
  assert.equal(
    styledCredit(fortepan, 'tasl', 'hu', true),
    '„Fortepan 12345”; szerző: ismeretlen; forrás: Fortepan / Nagy Gyula, https://fortepan.hu/hu/photos/?id=12345; licenc: CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/; módosítva',
  );
  assert.match(styledCredit({ ...fortepan, licence: 'CC BY-SA 4.0' }, 'tasl', 'en'), /CC BY-SA 4\.0, https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\//);
  assert.doesNotMatch(styledCredit(fortepan, 'tasl', 'en', false), /modified/);
  assert.match(styledCredit(fortepan, 'tasl', 'en', true), /; modified$/);
});

test('other sources: creator and source (the embedded credit line when none is recorded) in every style', () => {
  assert.equal(styledCredit(other, 'fortepan', 'en'), 'Kovács Béla / Magyar Nemzeti Múzeum');
  assert.equal(styledCredit(other, 'commons', 'hu'), 'Fotó: Kovács Béla / Magyar Nemzeti Múzeum', 'not a Commons copy: no Commons prefix');
  assert.equal(styledCredit(other, 'press', 'hu'), 'Fotó: Kovács Béla / Magyar Nemzeti Múzeum');
  assert.equal(styledCredit(other, 'press', 'en'), 'Photo: Kovács Béla / Magyar Nemzeti Múzeum');
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
  assert.match(txt, /^1\. kép: Fotó: Fortepan \/ Nagy Gyula \(Fortepan 12345; CC BY-SA 3\.0\)$/m);
  assert.match(txt, /^3\. kép: Fotó: Berkó Pál \/ Fortepan \/ Nagy Gyula \(Fortepan 7416; CC BY-SA 3\.0\)$/m);
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
  assert.ok(tasl.includes('<a href="https://fortepan.hu/en/photos/?id=12345">Fortepan / Nagy Gyula</a>'));
});

test('Markdown escapes metadata', () => {
  const md = renderCreditList(figureEntries(picks, 'fortepan', 'en'), 'md', { style: 'fortepan', lang: 'en', collectionName: 'C' });
  assert.ok(md.includes('\\<b\\>Bold\\</b\\>'));
  assert.ok(md.includes('[CC BY\\-SA 3\\.0](https://creativecommons.org/licenses/by-sa/3.0/)'));
});

// The CSV itself (quoting, formula guard) is written on the Node side: tests/unit/electron/catalogue/exchange/csvWriter.test.ts.
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

const commonsCopy: CreditInput = { ...fortepan, fortepanId: 24628, file: '/x/Budapest, Lánchíd, 1930. Fortepan 24628.jpg', donor: 'Hofbauer Róbert', source: 'Wikimedia Commons' };
const COMMONS_PAGE = 'https://commons.wikimedia.org/wiki/File:Budapest%2C_L%C3%A1nch%C3%ADd%2C_1930._Fortepan_24628.jpg';

test('commons style links the Commons file page where it is known, in Markdown and HTML', () => {
  assert.equal(commonsFilePage(commonsCopy), COMMONS_PAGE);
  assert.equal(commonsFilePage({ source: 'https://commons.wikimedia.org/wiki/File:Budapest,_L%C3%A1nch%C3%ADd,_1930._Fortepan_24628.jpg', file: '/x/a.jpg' }), COMMONS_PAGE);
  assert.equal(commonsFilePage(fortepan), null, 'a fortepan.hu download has no Commons page');
  assert.equal(commonsFilePage({ source: 'https://commons.wikimedia.org/wiki/File:a"><script>.jpg', file: '/x/a.jpg' }), null);
  assert.ok(isFromCommons(commonsCopy) && !isFromCommons(fortepan));
  const picksC: FigurePick[] = [{ photo: { ...commonsCopy, id: 1 }, modified: false }, { photo: { ...fortepan, id: 2 }, modified: false }];
  const options = { style: 'commons' as const, lang: 'en' as const, collectionName: '' };
  const entries = figureEntries(picksC, 'commons', 'en');
  assert.equal(entries[0].creditUrl, COMMONS_PAGE);
  assert.equal(entries[1].creditUrl, null);
  const md = renderCreditList(entries, 'md', options);
  assert.ok(md.includes(`[Photo: Wikimedia Commons/Fortepan/Hofbauer Róbert](${COMMONS_PAGE})`), md);
  const html = renderCreditList(entries, 'html', options);
  assert.ok(html.includes(`<a href="${COMMONS_PAGE}">Photo: Wikimedia Commons/Fortepan/Hofbauer Róbert</a>`), html);
  assert.ok(html.includes('<strong>Figure 2:</strong> Photo: Wikimedia Commons/Fortepan/Nagy Gyula <span'), 'no page known: no link');
  assert.deepEqual([...CREDIT_CSV_COLUMNS], ['figure', 'photo_id', 'identity', 'title', 'credit', 'credit_url', 'author', 'source', 'source_url', 'archive_ref', 'licence', 'licence_url', 'modified']);
  assert.equal(creditCsvRows(entries)[0][CREDIT_CSV_COLUMNS.indexOf('credit_url')], COMMONS_PAGE);
  // Other styles link no Commons page.
  assert.equal(figureEntries(picksC, 'press', 'en')[0].creditUrl, null);
});

test('warnings follow the language, and the commons style warns about photos taken from fortepan.hu', () => {
  const list: FigurePick[] = [
    { photo: { ...fortepan, id: 1 }, modified: false },
    { photo: { ...commonsCopy, id: 2 }, modified: false },
    { photo: { ...fortepan, id: 3, donor: 'Budapest Főváros Levéltára / Klösz György fényképei' }, modified: false },
    { photo: { ...fortepan, id: 1 }, modified: false },
  ];
  const en = Object.fromEntries(creditWarnings(list, { style: 'commons', lang: 'en' }).map((w) => [w.kind, w]));
  assert.deepEqual(en['not-from-commons'].figures, [1, 3, 4]);
  assert.match(en['not-from-commons'].message, /^The source recorded for figures 1, 3, 4 is Fortepan \(fortepan\.hu\), not Wikimedia Commons/);
  assert.deepEqual(en['no-archive-ref'].figures, [3]);
  assert.equal(creditWarnings(list, { style: 'press', lang: 'en' }).find((w) => w.kind === 'not-from-commons'), undefined, 'only the commons style warns');
  const hu = creditWarnings(list, { style: 'commons', lang: 'hu' });
  const huByKind = Object.fromEntries(hu.map((w) => [w.kind, w.message]));
  assert.match(huByKind['not-from-commons'], /^A\(z\) 1\., 3\., 4\. kép rögzített forrása a Fortepan \(fortepan\.hu\), nem a Wikimedia Commons/);
  assert.match(huByKind['no-archive-ref'], /^Nincs levéltári jelzet megadva \(3\. kép\)/);
  assert.match(huByKind['share-alike'], /^1\., 2\., 3\., 4\. kép: CC BY-SA 3\.0 licenc/);
  assert.match(huByKind.duplicate, /^Ugyanaz a fotó \(Fortepan 12345, azonosító: 1\) többször szerepel: 1\., 4\. kép\.$/);
  for (const message of Object.values(huByKind)) assert.doesNotMatch(message, /\b(figure|recorded|licence)\b/, 'no English left in Hungarian warnings');
  const noDonor = creditWarnings([{ photo: { ...fortepan, id: 5, donor: '' }, modified: false }], { lang: 'hu' });
  assert.match(noDonor.find((w) => w.kind === 'no-donor')!.message, /^Nincs adományozó megadva/);
  // A donor "Fortepan" is recorded: the archive's own albums need no other name.
  assert.equal(creditWarnings([{ photo: { ...fortepan, id: 6, donor: 'Fortepan' }, modified: false }]).find((w) => w.kind === 'no-donor'), undefined);
});

test('Fortepan Iowa photos are identified by their FI number and licensed CC BY-SA 4.0', () => {
  const iowa: CreditInput = { ...fortepan, fortepanId: null, file: '/x/FI0001858.jpg', donor: 'Lissa Potter', source: '' };
  const [entry] = figureEntries([{ photo: { ...iowa, id: 1 }, modified: false }], 'fortepan', 'en');
  assert.equal(entry.identity, 'FI0001858');
  assert.equal(entry.licence, 'CC BY-SA 4.0');
  assert.equal(entry.credit, '"FI0001858" by Lissa Potter/Fortepan Iowa, CC-BY-SA 4.0');
  assert.equal(entry.tasl.licenceUrl, 'https://creativecommons.org/licenses/by-sa/4.0/');
  // A recorded FI number counts as much as one in the file name; a source "Fortepan Iowa" is not Fortepan's.
  assert.equal(figureEntries([{ photo: { ...iowa, id: 1, file: '/x/scan.jpg', iowaId: 'FI0000001' }, modified: false }], 'fortepan', 'en')[0].identity, 'FI0000001');
  assert.equal(styledCredit({ ...iowa, file: '/x/scan.jpg', source: 'Fortepan Iowa' }, 'press', 'hu'), 'Fotó: Lissa Potter / Fortepan Iowa');
});
