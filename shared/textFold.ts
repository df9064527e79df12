// Accent folding for matching: people type "ulloi ut" and expect "Üllői út".
// We fold for matching only; the original spelling is always what is stored and shown.

// Letters that Unicode decomposition does not reduce to a base letter.
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const COMBINING_MARKS = /\p{M}+/gu;
const EXTRA_FOLD_CHARS = /[ßæœøłđðþı]/g;

/** Lower-cases and removes diacritics: "Üllői út" -> "ulloi ut". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(EXTRA_FOLD_CHARS, (c) => EXTRA_FOLDS[c] ?? c);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits text into folded words; punctuation and spaces separate words. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

let collator: Intl.Collator | null = null;

/**
 * Hungarian collation for lists people read (donors, places, tags). Made on first use: making an
 * Intl.Collator loads ICU's data, about 13 ms, which every command-line call paid at start-up.
 */
export const hungarianCollator = {
  compare: (a: string, b: string): number => (collator ??= new Intl.Collator('hu', { sensitivity: 'base', numeric: true })).compare(a, b),
};
