// A sort key for Hungarian text: a string whose plain (code point / UTF-8 byte) order is the
// order of Intl.Collator('hu', { numeric: true }) (ICU with CLDR's Hungarian tailoring). The
// catalogue stores one per sortable text column, because SQLite (node:sqlite) cannot call a
// collator, and an index over the keys sorts 200,000 photos without reading them.
//
// It follows ICU's three levels: first the letters (primary: "á" sorts with "a", "ö"/"ő" after
// "o", "ü"/"ű" after "u", "cs", "dz", "dzs", "gy", "ly", "ny", "sz", "ty", "zs" are letters of
// their own, and a double "ccs" is "cs"+"cs"), then the accents (secondary: "a" before "á"), then
// the case (tertiary: "a" before "A"); digits compare as numbers ("2 éves" before "10 éves",
// leading zeros ignored). Spaces and punctuation are not ignored: they sort before digits, and
// digits before letters. Exact for the Latin script (tests/unit/shared/sortKey.test.ts checks
// every pair of Fortepan's real vocabulary against Intl.Collator); other scripts sort after
// Latin in code point order.
//
// Changing anything here changes stored keys: add a migration that recomputes them.

const LEVEL_SEPARATOR = '\u0001';
/** Secondary and tertiary weights: "common" (no accent, lower case) is the smallest. */
const COMMON = 2;
const UPPER = 8;

// Spaces, punctuation and symbols in ICU's root order. Inside one string: the same primary,
// told apart at the secondary level (quotes) or the tertiary (a no-break space).
const PUNCTUATION: readonly (string | { chars: string; level: 2 | 3 })[] = [
  { chars: ' \u00a0\u2007\u202f', level: 3 }, '_', '-', '\u2010', '\u2011', '\u2012', '–', '—', ',', ';', ':', '!', '¡', '?', '¿', '.', '…', '·',
  { chars: "'‘’‚", level: 2 }, { chars: '"“”„', level: 2 }, '«', '»', '(', ')', '[', ']', '{', '}', '§', '¶', '@', '*', '/', '\\', '&', '#',
  '%', '•', '′', '″', '`', '´', '^', '¯', '¨', '¸', '°', '©', '®', '+', '±', '÷', '×', '<', '=', '>', '¬', '|', '¦', '~', '¤', '¢', '$',
  '£', '¥', '€',
];

/** Letters in Hungarian alphabetical order (each a primary of its own). */
const LETTERS = ['a', 'b', 'c', 'cs', 'd', 'dz', 'dzs', 'e', 'ə', 'f', 'g', 'gy', 'h', 'i', 'ı', 'j', 'k', 'l', 'ly', 'm', 'n', 'ny', 'ŋ', 'o', 'ö', 'p', 'q', 'r', 's', 'sz', 't', 'ty', 'u', 'ü', 'v', 'w', 'x', 'y', 'z', 'zs', 'þ'];

/** Combining marks in ICU's secondary order (a letter with an accent is the letter, then its mark). */
const MARKS = ['\u0301', '\u0300', '\u0306', '\u0302', '\u030c', '\u030a', '\u0308', '\u030b', '\u0303', '\u0307', 'STROKE', '\u0327', '\u0328', '\u0304', '\u0323', '\u0326', '\u0331'];
/** Letters with a stroke, which Unicode does not decompose: the base letter and a secondary mark. */
const STROKED: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', ħ: 'h', ŧ: 't', ƀ: 'b', ɨ: 'i', ʉ: 'u' };
/** Ligatures ICU expands to two letters with a secondary difference between them. */
const LIGATURES: Record<string, string> = { æ: 'ae', œ: 'oe', ß: 'ss', ĳ: 'ij' };
const LIGATURE_SECONDARY = 60;
/** ő, ű: the same letter as ö, ü, one step more at the secondary level. */
const DOUBLE_ACUTE_SECONDARY = COMMON + 1;

type Ce = { p: string; s: number; t: number };

const PRIMARY = new Map<string, string>();
const PUNCT_VARIANT = new Map<string, { level: 2 | 3; rank: number }>();
{
  let next = 0x100;
  for (const entry of PUNCTUATION) {
    const chars = typeof entry === 'string' ? entry : entry.chars;
    const p = String.fromCharCode(next++);
    [...chars].forEach((ch, rank) => {
      PRIMARY.set(ch, p);
      if (typeof entry !== 'string') PUNCT_VARIANT.set(ch, { level: entry.level, rank });
    });
  }
  next = 0x500;
  for (const letter of LETTERS) PRIMARY.set(letter, String.fromCharCode(next++));
}
const SYMBOL_FALLBACK = '\u0300';
const NUMBER = '\u0400';
const MARK_SECONDARY = new Map(MARKS.map((m, i) => [m, 10 + i]));
const STROKE_SECONDARY = MARK_SECONDARY.get('STROKE')!;

/** A code point as two characters that sort like it (never a surrogate, never below U+2000). */
function codePointChars(cp: number): string {
  return String.fromCharCode(0x2000 + (cp >> 12), 0x2000 + (cp & 0xfff));
}

