// Originals live outside the catalogue and can be deleted, moved or unmounted (a USB disk)
// while Fototar runs. A photo whose file is gone keeps all its metadata and is marked
// "missing"; when the file is found again (same path) the mark goes; when it was moved, the
// photo is relinked to the new path, which must hold the same bytes (the content hash), so a
// caption is never attached to a different picture.
//
// The check only stats files, 500 at a time between yields to the event loop, and reads no
// image data: 200,000 originals take about 5 s (24 µs a photo on a busy 2-core machine;
// scripts/bench-originals.ts), in slices of about 12 ms, every 10 minutes. In the background it
// also waits, before each slice, while the person is browsing (jobs/personActivity.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CatalogueError } from '../catalogueError.ts';
import type { OriginalsRecords } from '../store/originalsRecords.ts';
import type { PhotoReads } from '../store/photoReads.ts';
import { folderKey } from '../../../shared/folderPath.ts';
import type { FolderRelinkReport } from '../../../shared/folderTree.ts';

export type { FolderRelinkReport };

export interface OriginalsReport {
  checked: number;
  missing: number;
  /** Photos whose state changed in this check (newly missing or found again). */
  changed: number[];
}

const CHUNK = 500;

/** Stats every original and records which are missing. Never reads image data. */
export async function checkOriginals(
  photos: OriginalsRecords,
  options: { signal?: AbortSignal; /** Awaited before each slice: a background check gives way here. */ beforeSlice?: () => Promise<void> } = {},
): Promise<OriginalsReport> {
  const report: OriginalsReport = { checked: 0, missing: 0, changed: [] };
  let after = 0;
  for (;;) {
    await options.beforeSlice?.();
    if (options.signal?.aborted || !photos.isOpen()) break;
    const rows = await photos.filesAfter(after, CHUNK);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    // Synchronous stats in small slices, yielding between them: a cached stat costs a few
    // microseconds, while one promise per stat cost 20x more (measured: 114 µs a photo).
    const states = rows.map((row) => !isFileNow(row.file));
    await new Promise((resolve) => setImmediate(resolve));
    const flips = rows.filter((row, i) => row.missing !== states[i]).map((row) => ({ id: row.id, missing: !row.missing }));
    if (flips.length && photos.isOpen()) {
      await photos.setMissing(flips);
      report.changed.push(...flips.map((f) => f.id));
    }
    report.checked += rows.length;
    report.missing += states.filter(Boolean).length;
  }
  return report;
}

