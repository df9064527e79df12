// What the date standards of image metadata can hold of an EDTF date. IPTC-IIM Date Created,
// XMP photoshop:DateCreated and EXIF DateTimeOriginal know a year, a month or a day and nothing
// else: no "about", no "or", no range, no decade. So a standard field holds the most precise
// calendar unit that contains the whole EDTF date (a season of 1956 is "1956"; May 1946, even
// "about May 1946", is "1946-05"), and a date that no single year contains (a decade 194X, a
// range 1945/1947, winter 1956/57, one of [1955,1956]) holds its earliest year, so programs that
// sort by date put the photo where it can first have been taken. An interval open at its start
// ("before 1880", ../1880) has no earliest year: it holds its end year. The EDTF text always
// travels beside it (see electron/catalogue/metadata/standardFields.ts), and `exact` says whether
// the standard value is the whole truth.
import { parseEdtf } from './edtf.ts';

export interface StandardDate {
  year: string;
  /** "05", or null when the standard value is a year. */
  month: string | null;
  /** "12", or null unless the standard value is a day. */
  day: string | null;
  /** True when the EDTF text is exactly this year, month or day: nothing approximate, nothing wider. */
  exact: boolean;
}

/** The standard date an EDTF text comes down to, or null for no date (or text that is no EDTF). */
export function standardDate(edtf: string): StandardDate | null {
  const text = edtf.trim();
  const parsed = parseEdtf(text);
  if (!parsed.ok || !parsed.value) return null;
  const { from, to } = parsed.value;
  const [fromYear, fromMonth, fromDay] = from.split('-');
  const [toYear, toMonth, toDay] = to.split('-');
  let date: Omit<StandardDate, 'exact'>;
  if (fromYear !== toYear) {
    const openStart = text.startsWith('/') || text.startsWith('../');
    date = { year: openStart ? toYear : fromYear, month: null, day: null };
  } else if (fromMonth !== toMonth) date = { year: fromYear, month: null, day: null };
  else if (fromDay !== toDay) date = { year: fromYear, month: fromMonth, day: null };
  else date = { year: fromYear, month: fromMonth, day: fromDay };
  // Exact when the EDTF text is the standard form itself ("1956-23", a season, is not a month).
  return { ...date, exact: xmpDateText({ ...date, exact: true }) === text };
}

/** XMP's form (photoshop:DateCreated): "1946", "1946-05" or "1946-05-12". */
export function xmpDateText(date: StandardDate): string {
  return [date.year, date.month, date.day].filter((part) => part !== null).join('-');
}

/** IPTC-IIM 2:55's form, CCYYMMDD, with 00 for the month or day not known (as IIM 4.2 says). */
export function iimDateText(date: StandardDate): string {
  return `${date.year}${date.month ?? '00'}${date.day ?? '00'}`;
}

/**
 * The EDTF date a file carries beside its standard date ("1945/1947" beside "1945"), when it still
 * belongs to it: its standard form must be the standard date the file holds. A program that
 * changed only the standard date (photoshop:DateCreated, IIM 2:55) leaves a stale EDTF text
 * behind, and a Circa Date Created with no standard date beside it may be another program's
 * (the date of a painting the photo shows): then the standard date alone counts, and this is "".
 */
export function edtfBesideStandardDate(edtf: string, standard: string): string {
  const date = standardDate(edtf);
  return date && standard && xmpDateText(date) === standard ? edtf.trim() : '';
}
