// Exports a collection as a folder a publisher can take: resized copies named by figure and
// identity (`03_fortepan_12345.jpg`) with caption, credit, creator, licence and source embedded as
// EXIF, IPTC and XMP; the credit list (txt and docx); and manifest.csv.
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
import { buildIim, insertIptc } from '../metadata/iptcWriter.ts';
import { addTiffTags, exifApp1, insertJpegSegment, TAG } from '../metadata/tiffTags.ts';
import { collectionCreditsFile, toFigurePicks, type CollectionPick } from './collectionCredits.ts';
import { exifTags, exportFacts, iptcFields, xmpPacket, type ExportFacts } from './exportMetadata.ts';
import { exportFileName, exportIdentity, insideFolder } from './exportNames.ts';
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

async function renderPicture(pick: CollectionPick, facts: ExportFacts, options: ExportOptions): Promise<{ data: Buffer; width: number; height: number }> {
  // Loaded when an export runs: the main process starts without the native module (thumbnails
  // are made in worker threads), and sharp stays external to the bundle.
  const { default: sharp } = await import('sharp');
  let image = sharp(pick.photo.file, { failOn: 'none', limitInputPixels: false }).rotate();
  if (options.size) image = image.resize({ width: options.size, height: options.size, fit: 'inside', withoutEnlargement: true });
  image = image.withXmp(xmpPacket(facts));
  const exif = exifTags(facts);
  const iim = buildIim(iptcFields(facts));
  if (options.format === 'tiff') {
    const { data, info } = await image.tiff({ compression: 'lzw', predictor: 'horizontal' }).toBuffer({ resolveWithObject: true });
    const withTags = addTiffTags(data, [...exif, { tag: TAG.IPTC, type: 7, value: iim }]);
    return { data: withTags.tiff, width: info.width, height: info.height };
  }
  const quality = options.quality ?? 90;
  const { data, info } = await image
    .jpeg({ quality, chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0' })
    .toBuffer({ resolveWithObject: true });
  return { data: insertIptc(insertJpegSegment(data, exifApp1(exif)), iim), width: info.width, height: info.height };
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

export async function exportCollection(collectionName: string, picks: readonly CollectionPick[], options: ExportOptions): Promise<ExportReport> {
  const { outDir, files } = preflightExport(collectionName, picks, options);
  const progress: ExportProgress = { state: 'running', done: 0, total: files.length, currentFile: null, report: null, error: null };
  const report = () => options.onProgress?.({ ...progress });

  const staging = createStaging(outDir, options.catalogueRoot);
  const staged = (name: string) => path.join(staging.newDir, name);
  try {
    report();
    const manifest: CsvValue[][] = [];
    for (let i = 0; i < picks.length; i++) {
      if (options.signal?.aborted) throw new CatalogueError('export-cancelled', 'exportCancelled');
      const pick = picks[i];
      const name = files[i].name;
      progress.currentFile = name;
      report();
      const facts = exportFacts(pick.photo, options.style, options.lang);
      let picture: { data: Buffer; width: number; height: number };
      try {
        picture = await renderPicture(pick, facts, options);
      } catch (error) {
        throw new CatalogueError('invalid-input', 'figureNotConverted', { figure: i + 1, file: pick.photo.file, reason: (error as Error).message });
      }
      await writeSynced(staged(name), picture.data);
      faultPoint('export-picture-staged');
      manifest.push(manifestRow(i + 1, name, pick, facts, picture));
      progress.done++;
      report();
    }
    if (options.signal?.aborted) throw new CatalogueError('export-cancelled', 'exportCancelled');
    progress.currentFile = 'credits and manifest';
    report();
    const request = { style: options.style, lang: options.lang };
    await writeSynced(staged('credits.txt'), await collectionCreditsFile(collectionName, picks, { ...request, format: 'txt' }));
    await writeSynced(staged('credits.docx'), await collectionCreditsFile(collectionName, picks, { ...request, format: 'docx' }));
    await writeSynced(staged('manifest.csv'), Buffer.from(csvFile(MANIFEST_COLUMNS, manifest), 'utf8'));
    progress.done = picks.length + 2; // the last step is moving everything into place
    if (options.signal?.aborted) throw new CatalogueError('export-cancelled', 'exportCancelled');
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