// Hungarian letters of two or three characters, and their doubled forms ("ccs" = "cs" + "cs"),
// as ICU's tailoring lists them: lower case, capitalised, all capitals. Tertiary weights order
// cs < ccs < Cs < Ccs < CS < CCS.
const CONTRACTIONS = new Map<string, Ce[]>();
for (const letter of ['cs', 'dz', 'dzs', 'gy', 'ly', 'ny', 'sz', 'ty', 'zs']) {
  const p = PRIMARY.get(letter)!;
  const title = letter[0].toUpperCase() + letter.slice(1);
  const upper = letter.toUpperCase();
  const doubled = (form: string) => form[0] + form;
  CONTRACTIONS.set(letter, [{ p, s: COMMON, t: COMMON }]);
  CONTRACTIONS.set(doubled(letter), [{ p, s: COMMON, t: COMMON + 1 }, { p, s: COMMON, t: COMMON }]);
  CONTRACTIONS.set(title, [{ p, s: COMMON, t: COMMON + 2 }]);
  CONTRACTIONS.set(title[0] + letter, [{ p, s: COMMON, t: COMMON + 3 }, { p, s: COMMON, t: COMMON }]);
  CONTRACTIONS.set(upper, [{ p, s: COMMON, t: COMMON + 4 }]);
  CONTRACTIONS.set(doubled(upper), [{ p, s: COMMON, t: COMMON + 5 }, { p, s: COMMON, t: COMMON + 4 }]);
}

const CONTRACTION_STARTS = new Set([...CONTRACTIONS.keys()].map((key) => key[0]));

const IGNORABLE = /[\p{Cc}\p{Cf}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The collation elements of a text (NFD), in order. */
function collationElements(text: string): Ce[] {
  const chars = [...text.normalize('NFD')];
  const out: Ce[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    const code = ch.codePointAt(0)!;
    if (isDigit(code)) {
      let j = i;
      while (j < chars.length && isDigit(chars[j].codePointAt(0)!)) j++;
      const digits = chars.slice(i, j).join('').replace(/^0+/, '');
      out.push({ p: NUMBER + String.fromCharCode(0x2000 + digits.length) + digits, s: COMMON, t: COMMON });
      i = j;
      continue;
    }
    let matched = false;
    for (let length = CONTRACTION_STARTS.has(ch) ? 4 : 0; length >= 2 && !matched; length--) {
      const ces = CONTRACTIONS.get(chars.slice(i, i + length).join(''));
      if (ces && i + length <= chars.length) {
        out.push(...ces);
        i += length;
        matched = true;
      }
    }
    if (matched) continue;
    i++;
    if (IGNORABLE.test(ch)) continue;
    const mark = MARK_SECONDARY.get(ch);
    if (mark !== undefined || MARK.test(ch)) {
      // A mark after a letter: its accent, at the secondary level only.
      out.push({ p: '', s: mark ?? 50, t: COMMON });
      continue;
    }
    const lower = ch.toLowerCase();
    const t = lower !== ch ? UPPER : COMMON;
    if ((lower === 'o' || lower === 'u') && (chars[i] === '\u0308' || chars[i] === '\u030b')) {
      out.push({ p: PRIMARY.get(lower === 'o' ? 'ö' : 'ü')!, s: chars[i] === '\u030b' ? DOUBLE_ACUTE_SECONDARY : COMMON, t });
      i++;
      continue;
    }
    const primary = PRIMARY.get(lower);
    if (primary !== undefined) {
      const variant = PUNCT_VARIANT.get(ch);
      out.push({ p: primary, s: variant?.level === 2 ? COMMON + variant.rank : COMMON, t: variant?.level === 3 ? COMMON + variant.rank : t });
    } else if (STROKED[lower]) {
      out.push({ p: PRIMARY.get(STROKED[lower])!, s: COMMON, t }, { p: '', s: STROKE_SECONDARY, t: COMMON });
    } else if (LIGATURES[lower]) {
      const [first, second] = [...LIGATURES[lower]];
      out.push({ p: PRIMARY.get(first)!, s: COMMON, t: t + 1 }, { p: '', s: LIGATURE_SECONDARY, t: t + 1 }, { p: PRIMARY.get(second)!, s: COMMON, t: t + 1 });
    } else if (LETTER.test(ch)) {
      out.push({ p: codePointChars(lower.codePointAt(0)!), s: COMMON, t });
    } else {
      out.push({ p: SYMBOL_FALLBACK + codePointChars(code), s: COMMON, t: COMMON });
    }
  }
  return out;
}

/**
 * The key of a text: compare two keys as plain strings (or SQLite's default BINARY collation)
 * and they order like the Hungarian collator orders the texts; equal keys mean the collator
 * finds the texts equal.
 */
export function hungarianSortKey(text: string): string {
  const ces = collationElements(text);
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (const ce of ces) {
    primary += ce.p;
    secondary += String.fromCharCode(0x20 + ce.s);
    tertiary += String.fromCharCode(0x20 + ce.t);
  }
  return primary + LEVEL_SEPARATOR + secondary + LEVEL_SEPARATOR + tertiary;
}
