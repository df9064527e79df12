// Everything an ingest learns from one file, in one read of its bytes: the content hash,
// the metadata and the thumbnails. Runs inside an ingest worker.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fortepanIdFromFileName } from '../../../shared/fortepanId.ts';
import { FORTEPAN_LICENCE } from '../../../shared/credit.ts';
import type { IngestedRecord } from '../store/photoRepository.ts';
import { readMetadata } from '../metadata/readMetadata.ts';
import { readSidecar } from '../sidecars/xmpSidecar.ts';
import { imageFacts, renderThumbnails, withOrientation, writeThumbnails, type ImageFacts } from '../thumbnails/makeThumbnails.ts';
import { cataloguePaths, thumbnailPath } from '../cataloguePaths.ts';
import { faultPoint } from '../faultInjection.ts';

/** Files larger than this are refused before reading: no archival scan is 2 GiB. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3 - 1;

export interface ProcessRequest {
  file: string;
  catalogueRoot: string;
  /** Skip thumbnails whose files already exist (same content hash seen before). */
  reuseThumbnails: boolean;
}

export type ProcessResult = { ok: true; record: IngestedRecord; warnings: string[] } | { ok: false; reason: string };

export async function processFile(request: ProcessRequest): Promise<ProcessResult> {
  const { file } = request;
  let bytes: Buffer;
  let stat: import('node:fs').Stats;
  try {
    stat = await fs.stat(file);
    if (stat.size === 0) return { ok: false, reason: 'empty file (0 bytes)' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: `file too large (${stat.size} bytes)` };
    bytes = await fs.readFile(file);
  } catch (error) {
    return { ok: false, reason: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  // The header is read on a libuv thread while this thread hashes the bytes.
  const reading = imageFacts(bytes);
  reading.catch(() => {});
  const hash = crypto.createHash('sha256').update(bytes).digest('hex');

  let facts: ImageFacts;
  try {
    facts = await reading;
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }

  const paths = cataloguePaths(request.catalogueRoot);
  const previewFile = thumbnailPath(paths, hash, 'preview');
  const gridFile = thumbnailPath(paths, hash, 'grid');
  const reuse = request.reuseThumbnails && (await exists(previewFile)) && (await exists(gridFile));
  // The decode (libvips, on a libuv thread) starts now and runs while this thread parses the
  // metadata; a rejection is kept for later so it is never unhandled.
  const render = (f: ImageFacts) => {
    const promise = renderThumbnails(bytes, f);
    promise.catch(() => {});
    return promise;
  };
  let rendering = reuse ? null : render(facts);

  const metadata = await readMetadata(bytes, facts.embedded);
  // sharp reads no orientation from some places exiftool and exifr do (a PNG eXIf chunk after
  // the image data): the metadata's orientation then decides the displayed size and the preview.
  if (facts.orientation === null && metadata.orientation !== null) {
    facts = withOrientation(facts, metadata.orientation, false);
    if (rendering && facts.orientation !== null && facts.orientation !== 1) {
      await rendering.catch(() => {});
      rendering = render(facts);
    }
  }
  let previewError: string | null = null;
  try {
    if (rendering) await writeThumbnails(await rendering, previewFile, gridFile);
    faultPoint('ingest-thumbnails-written');
  } catch (error) {
    // The photo is still catalogued with its metadata; the grid shows "no preview: <reason>".
    previewError = (error as Error).message;
  }

  const fortepanId = fortepanIdFromFileName(path.basename(file));
  // An XMP sidecar next to the file (Lightroom, digiKam, darktable, Fototar) overrides it.
  const sidecar = await readSidecar(file);
  if (sidecar) {
    Object.assign(metadata.fields, sidecar.fields);
    metadata.warnings.push(...sidecar.warnings);
  }
  const fields = metadata.fields;
  if (fortepanId !== null) {
    if (!fields.source) fields.source = 'Fortepan';
    if (!fields.licence) fields.licence = FORTEPAN_LICENCE;
  }
  return {
    ok: true,
    warnings: metadata.warnings,
    record: {
      hash,
      file,
      fileSize: stat.size,
      fileMtimeMs: stat.mtimeMs,
      fortepanId,
      fields,
      width: facts.width,
      height: facts.height,
      format: facts.format,
      pageCount: facts.pageCount,
      takenAt: metadata.takenAt,
      digitizedAt: metadata.digitizedAt,
      camera: metadata.camera,
      gps: metadata.gps,
      embeddedCredit: metadata.embeddedCredit,
      embeddedCreator: metadata.embeddedCreator,
      copyright: metadata.copyright,
      previewError,
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
