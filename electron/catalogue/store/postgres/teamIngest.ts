// Adding files and folders to a team catalogue: the folder catalogue's scan and worker pool
// (ingest/scanFolders.ts, ingestPool.ts), written to the server a batch at a time, each batch
// one transaction. Each original is recorded as the team records it (under its named folder,
// shared/originalRoots.ts), so colleagues find it on their own computers; the thumbnails the
// workers made in this client's cache go to the server, so colleagues see them without
// ingesting again. Files catalogued before and unchanged (size, modification time) are not read
// again; a changed file's new bytes replace its facts and thumbnails, and its metadata fills
// only the fields left empty; identical files are flagged as duplicates of the first, as in a folder catalogue.
// (A moved file is added anew here, not relinked: relinking is per named folder, still to come.)
import fs from 'node:fs';
import type { Pool, PoolClient } from 'pg';
import type { IngestReport } from '../../../../shared/types.ts';
import { cataloguePaths, thumbnailPath } from '../../cataloguePaths.ts';
import { scanFolders } from '../../ingest/scanFolders.ts';
import { ingestPool } from '../../ingest/ingestPool.ts';
import type { ProcessResult } from '../../ingest/processFile.ts';
import type { IngestContext, IngestOptions } from '../../ingest/ingestRunner.ts';
import { IngestTally } from '../../ingest/ingestTally.ts';
import { emptyFieldsFilled, FILE_FACT_COLUMNS, fileFacts, insertedRow } from '../photoRepository.ts';
import { columnWrites } from '../fieldWrites.ts';
import { sortKeyFor } from '../sortColumns.ts';
import { teamPhotos } from './teamPhotos.ts';
import { inTransaction } from './pgTransaction.ts';

const BATCH_SIZE = 100;

/** What the catalogue already holds of a file, by its recorded path. */
interface Known {
  id: number;
  hash: string;
  fileSize: number;
  fileMtimeMs: number;
  missing: boolean;
}

type Processed = Extract<ProcessResult, { ok: true }>;

/** The photos recorded under the inputs (as the team records them), by recorded path. */
async function knownFiles(pool: Pool, recorded: readonly string[]): Promise<Map<string, Known>> {
  const { rows } = await pool.query<{ id: string; file: string; hash: string; file_size: string; file_mtime_ms: string; missing: number }>(
    'SELECT id, file, hash, file_size, file_mtime_ms, missing FROM photos WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS input(prefix) WHERE starts_with(photos.file, input.prefix))',
    [recorded],
  );
  return new Map(rows.map((r) => [r.file, { id: Number(r.id), hash: r.hash, fileSize: Number(r.file_size), fileMtimeMs: Number(r.file_mtime_ms), missing: r.missing === 1 }]));
}

/** The first photo present with a hash is the original; the others present are its duplicates. */
async function markDuplicates(client: PoolClient, hashes: readonly string[]): Promise<void> {
  await client.query(
    `UPDATE photos p SET duplicate_of = d.first
       FROM (SELECT id, CASE WHEN missing = 0 AND id <> min(id) FILTER (WHERE missing = 0) OVER (PARTITION BY hash) THEN min(id) FILTER (WHERE missing = 0) OVER (PARTITION BY hash) END AS first
               FROM photos WHERE hash = ANY($1::text[])) d
      WHERE p.id = d.id AND p.duplicate_of IS DISTINCT FROM d.first`,
    [hashes],
  );
}

export interface TeamIngestContext extends Omit<IngestContext, 'db' | 'photos'> {
  /** How the team records a file this computer reaches at `local` (shared/originalRoots.ts recordedFile). */
  recordedFile(local: string): string;
  /** Where this computer finds the original recorded as `recorded`; null where it cannot tell (a named folder it has not mapped). */
  fileHere(recorded: string): string | null;
}

/**
 * The photo whose original this file is, moved or renamed: the same bytes, catalogued at a path
 * this computer can tell is gone (as a folder ingest relinks it). Null: a new photo. Where the
 * recorded file is in a named folder this computer has not mapped, whether it is gone is another
 * computer's to say: then it is not taken for moved.
 */
async function movedOriginal(client: PoolClient, hash: string, fileHere: (recorded: string) => string | null): Promise<number | null> {
  const { rows } = await client.query<{ id: string; file: string }>('SELECT id, file FROM photos WHERE hash = $1 ORDER BY id', [hash]);
  for (const row of rows) {
    const here = fileHere(row.file);
    if (here !== null && !fs.existsSync(here)) return Number(row.id);
  }
  return null;
}

