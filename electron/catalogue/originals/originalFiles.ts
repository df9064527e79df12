// Originals live outside the catalogue and can be deleted, moved or unmounted (a USB disk)
// while Fototar runs. A photo whose file is gone keeps all its metadata and is marked
// "missing"; when the file is found again (same path) the mark goes; when it was moved, the
// photo is relinked to the new path, which must hold the same bytes (the content hash), so a
// caption is never attached to a different picture.
//
// The check only stats files: 200,000 stats, a few at a time in the background, take seconds
// and read no image data (see scripts/bench-originals.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { CatalogueError } from '../catalogueError.ts';
import { inTransaction } from '../store/openDatabase.ts';
import type { PhotoRepository } from '../store/photoRepository.ts';

export interface OriginalsReport {
  checked: number;
  missing: number;
  /** Photos whose state changed in this check (newly missing or found again). */
  changed: number[];
}

const CHUNK = 1000;
const PARALLEL = 16;

/** Stats every original and records which are missing. Never reads image data. */
export async function checkOriginals(db: DatabaseSync, options: { signal?: AbortSignal } = {}): Promise<OriginalsReport> {
  const report: OriginalsReport = { checked: 0, missing: 0, changed: [] };
  const page = db.prepare('SELECT id, file, missing FROM photos WHERE id > ? ORDER BY id LIMIT ?');
  let after = 0;
  for (;;) {
    if (options.signal?.aborted || !db.isOpen) break;
    const rows = page.all(after, CHUNK) as { id: number; file: string; missing: number }[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    const states = new Array<boolean>(rows.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < rows.length) {
          const i = next++;
          states[i] = !(await isFile(rows[i].file));
        }
      }),
    );
    const flips = rows.filter((row, i) => (row.missing !== 0) !== states[i]).map((row) => ({ id: row.id, missing: !(row.missing !== 0) }));
    if (flips.length && db.isOpen) {
      const update = db.prepare('UPDATE photos SET missing = ? WHERE id = ?');
      inTransaction(db, () => {
        for (const flip of flips) update.run(flip.missing ? 1 : 0, flip.id);
      });
      report.changed.push(...flips.map((f) => f.id));
    }
    report.checked += rows.length;
    report.missing += states.filter(Boolean).length;
  }
  return report;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}

export async function hashFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Points a photo at its moved original. The file must exist and hold the same bytes. */
export async function relinkOriginal(db: DatabaseSync, photos: PhotoRepository, id: number, newPath: string): Promise<void> {
  const photo = photos.get(id);
  if (!photo) throw new CatalogueError('not-found', `No photo with id ${id} in this catalogue.`);
  const file = path.resolve(newPath);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    throw new CatalogueError('invalid-input', `Not relinked: no file at ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
  }
  if (!stat.isFile()) throw new CatalogueError('invalid-input', `Not relinked: ${file} is not a file.`);
  const other = photos.byFile(file);
  if (other && other.id !== id) throw new CatalogueError('invalid-input', `Not relinked: ${file} is already photo ${other.id} in this catalogue.`);
  let hash: string;
  try {
    hash = await hashFile(file);
  } catch (error) {
    throw new CatalogueError('invalid-input', `Not relinked: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  if (hash !== photo.hash) {
    throw new CatalogueError(
      'invalid-input',
      `Not relinked: ${path.basename(file)} is a different picture from the one catalogued as photo ${id} (its content differs). Add it with an ingest instead.`,
    );
  }
  try {
    inTransaction(db, () => photos.relink(id, file, stat.size, stat.mtimeMs, new Date().toISOString()));
  } catch (error) {
    throw new CatalogueError('not-saved', `The relink was not saved: ${(error as Error).message}`);
  }
}

/** Checks originals now and then every `minutes`, in the background. Returns a stop function. */
export function watchOriginals(run: () => Promise<unknown>, minutes = 10): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (error) {
      console.error(`Checking original files failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
