import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEdtf, edtfYears, parseEdtf } from '../../../shared/edtf.ts';

const bounds = (text: string) => {
  const parsed = parseEdtf(text);
  assert.ok(parsed.ok, `${text} should parse`);
  return parsed.value ? [parsed.value.from, parsed.value.to] : null;
};

test('years, months and days give their bounds', () => {
  assert.deepEqual(bounds('1956'), ['1956-01-01', '1956-12-31']);
  assert.deepEqual(bounds('1956-02'), ['1956-02-01', '1956-02-29']);
  assert.deepEqual(bounds('1956-10-23'), ['1956-10-23', '1956-10-23']);
});

test('qualifiers, decades, intervals and sets', () => {
  assert.deepEqual(bounds('1956~'), ['1956-01-01', '1956-12-31']);
  assert.deepEqual(bounds('1956?'), ['1956-01-01', '1956-12-31']);
  assert.deepEqual(bounds('195X'), ['1950-01-01', '1959-12-31']);
  assert.deepEqual(bounds('19XX'), ['1900-01-01', '1999-12-31']);
  assert.deepEqual(bounds('1944/1945'), ['1944-01-01', '1945-12-31']);
  assert.deepEqual(bounds('[1955,1956]'), ['1955-01-01', '1956-12-31']);
  assert.equal(bounds(''), null);
});

test('invalid dates are refused with a reason', () => {
  for (const text of ['1956-13', '1955-02-29', 'tavasz', '1960/1950', '19']) {
    const parsed = parseEdtf(text);
    assert.equal(parsed.ok, false, text);
    if (!parsed.ok) assert.ok(parsed.error.length > 10);
  }
});

test('dates in words', () => {
  assert.equal(describeEdtf('1956~'), 'about 1956');
  assert.equal(describeEdtf('195X'), '1950s');
  assert.equal(describeEdtf('195X', 'hu'), '1950-es évek');
  assert.equal(describeEdtf('1944/1945'), '1944–1945');
});

test('years for search', () => {
  assert.deepEqual(edtfYears('195X'), { from: 1950, to: 1959 });
  assert.equal(edtfYears('nonsense'), null);
});

test('every form the editor accepts is said in words, in English and Hungarian', () => {
  const cases: [string, string, string][] = [
    ['1956', '1956', '1956'],
    ['1956-10', 'October 1956', '1956. október'],
    ['1956-10-23', '23 October 1956', '1956. október 23.'],
    ['1956~', 'about 1956', '1956 körül'],
    ['1956?', '1956 (uncertain)', '1956 (bizonytalan)'],
    ['1956%', 'about 1956 (uncertain)', '1956 körül (bizonytalan)'],
    ['195X', '1950s', '1950-es évek'],
    ['19XX', '1900s', '1900-as évek'],
    ['1944/1945', '1944–1945', '1944–1945'],
    ['1956-10-23/1956-11-04', '23 October 1956–4 November 1956', '1956. október 23.–1956. november 4.'],
    ['1956/..', '1956 or later', '1956 vagy később'],
    ['../1956', '1956 or earlier', '1956 vagy előtte'],
    ['[1955,1956]', '1955 or 1956', '1955 vagy 1956'],
    ['[1955..1957]', 'between 1955 and 1957', '1955 és 1957 között'],
  ];
  for (const [text, en, hu] of cases) {
    assert.ok(parseEdtf(text).ok, text);
    assert.equal(describeEdtf(text), en, text);
    assert.equal(describeEdtf(text, 'hu'), hu, text);
  }
  assert.equal(describeEdtf('1956-13'), '1956-13', 'an invalid date is shown as typed');
});
