// How the UI names and dates a photo, in the UI's language. All of it is rendered as React
// text, never as markup.
import { describeEdtf } from '../../../shared/edtf.ts';
import { remembered } from '../../../shared/remembered.ts';
import type { PhotoSummary } from '../../../shared/types.ts';
import { currentLanguage } from '../i18n/i18n.ts';

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function photoTitle(photo: Pick<PhotoSummary, 'title' | 'fortepanId' | 'file'>): string {
  if (photo.title.trim()) return photo.title.trim();
  if (photo.fortepanId !== null) return `Fortepan ${photo.fortepanId}`; // a name, the same in both languages
  return baseName(photo.file);
}

/**
 * Dates described, by language and date: a grid card describes its date on every draw, and a
 * catalogue's dates repeat (a million photos hold a few thousand distinct ones).
 */
const describedDates = new Map<string, string>();

/** An EDTF date as the UI language writes it: "about 1925" / "1925 körül", "1950s" / "1950-es évek". */
export function photoDate(date: string): string {
  if (!date.trim()) return '';
  const language = currentLanguage();
  return remembered(describedDates, `${language}\u0000${date}`, 20_000, () => describeEdtf(date, language));
}

/**
 * Number formats by language and fraction digits, made once: making an Intl.NumberFormat costs
 * far more than formatting with it, and the facets, the timeline and the folder tree format
 * hundreds of counts each time the window re-renders (every arrow key in the grid).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the UI language groups it: "13,560" / "13 560" (and "1356": Hungarian groups from five digits). */
export function formatNumber(n: number, fractionDigits?: number): string {
  const language = currentLanguage();
  const digits = fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return remembered(numberFormats, `${language}/${fractionDigits ?? ''}`, 64, () => new Intl.NumberFormat(language, digits)).format(n);
}

/** A duration with the UI language's units (Intl's unit names: "2 min 5 s" / "2 perc 5 mp"). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const unit = (value: number, name: 'second' | 'minute' | 'hour') =>
    // Hungarian's short minute is a bare "p"; its long names read better.
    new Intl.NumberFormat(currentLanguage(), { style: 'unit', unit: name, unitDisplay: currentLanguage() === 'hu' ? 'long' : 'short' }).format(value);
  if (s < 60) return unit(s, 'second');
  const m = Math.floor(s / 60);
  if (m < 60) return `${unit(m, 'minute')} ${unit(s % 60, 'second')}`;
  return `${unit(Math.floor(m / 60), 'hour')} ${unit(m % 60, 'minute')}`;
}

export function formatIsoDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return iso.length <= 10 ? iso : d.toLocaleString(currentLanguage() === 'hu' ? 'hu' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A time of day as the UI language writes it ("14:05:09" in both, with the language's own separators). */
export function formatTimeOfDay(at: Date): string {
  return new Intl.DateTimeFormat(currentLanguage(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
}
