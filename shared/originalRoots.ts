// Originals on shared storage: a team catalogue records each original by the path it had on the
// computer that added it, and names the folders those paths start in ("Szkennelések" is where
// /mnt/scans/ led); each computer says once where it reaches each named folder (\\nas\scans on
// one, /Volumes/scans on another). A recorded path under a named folder is then found on this
// computer under its own folder, with its own separators. Environment-neutral: the catalogue,
// the CLI and tests share the rule.
import { folderKey, separatorOf } from './folderPath.ts';

/** A named folder of the catalogue, and where this computer reaches it (null: not said yet). */
export interface RootOnThisComputer {
  name: string;
  /** The folder as the catalogue records it (a folder key: one trailing separator). */
  folder: string;
  local: string | null;
}

/** The named folder `file` is in: the deepest, where named folders nest. */
function rootOf(file: string, roots: readonly RootOnThisComputer[]): RootOnThisComputer | null {
  let best: RootOnThisComputer | null = null;
  for (const root of roots) {
    if (file.startsWith(root.folder) && (!best || root.folder.length > best.folder.length)) best = root;
  }
  return best;
}

/**
 * Whether this computer can tell if the original recorded as `file` is there: it is in no named
 * folder (its recorded path is this computer's too), or in one this computer has mapped.
 */
export function reachableHere(file: string, roots: readonly RootOnThisComputer[]): boolean {
  const root = rootOf(file, roots);
  return !root || root.local !== null;
}

/**
 * Where this computer finds the original recorded as `file`: under its own path to the named
 * folder the file is in, the rest of the path in this computer's separators; `file` itself when
 * it is in no named folder, or this computer has not said where that folder is.
 */
export function fileOnThisComputer(file: string, roots: readonly RootOnThisComputer[]): string {
  const root = rootOf(file, roots);
  if (!root?.local) return file;
  const local = folderKey(root.local);
  const sep = separatorOf(local);
  const rest = file.slice(root.folder.length).split(/[\\/]/).join(sep);
  return local + rest;
}

/**
 * How the catalogue records an original this computer reaches at `local` (an ingest's file): under
 * the named folder this computer maps there, in the separators the catalogue records it with;
 * `local` itself when it is in no mapped folder.
 */
export function recordedFile(local: string, roots: readonly RootOnThisComputer[]): string {
  let best: { root: RootOnThisComputer; key: string } | null = null;
  for (const root of roots) {
    if (!root.local) continue;
    const key = folderKey(root.local);
    const inside = local.startsWith(key) || (separatorOf(key) === '\\' && local.replace(/\//g, '\\').startsWith(key));
    if (inside && (!best || key.length > best.key.length)) best = { root, key };
  }
  if (!best) return local;
  const sep = separatorOf(best.root.folder);
  return best.root.folder + local.slice(best.key.length).split(/[\\/]/).join(sep);
}

export const MAX_ROOT_NAME = 100;

/** The name a root is given by: trimmed, one space between words, 1–100 characters; null if not. */
export function cleanRootName(name: string): string | null {
  const clean = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  return clean.length >= 1 && clean.length <= MAX_ROOT_NAME && !/[\u0000-\u001f]/.test(clean) ? clean : null;
}
