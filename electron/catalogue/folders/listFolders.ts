// Lists the subfolders of one folder for the folder browser (browser mode has no native picker).
// Only names of folders are told, never files; a folder that cannot be listed says why in one
// line instead of failing the call, so the dialog can keep what the person typed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolderEntry, FolderListing } from '../../../shared/folderListing.ts';
import { resolveUserPath } from './userPath.ts';
import { englishMessage, type MessageRef } from '../../../shared/errorMessages.ts';

/** More than this many subfolders are cut off (the listing says so). */
export const MAX_FOLDERS = 5000;

const byName = new Intl.Collator('hu', { numeric: true, sensitivity: 'base' });

function reason(error: unknown, where: string): MessageRef {
  const code = (error as NodeJS.ErrnoException).code;
  const params = { path: where };
  if (code === 'ENOENT') return { key: 'folderMissing', params };
  if (code === 'EACCES' || code === 'EPERM') return { key: 'folderForbidden', params };
  if (code === 'ENOTDIR') return { key: 'folderIsFile', params };
  if (code === 'ELOOP') return { key: 'folderLoop', params };
  return { key: 'folderUnopenable', params: { ...params, reason: code ?? (error as Error).message } };
}

/** Why the folder could not be listed: the English sentence and its key for the UI's language. */
const problem = (ref: MessageRef) => ({ error: englishMessage(ref.key, ref.params), errorRef: ref });

export async function listFolders(typed: string | undefined, options: { showHidden?: boolean; home?: string } = {}): Promise<FolderListing> {
  const home = options.home ?? os.homedir();
  const resolved = resolveUserPath(typed === undefined || typed.trim() === '' ? '~' : typed, home);
  if (!resolved.ok) return { path: typed ?? '', parent: null, home, folders: [], truncated: false, ...problem(resolved.problem) };
  const folder = resolved.path;
  const up = path.dirname(folder);
  const parent = up === folder ? null : up;
  const failed = (error: unknown): FolderListing => ({ path: folder, parent, home, folders: [], truncated: false, ...problem(reason(error, folder)) });

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
