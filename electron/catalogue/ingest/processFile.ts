// Everything an ingest learns from one file, in one read of its bytes: the content hash,
// the metadata and the thumbnails. Runs inside an ingest worker.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fortepanIdFromFileName } from '../../../shared/fortepanId.ts';
import { effectiveLicence, creditSourceKind } from '../../../shared/credit.ts';
import { FORTEPAN_IOWA, fortepanIowaId } from '../../../shared/fortepanIowa.ts';
import { limitFields, type FieldNotice } from '../../../shared/fieldLimits.ts';
import { readStableFile } from './readStableFile.ts';
import type { IngestedRecord } from '../store/photoRepository.ts';
import { readMetadata } from '../metadata/readMetadata.ts';
import { readSidecar } from '../sidecars/xmpSidecar.ts';
import { endsEarly, imageFacts, renderThumbnails, withOrientation, writeThumbnails, type ImageFacts } from '../thumbnails/makeThumbnails.ts';
import { cataloguePaths, thumbnailPath } from '../cataloguePaths.ts';
import { faultPoint } from '../faultInjection.ts';

export interface ProcessRequest {
  file: string;
  catalogueRoot: string;
  /** Skip thumbnails whose files already exist (same content hash seen before). */
  reuseThumbnails: boolean;
}

/** A warning about an ingested file: text, or a field-limit notice that also carries its message key (for the UI's language). */
export type ProcessWarning = string | FieldNotice;

export type ProcessResult = { ok: true; record: IngestedRecord; warnings: ProcessWarning[] } | { ok: false; reason: string };

export async function processFile(request: ProcessRequest): Promise<ProcessResult> {
  const { file } = request;
  const read = await readStableFile(file);
  if (!read.ok) return read;
  const { bytes, stat } = read;
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
  // A truncated file is decoded again even when its thumbnails exist, so every copy of it is
  // marked as truncated, not only the first.
  const reuse = request.reuseThumbnails && !endsEarly(bytes) && (await exists(previewFile)) && (await exists(gridFile));
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
  let previewWarning: string | null = null;
  try {
    if (rendering) {
      const thumbnails = await rendering;
      previewWarning = thumbnails.warning;
      await writeThumbnails(thumbnails, previewFile, gridFile);
    }
    faultPoint('ingest-thumbnails-written');
  } catch (error) {
    // The photo is still catalogued with its metadata; the grid shows "no preview: <reason>".
    previewError = (error as Error).message;
  }

  // The number is in the file's name (`fortepan_12345.jpg`, `FI0001858.jpg`) or in its metadata
  // (an embedded credit "Fortepan — ID 24628", dc:identifier).
  const fortepanId = fortepanIdFromFileName(path.basename(file)) ?? metadata.fortepanId;
  const iowaId = fortepanIowaId(path.basename(file)) ?? metadata.iowaId;
  // An XMP sidecar next to the file (Lightroom, digiKam, darktable, Fototar) overrides it.
  const sidecar = await readSidecar(file);
  if (sidecar) {
    Object.assign(metadata.fields, sidecar.fields);
    metadata.warnings.push(...sidecar.warnings);
  }
  // The same field rules as every other write path: controls removed, lengths and tag counts capped.
  const { fields, notices: fieldWarnings } = limitFields(metadata.fields);
  const kind = creditSourceKind({ fortepanId, iowaId, source: fields.source, file });
  if (kind !== 'other') {
    if (!fields.source) fields.source = kind === 'fortepan' ? 'Fortepan' : FORTEPAN_IOWA;
    if (!fields.licence) fields.licence = effectiveLicence({ fortepanId, iowaId, source: fields.source, file, licence: '' });
  }
  return {
    ok: true,
    warnings: [...(previewWarning ? [`preview incomplete, ${previewWarning}`] : []), ...metadata.warnings, ...fieldWarnings],
    record: {
      hash,
      file,
      fileSize: stat.size,
      fileMtimeMs: stat.mtimeMs,
      fortepanId,
      iowaId,
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
      previewWarning,
      // None in the file is upright (1); null is left for photos catalogued before it was kept.
      fileOrientation: facts.orientation ?? 1,
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
