// Pictures for the screen rendered off the main thread (which never loads sharp): the loupe's
// full-size render (fullImage.ts) and the turned thumbnails (turnedThumbnails.ts), each made once
// into the catalogue's cache by an export worker (collections/renderPicture.ts, which opens the
// file through openUpright: its own decoder, upright, the person's turn applied, sRGB). One
// worker serves them all and is let go when nothing has asked for a while.
import fs from 'node:fs';
import path from 'node:path';
import type { Photo } from '../../../shared/types.ts';
import type { ExportFacts } from '../collections/exportMetadata.ts';
import type { ExportPool } from '../collections/exportPool.ts';

/** The worker is closed this long after its last render (a grid scrolled past turned photos asks many in a row). */
const IDLE_MS = 2000;

let pool: ExportPool | null = null;
let running = 0;
let idle: NodeJS.Timeout | null = null;

async function acquire(): Promise<ExportPool> {
  if (idle) clearTimeout(idle);
  idle = null;
  running++;
  if (!pool) {
    const { exportPool } = await import('../collections/exportPool.ts');
    pool ??= exportPool(1);
  }
  return pool;
}

function release(): void {
  running--;
  if (running > 0) return;
  idle = setTimeout(() => {
    const closing = pool;
    pool = null;
    idle = null;
    void closing?.close();
  }, IDLE_MS);
}

const pending = new Map<string, Promise<string | null>>();

/**
 * Renders `photo` (its `file` may be a cached thumbnail standing in for the original) as a JPEG at
 * `target`, once however many ask at the same time; the target, or null when it cannot be made.
 */
export function renderToCache(photo: Photo, target: string, quality: number): Promise<string | null> {
  let made = pending.get(target);
  if (!made) {
    made = render(photo, target, quality).finally(() => pending.delete(target));
    pending.set(target, made);
  }
  return made;
}

async function render(photo: Photo, target: string, quality: number): Promise<string | null> {
  const temporary = `${target}.${process.pid}.tmp`;
  const workers = await acquire();
  try {
    const result = await workers.run({ pick: { photo }, facts: NO_FACTS, options: { format: 'jpeg', quality } });
    if (!result.ok) return null;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(temporary, result.data);
    fs.renameSync(temporary, target);
    return target;
  } catch {
    // Not decodable after all (damaged since the ingest): the caller shows what it has.
    fs.rmSync(temporary, { force: true });
    return null;
  } finally {
    release();
  }
}

/** A picture for the screen, not a copy to hand on: nothing to embed. */
const NO_FACTS: ExportFacts = {
  title: '', caption: '', credit: '', creator: '', source: '', sourceUrl: '', licence: '', licenceUrl: '', rights: '', keywords: [], identifier: '', archiveRef: '',
  date: '', sublocation: '', city: '', country: '', gps: null, marks: { rating: 0, flag: '', label: '' },
};
