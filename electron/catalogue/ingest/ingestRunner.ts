// Runs one ingest: scan, skip what has not changed (size and modification time), process the
// rest in the worker pool, and write results in small transactions. A crash loses at most the
// last uncommitted batch, which running the same ingest again completes without duplicates.
import fs from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type { IngestProgress, IngestReport } from '../../../shared/types.ts';
import { PhotoRepository } from '../store/photoRepository.ts';
import { inTransactionWithoutSync } from '../store/openDatabase.ts';
import { markDuplicates } from '../store/duplicates.ts';
import type { ProcessResult } from './processFile.ts';
import { scanFolders } from './scanFolders.ts';
import { ingestPool } from './ingestPool.ts';
import { faultPoint } from '../faultInjection.ts';
import { IngestTally } from './ingestTally.ts';

/** Where an ingest writes: SQLite's connection and photo rows (each batch one transaction). */
export interface IngestStore {
  db: DatabaseSync;
  photos: PhotoRepository;
}

export interface IngestContext extends IngestStore {
  catalogueRoot: string;
  /** Told after each committed batch which photos were added or changed. */
  onPhotosChanged: (ids: number[]) => void;
}

export interface IngestOptions {
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  poolSize?: number;
  taskTimeoutMs?: number;
}

const BATCH_SIZE = 100;
const BATCH_MS = 500;

export { idleProgress } from './ingestTally.ts';

export async function runIngest(context: IngestContext, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  const { db, photos } = context;
  const tally = new IngestTally(options.onProgress);
  const { report, progress } = tally;
  const tick = (file: string | null) => tally.tick(file);

  // A file catalogued here before is an image already: a re-scan does not read its head again.
  const scan = await scanFolders(inputs, { signal: options.signal, isCatalogued: (file) => photos.byFile(file) !== null });
  tally.scanned(scan);

  // Results are written in batches, each in one synchronous transaction: FULL sync makes every
  // commit an fsync, and no transaction stays open across an await, so edits made while an
  // ingest runs never collide with it.
  let pending: { file: string; result: Extract<ProcessResult, { ok: true }> }[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const changed: number[] = [];
    // Ingest batches commit without an fsync (WAL with synchronous=NORMAL stays consistent
    // after a crash or power cut; it may only lose the last batches, which running the same
    // ingest again redoes). An fsync per batch blocked this thread, which serves the UI, for
    // 5-120 ms each on a busy disk. FULL is restored before anything else can run, so edits
    // keep their fsync-on-save.
    inTransactionWithoutSync(db, () => {
      const hashes = new Set<string>();
      for (const { file, result } of batch) {
        apply(file, result, changed, hashes);
        faultPoint('ingest-row');
      }
      for (const hash of hashes) markDuplicates(db, hash);
    });
    faultPoint('ingest-committed');
    if (changed.length) context.onPhotosChanged(changed);
  };
  const enqueue = (file: string, processed: ProcessResult) => {
    const result = tally.result(file, processed);
    if (!result) return;
    pending.push({ file, result });
    if (pending.length >= BATCH_SIZE) flush();
    else flushTimer ??= setTimeout(flush, BATCH_MS);
  };

  const apply = (file: string, result: Extract<ProcessResult, { ok: true }>, changed: number[], hashes: Set<string>) => {
    const now = new Date().toISOString();
    const record = result.record;
    const known = photos.byFile(file);
    hashes.add(record.hash);
    if (known) {
      hashes.add(known.hash);
      if (known.hash === record.hash) {
        photos.touchFile(known.id, record.fileSize, record.fileMtimeMs);
        report.unchanged++;
      } else {
        photos.updateFromFile(known.id, record, now);
        changed.push(known.id);
        report.updated++;
      }
      return;
    }
    // Same bytes catalogued at a path that no longer exists: the file was moved or renamed.
    const moved = photos.byHash(record.hash).find((other) => !fs.existsSync(other.file));
    if (moved) {
      photos.relink(moved.id, file, record.fileSize, record.fileMtimeMs, now);
      changed.push(moved.id);
      report.updated++;
    } else {
      changed.push(photos.insert(record, now));
      report.added++;
    }
  };

  const toProcess: string[] = [];
  for (const [index, file] of scan.files.entries()) {
    // A re-scan of 200,000 unchanged files is 200,000 lookups and stats: give the event loop
    // (the UI's IPC, progress polling) a turn every few hundred.
    if (index % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) break;
    const known = photos.byFile(file);
    if (known && !known.missing) {
      try {
        const stat = fs.statSync(file);
        if (stat.size === known.fileSize && stat.mtimeMs === known.fileMtimeMs) {
          report.unchanged++;
          tick(file);
          continue;
        }
      } catch {
        // fall through: the worker reports why it cannot read the file
      }
    }
    toProcess.push(file);
  }

  const pool = toProcess.length ? ingestPool({ size: options.poolSize, taskTimeoutMs: options.taskTimeoutMs }) : null;
  try {
    let next = 0;
    // Results are written in scan order, whatever order the workers finish in, so photo ids
    // (the catalogue's order) follow the folders' order and, of two identical files, the one
    // first in the folders is the original the other is flagged a duplicate of. Results wait
    // here only behind a slower file (small records; a hung file waits its deadline at most).
    const finished = new Map<number, ProcessResult>();
    let written = 0;
    const lane = async () => {
      while (next < toProcess.length && !options.signal?.aborted) {
        const index = next++;
        const file = toProcess[index];
        progress.currentFile = file;
        finished.set(index, await pool!.run({ file, catalogueRoot: context.catalogueRoot, reuseThumbnails: true }));
        for (let result = finished.get(written); result; result = finished.get(written)) {
          finished.delete(written);
          enqueue(toProcess[written++], result);
        }
        tick(file);
      }
    };
    if (pool) await Promise.all(Array.from({ length: pool.size }, lane));
    flush();
  } catch (error) {
    if (flushTimer) clearTimeout(flushTimer);
    tally.failed(error);
    throw error;
  } finally {
    await pool?.close();
  }

  return tally.finished(photos.count(), options.signal?.aborted === true);
}
