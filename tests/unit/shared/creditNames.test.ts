import { test } from 'node:test';
import assert from 'node:assert/strict';
import { donorAfterArchive, isUnknownName, knownName, namesPerson } from '../../../shared/creditNames.ts';
import { fortepanIowaId } from '../../../shared/fortepanIowa.ts';
import { citedArchiveReference } from '../../../shared/archiveReference.ts';

test('"ismeretlen" and "unknown" in any case and accents are no name', () => {
  for (const name of ['ismeretlen', 'Ismeretlen', 'ISMERETLEN', 'ismeretlen fényképész', 'Ismeretlen Fenykepesz', ' ismeretlen  fényképész ', 'unknown', 'Unknown photographer', 'ismeretlen szerző', '?', '', '  ']) {
    assert.ok(isUnknownName(name), name);
    assert.equal(knownName(name), '');
  }
  for (const name of ['Bauer Sándor', 'Ismeretlen Ferenc', 'Nagy Gyula']) assert.equal(knownName(name), name);
});

test('the archive is not its own donor', () => {
  assert.equal(donorAfterArchive('Fortepan', 'Fortepan'), '');
  assert.equal(donorAfterArchive('FORTEPAN', 'Fortepan'), '');
  assert.equal(donorAfterArchive('Fortepan/Album027', 'Fortepan'), 'Album027');
  assert.equal(donorAfterArchive('Fortepan / Fortepan / Nagy Gyula', 'Fortepan'), 'Nagy Gyula');
  assert.equal(donorAfterArchive('Fortepanos Kft.', 'Fortepan'), 'Fortepanos Kft.', 'a longer word is another name');
  assert.equal(donorAfterArchive('Nagy Gyula', 'Fortepan'), 'Nagy Gyula');
});

test('a donor names the photographer as whole words, ignoring case and accents', () => {
  assert.ok(namesPerson('Budapest Főváros Levéltára / Klösz György fényképei', 'Klösz György'));
  assert.ok(namesPerson('Budapest Főváros Levéltára / Georg Friedrich Brandseph', 'georg friedrich brandseph'));
  assert.ok(namesPerson('Bauer Sándor', 'Bauer Sandor'));
  assert.ok(!namesPerson('Nagy Gyulai', 'Nagy Gyula'));
  assert.ok(!namesPerson('Nagy Gyula', ''));
});

test('Fortepan Iowa numbers in file names and texts', () => {
  assert.equal(fortepanIowaId('FI0001858.jpg'), 'FI0001858');
  assert.equal(fortepanIowaId('fi0001858_large.jpg'), 'FI0001858');
  assert.equal(fortepanIowaId('"FI0001858" by Lissa Potter/Fortepan Iowa'), 'FI0001858');
  assert.equal(fortepanIowaId('FI00018580.jpg'), null);
  assert.equal(fortepanIowaId('WIFI0001858.jpg'), null);
  assert.equal(fortepanIowaId('fortepan_12345.jpg'), null);
});

test('the archive reference is cited for Budapest City Archives only', () => {
  const ref = 'HU.BFL.XV.19.d.1.05.054';
  assert.equal(citedArchiveReference({ donor: 'Budapest Főváros Levéltára / Klösz György fényképei', source: 'Fortepan', archiveRef: ref }), ref);
  assert.equal(citedArchiveReference({ donor: 'BUDAPEST FOVAROS LEVELTARA', source: '', archiveRef: ref }), ref);
  assert.equal(citedArchiveReference({ donor: 'Nagy Gyula', source: 'Fortepan', archiveRef: ref }), ref, 'a BFL reference speaks for itself');
  assert.equal(citedArchiveReference({ donor: 'Nagy Gyula', source: 'Fortepan', archiveRef: 'K-123' }), '');
  assert.equal(citedArchiveReference({ donor: 'Budapest Főváros Levéltára', source: '', archiveRef: ' ' }), '');
});
