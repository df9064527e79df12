// Which rows of the grid are in view, and where they are drawn, for a grid taller than a browser
// can lay out. Chromium clamps an element's height at 33,554,428 px (its layout unit's limit;
// Firefox at about 17,900,000): 200,000 photos in one column of the largest thumbnails at
// 1024×700 are 110,000,000 px of rows, and a grid that was simply that tall ended less than a
// third of the way down: End scrolled to the clamp, and the last photos could never be shown. So the scrolled element is never taller than MAX_SCROLL_HEIGHT; when the rows
// need more, the scrollbar's range is mapped linearly onto the rows' (the "content" offsets
// below), and rows are drawn relative to where the element is scrolled. Below the cap the
// mapping is the identity, and the grid behaves exactly as a plain tall list.
//
// Rows have one fixed height, so all of this is arithmetic: no measuring, no library state.

/** Comfortably below Chromium's 33,554,428 px and Firefox's ~17,895,697 px. */
export const MAX_SCROLL_HEIGHT = 15_000_000;

export interface GridMetrics {
  rowCount: number;
  rowHeight: number;
  /** Space above the first row and below the last. */
  padding: number;
  /** The scrolled element's visible height. */
  viewport: number;
}

/** The height the rows need, padding included. */
export function contentHeight(m: GridMetrics): number {
  return m.rowCount * m.rowHeight + 2 * m.padding;
}

/** The scrolled element's height: the rows' own, up to MAX_SCROLL_HEIGHT. */
export function scrollHeight(m: GridMetrics): number {
  return Math.min(contentHeight(m), MAX_SCROLL_HEIGHT);
}

/** How far the content moves per pixel of scrolling (1 below the cap). */
function scale(m: GridMetrics): number {
  const content = contentHeight(m) - m.viewport;
  const scroll = scrollHeight(m) - m.viewport;
  return content <= 0 || scroll <= 0 ? 1 : content / scroll;
}

/** The content offset at the top of the view for the element's scrollTop. */
export function contentOffset(m: GridMetrics, scrollTop: number): number {
  const max = Math.max(0, contentHeight(m) - m.viewport);
  return Math.max(0, Math.min(max, scrollTop * scale(m)));
}

/** The scrollTop that puts this content offset at the top of the view. */
export function scrollTopFor(m: GridMetrics, offset: number): number {
  const max = Math.max(0, scrollHeight(m) - m.viewport);
  return Math.max(0, Math.min(max, offset / scale(m)));
}

/** The rows to render for the view at `scrollTop`: those in view and `overscan` on each side. */
export function rowsInView(m: GridMetrics, scrollTop: number, overscan: number): { first: number; last: number } {
  if (m.rowCount === 0 || m.rowHeight <= 0) return { first: 0, last: -1 };
  const top = contentOffset(m, scrollTop) - m.padding;
  const first = Math.max(0, Math.floor(top / m.rowHeight) - overscan);
  const last = Math.min(m.rowCount - 1, Math.floor((top + Math.max(m.viewport, 1) - 1) / m.rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/**
 * The rows to draw, ascending: those in view at `scrollTop`, and `overscan` rows on each side of
 * the view at `settledTop`, the position the grid's rows beyond the view have caught up with
 * (Grid.tsx draws them after the rows in view). When that window is apart from the view (a jump:
 * End, a drag of the scrollbar) the overscan is the new view's at once, so nothing is drawn far
 * from where the person looks.
 */
export function rowsToDraw(m: GridMetrics, scrollTop: number, settledTop: number, overscan: number): { first: number; last: number } {
  const view = rowsInView(m, scrollTop, 0);
  const around = rowsInView(m, settledTop, overscan);
  if (view.last < view.first || around.last < around.first || view.last < around.first - 1 || around.last < view.first - 1) return rowsInView(m, scrollTop, overscan);
  return { first: Math.min(view.first, around.first), last: Math.max(view.last, around.last) };
}

/** The first row whose top is in view (the place a change of thumbnail size keeps). */
export function firstRowInView(m: GridMetrics, scrollTop: number): number {
  if (m.rowHeight <= 0) return 0;
  return Math.max(0, Math.floor((contentOffset(m, scrollTop) - m.padding) / m.rowHeight));
}

/** Where a row is drawn inside the scrolled element, for the view at `scrollTop`. */
export function rowTop(m: GridMetrics, row: number, scrollTop: number): number {
  return scrollTop + m.padding + row * m.rowHeight - contentOffset(m, scrollTop);
}

/**
 * The scrollTop that shows `row`: 'start' puts it at the top; 'auto' moves the view only as far
 * as needed (not at all when it is in view already), as keyboard moves expect.
 */
export function scrollTopToShow(m: GridMetrics, row: number, scrollTop: number, align: 'auto' | 'start'): number {
  const rowStart = m.padding + row * m.rowHeight;
  const rowEnd = rowStart + m.rowHeight;
  const offset = contentOffset(m, scrollTop);
  // Scrolling moves whole pixels of the element, each several of content above the cap: the
  // top of a row is rounded up the page and its end down, so the row is shown whole.
  const towardsTop = (target: number) => Math.floor(scrollTopFor(m, target));
  if (align === 'start') return towardsTop(row === 0 ? 0 : rowStart);
  if (rowStart < offset) return towardsTop(row === 0 ? 0 : rowStart);
  if (rowEnd > offset + m.viewport) return Math.ceil(scrollTopFor(m, rowEnd - m.viewport + (row === m.rowCount - 1 ? m.padding : 0)));
  return scrollTop;
}
