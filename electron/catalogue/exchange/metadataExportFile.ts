// The metadata export as a file for the UI to save (its "Export metadata…" action), written by
// the same code as `fototar export-metadata`: in Hungarian, Hungarian headers and dates and ";"
// between CSV cells, as Hungarian Excel expects; CSV with a BOM, XLSX with every cell text.
import type { ExchangeTarget } from './exchangeTarget.ts';
import { safeFileNamePart } from '../collections/exportNames.ts';
import { exportMetadata, exportMetadataXlsx } from './metadataExport.ts';

export type MetadataFileFormat = 'csv' | 'xlsx';

export const METADATA_FILE_MIME: Record<MetadataFileFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface MetadataFileRequest {
  format: MetadataFileFormat;
  lang: 'en' | 'hu';
  /** Only these photos; every photo when absent. */
  ids?: readonly number[];
  /** In the order of `ids` (the catalogue's sort) instead of Fortepan-number order. */
  inOrder?: boolean;
}

/** "<catalogue>_metadata.csv" / "<catalogue>_metaadatok.xlsx": the name says what it holds, in the file's language. */
export function metadataFileName(catalogueName: string, format: MetadataFileFormat, lang: 'en' | 'hu'): string {
  const base = safeFileNamePart(catalogueName) || 'fototar';
  return `${base}_${lang === 'hu' ? 'metaadatok' : 'metadata'}.${format}`;
}

export async function metadataExportFile(
  catalogue: ExchangeTarget,
  catalogueName: string,
  request: MetadataFileRequest,
): Promise<{ fileName: string; mime: string; base64: string; photos: number }> {
  const options = { lang: request.lang, ids: request.ids, inOrder: request.inOrder };
  const bytes =
    request.format === 'xlsx' ? await exportMetadataXlsx(catalogue, options) : Buffer.from(await exportMetadata(catalogue, 'csv', options), 'utf8');
  return {
    fileName: metadataFileName(catalogueName, request.format, request.lang),
    mime: METADATA_FILE_MIME[request.format],
    base64: bytes.toString('base64'),
    photos: request.ids ? request.ids.length : await catalogue.photos.count(),
  };
}
