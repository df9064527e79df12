// Fortepan Iowa (fortepan.us), Fortepan's sister archive: accession numbers "FI" + 7 digits
// (`FI0001858.jpg`), CC BY-SA 4.0, and its own credit rule (see ../shared/DOMAIN.md):
//   "FI0001858" by Lissa Potter/Fortepan Iowa, "<url>", CC-BY-SA 4.0

export const FORTEPAN_IOWA = 'Fortepan Iowa';
export const FORTEPAN_IOWA_LICENCE = 'CC BY-SA 4.0';

const FI_NUMBER = /(?:^|[^\p{L}\p{N}])(fi\d{7})(?!\d)/iu;

/** The FI number in a file name or a metadata text ("FI0001858"), upper-cased, or null. */
export function fortepanIowaId(text: string): string | null {
  const match = FI_NUMBER.exec(text);
  return match ? match[1].toUpperCase() : null;
}

/** Whether a recorded source names Fortepan Iowa ("Fortepan Iowa", "fortepan.us"). */
export function namesFortepanIowa(source: string): boolean {
  return /\bfortepan\s*iowa\b|\bfortepan\.us\b/i.test(source);
}

/**
 * An item page on fortepan.us, rebuilt from a recorded source only when it is one: links in a
 * credit list are ones we build, never arbitrary text from metadata.
 */
export function fortepanIowaUrl(source: string): string | null {
  const match = /^\s*https?:\/\/(?:www\.)?fortepan\.us(\/[A-Za-z0-9/_.~%=&?-]*)\s*$/.exec(source);
  return match ? `https://fortepan.us${match[1]}` : null;
}

/** Fortepan Iowa spells its licence "CC-BY-SA 4.0"; its own rule keeps that spelling. */
export function iowaLicenceSpelling(licence: string): string {
  return licence.replace(/^CC BY/i, 'CC-BY');
}
