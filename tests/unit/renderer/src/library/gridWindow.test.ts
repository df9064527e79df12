// The grid's rows at any size: below the browser's height limit a plain tall list; above it (a
// million photos, or 200,000 in two columns) the scrollbar's range mapped onto the rows, so the
// last photo can be scrolled to and every row in between is reachable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHeight, contentOffset, firstRowInView, MAX_SCROLL_HEIGHT, rowsInView, rowsToDraw, rowTop, scrollHeight, scrollTopFor, scrollTopToShow, type GridMetrics } from '../../../../../renderer/src/library/gridWindow.ts';

const small: GridMetrics = { rowCount: 300, rowHeight: 226, padding: 16, viewport: 600 };
// 200,000 photos in one column of large thumbnails: 76 million pixels of rows.
const huge: GridMetrics = { rowCount: 200_000, rowHeight: 380, padding: 16, viewport: 560 };

test('below the limit the grid is a plain list: scroll offsets are row offsets', () => {
  assert.equal(scrollHeight(small), contentHeight(small));
  assert.equal(contentOffset(small, 1234), 1234);
  assert.equal(scrollTopFor(small, 1234), 1234);
  assert.equal(rowTop(small, 10, 999), 16 + 10 * 226);
  assert.deepEqual(rowsInView(small, 0, 0), { first: 0, last: 2 });
  assert.deepEqual(rowsInView(small, 16 + 226 * 100, 3), { first: 97, last: 105 });
});

test('above the limit the element stays under it, and its last scroll position shows the last row', () => {
  assert.ok(contentHeight(huge) > 2 * MAX_SCROLL_HEIGHT);
  assert.equal(scrollHeight(huge), MAX_SCROLL_HEIGHT);
  const bottom = MAX_SCROLL_HEIGHT - huge.viewport;
  assert.equal(contentOffset(huge, bottom), contentHeight(huge) - huge.viewport);
  const { last } = rowsInView(huge, bottom, 0);
  assert.equal(last, huge.rowCount - 1);
  // The last row is drawn inside the element, at the bottom of the view.
  const top = rowTop(huge, last, bottom);
  assert.ok(top + huge.rowHeight <= MAX_SCROLL_HEIGHT, `row ends at ${top + huge.rowHeight}`);
  assert.ok(top >= bottom && top + huge.rowHeight <= bottom + huge.viewport);
});

test('every row can be brought into view, fully, by the scroll position scrollTopToShow gives', () => {
  for (const m of [small, huge]) {
    for (const row of [0, 1, 7, Math.floor(m.rowCount / 3), m.rowCount - 2, m.rowCount - 1]) {
      for (const from of [0, scrollHeight(m) - m.viewport]) {
        const at = scrollTopToShow(m, row, from, 'auto');
        assert.ok(Number.isInteger(at) && at >= 0 && at <= scrollHeight(m) - m.viewport, `scrollTop ${at}`);
        const drawn = rowTop(m, row, at);
        assert.ok(drawn >= at - 0.001 && drawn + m.rowHeight <= at + m.viewport + 0.001, `row ${row} from ${from}: drawn at ${drawn}, view ${at}…${at + m.viewport}`);
        const { first, last } = rowsInView(m, at, 0);
        assert.ok(first <= row && row <= last);
      }
    }
  }
});

test('a row already in view does not move the view; start puts a row at the top', () => {
  const at = scrollTopToShow(huge, 50_000, 0, 'start');
  const drawn = rowTop(huge, 50_000, at);
  assert.ok(drawn >= at && drawn < at + 3, `row 50,000 at the top of the view (drawn at ${drawn}, view from ${at})`);
  assert.ok([49_999, 50_000].includes(firstRowInView(huge, at)));
  assert.equal(scrollTopToShow(huge, 50_000, at, 'auto'), at);
  assert.equal(scrollTopToShow(small, 1, 0, 'auto'), 0);
});

test('rows drawn next to each other stay a row apart however far the grid is scrolled', () => {
  const at = 7_654_321;
  const { first, last } = rowsInView(huge, at, 3);
  for (let row = first; row < last; row++) assert.ok(Math.abs(rowTop(huge, row + 1, at) - rowTop(huge, row, at) - huge.rowHeight) < 1e-6);
  assert.deepEqual(rowsInView({ ...huge, rowCount: 0 }, 0, 3), { first: 0, last: -1 });
});

test('rows drawn: the view where the grid is now, with the overscan of where it has settled; a jump draws the new view with its own', () => {
  const at = (row: number) => 16 + row * 226;
  // Settled: the view (rows 100–102) and three rows either side.
  assert.deepEqual(rowsToDraw(small, at(100), at(100), 3), { first: 97, last: 105 });
  // A Page Down of four rows, the overscan not caught up yet: the old window and the new view, one range.
  assert.deepEqual(rowsToDraw(small, at(104), at(100), 3), { first: 97, last: 106 });
  assert.deepEqual(rowsToDraw(small, at(96), at(100), 3), { first: 96, last: 105 });
  // A jump (End, a drag of the scrollbar): nothing is kept around the old place.
  assert.deepEqual(rowsToDraw(small, at(250), at(100), 3), { first: 247, last: 255 });
  assert.deepEqual(rowsToDraw(small, at(10), at(100), 3), { first: 7, last: 15 });
  // An empty grid draws nothing.
  const none = rowsToDraw({ ...small, rowCount: 0 }, 0, 0, 3);
  assert.ok(none.last < none.first);
});
