// The one answer to "does this path lie inside that folder?", for the browser-mode server, the
// Electron protocols, the export's guard against overwriting originals and the API's registry of
// chosen folders. Two flavours: a lexical one (pure string logic, testable for any platform's
// separators through `pathApi`) and a real one that resolves symbolic links first, because a
// link can make a path that looks inside land outside, or the reverse.
import fs from 'node:fs';
import path from 'node:path';

type PathApi = typeof path.posix;

/**
 * True when `child` lies strictly inside `parent` after `..` and `.` are resolved. Compares as the
 * platform does: path.win32 ignores case and accepts either separator; path.posix does neither.
 * `/a/bc` is not inside `/a/b`; a name that merely starts with two dots (`/a/..b`) is inside `/a`.
 */
export function isInside(child: string, parent: string, pathApi: PathApi = path): boolean {
  const relative = pathApi.relative(pathApi.resolve(parent), pathApi.resolve(child));
  if (relative === '' || pathApi.isAbsolute(relative)) return false;
  // On win32, relative() between two drives answers the absolute target path (caught above).
  return relative !== '..' && !relative.startsWith(`..${pathApi.sep}`);
}

/** True when `child` is `parent` itself or lies inside it (lexically). */
export function isSameOrInside(child: string, parent: string, pathApi: PathApi = path): boolean {
  return pathApi.relative(pathApi.resolve(parent), pathApi.resolve(child)) === '' || isInside(child, parent, pathApi);
}

/**
 * The real path of `target` even when it does not exist yet: the real path of its nearest
 * existing ancestor (symbolic links resolved, and on macOS and Windows the case as stored) with
 * the missing rest appended. This is where a write to `target` would really land.
 */
export function realPathOfNearest(target: string): string {
  const absolute = path.resolve(target);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A missing part, or a file standing where a folder would be: look one level up.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const up = path.dirname(current);
      if (up === current) return absolute;
      missing.push(path.basename(current));
      current = up;
    }
  }
}

/** `isInside` on real paths: where the two really are once symbolic links are followed. */
export function isInsideReal(child: string, parent: string): boolean {
  return isInside(realPathOfNearest(child), realPathOfNearest(parent));
}

/** `isSameOrInside` on real paths. */
export function isSameOrInsideReal(child: string, parent: string): boolean {
  return isSameOrInside(realPathOfNearest(child), realPathOfNearest(parent));
}

/**
 * The real path of `file` if it is an existing regular file whose real path lies inside the real
 * `root`; otherwise null. What the servers use before handing out any file.
 */
export function containedRealFile(root: string, file: string): string | null {
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = fs.realpathSync(root);
    realFile = fs.realpathSync(file);
    if (!fs.statSync(realFile).isFile()) return null;
  } catch {
    return null;
  }
  return isInside(realFile, realRoot) ? realFile : null;
}
