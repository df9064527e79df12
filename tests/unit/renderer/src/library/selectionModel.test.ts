import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everything, isSelected, only, toggled, union, withSet } from '../../../../../renderer/src/library/selectionModel.ts';
import { selectionCount } from '../../../../../shared/selection.ts';

test('Ctrl+A is every result, counted without loading any; Ctrl+click leaves one out and takes it back', () => {
  const all = everything('villamos');
  assert.equal(selectionCount(all, 200_000), 200_000);
  const oneOut = toggled(all, 42);
  assert.equal(isSelected(oneOut, 42), false);
  assert.equal(isSelected(oneOut, 43), true);
  assert.equal(selectionCount(oneOut, 200_000), 199_999);
  assert.equal(selectionCount(toggled(oneOut, 42), 200_000), 200_000);
});

test('Ctrl+Shift ranges add to what was selected, in either form', () => {
  const picked = withSet({ query: '', all: false, ids: [1, 2] });
  assert.deepEqual(union(picked, withSet({ query: '', all: false, ids: [2, 3] })).ids, [1, 2, 3]);
  // "All except 3 and 4" plus photo 3: all except 4.
  const rest = withSet({ query: '', all: true, ids: [3, 4] });
  const added = union(rest, only('', 3));
  assert.deepEqual([added.all, added.ids], [true, [4]]);
  assert.deepEqual(union(picked, rest).ids, [3, 4]);
  assert.deepEqual(union(rest, withSet({ query: '', all: true, ids: [4, 5] })).ids, [4]);
});
