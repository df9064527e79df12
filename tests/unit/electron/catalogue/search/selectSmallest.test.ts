// The first page of a common word's hits: the smallest keys of a million moved to the front by a
// sampled bound and one pass, then selected among those. Whatever order the keys come in, the
// front must hold exactly the smallest ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectSmallest } from '../../../../../electron/catalogue/search/queryEvaluator.ts';

function check(keys: Float64Array, from: number, target: number, label: string): void {
  const expected = Float64Array.from(keys.subarray(from)).sort().subarray(0, target - from);
  const before = Float64Array.from(keys.subarray(0, from));
  selectSmallest(keys, from, target);
  assert.deepEqual(Float64Array.from(keys.subarray(from, target)).sort(), expected, label);
  assert.deepEqual(keys.subarray(0, from), before, `${label}: the keys before ${from} stay`);
}

test('the front holds the smallest keys, in random, ascending, descending and tied orders', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const n = 200_000;
  const orders: [string, (i: number) => number][] = [
    ['random', () => Math.floor(random() * 2 ** 40)],
    ['ascending', (i) => i],
    ['descending', (i) => n - i],
    ['few distinct values', (i) => i % 3],
    ['a cluster of the smallest at the end', (i) => (i > n - 1500 ? i - n : i)],
  ];
  for (const [label, key] of orders) {
    for (const [from, target] of [[0, 1000], [1000, 2000], [0, 150_000], [0, n - 1]]) {
      check(Float64Array.from({ length: n }, (_, i) => key(i)), from, target, `${label} ${from}..${target}`);
    }
  }
  // Fewer keys than the sample pays for: the plain selection.
  check(Float64Array.from({ length: 500 }, () => random()), 0, 50, 'small');
});
