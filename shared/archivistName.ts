// An archivist's name, as a team catalogue records it beside every change ("Kovács Anna"): what
// may be saved as one, and its tidy form. One line of at most MAX_ARCHIVIST_NAME characters,
// spaces collapsed; no control characters, so a history line stays one line.
export const MAX_ARCHIVIST_NAME = 100;

/** The name as it is saved, or null when it cannot be one (empty, too long, a control character). */
export function cleanArchivistName(raw: string): string | null {
  const clean = raw.trim().replace(/\s+/g, ' ');
  if (!clean || clean.length > MAX_ARCHIVIST_NAME || /[\u0000-\u001f\u007f]/.test(clean)) return null;
  return clean;
}
