// Files written on their way and renamed into place when complete: a backup's
// `backups/<name>.<pid>.partial` (and SQLite's `-journal`, `-wal`, `-shm` beside it), a restore's
// `catalogue.sqlite.restoring` and a new catalogue's `catalogue.sqlite.creating`. A process killed
// half-way leaves them behind; they are never a usable copy (the rename is the last step), so
// opening the catalogue removes them.
// A backup runs without the catalogue's lock (`fototar backup` while the app is open), so its
// partial file carries its pid and is removed only once that process is gone.
import fs from 'node:fs';
import path from 'node:path';
import type { CataloguePaths } from '../cataloguePaths.ts';
import { isProcessAlive } from './processIdentity.ts';

const SQLITE_SIDE_FILES = ['-journal', '-wal', '-shm'];
const PARTIAL = /\.partial(?:-journal|-wal|-shm)?$/;
const PARTIAL_PID = /\.(\d+)\.partial(?:-journal|-wal|-shm)?$/;

export function partialName(file: string): string {
  return `${file}.${process.pid}.partial`;
}

export function restoringName(paths: CataloguePaths): string {
  return `${paths.database}.restoring`;
}

export function creatingName(database: string): string {
  return `${database}.creating`;
}

/** Removes a partial copy and whatever SQLite kept beside it. */
export function removePartial(file: string): void {
  for (const extra of ['', ...SQLITE_SIDE_FILES]) fs.rmSync(`${file}${extra}`, { force: true });
}

/** Removes what killed backups and restores left; returns the names removed. */
export function removeLeftovers(paths: CataloguePaths): string[] {
  const removed: string[] = [];
  for (const unfinished of [restoringName(paths), creatingName(paths.database)]) {
    for (const extra of ['', ...SQLITE_SIDE_FILES]) {
      if (fs.existsSync(`${unfinished}${extra}`)) {
        fs.rmSync(`${unfinished}${extra}`, { force: true });
        removed.push(`${unfinished}${extra}`);
      }
    }
  }
  const dir = path.join(paths.root, 'backups');
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!PARTIAL.test(name)) continue;
    const pid = Number(PARTIAL_PID.exec(name)?.[1] ?? 0);
    // Another live process may be writing it right now (`fototar backup` beside the app).
    if (pid && pid !== process.pid && isProcessAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(path.join(dir, name));
  }
  return removed;
}
