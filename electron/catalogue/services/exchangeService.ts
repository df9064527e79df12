// Metadata in and out: CSV/XLSX/JSON import (a preview, or applied as one undoable step through
// the catalogue's one edit path) and export, and XMP sidecars next to the originals.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../../shared/metadataExchange.ts';
import type { Photo } from '../../../shared/types.ts';
import type { SidecarNaming, SidecarReport, SidecarSettings } from '../../../shared/sidecars.ts';
import type { ExchangeTarget } from '../exchange/exchangeTarget.ts';
import { CatalogueError } from '../catalogueError.ts';
import { importMetadataFile } from '../exchange/importFile.ts';
import type { ImportOptions } from '../exchange/metadataImport.ts';
import { exportMetadata, exportMetadataXlsx, metadataTextPieces, type ExportMetadataOptions } from '../exchange/metadataExport.ts';
import { writeMetadataFile, type MetadataFileKind } from '../exchange/metadataExportToFile.ts';
import { metadataExportFile, type MetadataFileRequest } from '../exchange/metadataExportFile.ts';
import { writeSidecars } from '../sidecars/xmpSidecar.ts';
import type { CatalogueCore } from './catalogueCore.ts';

/** Sidecars go only next to originals that are there: never into a folder whose original is gone. */
function sidecarsNextToOriginals(photos: readonly Photo[], naming: SidecarNaming): SidecarReport {
  const present = photos.filter((p) => fs.statSync(p.file, { throwIfNoEntry: false })?.isFile());
  const report = writeSidecars(present, naming);
  for (const photo of photos) {
    if (!present.includes(photo)) report.skipped.push({ file: photo.file, reason: 'the original is not there, so no sidecar was written next to it' });
  }
  return report;
}

export class ExchangeService {
  readonly #core: CatalogueCore;
  readonly #catalogue: ExchangeTarget;

  /** `photos` is the catalogue's photos service: imports take its one edit path. */
  constructor(core: CatalogueCore, photos: ExchangeTarget['photos']) {
    this.#core = core;
    this.#catalogue = { photos };
  }

  /** Reads a CSV, XLSX or JSON file's rows; previews the changes, or applies them as one step. */
  import(bytes: Uint8Array, options: ImportOptions & { name: string }): Promise<ImportResult> {
    if (options.apply) this.#core.assertWritable();
    return importMetadataFile(this.#catalogue, bytes, options);
  }

  /** Every photo's metadata as CSV or JSON text. */
  async export(format: 'csv' | 'json', options: ExportMetadataOptions = {}): Promise<string> {
    return exportMetadata(this.#catalogue, format, options);
  }

  /** The same text a piece at a time (the CLI writes it to its standard output as it comes). */
  exportPieces(format: 'csv' | 'json', options: ExportMetadataOptions = {}): AsyncGenerator<string> {
    return metadataTextPieces(this.#catalogue, format, options);
  }

  exportXlsx(options: ExportMetadataOptions = {}): Promise<Buffer> {
    return exportMetadataXlsx(this.#catalogue, options);
  }

  /** The export written to `file` as it is made, whole or not at all (exchange/metadataExportToFile.ts). */
  exportToFile(file: string, format: MetadataFileKind, options: ExportMetadataOptions = {}): Promise<void> {
    return writeMetadataFile(this.#catalogue, file, format, options);
  }

  /** The metadata export as a file for the UI to save (CSV or XLSX, all photos or only `ids`). */
  exportFile(request: MetadataFileRequest): Promise<{ fileName: string; mime: string; base64: string; photos: number }> {
    return metadataExportFile(this.#catalogue, path.basename(this.#core.paths.root), request);
  }

  async sidecarSettings(): Promise<SidecarSettings> {
    return await this.#core.store.sidecarSettings();
  }

  async setSidecarSettings(settings: Partial<SidecarSettings>): Promise<SidecarSettings> {
    return await this.#core.store.setSidecarSettings(settings);
  }

  /**
   * Writes the sidecars of these photos (all of them with `all`). From the UI (`onlyPresent`),
   * only next to originals that are there.
   */
  async writeSidecars(ids: readonly number[] | 'all', options: { onlyPresent?: boolean } = {}): Promise<SidecarReport> {
    const recorded = ids === 'all' ? await Array.fromAsync(this.#core.photos.iterateAll()) : await this.#core.photos.getMany(ids);
    // Written beside the originals as this computer reaches them.
    const photos = recorded.map((photo) => ({ ...photo, file: this.#core.originalFile(photo.file) }));
    if (ids !== 'all') {
      const found = new Set(photos.map((p) => p.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length && !options.onlyPresent) throw new CatalogueError('not-found', 'photoNotFound', { ids: missing.join(', ') });
    }
    const naming = (await this.sidecarSettings()).naming;
    return options.onlyPresent ? sidecarsNextToOriginals(photos, naming) : writeSidecars(photos, naming);
  }
}
