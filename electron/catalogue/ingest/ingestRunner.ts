// Runs one ingest: scan, skip what has not changed (size and modification time), process the
// rest in the worker pool, and write results in small transactions. A crash loses at most the
// last uncommitted batch, which running the same ingest again completes without duplicates.
import fs from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type { IngestProgress, IngestReport } from '../../../shared/types.ts';
import { PhotoRepository } from '../store/photoRepository.ts';
import type { ProcessResult } from './processFile.ts';
import { scanFolders } from './scanFolders.ts';
import { WorkerPool } from './workerPool.ts';

export interface IngestContext {
  db: DatabaseSync;
  photos: PhotoRepository;
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

export function idleProgress(): IngestProgress {
  return { state: 'idle', done: 0, total: 0, currentFile: null, rate: 0, etaSeconds: null, report: null, error: null };
}

export async function runIngest(context: IngestContext, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  const { db, photos } = context;
  const progress: IngestProgress = { ...idleProgress(), state: 'scanning' };
  const emit = () => options.onProgress?.({ ...progress });
  emit();

  const scan = await scanFolders(inputs, options.signal);
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, failed: [...scan.failed], photos: 0 };
  progress.state = 'running';
  progress.total = scan.files.length;
  emit();

  const started = Date.now();
  const tick = (file: string | null) => {
    progress.done++;
    progress.currentFile = file;
    const seconds = (Date.now() - started) / 1000;
    progress.rate = seconds > 0 ? progress.done / seconds : 0;
    progress.etaSeconds = progress.rate > 0 ? (progress.total - progress.done) / progress.rate : null;
    emit();
  };

  // Writes are grouped: one transaction per batch, not per file (FULL sync makes each commit an fsync).
  let pendingIds: number[] = [];
  let batchStarted = 0;
  const begin = () => {
    if (!db.isTransaction) {
      db.exec('BEGIN IMMEDIATE');
      batchStarted = Date.now();
    }
  };
  const commit = () => {
    if (db.isTransaction) db.exec('COMMIT');
    if (pendingIds.length) context.onPhotosChanged(pendingIds);
    pendingIds = [];
  };

  const toProcess: string[] = [];
  for (const file of scan.files) {
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

  const pool = toProcess.length ? new WorkerPool({ size: options.poolSize, taskTimeoutMs: options.taskTimeoutMs }) : null;
  let applied = 0;
  try {
    const apply = (file: string, result: ProcessResult) => {
      if (!result.ok) {
        report.failed.push({ path: file, reason: result.reason });
        return;
      }
      begin();
      const now = new Date().toISOString();
      const record = result.record;
      const known = photos.byFile(file);
      if (known) {
        if (known.hash === record.hash) {
          photos.touchFile(known.id, record.fileSize, record.fileMtimeMs);
          report.unchanged++;
        } else {
          photos.updateFromFile(known.id, record, now);
          pendingIds.push(known.id);
          report.updated++;
        }
      } else {
        // Same bytes catalogued at a path that no longer exists: the file was moved or renamed.
        const moved = photos.byHash(record.hash).find((other) => !fs.existsSync(other.file));
        if (moved) {
          photos.relink(moved.id, file, record.fileSize, record.fileMtimeMs, now);
          pendingIds.push(moved.id);
          report.updated++;
        } else {
          pendingIds.push(photos.insert(record, now));
          report.added++;
        }
      }
      applied++;
      if (applied % BATCH_SIZE === 0 || Date.now() - batchStarted >= BATCH_MS) commit();
    };

    let next = 0;
    const lane = async () => {
      while (next < toProcess.length && !options.signal?.aborted) {
        const file = toProcess[next++];
        progress.currentFile = file;
        const result = await pool!.run({ file, catalogueRoot: context.catalogueRoot, reuseThumbnails: true });
        apply(file, result);
        tick(file);
      }
    };
    if (pool) await Promise.all(Array.from({ length: pool.size }, lane));
    commit();
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    progress.state = 'failed';
    progress.error = (error as Error).message;
    emit();
    throw error;
  } finally {
    await pool?.close();
  }

  report.photos = photos.count();
  progress.state = options.signal?.aborted ? 'cancelled' : 'done';
  progress.currentFile = null;
  progress.etaSeconds = 0;
  progress.report = report;
  emit();
  return report;
}
