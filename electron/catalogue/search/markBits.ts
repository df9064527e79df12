// A photo's marks (shared/photoMarks.ts) packed into one byte per index slot, so `rating:>=3`,
// `flag:pick` and `label:red` filter and count a 200,000-photo result in one pass over a
// Uint8Array: bits 0–2 the stars (0–5), bits 3–4 the flag (0 none, 1 pick, 2 reject), bits
// 5–7 the colour label (0 none, then COLOUR_LABELS' order from 1).
import { COLOUR_LABELS, PHOTO_FLAGS, type ColourLabel, type PhotoFlag, type PhotoMarks } from '../../../shared/photoMarks.ts';

export function packMarks(marks: Pick<PhotoMarks, 'rating' | 'flag' | 'label'>): number {
  const rating = Math.max(0, Math.min(5, marks.rating | 0));
  const flag = marks.flag ? PHOTO_FLAGS.indexOf(marks.flag) + 1 : 0;
  const label = marks.label ? COLOUR_LABELS.indexOf(marks.label) + 1 : 0;
  return rating | (flag << 3) | (label << 5);
}

export const ratingOf = (bits: number): number => bits & 7;

/** The flag's number: 0 none, 1 pick, 2 reject. */
export const flagBits = (bits: number): number => (bits >> 3) & 3;

/** The label's number: 0 none, 1.. in COLOUR_LABELS' order. */
export const labelBits = (bits: number): number => (bits >> 5) & 7;

export const flagNumber = (flag: PhotoFlag | ''): number => (flag ? PHOTO_FLAGS.indexOf(flag) + 1 : 0);
export const labelNumber = (label: ColourLabel | ''): number => (label ? COLOUR_LABELS.indexOf(label) + 1 : 0);