export async function runTeamIngest(pool: Pool, context: TeamIngestContext, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  const tally = new IngestTally(options.onProgress);
  const { report, progress } = tally;
  const tick = (file: string | null) => tally.tick(file);
  const known = await knownFiles(pool, inputs.map((input) => context.recordedFile(input)));
  const knownAt = (file: string) => known.get(context.recordedFile(file)) ?? null;
  const scan = await scanFolders(inputs, { signal: options.signal, isCatalogued: (file) => knownAt(file) !== null });
  tally.scanned(scan);

  const toProcess: string[] = [];
  for (const file of scan.files) {
    if (options.signal?.aborted) break;
    const was = knownAt(file);
    const stat = was && !was.missing ? fs.statSync(file, { throwIfNoEntry: false }) : null;
    if (was && stat && stat.size === was.fileSize && stat.mtimeMs === was.fileMtimeMs) {
      report.unchanged++;
      tick(file);
    } else toProcess.push(file);
  }

  const paths = cataloguePaths(context.catalogueRoot);
  /** Writes a batch of results, in scan order, in one transaction; tells which photos changed. */
  const write = async (batch: { file: string; result: Processed }[]) => {
    const changed: number[] = [];
    const now = new Date().toISOString();
    await inTransaction(pool, async (client) => {
      const hashes = new Set<string>();
      for (const { file, result } of batch) {
        const record = { ...result.record, file: context.recordedFile(file) };
        const was = known.get(record.file);
        hashes.add(record.hash);
        if (was && was.hash === record.hash) {
          await client.query('UPDATE photos SET file_size = $1, file_mtime_ms = $2, missing = 0 WHERE id = $3', [record.fileSize, record.fileMtimeMs, was.id]);
          report.unchanged++;
          continue;
        }
        const moved = was ? null : await movedOriginal(client, record.hash, context.fileHere);
        if (was) {
          // New bytes: new facts and thumbnails.
          hashes.add(was.hash);
          const facts = ['hash', 'file_size', 'file_mtime_ms', ...FILE_FACT_COLUMNS];
          await client.query(`UPDATE photos SET ${facts.map((c, i) => `${c} = $${i + 1}`).join(', ')}, missing = 0, updated_at = $${facts.length + 1} WHERE id = $${facts.length + 2}`, [
            record.hash,
            record.fileSize,
            record.fileMtimeMs,
            ...fileFacts(record),
            now,
            was.id,
          ]);
          // The file's metadata fills the fields the team left empty, as a folder ingest does.
          const [current] = await teamPhotos(client, [was.id]);
          const filled = current ? emptyFieldsFilled(current, record) : {};
          const writes = columnWrites(filled);
          if (writes.length) {
            await client.query(`UPDATE photos SET ${writes.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${writes.length + 1}`, [...writes.map(([, value]) => value), was.id]);
          }
          changed.push(was.id);
          report.updated++;
        } else if (moved !== null) {
          // Moved or renamed: the photo, with all the team wrote about it, now points here.
          await client.query('UPDATE photos SET file = $1, file_sort = $2, file_size = $3, file_mtime_ms = $4, missing = 0, updated_at = $5 WHERE id = $6', [
            record.file,
            sortKeyFor('file', record.file),
            record.fileSize,
            record.fileMtimeMs,
            now,
            moved,
          ]);
          known.set(record.file, { id: moved, hash: record.hash, fileSize: record.fileSize, fileMtimeMs: record.fileMtimeMs, missing: false });
          changed.push(moved);
          report.updated++;
        } else {
          const { columns, values } = insertedRow(record, now);
          const { rows } = await client.query<{ id: string }>(`INSERT INTO photos (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, values);
          const id = Number(rows[0]!.id);
          known.set(record.file, { id, hash: record.hash, fileSize: record.fileSize, fileMtimeMs: record.fileMtimeMs, missing: false });
          changed.push(id);
          report.added++;
        }
        // The thumbnails the worker made here, for the whole team.
        for (const size of ['grid', 'preview'] as const) {
          const data = await fs.promises.readFile(thumbnailPath(paths, record.hash, size)).catch(() => null);
          if (data) await client.query('INSERT INTO thumbnails (hash, size, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [record.hash, size, data]);
        }
      }
      await markDuplicates(client, [...hashes]);
    });
    if (changed.length) context.onPhotosChanged(changed);
  };

  const workers = toProcess.length ? ingestPool({ size: options.poolSize, taskTimeoutMs: options.taskTimeoutMs }) : null;
  try {
    let pending: { file: string; result: Processed }[] = [];
    let writing: Promise<void> = Promise.resolve();
    const flush = () => {
      const batch = pending;
      pending = [];
      if (batch.length) writing = writing.then(() => write(batch));
    };
    // Results in scan order, whatever order the workers finish in (ids follow the folders).
    const finished = new Map<number, ProcessResult>();
    let next = 0;
    let written = 0;
    const lane = async () => {
      while (next < toProcess.length && !options.signal?.aborted) {
        const index = next++;
        const file = toProcess[index]!;
        progress.currentFile = file;
        finished.set(index, await workers!.run({ file, catalogueRoot: context.catalogueRoot, reuseThumbnails: true }));
        for (let result = finished.get(written); result; result = finished.get(written)) {
          finished.delete(written);
          const at = toProcess[written++]!;
          const processed = tally.result(at, result);
          if (processed) {
            pending.push({ file: at, result: processed });
            if (pending.length >= BATCH_SIZE) flush();
          }
        }
        tick(file);
      }
    };
    if (workers) await Promise.all(Array.from({ length: workers.size }, lane));
    flush();
    await writing;
  } catch (error) {
    tally.failed(error);
    throw error;
  } finally {
    await workers?.close();
  }
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM photos');
  return tally.finished(Number(rows[0]!.n), options.signal?.aborted === true);
}
