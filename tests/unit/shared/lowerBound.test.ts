import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerBound } from '../../../shared/lowerBound.ts';

test('lowerBound: the first index not before the key, as a linear scan finds it', () => {
  const sorted = [1, 3, 3, 3, 7, 9, 12];
  for (let key = 0; key <= 13; key++) {
    const expected = sorted.findIndex((v) => v >= key);
    assert.equal(lowerBound(sorted.length, (i) => sorted[i] < key), expected === -1 ? sorted.length : expected, `key ${key}`);
  }
  assert.equal(lowerBound(0, () => true), 0);
  const words = ['alma', 'autó', 'busz', 'villamos'];
  assert.equal(lowerBound(words.length, (i) => words[i] < 'b'), 2);
});
