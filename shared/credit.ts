// Credit lines by the source's own rule (see ../shared/DOMAIN.md):
// Fortepan asks for "Fortepan / <donor>", adding " / <photographer>" when one is known.
// Photos from other sources fall back to what their files say: credit line, creator, copyright.

import { knownLicence } from './licences.ts';

export const FORTEPAN_LICENCE = 'CC BY-SA 3.0';

export interface CreditInput {
  fortepanId: number | null;
  title: string;
  file: string;
  donor: string;
  photographer: string;
  source: string;
  licence: string;
  embeddedCredit: string;
  embeddedCreator: string;
  copyright: string;
}

/** The URL of a known licence (shared/licences.ts), or null. */
export function licenceUrl(licence: string): string | null {
  return knownLicence(licence)?.url ?? null;
}

/** A photo is Fortepan's when it has a Fortepan number or names Fortepan as its source. */
export function isFortepan(photo: Pick<CreditInput, 'fortepanId' | 'source'>): boolean {
  return photo.fortepanId !== null || /^\s*fortepan\b/i.test(photo.source);
}

/** The licence that applies: the recorded one, else Fortepan's own for Fortepan photos. */
export function effectiveLicence(photo: Pick<CreditInput, 'fortepanId' | 'source' | 'licence'>): string {
  if (photo.licence.trim()) return photo.licence.trim();
  return isFortepan(photo) ? FORTEPAN_LICENCE : '';
}

export function creditLine(photo: CreditInput): string {
  const donor = photo.donor.trim();
  const photographer = photo.photographer.trim();
  if (isFortepan(photo)) {
    const parts = ['Fortepan'];
    if (donor) parts.push(donor);
    if (photographer && photographer !== donor) parts.push(photographer);
    return parts.join(' / ');
  }
  return (
    photo.embeddedCredit.trim() ||
    photographer ||
    photo.embeddedCreator.trim() ||
    photo.copyright.trim() ||
    donor
  );
}

/**
 * Splits an embedded credit such as "Fortepan / Nagy Gyula" into the donor it names:
 * in Fortepan's convention the name after the archive is the donor, not the photographer.
 */
export function donorFromFortepanCredit(credit: string): string | null {
  const match = /^\s*fortepan\s*\/\s*(.+?)\s*$/i.exec(credit);
  return match ? match[1] : null;
}

/** What a list names a photo by: its title, its Fortepan number, or its file name. */
export function photoLabel(photo: Pick<CreditInput, 'title' | 'fortepanId' | 'file'>): string {
  if (photo.title.trim()) return photo.title.trim();
  if (photo.fortepanId !== null) return `Fortepan ${photo.fortepanId}`;
  return photo.file.split(/[\\/]/).pop() ?? photo.file;
}

// Metadata is text from strangers: in Markdown every character that could start markup is escaped.
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`);
}

export function creditList(photos: CreditInput[], format: 'txt' | 'md'): string {
  const lines = photos.map((photo, index) => {
    const label = photoLabel(photo);
    const credit = creditLine(photo) || '(no credit recorded)';
    const licence = effectiveLicence(photo);
    if (format === 'txt') {
      return `${index + 1}. ${label}: ${credit}${licence ? ` (${licence})` : ''}`;
    }
    const url = licenceUrl(licence);
    const licenceText = licence ? (url ? ` ([${escapeMarkdown(licence)}](${url}))` : ` (${escapeMarkdown(licence)})`) : '';
    return `${index + 1}. ${escapeMarkdown(label)}: ${escapeMarkdown(credit)}${licenceText}`;
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}
