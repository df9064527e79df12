import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fortepanIdFromFileName } from '../../../shared/fortepanId.ts';

test('Fortepan numbers are read from download and Commons file names', () => {
  assert.equal(fortepanIdFromFileName('fortepan_12345.jpg'), 12345);
  assert.equal(fortepanIdFromFileName('FORTEPAN_7416.JPG'), 7416);
  assert.equal(fortepanIdFromFileName('Budapest, Üllői út, 1956. Fortepan 54176.jpg'), 54176);
  assert.equal(fortepanIdFromFileName('Strand, 1965 Fortepan 90109.jpg'), 90109);
});

test('other names have no Fortepan number', () => {
  assert.equal(fortepanIdFromFileName('IMG_1234.jpg'), null);
  assert.equal(fortepanIdFromFileName('notfortepan12.jpg'), null);
  assert.equal(fortepanIdFromFileName('fortepan_0.jpg'), null);
});
