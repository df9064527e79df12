// What the standard date fields (IIM 2:55, photoshop:DateCreated, EXIF DateTimeOriginal) hold of
// an EDTF date, and when the EDTF text beside them still counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edtfBesideStandardDate, iimDateText, standardDate, xmpDateText } from '../../../shared/standardDate.ts';

test('each EDTF form comes down to the most precise year, month or day that holds it all, else its earliest year', () => {
  const rows: [edtf: string, xmp: string, iim: string, exact: boolean][] = [
    ['1946', '1946', '19460000', true],
    ['1946-05', '1946-05', '19460500', true],
    ['1946-05-12', '1946-05-12', '19460512', true],
    ['1946~', '1946', '19460000', false],
    ['1946?', '1946', '19460000', false],
    ['1946-05-12~', '1946-05-12', '19460512', false],
    ['1946-05-10/1946-05-20', '1946-05', '19460500', false],
    ['1946-03/1946-08', '1946', '19460000', false],
    ['1956-23', '1956', '19560000', false], // autumn 1956: September to November
    ['1956-24', '1956', '19560000', false], // winter 1956/57 spans two years: its first
    ['1945/1947', '1945', '19450000', false],
    ['194X', '1940', '19400000', false],
    ['19XX', '1900', '19000000', false],
    ['[1955,1956]', '1955', '19550000', false],
    ['1890/..', '1890', '18900000', false],
    ['../1880', '1880', '18800000', false], // no earliest year: the end it names
  ];
  for (const [edtf, xmp, iim, exact] of rows) {
    const date = standardDate(edtf);
    assert.ok(date, edtf);
    assert.deepEqual([xmpDateText(date), iimDateText(date), date.exact], [xmp, iim, exact], edtf);
  }
  assert.equal(standardDate(''), null);
  assert.equal(standardDate('nem dátum'), null);
});

test('the EDTF beside a standard date counts only while that date is still the one it comes down to', () => {
  assert.equal(edtfBesideStandardDate('1945/1947', '1945'), '1945/1947');
  assert.equal(edtfBesideStandardDate('194X', '1940'), '194X');
  assert.equal(edtfBesideStandardDate('1945/1947', '1950'), '', 'another program changed the date');
  assert.equal(edtfBesideStandardDate('1700', ''), '', 'no standard date: perhaps the date of a painting the photo shows');
  assert.equal(edtfBesideStandardDate('circa 1900', '1900'), '', 'free text is no EDTF');
});
