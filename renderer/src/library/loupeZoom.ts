// The loupe's arithmetic: zoom levels and keeping the point under the pointer still while the
// zoom changes. Pure, so it is tested without a browser.

/** The most the loupe enlarges: 400%, four screen pixels to a scan pixel. */
export const MAX_ZOOM = 4;
/** One notch of the wheel. */
export const WHEEL_STEP = 1.25;

/** The zoom that fits the whole picture in the stage (never above 100%). */
export function fitZoom(image: { width: number; height: number }, stage: { width: number; height: number }): number {
  if (image.width <= 0 || image.height <= 0) return 1;
  return Math.min(1, stage.width / image.width, stage.height / image.height);
}

/** The zoom after one wheel notch in (`deltaY` < 0) or out; at or below fit it is fit (null). */
export function wheelZoom(current: number, deltaY: number, fit: number): number | null {
  const next = deltaY < 0 ? current * WHEEL_STEP : current / WHEEL_STEP;
  if (next <= fit * 1.0001) return null;
  return Math.min(MAX_ZOOM, next);
}

/**
 * The scroll position that keeps the picture's point under `pointer` (stage coordinates) under it
 * after the zoom goes from `from` to `to`. `scroll` is the stage's scroll position before.
 */
export function anchoredScroll(scroll: { left: number; top: number }, pointer: { x: number; y: number }, from: number, to: number): { left: number; top: number } {
  const ratio = to / from;
  return { left: (scroll.left + pointer.x) * ratio - pointer.x, top: (scroll.top + pointer.y) * ratio - pointer.y };
}
