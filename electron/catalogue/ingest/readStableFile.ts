// Reads a whole file for ingest, safely: a FIFO or device is refused without blocking (it is
// opened non-blocking and checked before any read), and a file that is still being written
// (its size or modification time changes while it is read: a copy in progress, a scanner
// saving) is read again once it has settled, or reported, instead of being catalogued half.
import fs from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import { fileSystemReason, notRegularFile } from './fileProblems.ts';

/** Files larger than this are refused before reading: no archival scan is 2 GiB. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3 - 1;

export interface StableReadOptions {
  /** Reads before giving up on a file that keeps changing. */
  attempts?: number;
  /** Wait before the next read, growing with each attempt. */
  settleMs?: number;
  /** Test seam: runs after each read, before the file is looked at again. */
  afterRead?: (attempt: number) => Promise<void> | void;
}

export type StableRead = { ok: true; bytes: Buffer; stat: Stats } | { ok: false; reason: string };

export async function readStableFile(file: string, options: StableReadOptions = {}): Promise<StableRead> {
  const attempts = options.attempts ?? 4;
  const settleMs = options.settleMs ?? 250;
  for (let attempt = 0; attempt < attempts; attempt++) {
    let handle: fs.FileHandle;
    try {
      // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
      handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      return { ok: false, reason: `cannot read file: ${fileSystemReason(error)}` };
    }
    try {
      const before = await handle.stat();
      if (!before.isFile()) return { ok: false, reason: notRegularFile(before) };
      if (before.size === 0) return { ok: false, reason: 'empty file (0 bytes)' };
      if (before.size > MAX_FILE_BYTES) return { ok: false, reason: `file too large (${before.size} bytes)` };
      const bytes = await handle.readFile();
      await options.afterRead?.(attempt);
      // By path as well as by handle: a file replaced (written elsewhere, renamed over) counts too.
      const after = await fs.stat(file);
      if (bytes.length === before.size && after.size === before.size && after.mtimeMs === before.mtimeMs && after.ino === before.ino) {
        return { ok: true, bytes, stat: before };
      }
    } catch (error) {
      return { ok: false, reason: `cannot read file: ${fileSystemReason(error)}` };
    } finally {
      await handle.close().catch(() => {});
    }
    if (attempt < attempts - 1) await new Promise((resolve) => setTimeout(resolve, settleMs * (attempt + 1)));
  }
  return { ok: false, reason: `the file was still being written: its size or modification time changed while it was read (${attempts} tries)` };
}
