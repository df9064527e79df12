// Exports a collection as a folder a publisher can take: resized copies named by figure and
// identity (`03_fortepan_12345.jpg`) with caption, credit, creator, licence and source embedded as
// EXIF, IPTC and XMP; the credit list (txt and docx); and manifest.csv. The pictures are rendered
// in a pool of worker threads, one per core (exportPool.ts, renderPicture.ts); each is written to
// staging as soon as it is made, and the figures keep their order and names whatever order the
// workers finish in.
//
// Safety, in order of importance:
// - Originals are only ever read (sharp decodes them; nothing opens them for writing), and no
//   output may have an original's path.
// - Nothing existing is replaced unless the caller says overwrite (the CLI's --overwrite, the UI's
//   confirmation): the check runs before any work and again, atomically, at each final move.
// - Everything is written into a hidden staging folder inside the output folder, synced, and only
//   moved to its final names once every file is complete, under a journal (exportPublish.ts): a
//   cancel, an error or a crash at any point leaves the earlier files or the new ones, never a mix.
// - With overwrite, the new export replaces the earlier export's files (the pictures its
//   manifest.csv lists too), and nothing else in the folder.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat, ExportProgress, ExportReport } from '../../../shared/collections.ts';
import type { CreditLang, CreditStyle } from '../../../shared/creditStyles.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { creditWarnings } from '../../../shared/figureCredits.ts';
import { unguardFormula } from '../../../shared/metadataExchange.ts';
import { CatalogueError } from '../catalogueError.ts';
import { csvFile, type CsvValue } from '../exchange/csvWriter.ts';
import { faultPoint } from '../faultInjection.ts';
import { collectionCreditsFile, toFigurePicks, type CollectionPick } from './collectionCredits.ts';
import { exportFacts, type ExportFacts } from './exportMetadata.ts';
import { exportFileName, exportIdentity, insideFolder } from './exportNames.ts';
import { exportPool, type ExportPool } from './exportPool.ts';
import { createStaging, discardStaging, publishStaged, recoverOutputFolder, STAGING_PREFIX } from './exportPublish.ts';
import { outputsOnOriginals } from './outputsOnOriginals.ts';

export { STAGING_PREFIX };
export const MIN_SIZE = 16;
export const MAX_SIZE = 30000;

export interface ExportOptions {
  outDir: string;
  /** Longest side in pixels; absent: full size. Never enlarges. */
  size?: number;
  /** JPEG quality 1-100 (default 90). */
  quality?: number;
  format: ExportFormat;
  style: CreditStyle;
  lang: CreditLang;
  overwrite: boolean;
  /** Absolute paths of the catalogue's originals: an output may never land on one. */
  originals: ReadonlySet<string>;
  /** The exporting catalogue's folder: it notes the export while under way, for recovery at open. */
  catalogueRoot?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Worker threads rendering the pictures; default one per core, as the ingest (exportPool.ts). */
  poolSize?: number;
  /**
   * Workers started before the export was asked for (the CLI starts them while the catalogue is
   * opened and checked, so their start-up is not waited for). The export closes them at its end.
   */
  pool?: ExportPool;
  /**
   * Waited for before anything is published (the CLI's opening check of the catalogue, which runs
   * while the pictures are made); when it fails, the export fails with its error and leaves nothing.
   */
  ready?: Promise<void>;
}

export interface PlannedFile {
  name: string;
  pick: CollectionPick | null;
}

/** The names an export will write, in order: pictures, then the credit lists and the manifest. */
export function plannedFiles(picks: readonly CollectionPick[], format: ExportFormat): PlannedFile[] {
  const ext = format === 'tiff' ? 'tif' : 'jpg';
  const files: PlannedFile[] = picks.map((pick, i) => ({ name: exportFileName(i + 1, picks.length, exportIdentity(pick.photo), ext), pick }));
  for (const name of ['credits.txt', 'credits.docx', 'manifest.csv']) files.push({ name, pick: null });
  return files;
}

