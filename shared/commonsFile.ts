// Wikimedia Commons copies of Fortepan photos. Commons names them
// `<description>[, year][.] Fortepan 12345.jpg`; Commons' own attribution links the file page
// (https://commons.wikimedia.org/wiki/File:<name>). Whether a photo was taken from Commons
// decides whether the commons credit style fits it.
import { foldText } from './textFold.ts';

const COMMONS_FILE_URL = /^\s*https?:\/\/commons\.(?:m\.)?wikimedia\.org\/wiki\/File:([^\s#?]+)\s*$/i;
// A description, then "Fortepan <number>" with a space, as Commons uploads are named; Fortepan's
// own downloads are `fortepan_12345.jpg` and do not match.
const COMMONS_FILE_NAME = /\S.*[ ,.]\s*Fortepan \d{1,7}\.(?:jpe?g|tiff?|png)$/i;

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function filePage(name: string): string {
  return `https://commons.wikimedia.org/wiki/File:${encodeURIComponent(name.replace(/ /g, '_'))}`;
}

/**
 * The Commons file page of a photo where it is known: from a recorded source that is a Commons
 * file URL (rebuilt, never passed through), else from a file keeping its Commons name.
 */
export function commonsFilePage(photo: { source: string; file: string }): string | null {
  const url = COMMONS_FILE_URL.exec(photo.source);
  if (url) {
    let name: string;
    try {
      name = decodeURIComponent(url[1]).replace(/_/g, ' ');
    } catch {
      return null;
    }
    return /[\u0000-\u001f<>[\]{}|]/.test(name) ? null : filePage(name);
  }
  const base = baseName(photo.file);
  return COMMONS_FILE_NAME.test(base) ? filePage(base) : null;
}

/** The recorded source or the file name says the copy came from Wikimedia Commons. */
export function isFromCommons(photo: { source: string; file: string }): boolean {
  const source = foldText(photo.source);
  return source.includes('wikimedia') || source.includes('commons') || commonsFilePage(photo) !== null;
}
