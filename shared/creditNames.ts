// What the names in a credit mean before they are printed (see ../shared/DOMAIN.md):
// "ismeretlen" (unknown) is not a name; a donor "Fortepan" is the archive itself; a donor such as
// "Budapest Főváros Levéltára / Klösz György fényképei" already names its photographer.
import { foldedWords, foldText } from './textFold.ts';

// Compared folded (case and accents ignored) and with dots and extra spaces dropped.
const UNKNOWN_NAMES = new Set([
  'ismeretlen',
  'ismeretlen fenykepesz',
  'ismeretlen fotos',
  'ismeretlen szerzo',
  'ismeretlen alkoto',
  'unknown',
  'unknown photographer',
  'unknown author',
  'anonymous',
  'anonim',
  'n a',
  'na',
]);

/** True for "", "ismeretlen", "Ismeretlen fényképész", "UNKNOWN", "?" and the like. */
export function isUnknownName(name: string): boolean {
  const words = foldedWords(name);
  return words.length === 0 || UNKNOWN_NAMES.has(words.join(' '));
}

/** The name as printed, or "" when it says that nobody knows. */
export function knownName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return isUnknownName(trimmed) ? '' : trimmed;
}

/**
 * The donor as printed after the archive's name: "" for the archive itself ("Fortepan" donated
 * its own albums), "Album027" for "Fortepan/Album027", so no credit reads "Fortepan / Fortepan".
 */
export function donorAfterArchive(donor: string, archive: string): string {
  let rest = knownName(donor);
  const prefix = new RegExp(`^${archive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(?:/|$)\\s*`, 'i');
  // "Fortepan / Fortepan / X" would still be the archive twice: strip every leading repeat.
  while (prefix.test(rest)) rest = rest.replace(prefix, '').trim();
  return rest;
}

/** Whether `text` already carries `person` as whole words ("Klösz György fényképei" names Klösz György). */
export function namesPerson(text: string, person: string): boolean {
  const haystack = foldedWords(text);
  const needle = foldedWords(person);
  if (!needle.length || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, i) => haystack[start + i] === word)) return true;
  }
  return false;
}

/** Same text ignoring case, accents and spacing. */
export function sameName(a: string, b: string): boolean {
  return foldText(a).replace(/\s+/g, ' ').trim() === foldText(b).replace(/\s+/g, ' ').trim();
}
