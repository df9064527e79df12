import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchoredScroll, fitZoom, MAX_ZOOM, wheelZoom } from '../../../../../renderer/src/library/loupeZoom.ts';

test('fit shows the whole scan and never enlarges a small one', () => {
  assert.equal(fitZoom({ width: 6000, height: 4000 }, { width: 1200, height: 800 }), 0.2);
  assert.equal(fitZoom({ width: 4000, height: 6000 }, { width: 1200, height: 800 }), 800 / 6000);
  assert.equal(fitZoom({ width: 600, height: 400 }, { width: 1200, height: 800 }), 1);
});

test('the wheel zooms in steps up to 400% and back to fit, never below it', () => {
  let zoom: number | null = 1;
  for (let i = 0; i < 20; i++) zoom = wheelZoom(zoom!, -100, 0.2);
  assert.equal(zoom, MAX_ZOOM);
  zoom = 0.3;
  assert.equal(wheelZoom(zoom, 100, 0.2), 0.24);
  assert.equal(wheelZoom(0.24, 100, 0.2), null);
});

test('the point under the pointer stays under it while the zoom changes', () => {
  // At 100%, the scan's pixel (1100, 700) is under the pointer at (100, 200) of the stage.
  const before = { left: 1000, top: 500 };
  const after = anchoredScroll(before, { x: 100, y: 200 }, 1, 2);
  assert.deepEqual(after, { left: 2100, top: 1200 });
  // At 200% that pixel is at (2200, 1400) of the canvas: still at (100, 200) of the stage.
  assert.equal((2200 - after.left), 100);
  assert.equal((1400 - after.top), 200);
});
