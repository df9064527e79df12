// The folders the person chose in this session, the API's boundary for reading and writing:
// startIngest reads only folders and files chosen to add, startExport writes only into a folder
// chosen for the export (or a new folder inside it). Electron records what its native dialogs
// return; the renderer records what the person typed and confirmed in the app's folder fields
// (the `chooseFolder` API method). The CLI does not go through the API: its arguments are the
// person's choice. Paths are kept as real paths, so a symbolic link cannot stretch the boundary.
import fs from 'node:fs';
import path from 'node:path';
import type { FolderPurpose } from '../../shared/api.ts';
import { CatalogueError } from './catalogueError.ts';
import { isSameOrInside, realPathOfNearest } from '../paths/isInside.ts';

export class ChosenFolders {
  readonly #chosen: Record<FolderPurpose, string[]> = { ingest: [], export: [] };

  /**
   * Records `target` for `purpose` and answers its real path. To add photos it must be an
   * existing folder or file; for an export an existing folder, or a folder to create whose
   * nearest existing ancestor is a folder.
   */
  choose(target: string, purpose: FolderPurpose): string {
    if (!path.isAbsolute(target)) throw new CatalogueError('invalid-input', 'folderNotAbsolute', { path: target });
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (purpose === 'ingest' && !stat) throw new CatalogueError('not-found', 'nothingAtPath', { path: target });
    if (purpose === 'export' && stat && !stat.isDirectory()) throw new CatalogueError('invalid-input', 'pathIsFile', { path: target });
    const real = realPathOfNearest(target);
    if (purpose === 'export' && !stat && !isFolder(nearestExisting(real))) {
      throw new CatalogueError('invalid-input', 'folderCannotBeMade', { path: target, nearest: nearestExisting(real) });
    }
    if (!this.#chosen[purpose].includes(real)) this.#chosen[purpose].push(real);
    return real;
  }

  /** Records what a native dialog answered: the system has already checked it, so no more checks. */
  recordFromDialog(paths: readonly string[], purpose: FolderPurpose): void {
    for (const target of paths) {
      const real = realPathOfNearest(target);
      if (!this.#chosen[purpose].includes(real)) this.#chosen[purpose].push(real);
    }
  }

  /** True when `target` really is a chosen folder (or file) of this purpose or lies inside one. */
  allows(target: string, purpose: FolderPurpose): boolean {
    const real = realPathOfNearest(target);
    return this.#chosen[purpose].some((chosen) => isSameOrInside(real, chosen));
  }
}

function nearestExisting(target: string): string {
  let current = target;
  while (!fs.existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

function isFolder(target: string): boolean {
  return fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
