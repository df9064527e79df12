// How the UI names and dates a photo. All of it is rendered as React text, never as markup.
import { describeEdtf } from '../../../shared/edtf.ts';
import type { PhotoSummary } from '../../../shared/types.ts';

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function photoTitle(photo: Pick<PhotoSummary, 'title' | 'fortepanId' | 'file'>): string {
  if (photo.title.trim()) return photo.title.trim();
  if (photo.fortepanId !== null) return `Fortepan ${photo.fortepanId}`;
  return baseName(photo.file);
}

export function photoDate(date: string): string {
  return date.trim() ? describeEdtf(date) : '';
}

export const numberFormat = new Intl.NumberFormat('en');

export function plural(n: number, one: string, many: string): string {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatIsoDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return iso.length <= 10 ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
