// File names for exported pictures: figure number and identity, `03_fortepan_12345.jpg`.
// Names come partly from metadata (file names of other sources, collection names), so they are
// reduced to portable ASCII that cannot climb out of the output folder: no separators, no "..",
// no leading dot, no Windows device names, no characters Windows or macOS refuse, bounded length.
import path from 'node:path';

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_PART = 80;

/** A piece of a file name: accents folded to ASCII, anything else unsafe becomes "_". */
export function safeFileNamePart(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđ]/g, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' })[c] ?? '_');
  let name = ascii
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/_+/g, '_')
    .replace(/^[._-]+/, '')
    .replace(/[._-]+$/, '');
  if (name.length > MAX_PART) name = name.slice(0, MAX_PART).replace(/[._-]+$/, '');
  if (WINDOWS_DEVICES.test(name.split('.')[0])) name = `_${name}`;
  return name;
}

export type ExportExtension = 'jpg' | 'tif';

/** "fortepan_12345" for a Fortepan photo; otherwise the original's base name, made safe. */
export function exportIdentity(photo: { id: number; fortepanId: number | null; file: string }): string {
  if (photo.fortepanId !== null) return `fortepan_${photo.fortepanId}`;
  const base = path.basename(photo.file.replace(/\\/g, '/')).replace(/\.[^.]*$/, '');
  return safeFileNamePart(base) || `photo_${photo.id}`;
}

/** Figures are zero-padded to at least two digits, and to the width of the largest number. */
export function exportFileName(figure: number, total: number, identity: string, extension: ExportExtension): string {
  const width = Math.max(2, String(total).length);
  return `${String(figure).padStart(width, '0')}_${identity}.${extension}`;
}

/** Resolves a name inside `dir`, refusing anything that would land elsewhere. */
export function insideFolder(dir: string, name: string): string {
  const root = path.resolve(dir);
  const target = path.resolve(root, name);
  if (path.dirname(target) !== root || path.basename(target) !== name) throw new Error(`unsafe export file name: ${JSON.stringify(name)}`);
  return target;
}