function isFileNow(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

export async function hashFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Points a photo at its moved original. The file must exist and hold the same bytes. */
export async function relinkOriginal(reads: PhotoReads, photos: OriginalsRecords, id: number, newPath: string): Promise<void> {
  const photo = await reads.hashOf(id);
  if (!photo) throw new CatalogueError('not-found', 'photoNotFound', { ids: id });
  const file = path.resolve(newPath);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    throw new CatalogueError('invalid-input', 'relinkNoFile', { file, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  if (!stat.isFile()) throw new CatalogueError('invalid-input', 'relinkNotFile', { file });
  const other = await photos.byFile(file);
  if (other && other.id !== id) throw new CatalogueError('invalid-input', 'relinkAlreadyPhoto', { file, id: other.id });
  let hash: string;
  try {
    hash = await hashFile(file);
  } catch (error) {
    throw new CatalogueError('invalid-input', 'relinkUnreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  if (hash !== photo.hash) {
    throw new CatalogueError('invalid-input', 'relinkDifferentPicture', { name: path.basename(file), id });
  }
  try {
    await photos.relink([{ id, file, size: stat.size, mtimeMs: stat.mtimeMs }], new Date().toISOString());
  } catch (error) {
    throw new CatalogueError('not-saved', 'relinkNotSaved', { reason: (error as Error).message });
  }
}

const LISTED_NOT_FOUND = 100;

/**
 * Points every photo of a moved folder (and its subfolders) at its file under `toDir`, found by
 * content: first where the same relative path lands (the folder moved as it was), else any file
 * under `toDir` with the same size and the same hash (files renamed or rearranged inside it).
 * Only files the same size as a photo still missing are hashed. A file that already is another
 * photo of the catalogue is never taken. All relinks are saved in one transaction.
 */
export async function relinkFolder(
  photos: OriginalsRecords,
  inFolder: readonly { id: number; file: string; hash: string; fileSize: number }[],
  fromKey: string,
  toDir: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ report: FolderRelinkReport; changed: number[] }> {
  const target = path.resolve(toDir);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(target);
  } catch (error) {
    throw new CatalogueError('invalid-input', 'relinkFolderNotFolder', { path: target, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  if (!stat.isDirectory()) throw new CatalogueError('invalid-input', 'relinkFolderNotFolder', { path: target, reason: 'not a folder' });
  if (folderKey(target) === fromKey) throw new CatalogueError('invalid-input', 'relinkFolderSame', { path: target });

  const found = new Map<number, { file: string; size: number; mtimeMs: number }>();
  const taken = new Set<string>();
  const free = async (file: string, id: number) => {
    if (taken.has(file)) return false;
    const other = await photos.byFile(file);
    return !other || other.id === id;
  };
  const sameContent = async (file: string, hash: string) => {
    try {
      return (await hashFile(file)) === hash;
    } catch {
      return false;
    }
  };
  // 1. The same relative path under the new folder.
  for (const photo of inFolder) {
    if (options.signal?.aborted) break;
    const candidate = path.join(target, ...photo.file.slice(fromKey.length).split(/[\/]/));
    const at = await fs.promises.stat(candidate).catch(() => null);
    if (!at?.isFile() || at.size !== photo.fileSize || !(await free(candidate, photo.id))) continue;
    if (await sameContent(candidate, photo.hash)) {
      found.set(photo.id, { file: candidate, size: at.size, mtimeMs: at.mtimeMs });
      taken.add(candidate);
    }
  }
  // 2. Anywhere under it, by size then hash.
  const left = inFolder.filter((p) => !found.has(p.id));
  if (left.length && !options.signal?.aborted) {
    const bySize = new Map<number, typeof left>();
    for (const photo of left) {
      const same = bySize.get(photo.fileSize);
      if (same) same.push(photo);
      else bySize.set(photo.fileSize, [photo]);
    }
    const entries = await fs.promises.readdir(target, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (options.signal?.aborted) break;
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (taken.has(file)) continue;
      const at = await fs.promises.stat(file).catch(() => null);
      const waiting = at ? bySize.get(at.size)?.filter((p) => !found.has(p.id)) : undefined;
      if (!at || !waiting?.length) continue;
      let hash: string;
      try {
        hash = await hashFile(file);
      } catch {
        continue;
      }
      let photo: (typeof waiting)[number] | undefined;
      for (const p of waiting) {
        if (p.hash === hash && (await free(file, p.id))) {
          photo = p;
          break;
        }
      }
      if (photo) {
        found.set(photo.id, { file, size: at.size, mtimeMs: at.mtimeMs });
        taken.add(file);
      }
    }
  }
  const now = new Date().toISOString();
  try {
    await photos.relink([...found].map(([id, to]) => ({ id, file: to.file, size: to.size, mtimeMs: to.mtimeMs })), now);
  } catch (error) {
    throw new CatalogueError('not-saved', 'relinkNotSaved', { reason: (error as Error).message });
  }
  const missed = inFolder.filter((p) => !found.has(p.id));
  return {
    report: {
      photos: inFolder.length,
      relinked: found.size,
      notFound: missed.length,
      notFoundFiles: missed.slice(0, LISTED_NOT_FOUND).map((p) => ({ id: p.id, file: p.file })),
    },
    changed: [...found.keys()],
  };
}

/** Checks originals now and then every `minutes`, in the background. Returns a stop function. */
export function watchOriginals(run: () => Promise<unknown>, minutes = 10): () => void {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await run();
    } catch (error) {
      // A check cut short because the catalogue closed under it is no failure to report.
      if (!stopped) console.error(`Checking original files failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
