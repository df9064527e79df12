// Which of an export's outputs would land on one of the catalogue's originals. Compared where the
// files really are: the output folder's real path (a symbolic link to the originals' folder is
// seen through), and, for outputs that already exist, the file itself (device and inode, so a
// link, a hard link or a different letter case on macOS and Windows cannot disguise an original).
import fs from 'node:fs';
import path from 'node:path';
import { realPathOfNearest } from '../../paths/isInside.ts';

function fileIdentity(file: string): string | null {
  try {
    const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
    return stat?.isFile() ? `${stat.dev}:${stat.ino}` : null;
  } catch {
    return null;
  }
}

/** The names among `names` that, written into `outDir`, would replace an original. */
export function outputsOnOriginals(outDir: string, names: readonly string[], originals: ReadonlySet<string>): string[] {
  const realOut = realPathOfNearest(outDir);
  const lexicalOut = path.resolve(outDir);
  const hits = new Set<string>();
  const existing = new Map<string, string>();
  for (const name of names) {
    const target = path.join(realOut, name);
    // A catalogued path (its file may be missing now) is never an output, by either spelling.
    if (originals.has(target) || originals.has(path.join(lexicalOut, name))) hits.add(name);
    const identity = fileIdentity(target);
    if (identity) existing.set(identity, name);
  }
  // Only outputs that already exist can be an original's bytes: usually none, so no stat at all.
  if (existing.size) {
    for (const original of originals) {
      const identity = fileIdentity(original);
      const name = identity ? existing.get(identity) : undefined;
      if (name) hits.add(name);
    }
  }
  return names.filter((name) => hits.has(name));
}
