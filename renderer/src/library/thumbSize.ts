// The grid's thumbnail size: the smallest width a cell may have (the grid fills the row, so cells
// come out a little wider). Bounded by the grid thumbnails' own size (320 px: thumbnails/
// makeThumbnails.ts GRID_EDGE), so a large cell never shows an enlarged, blurred thumbnail.

export const THUMB_MIN = 96;
export const THUMB_MAX = 320;
export const THUMB_DEFAULT = 180;
/** One press of + or -. The slider moves in finer steps. */
export const THUMB_KEY_STEP = 32;
export const THUMB_SLIDER_STEP = 8;

export function clampThumbSize(size: number): number {
  if (!Number.isFinite(size)) return THUMB_DEFAULT;
  return Math.max(THUMB_MIN, Math.min(THUMB_MAX, Math.round(size)));
}

/** The size after one press of + (1) or - (-1): to the next step on a grid of THUMB_KEY_STEP. */
export function steppedThumbSize(size: number, direction: 1 | -1): number {
  const steps = (size - THUMB_MIN) / THUMB_KEY_STEP;
  const next = direction > 0 ? Math.floor(steps + 1e-9) + 1 : Math.ceil(steps - 1e-9) - 1;
  return clampThumbSize(THUMB_MIN + next * THUMB_KEY_STEP);
}

/** How many cells of at least `size` fit in a row of `inner` pixels with `gap` between them. */
export function gridColumns(inner: number, size: number, gap: number): number {
  return Math.max(1, Math.floor((inner + gap) / (size + gap)));
}
