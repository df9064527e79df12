// The text of a CSV file whatever program saved it. Hungarian Excel's "CSV (pontosvesszővel
// tagolt)" is Windows-1250, "Unicode text" is UTF-16 with a BOM, LibreOffice and Google Sheets
// write UTF-8 (with or without a BOM). Reading Windows-1250 as UTF-8 turns "Kurutz Márton" into
// "Kurutz M�rton" silently, so the encoding is decided from the bytes, said to the user, and a
// file that is none of these is refused rather than guessed. Runs where the file is read (main process, CLI).
import { isUtf8 } from 'node:buffer';

export type SpreadsheetEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1250';

/** Why a file's text could not be read: a message key (shared/locales/…/errors.json) taking the file's name. */
export type DecodeProblem = 'textNotUtf8' | 'textUtf16Damaged' | 'textNulBytes' | 'textUnknownEncoding' | 'textUndecidableEncoding';

export type DecodedText = { ok: true; text: string; encoding: SpreadsheetEncoding } | { ok: false; problem: DecodeProblem };

const hasUtf8Bom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

const decode = (label: string, bytes: Uint8Array, fatal = true) => new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);

/**
 * Characters Windows-1250 gives for bytes 0x80–0xFF that a real Hungarian (or Central European)
 * spreadsheet holds: letters, typographic quotes and dashes, the no-break space, the degree sign,
 * section and bullet. Anything else (‰, ˇ, ˘, ¤, ¦, box symbols…) appearing often means the file
 * is in some other encoding, and guessing would store wrong text.
 */
const PLAUSIBLE_HIGH = /[\p{L}„”“‚‘’–—…\u00a0°§•€«»×·]/u;

function looksLikeText(text: string): boolean {
  // Control characters (C0 but tab and line breaks, DEL, C1) do not occur in spreadsheets' text.
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text);
}

export function decodeSpreadsheetText(bytes: Uint8Array): DecodedText {
  // Which files are UTF-8 is utf8Spreadsheet's to say, for the import that reads their bytes too.
  const utf8 = utf8Spreadsheet(bytes);
  if (utf8) return { ok: true, text: decode('utf-8', utf8.bytes), encoding: utf8.encoding };
  if (hasUtf8Bom(bytes)) {
    return { ok: false, problem: 'textNotUtf8' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return { ok: true, text: decode(le ? 'utf-16le' : 'utf-16be', bytes.subarray(2)), encoding: le ? 'UTF-16LE' : 'UTF-16BE' };
    } catch {
      return { ok: false, problem: 'textUtf16Damaged' };
    }
  }
  if (bytes.includes(0)) {
    return { ok: false, problem: 'textNulBytes' };
  }
  // Not UTF-8: try what Hungarian Excel writes.
  let text: string;
  try {
    text = decode('windows-1250', bytes);
  } catch {
    return { ok: false, problem: 'textUnknownEncoding' };
  }
  let high = 0;
  let implausible = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    high++;
    if (!PLAUSIBLE_HIGH.test(ch)) implausible++;
  }
  if (!looksLikeText(text) || implausible > Math.max(2, high * 0.05)) {
    return { ok: false, problem: 'textUndecidableEncoding' };
  }
  return { ok: true, text, encoding: 'Windows-1250' };
}

/**
 * A UTF-8 file's bytes (BOM removed), when they are valid UTF-8 and, without a BOM, hold no
 * control characters: the files read as UTF-8 (decodeSpreadsheetText decodes them). csv-parse reads these
 * bytes as they are, so a large file is never also held as a string (two bytes a character once
 * it has an "ő") and again as csv-parse's own copy. Null for every other file: decode it.
 */
export function utf8Spreadsheet(bytes: Uint8Array): { bytes: Uint8Array; encoding: 'UTF-8' | 'UTF-8 with BOM' } | null {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) return null;
  if (bom) return { bytes: body, encoding: 'UTF-8 with BOM' };
  return hasControlCharacters(body) ? null : { bytes: body, encoding: 'UTF-8' };
}

/** looksLikeText on UTF-8 bytes: C0 controls but tab and line breaks, DEL, and C1 (0xC2 0x80–0x9F). */
function hasControlCharacters(utf8: Uint8Array): boolean {
  for (let i = 0; i < utf8.length; i++) {
    const b = utf8[i];
    if (b < 0x20 ? b !== 0x09 && b !== 0x0a && b !== 0x0d : b === 0x7f) return true;
    if (b === 0xc2 && utf8[i + 1] >= 0x80 && utf8[i + 1] <= 0x9f) return true;
  }
  return false;
}
