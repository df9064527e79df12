// IPTC-IIM text has no reliable encoding. exifr hands it over one character per byte, so
// the bytes can be recovered and decoded properly: UTF-8 when they are valid UTF-8, else the
// 8-bit code page. Hungarian archives wrote ISO-8859-2 without declaring it; read as Latin-1,
// ő and ű become õ and û, which Hungarian never uses: those are the telltale signs.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin2 = new TextDecoder('iso-8859-2');
const windows1252 = new TextDecoder('windows-1252');

// õ Õ û Û as Latin-1 bytes = ő Ő ű Ű in Latin-2.
const HUNGARIAN_TELLTALE = /[\xf5\xd5\xfb\xdb]/;

export function repairLegacyText(text: string): string {
  // Not a byte string: exifr already decoded it (XMP is always Unicode).
  if (!/[\x80-\xff]/.test(text) || /[^\x00-\xff]/.test(text)) return text;
  const bytes = Buffer.from(text, 'latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    // not UTF-8: an 8-bit code page
  }
  return HUNGARIAN_TELLTALE.test(text) ? latin2.decode(bytes) : windows1252.decode(bytes);
}

/** Undoes Latin-1 mojibake of Latin-2 in text that was already decoded, e.g. "Fõplébánia". */
export function repairHungarianMojibake(text: string): string {
  return text.replace(/[õÕûÛ]/g, (c) => ({ õ: 'ő', Õ: 'Ő', û: 'ű', Û: 'Ű' })[c] ?? c);
}
