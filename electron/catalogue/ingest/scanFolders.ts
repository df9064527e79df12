// Finds the image files under the paths a person added. Folders are walked recursively;
// hidden folders and symbolic links to folders are not followed (no cycles, no surprises).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { IngestFailure } from '../../../shared/types.ts';

export const IMAGE_EXTENSIONS = new Set([
  '.jpg', '.jpeg', '.jpe', '.jfif', '.tif', '.tiff', '.png', '.webp', '.gif', '.avif',
  '.heic', '.heif', '.hif', '.jp2', '.j2k', '.jpf', '.jpx', '.bmp',
]);

export function isImageFileName(name: string): boolean {
  return IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith('._');
}

export interface ScanResult {
  files: string[];
  failed: IngestFailure[];
}

export async function scanFolders(inputs: readonly string[], signal?: AbortSignal): Promise<ScanResult> {
  const files: string[] = [];
  const failed: IngestFailure[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };

  async function walk(dir: string): Promise<void> {
    if (signal?.aborted) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      failed.push({ path: dir, reason: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) await walk(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isImageFileName(entry.name)) {
        add(full);
      }
    }
  }

  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      failed.push({ path: absolute, reason: `not found: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    if (stat.isDirectory()) await walk(absolute);
    else if (stat.isFile()) {
      if (isImageFileName(absolute)) add(absolute);
      else failed.push({ path: absolute, reason: `not an image file type Fototar ingests (${path.extname(absolute) || 'no extension'})` });
    }
  }
  return { files, failed };
}
