// Finds the images under the paths a person added, and accounts for every other file. Folders
// are walked recursively; hidden folders and symbolic links to folders are not followed (no
// cycles, no surprises). Each file is told by its first bytes (sniffFormat.ts), not its name:
// a JPEG named `scan_0042` is catalogued, a PNG named .jpg is catalogued with a note, and a
// file that is not an image (Thumbs.db, a PDF, notes) is listed as skipped with its reason.
import fs from 'node:fs/promises';
import { close, constants, open, read } from 'node:fs';
import path from 'node:path';
import type { IngestFailure, IngestSkip, IngestWarning } from '../../../shared/types.ts';
import { englishMessage, type ErrorKey, type ErrorParams } from '../../../shared/errorMessages.ts';
import { SKIP_MESSAGE_KEYS } from '../../../shared/skipReasons.ts';
import { escapedName, fileSystemReason, notRegularFile, utf8Name } from './fileProblems.ts';
import { HEAD_BYTES, IMAGE_FORMATS, misnamedExtension, namedLikeImage, sniffFormat, sniffName, type Sniffed } from './sniffFormat.ts';

export interface ScanResult {
  files: string[];
  failed: IngestFailure[];
  /** Files that are not images, each with its reason. */
  skipped: IngestSkip[];
  /** Images whose name disagrees with their content ("named .png but its content is JPEG"), by path. */
  notes: Map<string, IngestWarning>;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Files the catalogue already holds at this path: images already, so not read again (a re-scan of 200,000 files). */
  isCatalogued?: (file: string) => boolean;
}

/**
 * Heads read at once. Sniffing reads 4 KB of every file; a few reads in flight keep a disk (or
 * a network share) busy without holding many files open or many buffers in memory.
 */
const SNIFF_WIDTH = 8;

type Verdict = Sniffed | { kind: 'failed'; reason: string } | { kind: 'catalogued' };