export function checkExportOptions(options: Pick<ExportOptions, 'size' | 'quality'>): void {
  if (options.size !== undefined && (!Number.isInteger(options.size) || options.size < MIN_SIZE || options.size > MAX_SIZE)) {
    throw new CatalogueError('invalid-input', 'exportSizeRange', { min: MIN_SIZE, max: MAX_SIZE, got: String(options.size) });
  }
  if (options.quality !== undefined && (!Number.isInteger(options.quality) || options.quality < 1 || options.quality > 100)) {
    throw new CatalogueError('invalid-input', 'exportQualityRange', { got: String(options.quality) });
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Files of this export that already exist in the output folder. */
export function existingOutputs(outDir: string, files: readonly PlannedFile[]): string[] {
  return files.filter((f) => fs.existsSync(insideFolder(outDir, f.name))).map((f) => f.name);
}

async function writeSynced(file: string, data: Buffer): Promise<void> {
  const handle = await fsp.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const MANIFEST_COLUMNS = [
  'figure', 'file', 'photo_id', 'fortepan_id', 'title', 'caption', 'date', 'credit', 'creator', 'source', 'source_url',
  'licence', 'licence_url', 'modified', 'width', 'height', 'original', 'original_sha256',
] as const;

function manifestRow(figure: number, name: string, pick: CollectionPick, facts: ExportFacts, size: { width: number; height: number }): CsvValue[] {
  const p = pick.photo;
  return [
    figure, name, p.id, p.fortepanId, facts.title, facts.caption, p.date, facts.credit, facts.creator, facts.source, facts.sourceUrl,
    facts.licence, facts.licenceUrl, pick.modified ? 'yes' : 'no', size.width, size.height, p.file, p.hash,
  ];
}

const EXPORT_PICTURE_NAME = /^\d{2,}_[A-Za-z0-9][A-Za-z0-9._-]*\.(jpg|tif)$/;
const LIST_FILES = ['credits.txt', 'credits.docx', 'manifest.csv'];

/**
 * The files an earlier export left in the folder, by its manifest.csv: its pictures (only names
 * an export gives) and the lists. With overwrite they make way for the new export, so the folder
 * holds the new set, not the new set plus the earlier one's extra figures.
 */
export function earlierExportFiles(outDir: string, originals: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  try {
    const rows = parseCsv(fs.readFileSync(path.join(outDir, 'manifest.csv'), 'utf8'), { bom: true, columns: true, relax_column_count: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) {
      const name = unguardFormula(row.file ?? '');
      if (EXPORT_PICTURE_NAME.test(name)) names.add(name);
    }
  } catch {
    // No manifest (or not one of ours): only the names the new export writes are replaced.
  }
  for (const name of LIST_FILES) names.add(name);
  return [...names].filter((name) => {
    const file = insideFolder(outDir, name);
    try {
      return fs.lstatSync(file).isFile() && !originals.has(file);
    } catch {
      return false;
    }
  });
}

/**
 * Every check that needs no picture made, run before any work and synchronously, so the UI's
 * start answers a wrong folder or existing files at once: options, an empty collection, an output
 * on an original, the folder (an interrupted export there is put right first, so the checks see
 * the folder as it really is), existing files without overwrite, missing originals.
 */
export function preflightExport(
  collectionName: string,
  picks: readonly CollectionPick[],
  options: Pick<ExportOptions, 'outDir' | 'size' | 'quality' | 'format' | 'overwrite' | 'originals'>,
): { outDir: string; files: PlannedFile[] } {
  checkExportOptions(options);
  if (picks.length === 0) throw new CatalogueError('invalid-input', 'collectionEmpty', { name: collectionName });
  const outDir = path.resolve(options.outDir);
  const files = plannedFiles(picks, options.format);
  // Real paths and file identities: a symbolic link to an original's folder, or a hard link to
  // the file, must not let an export replace an original (outputsOnOriginals.ts).
  const [onOriginal] = outputsOnOriginals(outDir, files.map((f) => f.name), options.originals);
  if (onOriginal) throw new CatalogueError('invalid-input', 'exportOnOriginal', { file: onOriginal, folder: outDir });
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new CatalogueError('invalid-input', 'outputFolderNotCreated', { folder: outDir, reason: (error as Error).message });
  }
  recoverOutputFolder(outDir);
  if (!options.overwrite) {
    const existing = existingOutputs(outDir, files);
    if (existing.length) {
      const shown = existing.slice(0, 5).join(', ') + (existing.length > 5 ? ` and ${existing.length - 5} more` : '');
      throw new CatalogueError('output-exists', 'outputExists', { count: existing.length, folder: outDir, files: shown });
    }
  }
  for (const pick of picks) {
    if (!fs.existsSync(pick.photo.file)) {
      throw new CatalogueError('not-found', 'originalMissing', { photo: exportIdentity(pick.photo), file: pick.photo.file });
    }
  }
  return { outDir, files };
}

/**
 * Runs `count` lanes at once. At the first that fails, `stop` is called so the others end soon;
 * all are waited for (none may still write into staging when it is discarded), then that first
 * failure is thrown.
 */
async function inLanes(count: number, lane: () => Promise<void>, stop: () => void): Promise<void> {
  const failures: unknown[] = [];
  const settle = (error: unknown) => {
    if (failures.push(error) === 1) stop();
  };
  await Promise.all(Array.from({ length: count }, () => lane().catch(settle)));
  if (failures.length) throw failures[0];
}

/**
 * Renders the pictures in the worker pool and writes each to staging as soon as it is made;
 * returns the manifest's rows in figure order. A cancel stops the workers at once (queued pictures
 * are dropped, running ones ended); a picture that cannot be made fails the export with its figure.
 */
async function stagePictures(
  picks: readonly CollectionPick[],
  files: readonly PlannedFile[],
  options: ExportOptions,
  staged: (name: string) => string,
  progress: ExportProgress,
  report: () => void,
): Promise<CsvValue[][]> {
  const pool = options.pool ?? exportPool(picks.length, options.poolSize);
  let stopped = false;
  const stop = () => {
    stopped = true;
    void pool.close();
  };
  options.signal?.addEventListener('abort', stop);
  const render = { size: options.size, quality: options.quality, format: options.format };
  const manifest: CsvValue[][] = new Array(picks.length);
  let next = 0;
  // Cancelled: throws. Another figure failed: true, the export is over and this lane stops.
  const over = () => {
    if (options.signal?.aborted) throw new CatalogueError('export-cancelled', 'exportCancelled');
    return stopped;
  };
  // One lane per worker: a lane takes the next figure, has it rendered, writes it to staging, and
  // only then takes another, so at most pool.size pictures are held at once.
  const lane = async (): Promise<void> => {
    for (;;) {
      if (over() || next >= picks.length) return;
      const i = next++;
      const pick = picks[i];
      const name = files[i].name;
      progress.currentFile = name;
      report();
      const facts = exportFacts(pick.photo, options.style, options.lang);
      const picture = await pool.run({ pick: { photo: pick.photo }, facts, options: render });
      if (over()) return;
      if (!picture.ok) throw new CatalogueError('invalid-input', 'figureNotConverted', { figure: i + 1, file: pick.photo.file, reason: picture.reason });
      await writeSynced(staged(name), Buffer.from(picture.data.buffer, picture.data.byteOffset, picture.data.byteLength));
      faultPoint('export-picture-staged');
      // Nothing is counted done once the export is over (the staged file goes with the staging).
      if (over()) return;
      manifest[i] = manifestRow(i + 1, name, pick, facts, picture);
      progress.done++;
      report();
    }
  };
  try {
    // Two lanes per worker: while the main thread writes and syncs one picture, its worker is
    // already rendering the next (one lane per worker left it idle for each write).
    await inLanes(pool.size * 2, lane, stop);
    return manifest;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await pool.close();
  }
}

export async function exportCollection(collectionName: string, picks: readonly CollectionPick[], options: ExportOptions): Promise<ExportReport> {
  const { outDir, files } = preflightExport(collectionName, picks, options);
  const progress: ExportProgress = { state: 'running', done: 0, total: files.length, currentFile: null, report: null, error: null };
  const report = () => options.onProgress?.({ ...progress });

  const staging = createStaging(outDir, options.catalogueRoot);
  const staged = (name: string) => path.join(staging.newDir, name);
  try {
    report();
    const request = { style: options.style, lang: options.lang };
    // The credit lists need no picture: they are made and staged while the workers render, instead
    // of after (the main thread would only wait meanwhile). Both are waited for, whatever happens,
    // so nothing writes into staging once it is discarded; the pictures' failure (a cancel, a
    // figure not converted) comes first.
    const creditLists = async () => {
      await writeSynced(staged('credits.txt'), await collectionCreditsFile(collectionName, picks, { ...request, format: 'txt' }));
      await writeSynced(staged('credits.docx'), await collectionCreditsFile(collectionName, picks, { ...request, format: 'docx' }));
    };
    const [pictures, lists] = await Promise.allSettled([stagePictures(picks, files, options, staged, progress, report), creditLists()]);
    if (pictures.status === 'rejected') throw pictures.reason;
    if (lists.status === 'rejected') throw lists.reason;
    const manifest = pictures.value;
    if (options.signal?.aborted) throw new CatalogueError('export-cancelled', 'exportCancelled');
    progress.currentFile = 'credits and manifest';
    report();
    await writeSynced(staged('manifest.csv'), Buffer.from(csvFile(MANIFEST_COLUMNS, manifest), 'utf8'));
    progress.done = picks.length + 2; // the last step is moving everything into place
    if (options.signal?.aborted) throw new CatalogueError('export-cancelled', 'exportCancelled');
    await options.ready;
    const newNames = files.map((f) => f.name);
    // Without overwrite nothing may be replaced (publish refuses a name that appeared meanwhile).
    const replaced = existingOutputs(outDir, files).filter((name) => !isFolder(insideFolder(outDir, name)));
    const oldNames = options.overwrite ? [...new Set([...replaced, ...earlierExportFiles(outDir, options.originals)])] : [];
    try {
      await publishStaged(staging, outDir, newNames, oldNames, options.overwrite);
    } catch (error) {
      if (error instanceof CatalogueError) throw error;
      throw new CatalogueError('not-saved', 'exportNotMoved', { folder: outDir, reason: (error as Error).message });
    }
    progress.done = files.length;
    progress.currentFile = null;
    progress.state = 'done';
    progress.report = { outDir, files: files.map((f) => f.name), warnings: creditWarnings(toFigurePicks(picks), request) };
    report();
    return progress.report;
  } finally {
    discardStaging(staging, options.catalogueRoot);
  }
}
