// Dates as archivists write them (phrases from real Fortepan captions and Hungarian Excel), read
// into EDTF with the bounds search and the timeline use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDate } from '../../../shared/datePhrases.ts';
import { parseEdtf, describeEdtf } from '../../../shared/edtf.ts';

// phrase → [EDTF stored, earliest day, latest day]
const PHRASES: [string, string, string, string][] = [
  // EDTF typed directly keeps working
  ['1956', '1956', '1956-01-01', '1956-12-31'],
  ['1956-10-23', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['1956~', '1956~', '1956-01-01', '1956-12-31'],
  ['195X', '195X', '1950-01-01', '1959-12-31'],
  ['1944/1945', '1944/1945', '1944-01-01', '1945-12-31'],
  ['1956-23', '1956-23', '1956-09-01', '1956-11-30'],
  // approximate
  ['1956 körül', '1956~', '1956-01-01', '1956-12-31'],
  ['kb. 1930', '1930~', '1930-01-01', '1930-12-31'],
  ['kb 1930', '1930~', '1930-01-01', '1930-12-31'],
  ['ca. 1930', '1930~', '1930-01-01', '1930-12-31'],
  ['cca. 1930', '1930~', '1930-01-01', '1930-12-31'],
  ['circa 1930', '1930~', '1930-01-01', '1930-12-31'],
  ['c. 1930', '1930~', '1930-01-01', '1930-12-31'],
  ['about 1930', '1930~', '1930-01-01', '1930-12-31'],
  ['1930 körül?', '1930%', '1930-01-01', '1930-12-31'],
  ['1956?', '1956?', '1956-01-01', '1956-12-31'],
  ['1938 táján', '1938~', '1938-01-01', '1938-12-31'],
  ['KB. 1930', '1930~', '1930-01-01', '1930-12-31'],
  // decades and centuries
  ['1950-es évek', '195X', '1950-01-01', '1959-12-31'],
  ['az 1950-es években', '195X', '1950-01-01', '1959-12-31'],
  ['1920-as évek', '192X', '1920-01-01', '1929-12-31'],
  ['a 1960-as években', '196X', '1960-01-01', '1969-12-31'],
  ['1950s', '195X', '1950-01-01', '1959-12-31'],
  ["the 1930s", '193X', '1930-01-01', '1939-12-31'],
  ["1940's", '194X', '1940-01-01', '1949-12-31'],
  ['kb. 1950-es évek', '195X~', '1950-01-01', '1959-12-31'],
  ['19. század', '18XX', '1800-01-01', '1899-12-31'],
  ['20th century', '19XX', '1900-01-01', '1999-12-31'],
  // seasons
  ['1956 ősz', '1956-23', '1956-09-01', '1956-11-30'],
  ['1956 ősze', '1956-23', '1956-09-01', '1956-11-30'],
  ['1956. ősz', '1956-23', '1956-09-01', '1956-11-30'],
  ['1938 tavasza', '1938-21', '1938-03-01', '1938-05-31'],
  ['1944 nyarán', '1944-22', '1944-06-01', '1944-08-31'],
  ['1944 nyár', '1944-22', '1944-06-01', '1944-08-31'],
  ['1942 tele', '1942-24', '1942-12-01', '1943-02-28'],
  ['1943 telén', '1943-24', '1943-12-01', '1944-02-29'],
  ['autumn 1944', '1944-23', '1944-09-01', '1944-11-30'],
  ['fall 1944', '1944-23', '1944-09-01', '1944-11-30'],
  ['spring of 1938', '1938-21', '1938-03-01', '1938-05-31'],
  ['1944 winter', '1944-24', '1944-12-01', '1945-02-28'],
  // full dates
  ['1956. október 23.', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['1956. okt. 23.', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['1956. október 23-án', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['1956.10.23.', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['1956. 10. 23.', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['1956.10.23', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['1945. febr. 13.', '1945-02-13', '1945-02-13', '1945-02-13'],
  ['1956. október', '1956-10', '1956-10-01', '1956-10-31'],
  ['1956 októberében', '1956-10', '1956-10-01', '1956-10-31'],
  ['1956.10.', '1956-10', '1956-10-01', '1956-10-31'],
  ['23 October 1956', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['23 Oct 1956', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['October 23, 1956', '1956-10-23', '1956-10-23', '1956-10-23'],
  ['October 1956', '1956-10', '1956-10-01', '1956-10-31'],
  // ranges
  ['1944/45', '1944/1945', '1944-01-01', '1945-12-31'],
  ['1944-45', '1944/1945', '1944-01-01', '1945-12-31'],
  ['1944-1945', '1944/1945', '1944-01-01', '1945-12-31'],
  ['1944–1945', '1944/1945', '1944-01-01', '1945-12-31'],
  ['1944 – 1945', '1944/1945', '1944-01-01', '1945-12-31'],
  ['1880 és 1890 között', '1880/1890', '1880-01-01', '1890-12-31'],
  ['1880-1890 között', '1880/1890', '1880-01-01', '1890-12-31'],
  ['1880-tól 1890-ig', '1880/1890', '1880-01-01', '1890-12-31'],
  ['between 1880 and 1890', '1880/1890', '1880-01-01', '1890-12-31'],
  ['1956. október 23. – 1956. november 4.', '1956-10-23/1956-11-04', '1956-10-23', '1956-11-04'],
  ['kb. 1944-1945', '1944~/1945~', '1944-01-01', '1945-12-31'],
  // open ends, with the horizon
  ['1890 után', '1890/..', '1890-01-01', '1910-12-31'],
  ['after 1890', '1890/..', '1890-01-01', '1910-12-31'],
  ['1890-től', '1890/..', '1890-01-01', '1910-12-31'],
  ['1880 előtt', '../1880', '1860-01-01', '1880-12-31'],
  ['before 1880', '../1880', '1860-01-01', '1880-12-31'],
  ['1880-ig', '../1880', '1860-01-01', '1880-12-31'],
  // case endings
  ['1894-ben', '1894', '1894-01-01', '1894-12-31'],
  ['1956-ban', '1956', '1956-01-01', '1956-12-31'],
  // empty is an unknown date
  ['  ', '', '', ''],
];

test(`${PHRASES.length} date phrases in Hungarian and English are read with their bounds`, () => {
  assert.ok(PHRASES.length >= 60);
  for (const [phrase, edtf, from, to] of PHRASES) {
    const read = readDate(phrase);
    assert.ok(read.ok, `${phrase}: ${read.ok ? '' : read.error}`);
    assert.equal(read.edtf, edtf, phrase);
    if (!edtf) continue;
    const parsed = parseEdtf(read.edtf);
    assert.ok(parsed.ok && parsed.value, phrase);
    assert.deepEqual([parsed.value.from, parsed.value.to], [from, to], phrase);
  }
});

test('a phrase that cannot be read says what is accepted, in the language asked for', () => {
  for (const edtf of ['1956-13', '1960/1950', '1956-02-30']) {
    const en = readDate(edtf, 'en');
    assert.equal(en.ok, false, edtf);
    if (!en.ok) assert.match(en.error, /does not exist|ends before it starts/, 'typed as EDTF: the precise reason');
  }
  for (const phrase of ['tavasz', 'valamikor régen', '1956. hétfő 23.', 'október 1956 32']) {
    const en = readDate(phrase, 'en');
    assert.equal(en.ok, false, phrase);
    if (!en.ok) assert.match(en.error, /Accepted: 1956, 1956 körül/);
    const hu = readDate(phrase, 'hu');
    assert.equal(hu.ok, false, phrase);
    if (!hu.ok) assert.match(hu.error, /nem olvasható dátumként/);
  }
});

test('an open end is found by a search in the decades after it', () => {
  const after = parseEdtf('1890/..');
  assert.ok(after.ok && after.value);
  assert.ok(after.value.from <= '1891-01-01' && after.value.to >= '1900-12-31');
});

test('seasons and Hungarian decades are said as each language writes them', () => {
  assert.equal(describeEdtf('1956-23', 'hu'), '1956 ősze');
  assert.equal(describeEdtf('1956-23', 'en'), 'autumn 1956');
  assert.equal(describeEdtf('1938-21', 'hu'), '1938 tavasza');
  const decades: [string, string][] = [
    ['190X', '1900-as'], ['191X', '1910-es'], ['192X', '1920-as'], ['193X', '1930-as'], ['194X', '1940-es'],
    ['195X', '1950-es'], ['196X', '1960-as'], ['197X', '1970-es'], ['198X', '1980-as'], ['199X', '1990-es'],
  ];
  for (const [edtf, said] of decades) assert.equal(describeEdtf(edtf, 'hu'), `${said} évek`);
});
