// The facts every credit rule starts from (see ../shared/DOMAIN.md): which archive a photo comes
// from, and the licence that applies. The credit lines themselves are in creditStyles.ts.
import { FORTEPAN_IOWA_LICENCE, fortepanIowaId, namesFortepanIowa } from './fortepanIowa.ts';

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
  /** The archive's shelfmark ("HU.BFL.XV.19.d.1.05.054"), cited where the source asks for it. */
  archiveRef?: string;
  /** The Fortepan Iowa accession number ("FI0001858") read from the file or its metadata. */
  iowaId?: string | null;
}

/** The URL of a known licence (shared/licences.ts), or null. */
export function licenceUrl(licence: string): string | null {
  return knownLicence(licence)?.url ?? null;
}

/** The archives with a credit rule of their own; everything else is "other". */
export type CreditSourceKind = 'fortepan' | 'fortepan-iowa' | 'other';

/** A Fortepan Iowa number, recorded or in the file's name. */
export function iowaIdOf(photo: Pick<CreditInput, 'file' | 'iowaId'>): string | null {
  return photo.iowaId ?? fortepanIowaId(photo.file.split(/[\\/]/).pop() ?? photo.file);
}

/**
 * Which archive's rule applies: an FI number means Fortepan Iowa, a Fortepan number Fortepan;
 * without a number, the recorded source decides ("Fortepan Iowa" before "Fortepan").
 */
export function creditSourceKind(photo: Pick<CreditInput, 'fortepanId' | 'source' | 'file' | 'iowaId'>): CreditSourceKind {
  if (iowaIdOf(photo) !== null) return 'fortepan-iowa';
  if (photo.fortepanId !== null) return 'fortepan';
  if (namesFortepanIowa(photo.source)) return 'fortepan-iowa';
  return /^\s*(?:https?:\/\/)?(?:www\.)?fortepan\b/i.test(photo.source) ? 'fortepan' : 'other';
}

/** A photo is Fortepan's when it has a Fortepan number or names Fortepan (not Fortepan Iowa) as its source. */
export function isFortepan(photo: Pick<CreditInput, 'fortepanId' | 'source' | 'file' | 'iowaId'>): boolean {
  return creditSourceKind(photo) === 'fortepan';
}

/** The licence that applies: the recorded one, else the archive's own (Fortepan 3.0, Fortepan Iowa 4.0). */
export function effectiveLicence(photo: Pick<CreditInput, 'fortepanId' | 'source' | 'licence' | 'file' | 'iowaId'>): string {
  if (photo.licence.trim()) return photo.licence.trim();
  const kind = creditSourceKind(photo);
  return kind === 'fortepan' ? FORTEPAN_LICENCE : kind === 'fortepan-iowa' ? FORTEPAN_IOWA_LICENCE : '';
}

/**
 * The photo's identifier as dc:identifier carries it (exported copies and sidecars alike):
 * "Fortepan 12345" for a Fortepan photo, the FI number for Fortepan Iowa's, else "".
 */
export function photoIdentifier(photo: Pick<CreditInput, 'fortepanId' | 'source' | 'file' | 'iowaId'>): string {
  const kind = creditSourceKind(photo);
  if (kind === 'fortepan-iowa') return iowaIdOf(photo) ?? '';
  return kind === 'fortepan' && photo.fortepanId !== null ? `Fortepan ${photo.fortepanId}` : '';
}

/** What a list names a photo by: its title, its Fortepan or Fortepan Iowa number, or its file name. */
export function photoLabel(photo: Pick<CreditInput, 'title' | 'fortepanId' | 'file' | 'iowaId'>): string {
  if (photo.title.trim()) return photo.title.trim();
  if (photo.fortepanId !== null) return `Fortepan ${photo.fortepanId}`;
  return iowaIdOf(photo) ?? photo.file.split(/[\\/]/).pop() ?? photo.file;
}

// Metadata is text from strangers: in Markdown every character that could start markup is escaped.
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`);
}