export async function scanFolders(inputs: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const { signal, isCatalogued } = options;
  const result: ScanResult = { files: [], failed: [], skipped: [], notes: new Map() };
  const seen = new Set<string>();
  const once = (file: string) => !seen.has(file) && (seen.add(file), true);

  /** Where a sniffed file goes: images to the ingest, the rest to the report. */
  const place = (file: string, name: string, verdict: Verdict) => {
    if (!once(file)) return;
    if (verdict.kind === 'failed') {
      result.failed.push({ path: file, reason: verdict.reason });
    } else if (verdict.kind === 'catalogued') {
      result.files.push(file);
    } else if (verdict.kind === 'image') {
      result.files.push(file);
      const ext = misnamedExtension(name, verdict.format);
      if (ext !== null) {
        const format = IMAGE_FORMATS[verdict.format].label;
        const key: ErrorKey = ext ? 'ingestWrongExtension' : 'ingestNoExtension';
        const params: ErrorParams = ext ? { ext, format } : { format };
        result.notes.set(file, { path: file, message: englishMessage(key, params), key, params });
      }
    } else if (verdict.reason !== 'system' && namedLikeImage(name)) {
      // Named like an image, it is the person's photo: if its content is none (cut to nothing,
      // damaged, a video saved as .jpg), the worker says exactly what it found, as a failure.
      result.files.push(file);
    } else {
      const params: ErrorParams = verdict.what ? { what: verdict.what } : {};
      const key = SKIP_MESSAGE_KEYS[verdict.reason];
      result.skipped.push({ path: file, reason: verdict.reason, message: englishMessage(key, params), key, params });
    }
  };

  /** A regular file's (or a link's target's) verdict, from its first bytes. */
  const sniff = async (file: string | Buffer, name: string, listedAs: string): Promise<Verdict> => {
    if (isCatalogued?.(listedAs)) return { kind: 'catalogued' };
    try {
      return sniffFormat(await readHead(file), name);
    } catch (error) {
      return { kind: 'failed', reason: `cannot read file: ${fileSystemReason(error)}` };
    }
  };

  /** A link to a file is sniffed through; one to a folder is not followed (no cycles); the others are reported. */
  const sniffLink = async (link: string, name: string): Promise<Verdict | null> => {
    let target: import('node:fs').Stats;
    try {
      target = await fs.stat(link);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { kind: 'failed', reason: code === 'ENOENT' ? 'broken symbolic link: its target does not exist' : fileSystemReason(error) };
    }
    if (target.isFile()) return sniff(link, name, link);
    if (target.isDirectory()) return null;
    return { kind: 'failed', reason: notRegularFile(target) };
  };

  async function walk(dir: string): Promise<void> {
    if (signal?.aborted) return;
    let entries: import('node:fs').Dirent<Buffer>[];
    try {
      // Names as bytes: decoded leniently, a name that is not UTF-8 would get U+FFFD in place
      // of its bytes and then not be found ("ENOENT") under the name it was listed by.
      entries = await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      result.failed.push({ path: dir, reason: `cannot read folder: ${fileSystemReason(error)}` });
      return;
    }
    const named = entries.map((entry) => ({ entry, name: utf8Name(entry.name) }));
    named.sort((a, b) => Buffer.compare(a.entry.name, b.entry.name));

    // What each entry is, in the folder's order; heads are read SNIFF_WIDTH at a time ahead of
    // the loop below, which places them (and walks subfolders) in order.
    const verdicts = orderedWindow(named, SNIFF_WIDTH, async ({ entry, name }): Promise<Verdict | null> => {
      const shown = name ?? escapedName(entry.name);
      const full = path.join(dir, shown);
      if (entry.isDirectory()) return null;
      const byName = sniffName(shown);
      if (byName) return byName;
      if (name === null) {
        // Not catalogued under a name it cannot be found by; but only an image is a failure.
        const bytesPath = Buffer.concat([Buffer.from(`${dir}${path.sep}`), entry.name]);
        const verdict = namedLikeImage(shown) || !entry.isFile() ? null : await sniff(bytesPath, shown, full);
        return verdict && verdict.kind === 'skip' ? verdict : { kind: 'failed', reason: 'file name is not valid UTF-8' };
      }
      if (entry.isFile()) return sniff(full, name, full);
      if (entry.isSymbolicLink()) return sniffLink(full, name);
      // A FIFO, device or socket: reported, never opened (a FIFO blocks).
      return { kind: 'failed', reason: notRegularFile(entry) };
    });

    for (const { entry, name } of named) {
      const verdict = await verdicts();
      if (signal?.aborted) return;
      const shown = name ?? escapedName(entry.name);
      const full = path.join(dir, shown);
      if (entry.isDirectory()) {
        if (shown.startsWith('.')) continue;
        if (name === null) result.failed.push({ path: full, reason: 'folder name is not valid UTF-8' });
        else await walk(full);
      } else if (verdict) {
        place(full, shown, verdict);
      }
    }
  }

  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      result.failed.push({ path: absolute, reason: code === 'ELOOP' ? fileSystemReason(error) : `not found: ${code ?? (error as Error).message}` });
      continue;
    }
    if (stat.isDirectory()) await walk(absolute);
    else if (stat.isFile()) {
      const name = path.basename(absolute);
      place(absolute, name, sniffName(name) ?? (await sniff(absolute, name, absolute)));
    } else {
      result.failed.push({ path: absolute, reason: notRegularFile(stat) });
    }
  }
  return result;
}

/**
 * The first HEAD_BYTES of a file: open, read, close on libuv's threads, with plain callbacks
 * (no FileHandle to make and collect per file) and the close not waited for, so each file
 * costs two round trips. O_NONBLOCK: a file swapped for a FIFO since it was listed must not
 * block the scan.
 */
function readHead(file: string | Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0), (openError, fd) => {
      if (openError) return reject(openError);
      const head = Buffer.allocUnsafe(HEAD_BYTES);
      read(fd, head, 0, HEAD_BYTES, 0, (readError, bytesRead) => {
        close(fd, () => {});
        if (readError) reject(readError);
        else resolve(head.subarray(0, bytesRead));
      });
    });
  });
}

/**
 * `run` over the items, at most `width` started ahead of the one asked for; each call answers
 * the next item's result, in order. Results are handed out once and not kept.
 */
function orderedWindow<T, R>(items: readonly T[], width: number, run: (item: T) => Promise<R>): () => Promise<R> {
  const started: (Promise<R> | undefined)[] = [];
  let next = 0;
  return () => {
    while (started.length < Math.min(items.length, next + width)) started.push(run(items[started.length]));
    const answer = started[next]!;
    started[next++] = undefined;
    return answer;
  };
}
