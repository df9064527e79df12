// Ratings, flags and colour labels (Lightroom Classic's "marks"): the one home of their values,
// their keys, their words in the query language and the CLI, and how they map onto XMP.
// Environment-neutral: the catalogue, the CLI and the renderer all read it.
//
// XMP mapping (written to sidecars and exported copies, read back on ingest):
//   rating 0–5    xmp:Rating 0–5 (Lightroom, Bridge, digiKam, Windows all read it)
//   reject        xmp:Rating -1, as Bridge and Lightroom write a rejected photo; Fototar's own
//                 fototar:Rating keeps the stars a rejected photo also has, and digiKam:PickLabel 1
//   pick          digiKam:PickLabel 3 (Lightroom keeps picks in its catalogue only: no XMP)
//   colour label  xmp:Label "Red" "Yellow" "Green" "Blue" "Purple" (Lightroom's default label
//                 set writes the label's name), and digiKam:ColorLabel 1 3 4 5 6
// Read back: xmp:Rating -1 is a reject; xmp:Label by name, in English, in Hungarian or as
// Bridge's default set names them ("Select" = red … "To Do" = purple); digiKam's PickLabel and
// ColorLabel (orange, grey, black, white have no Lightroom key and are left out).

export const MAX_RATING = 5;
export const PHOTO_FLAGS = ['pick', 'reject'] as const;
export type PhotoFlag = (typeof PHOTO_FLAGS)[number];
export const COLOUR_LABELS = ['red', 'yellow', 'green', 'blue', 'purple'] as const;
export type ColourLabel = (typeof COLOUR_LABELS)[number];

/** What a photo is marked with: 0 stars, no flag and no label when unmarked. */
export interface PhotoMarks {
  /** Stars, 0 (unrated) to 5. */
  rating: number;
  /** '' when unflagged. */
  flag: PhotoFlag | '';
  /** '' when there is no colour label. */
  label: ColourLabel | '';
}

export const MARK_FIELDS = ['rating', 'flag', 'label'] as const satisfies readonly (keyof PhotoMarks)[];
export type MarkField = (typeof MARK_FIELDS)[number];

export const NO_MARKS: PhotoMarks = { rating: 0, flag: '', label: '' };

export function isMarkField(name: string): name is MarkField {
  return (MARK_FIELDS as readonly string[]).includes(name);
}

export function isRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_RATING;
}

export function isFlag(value: unknown): value is PhotoFlag | '' {
  return value === '' || (PHOTO_FLAGS as readonly unknown[]).includes(value);
}

export function isColourLabel(value: unknown): value is ColourLabel | '' {
  return value === '' || (COLOUR_LABELS as readonly unknown[]).includes(value);
}

/** Whether a mark field may hold this value. */
export function isMarkValue(field: MarkField, value: unknown): boolean {
  return field === 'rating' ? isRating(value) : field === 'flag' ? isFlag(value) : isColourLabel(value);
}

// --- Words: the CLI's values and the query language's (English and Hungarian, accents optional) --

/** A word as looked up: lower case, accents off. */
const folded = (word: string) => word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

const NONE_WORDS = new Set(['none', 'no', 'nincs', 'semmi', 'nelkul']);

const FLAG_WORDS: Record<string, PhotoFlag> = {
  pick: 'pick',
  picked: 'pick',
  kivalasztott: 'pick',
  valogatott: 'pick',
  reject: 'reject',
  rejected: 'reject',
  elutasitott: 'reject',
  elvetett: 'reject',
};

const LABEL_WORDS: Record<string, ColourLabel> = {
  red: 'red',
  piros: 'red',
  yellow: 'yellow',
  sarga: 'yellow',
  green: 'green',
  zold: 'green',
  blue: 'blue',
  kek: 'blue',
  purple: 'purple',
  lila: 'purple',
};

/** A flag named by a word ("pick", "elutasított", "none"), or null when the word is no flag. */
export function flagFromWord(word: string): PhotoFlag | '' | null {
  const key = folded(word);
  if (NONE_WORDS.has(key) || key === 'unflagged') return '';
  return FLAG_WORDS[key] ?? null;
}

/** A colour label named by a word ("red", "piros", "none"), or null when the word is no label. */
export function labelFromWord(word: string): ColourLabel | '' | null {
  const key = folded(word);
  if (NONE_WORDS.has(key)) return '';
  return LABEL_WORDS[key] ?? null;
}

/** A rating given as a word ("3"), or null unless it is a whole number 0–5. */
export function ratingFromWord(word: string): number | null {
  return /^[0-5]$/.test(word.trim()) ? Number(word.trim()) : null;
}

/**
 * The stars a `rating:` filter allows: `5`, `>=3`, `>3`, `<=2`, `<2`, `2..4` (also `2-4`).
 * Null when the text is none of these or names no rating at all.
 */
