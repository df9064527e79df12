import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clampThumbSize, gridColumns, steppedThumbSize, THUMB_DEFAULT, THUMB_MAX, THUMB_MIN } from '../../../../../renderer/src/library/thumbSize.ts';

test('+ and - step the size on a fixed grid of steps, from anywhere the slider left it, and stop at the ends', () => {
  assert.equal(steppedThumbSize(THUMB_MIN, 1), THUMB_MIN + 32);
  assert.equal(steppedThumbSize(THUMB_MIN + 32, -1), THUMB_MIN);
  // From a slider position between steps: to the next step up, or the one below.
  assert.equal(steppedThumbSize(THUMB_MIN + 40, 1), THUMB_MIN + 64);
  assert.equal(steppedThumbSize(THUMB_MIN + 40, -1), THUMB_MIN + 32);
  assert.equal(steppedThumbSize(THUMB_MAX, 1), THUMB_MAX);
  assert.equal(steppedThumbSize(THUMB_MIN, -1), THUMB_MIN);
  let size = THUMB_MIN;
  for (let i = 0; i < 20; i++) size = steppedThumbSize(size, 1);
  assert.equal(size, THUMB_MAX);
});

test('a stored size that is not a number, or out of range, comes back within range', () => {
  assert.equal(clampThumbSize(Number('abc')), THUMB_DEFAULT);
  assert.equal(clampThumbSize(10), THUMB_MIN);
  assert.equal(clampThumbSize(10_000), THUMB_MAX);
  assert.equal(clampThumbSize(200.4), 200);
});

test('smaller thumbnails put more photos in a row; never fewer than one', () => {
  const inner = 1400;
  assert.ok(gridColumns(inner, THUMB_MIN, 12) > gridColumns(inner, THUMB_DEFAULT, 12));
  assert.ok(gridColumns(inner, THUMB_DEFAULT, 12) > gridColumns(inner, THUMB_MAX, 12));
  assert.equal(gridColumns(inner, 180, 12), 7);
  assert.equal(gridColumns(50, THUMB_MAX, 12), 1);
});
