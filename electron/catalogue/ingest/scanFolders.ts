// Finds the image files under the paths a person added. Folders are walked recursively;
// hidden folders and symbolic links to folders are not followed (no cycles, no surprises).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { IngestFailure } from '../../../shared/types.ts';
import { escapedName, fileSystemReason, notRegularFile, utf8Name } from './fileProblems.ts';

export const IMAGE_EXTENSIONS = new Set([
  '.jpg', '.jpeg', '.jpe', '.jfif', '.tif', '.tiff', '.png', '.webp', '.gif', '.avif',
  '.heic', '.heif', '.hif', '.jp2', '.j2k', '.jpf', '.jpx', '.bmp',
  '.dng', '.cr2', '.cr3', '.nef', '.arw', '.orf', '.raf', '.rw2',
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
    let entries: import('node:fs').Dirent<Buffer>[];
    try {
      // Names as bytes: decoded leniently, a name that is not UTF-8 would get U+FFFD in place
      // of its bytes and then not be found ("ENOENT") under the name it was listed by.
      entries = await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      failed.push({ path: dir, reason: `cannot read folder: ${fileSystemReason(error)}` });
      return;
    }
    const named = entries.map((entry) => ({ entry, name: utf8Name(entry.name) }));
    named.sort((a, b) => Buffer.compare(a.entry.name, b.entry.name));
    for (const { entry, name } of named) {
      if (name === null) {
        const shown = escapedName(entry.name);
        if (entry.isDirectory() ? !shown.startsWith('.') : isImageFileName(shown)) {
          failed.push({ path: path.join(dir, shown), reason: `${entry.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8` });
        }
        continue;
      }
      const full = path.join(dir, name);
      if (entry.isDirectory()) {
        if (!name.startsWith('.')) await walk(full);
      } else if (!isImageFileName(name)) {
        continue;
      } else if (entry.isFile()) {
        add(full);
      } else if (entry.isSymbolicLink()) {
        await addLink(full);
      } else {
        // A FIFO, device or socket named like an image: reported, never opened (a FIFO blocks).
        failed.push({ path: full, reason: notRegularFile(entry) });
      }
    }
  }

  /** A link to a file is followed; one to a folder is not (no cycles); the others are reported. */
  async function addLink(link: string): Promise<void> {
    let target: import('node:fs').Stats;
    try {
      target = await fs.stat(link);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failed.push({ path: link, reason: code === 'ENOENT' ? 'broken symbolic link: its target does not exist' : fileSystemReason(error) });
      return;
    }
    if (target.isFile()) add(link);
    else if (!target.isDirectory()) failed.push({ path: link, reason: notRegularFile(target) });
  }

  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failed.push({ path: absolute, reason: code === 'ELOOP' ? fileSystemReason(error) : `not found: ${code ?? (error as Error).message}` });
      continue;
    }
    if (stat.isDirectory()) await walk(absolute);
    else if (stat.isFile()) {
      if (isImageFileName(absolute)) add(absolute);
      else failed.push({ path: absolute, reason: `not an image file type Fototar ingests (${path.extname(absolute) || 'no extension'})` });
    } else {
      failed.push({ path: absolute, reason: notRegularFile(stat) });
    }
  }
  return { files, failed };
}
