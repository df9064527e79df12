// The one place the command line turns a failure into what the user reads: one line, saying what
// happened in words and what to do, never a stack. Errors a person can act on (CatalogueError,
// UsageError) already say so; the rest are recognised by class: SQLite's result codes
// (node:sqlite's `errcode`), the system's error codes (ENOSPC…), and the few messages that
// come through other libraries (sharp, workers) as plain text. Anything else is still one line.
import fs from 'node:fs';
import path from 'node:path';
import { CatalogueError } from '../catalogue/catalogueError.ts';
import { isPostgresLocation } from '../catalogue/catalogueLocation.ts';
import { isConnectionError } from '../catalogue/store/postgres/connectionErrors.ts';

// SQLite primary result codes (https://sqlite.org/rescode.html).
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

type Kind = 'damaged' | 'incomplete' | 'full' | 'read-only' | 'no-access' | 'cannot-open' | 'disk-error' | 'busy' | 'too-large' | 'too-many-files' | 'missing-file';

function classify(error: unknown): Kind | null {
  const e = error as { errcode?: number; code?: string; message?: string; name?: string };
  const message = String(e?.message ?? error);
  if (typeof e?.errcode === 'number') {
    switch (e.errcode & 0xff) {
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return 'damaged';
      case SQLITE_FULL:
        return 'full';
      case SQLITE_READONLY:
        return 'read-only';
      case SQLITE_CANTOPEN:
        return 'cannot-open';
      case SQLITE_IOERR:
        return 'disk-error';
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return 'busy';
    }
  }
  switch (e?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'full';
    case 'EROFS':
      return 'read-only';
    case 'EACCES':
    case 'EPERM':
      return 'no-access';
    case 'EIO':
      return 'disk-error';
    case 'EFBIG':
      return 'too-large';
    case 'EMFILE':
    case 'ENFILE':
      return 'too-many-files';
    case 'ENOENT':
      return 'missing-file';
  }
  if (/database disk image is malformed|file is not a database|database corruption/i.test(message)) return 'damaged';
  if (/no such table|no such column/i.test(message)) return 'incomplete';
  if (/no space left on device|database or disk is full|ENOSPC|disk quota exceeded/i.test(message)) return 'full';
  if (/read-only file system|EROFS|attempt to write a readonly database/i.test(message)) return 'read-only';
  if (/unable to open database file/i.test(message)) return 'cannot-open';
  if (/disk I\/O error/i.test(message)) return 'disk-error';
  if (e?.name === 'RangeError' && /invalid string length|array buffer allocation failed|invalid array length/i.test(message)) return 'too-large';
  if (/Array buffer allocation failed|Invalid string length/i.test(message)) return 'too-large';
  return null;
}

/** The file system holding `folder` (or its nearest existing parent) has (almost) no space left. */
function noSpaceLeft(folder: string): boolean {
  let at = path.resolve(folder);
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  try {
    const stats = fs.statfsSync(at);
    return stats.bavail * stats.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** What `fototar <command>` prints after "fototar <command>: " when `error` ends it. */
export function describeError(error: unknown, context: { catalogue?: string } = {}): string {
  const detail = oneLine(String((error as Error)?.message ?? error)).slice(0, 500);
  // A mistake in the command line (cliSupport.ts's UsageError) says itself what is wrong.
  if ((error as Error)?.name === 'UsageError') return detail;
  // A team catalogue's server gone mid-command: said as opening it would have said it.
  if (context.catalogue && isPostgresLocation(context.catalogue) && isConnectionError(error)) {
    return new CatalogueError('catalogue-unreadable', 'postgresUnreachable', { location: context.catalogue, reason: detail }).message;
  }
  const restore = `Restore a backup with "fototar restore latest${context.catalogue ? ` --catalogue ${context.catalogue}` : ''}".`;
  let kind = classify(error);
  // SQLite may say "disk I/O error" when a write found no space (a journal or WAL write, where it
  // does not tell ENOSPC apart): a disk with no space left is said to be full, which says what to do.
  if (kind === 'disk-error' && context.catalogue && noSpaceLeft(context.catalogue)) kind = 'full';
  // A wrong command line says what is wrong with it, as written.
  if ((error as Error | undefined)?.name === 'UsageError') return detail;
  if (error instanceof CatalogueError) {
    // These already say what to do; a damaged database found while searching or saving is
    // worded as such, with the way back.
    if (kind === 'damaged' && !/restore/i.test(detail)) return `The catalogue database is damaged (${detail}). ${restore}`;
    if (kind === 'full' && error.code !== 'invalid-input') return `${detail.replace(/\.$/, '')}: the disk is full. Free some space and run the command again; what was saved before is kept.`;
    return detail;
  }
  switch (kind) {
    case 'damaged':
      return `The catalogue database is damaged (${detail}). ${restore}`;
    case 'incomplete':
      return `The catalogue database is incomplete (${detail}): it is not a Fototar catalogue, or it was cut short. ${restore}`;
    case 'full':
      return `The disk is full (${detail}). Free some space and run the command again; what was saved before is kept.`;
    case 'read-only':
      return `Cannot write (${detail}): the disk or folder is read-only. Commands that only read (list, show, search, credits, export-metadata) still work.`;
    case 'no-access':
      return `Permission denied (${detail}): check that you may read and write that folder.`;
    case 'cannot-open':
      return `The catalogue database cannot be opened (${detail}): check that the folder exists and that you may read it.`;
    case 'disk-error':
      return `The disk reported an error (${detail}): check the disk or cable, then run the command again.`;
    case 'busy':
      return `The catalogue is busy: another program is writing to it (${detail}). Try again in a moment.`;
    case 'too-large':
      return `That is too much to handle in one step (${detail}); nothing was saved. Do it in smaller parts (fewer photos at a time).`;
    case 'too-many-files':
      return `Too many files are open (${detail}). Close some programs and run the command again.`;
    case 'missing-file':
      return `A file is missing (${detail}).`;
  }
  return `internal error: ${detail} (run with FOTOTAR_DEBUG=1 to see where it happened)`;
}