export function ratingRange(text: string): { min: number; max: number } | null {
  const value = text.trim().replace(/\s+/g, '');
  let m: RegExpExecArray | null;
  if ((m = /^([0-5])$/.exec(value))) return { min: Number(m[1]), max: Number(m[1]) };
  if ((m = /^(>=?|<=?|=)(\d)$/.exec(value))) {
    const n = Number(m[2]);
    const range = m[1] === '>=' ? { min: n, max: MAX_RATING } : m[1] === '>' ? { min: n + 1, max: MAX_RATING } : m[1] === '<=' ? { min: 0, max: n } : m[1] === '<' ? { min: 0, max: n - 1 } : { min: n, max: n };
    return range.min <= range.max && range.min >= 0 && range.max <= MAX_RATING ? range : null;
  }
  if ((m = /^([0-5])(?:\.\.|-|–)([0-5])$/.exec(value))) {
    const [min, max] = [Number(m[1]), Number(m[2])];
    return min <= max ? { min, max } : null;
  }
  return null;
}

/** Photos with these marks (`fototar list --rating/--flag/--label`): stars allowed, flag and label wanted ('' = none). */
export interface MarkFilter {
  rating?: { min: number; max: number };
  flag?: PhotoFlag | '';
  label?: ColourLabel | '';
}

// --- Keys (Lightroom's): 0–5 stars, P pick, X reject, U unflag, 6–9 labels ------------------

/** The colour label each number key sets (Lightroom has no key for purple). */
export const LABEL_KEYS: Readonly<Record<string, ColourLabel>> = { '6': 'red', '7': 'yellow', '8': 'green', '9': 'blue' };

// --- XMP ---------------------------------------------------------------------------------------

const XMP_LABEL_NAMES: Record<ColourLabel, string> = { red: 'Red', yellow: 'Yellow', green: 'Green', blue: 'Blue', purple: 'Purple' };

/** Adobe Bridge's default label set names the same five colours by what they mean. */
const BRIDGE_LABEL_NAMES: Record<string, ColourLabel> = { select: 'red', second: 'yellow', approved: 'green', review: 'blue', 'to do': 'purple' };

/** digiKam's ColorLabel numbers (1 red, 2 orange, 3 yellow, 4 green, 5 blue, 6 magenta, 7 grey, 8 black, 9 white). */
const DIGIKAM_COLOUR: Record<ColourLabel, number> = { red: 1, yellow: 3, green: 4, blue: 5, purple: 6 };

/** digiKam's PickLabel numbers (0 none, 1 rejected, 2 pending, 3 accepted). */
const DIGIKAM_PICK: Record<PhotoFlag, number> = { reject: 1, pick: 3 };

/** What the marks are as XMP values; null for a value that is not written. */
export function marksToXmp(marks: PhotoMarks): { rating: number; label: string | null; pickLabel: number | null; colorLabel: number | null } {
  return {
    rating: marks.flag === 'reject' ? -1 : marks.rating,
    label: marks.label ? XMP_LABEL_NAMES[marks.label] : null,
    pickLabel: marks.flag ? DIGIKAM_PICK[marks.flag] : null,
    colorLabel: marks.label ? DIGIKAM_COLOUR[marks.label] : null,
  };
}

/** The XMP values as read (text or numbers, absent as undefined or ''). */
export interface XmpMarkValues {
  rating?: unknown;
  label?: unknown;
  pickLabel?: unknown;
  colorLabel?: unknown;
}

const xmpNumber = (value: unknown): number | null => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
};

/** A label as xmp:Label writes it (any case, English, Hungarian or Bridge's names), or ''. */
export function labelFromXmp(value: unknown): ColourLabel | '' {
  if (typeof value !== 'string') return '';
  const key = folded(value);
  return LABEL_WORDS[key] ?? BRIDGE_LABEL_NAMES[key] ?? '';
}

/** The marks XMP states; a mark it does not state is left out. */
export function marksFromXmp(values: XmpMarkValues): Partial<PhotoMarks> {
  const out: Partial<PhotoMarks> = {};
  const rating = xmpNumber(values.rating);
  if (rating === -1) out.flag = 'reject';
  else if (rating !== null && Number.isInteger(rating) && rating >= 0 && rating <= MAX_RATING) out.rating = rating;
  const pick = xmpNumber(values.pickLabel);
  if (pick === 1) out.flag = 'reject';
  else if (pick === 3) out.flag = 'pick';
  const label = labelFromXmp(values.label);
  if (label) out.label = label;
  else {
    const colour = xmpNumber(values.colorLabel);
    const byNumber = (Object.entries(DIGIKAM_COLOUR) as [ColourLabel, number][]).find(([, n]) => n === colour);
    if (byNumber) out.label = byNumber[0];
  }
  return out;
}

/** "★★★☆☆" for 3 stars: how the CLI and tooltips show a rating. */
export function starText(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(MAX_RATING - rating);
}
