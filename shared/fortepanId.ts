// Fortepan numbers live in file names: downloads are `fortepan_12345.jpg`,
// Wikimedia Commons copies `<description>, 1956. Fortepan 12345.jpg`.

const FORTEPAN_IN_NAME = /(?:^|[^\p{L}])fortepan[ _-]?(\d{1,7})(?!\d)/iu;

/** The Fortepan number in a file's base name, or null. */
export function fortepanIdFromFileName(baseName: string): number | null {
  const match = FORTEPAN_IN_NAME.exec(baseName);
  if (!match) return null;
  const id = Number(match[1]);
  return id > 0 ? id : null;
}

export function fortepanPhotoUrl(id: number, lang: 'hu' | 'en' = 'hu'): string {
  return `https://fortepan.hu/${lang}/photos/?id=${id}`;
}
