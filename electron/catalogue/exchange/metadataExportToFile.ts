// `fototar export-metadata --output <file>`: the export written a piece at a time (see
// metadataExport.ts) into a temporary name beside the file, synced, then renamed over it, so an
// export that fails halfway (a full disk, Ctrl+C) never leaves a file that looks whole and never
// spoils the previous one.
import fs from 'node:fs';
import path from 'node:path';
import type { ExchangeTarget } from './exchangeTarget.ts';
import { CatalogueError } from '../catalogueError.ts';
import { metadataTextPieces, writeMetadataXlsx, type ExportMetadataOptions } from './metadataExport.ts';

export type MetadataFileKind = 'csv' | 'json' | 'xlsx';

export async function writeMetadataFile(catalogue: ExchangeTarget, file: string, format: MetadataFileKind, options: ExportMetadataOptions = {}): Promise<void> {
  // Said of the folder the person named, not of the temporary file inside it.
  const folder = path.dirname(path.resolve(file));
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat) throw new CatalogueError('not-found', 'folderMissing', { path: folder });
  if (!stat.isDirectory()) throw new CatalogueError('invalid-input', 'folderIsFile', { path: folder });
  const partial = path.join(folder, `.${path.basename(file)}.${process.pid}.part`);
  try {
    if (format === 'xlsx') {
      const output = fs.createWriteStream(partial, { flush: true });
      const closed = new Promise<void>((resolve, reject) => output.on('close', resolve).on('error', reject));
      try {
        await writeMetadataXlsx(catalogue, output, options);
      } catch (error) {
        // The file is closed before it is removed, and its own late error is not left unhandled.
        output.destroy();
        await closed.catch(() => {});
        throw error;
      }
      await closed;
    } else {
      const handle = await fs.promises.open(partial, 'w');
      try {
        for await (const piece of metadataTextPieces(catalogue, format, options)) await handle.write(piece, null, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await fs.promises.rename(partial, file);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}
