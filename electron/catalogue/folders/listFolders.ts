// Lists the subfolders of one folder for the folder browser (browser mode has no native picker).
// Only names of folders are told, never files; a folder that cannot be listed says why in one
// line instead of failing the call, so the dialog can keep what the person typed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolderEntry, FolderListing } from '../../../shared/folderListing.ts';
import { resolveUserPath } from './userPath.ts';

/** More than this many subfolders are cut off (the listing says so). */
export const MAX_FOLDERS = 5000;

const byName = new Intl.Collator('hu', { numeric: true, sensitivity: 'base' });

function reason(error: unknown, where: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `There is no folder “${where}”.`;
  if (code === 'EACCES' || code === 'EPERM') return `Fototar may not open “${where}” (permission denied).`;
  if (code === 'ENOTDIR') return `“${where}” is a file, not a folder.`;
  if (code === 'ELOOP') return `“${where}” is a loop of symbolic links.`;
  return `“${where}” cannot be opened (${code ?? (error as Error).message}).`;
}

export async function listFolders(typed: string | undefined, options: { showHidden?: boolean; home?: string } = {}): Promise<FolderListing> {
  const home = options.home ?? os.homedir();
  const resolved = resolveUserPath(typed === undefined || typed.trim() === '' ? '~' : typed, home);
  if (!resolved.ok) return { path: typed ?? '', parent: null, home, folders: [], truncated: false, error: resolved.error };
  const folder = resolved.path;
  const up = path.dirname(folder);
  const parent = up === folder ? null : up;
  const failed = (error: unknown): FolderListing => ({ path: folder, parent, home, folders: [], truncated: false, error: reason(error, folder) });

  let dirents: import('node:fs').Dirent[];
  try {
    const stat = await fs.stat(folder);
    if (!stat.isDirectory()) return failed(Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }));
    dirents = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    return failed(error);
  }

  const folders: FolderEntry[] = [];
  for (const d of dirents) {
    if (!options.showHidden && d.name.startsWith('.')) continue;
    const full = path.join(folder, d.name);
    let isDir = d.isDirectory();
    if (!isDir && d.isSymbolicLink()) {
      // A link to a folder is a folder to the person browsing; a broken link is left out.
      isDir = await fs.stat(full).then((s) => s.isDirectory(), () => false);
    }
    if (isDir) folders.push({ name: d.name, path: full });
  }
  folders.sort((a, b) => byName.compare(a.name, b.name));
  return { path: folder, parent, home, folders: folders.slice(0, MAX_FOLDERS), truncated: folders.length > MAX_FOLDERS };
}
