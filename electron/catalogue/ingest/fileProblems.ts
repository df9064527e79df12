// Plain-language reasons for files an ingest cannot read, shared by the folder scan and the
// worker that reads each file, so the same problem is reported the same way wherever it shows.
import type { Stats } from 'node:fs';

/** Why a directory entry that is not a regular file is not catalogued ("not a regular file (FIFO)"). */
export function notRegularFile(stat: Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isDirectory'>): string {
  if (stat.isFIFO()) return 'not a regular file (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'not a regular file (device)';
  if (stat.isSocket()) return 'not a regular file (socket)';
  if (stat.isDirectory()) return 'not a regular file (folder)';
  return 'not a regular file';
}

/** A file system error as a reason: the common codes in words, the rest by their code. */
export function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ELOOP': return 'symbolic link loop';
    case 'ENOENT': return 'not found (ENOENT)';
    case 'EACCES':
    case 'EPERM': return `permission denied (${code})`;
    case 'ENAMETOOLONG': return 'file name too long (ENAMETOOLONG)';
    default: return code ?? (error as Error)?.message ?? String(error);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A file name's bytes as text, or null when they are not valid UTF-8. */
export function utf8Name(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A name that is not valid UTF-8, shown with its undecodable bytes as \xNN (never as U+FFFD). */
export function escapedName(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xf0 && lead < 0xf5 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead < 0xe0 ? 2 : 0;
    const text = length ? utf8Name(bytes.subarray(i, i + length)) : null;
    if (text !== null && i + length <= bytes.length) {
      out += text;
      i += length;
    } else {
      out += `\\x${lead.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}
