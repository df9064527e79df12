// Publishing a finished export so that a crash at any instant, SIGKILL and power cut included,
// leaves the output folder with exactly the earlier files or exactly the new ones, never a mix.
// The output folder may hold the person's other files: only the export's own names are touched.
//
// A staging folder `.fototar-export-<pid>-<random>/` inside the output folder holds:
//   new/          the complete new files, each synced
//   old/          the files this publish moved out of the way
//   journal.json  while publishing: the new names and the old names
// Publishing:
//   1. journal.json is written (temp file, fsync, rename, fsync of the folder);
//   2. the old files are moved into old/, then the new ones into place (renames: atomic);
//   3. journal.json is deleted: the commit;
//   4. the staging folder is deleted.
// Recovery (the next export into the folder, and the next open of the catalogue that exported):
// a dead process's staging folder with a journal is rolled back (new files moved out, old ones
// back); one without a journal is deleted (before step 1 nothing was touched, after step 3 all is
// in place). Every step of the rollback can itself be interrupted and run again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { CatalogueError } from '../catalogueError.ts';
import { faultPoint } from '../faultInjection.ts';
import { insideFolder } from './exportNames.ts';

export const STAGING_PREFIX = '.fototar-export-';
const JOURNAL = 'journal.json';
const PENDING_FOLDER = 'pending-exports';

interface Journal {
  /** Names moved from new/ into the output folder. */
  newNames: string[];
  /** Names moved from the output folder into old/. */
  oldNames: string[];
}

export interface Staging {
  root: string;
  newDir: string;
  oldDir: string;
}

function syncFolder(dir: string): void {
  // Windows cannot open a folder to fsync it; its renames are journaled by NTFS.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeFileDurably(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  syncFolder(path.dirname(file));
}

function exists(file: string): boolean {
  return fs.existsSync(file);
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

// --- the catalogue's note of exports under way ---------------------------------------------
// So that opening the catalogue after a crash finds the output folder to recover, without the
// person exporting into it again.

function pendingNote(catalogueRoot: string, staging: Staging): string {
  return path.join(catalogueRoot, PENDING_FOLDER, `${path.basename(staging.root)}.json`);
}

function notePending(catalogueRoot: string | undefined, staging: Staging): void {
  if (!catalogueRoot) return;
  try {
    fs.mkdirSync(path.join(catalogueRoot, PENDING_FOLDER), { recursive: true });
    writeFileDurably(pendingNote(catalogueRoot, staging), JSON.stringify({ outDir: path.dirname(staging.root) }));
  } catch {
    // A catalogue on read-only media still exports: the next export into the folder recovers it.
  }
}

function clearPending(catalogueRoot: string | undefined, staging: Staging): void {
  if (catalogueRoot) fs.rmSync(pendingNote(catalogueRoot, staging), { force: true });
}

// --- staging ---------------------------------------------------------------------------------

/**
 * A fresh staging folder in the output folder, named with this process's id. The catalogue's
 * note of the export is written first: a process killed just after making the folder still
 * leaves the note that makes the next open clear it away.
 */
export function createStaging(outDir: string, catalogueRoot?: string): Staging {
  const root = path.join(outDir, `${STAGING_PREFIX}${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  const staging = { root, newDir: path.join(root, 'new'), oldDir: path.join(root, 'old') };
  notePending(catalogueRoot, staging);
  fs.mkdirSync(root);
  faultPoint('export-staging-made');
  fs.mkdirSync(staging.newDir);
  fs.mkdirSync(staging.oldDir);
  return staging;
}

/** Deletes a staging folder that never published, or that is done (cancel, error, success). */
export function discardStaging(staging: Staging, catalogueRoot?: string): void {
  // A journal still there means a rollback failed halfway (a drive gone): old/ may hold the
  // earlier files, so the folder stays for the recovery at the next export or open.
  if (exists(path.join(staging.root, JOURNAL))) return;
  fs.rmSync(staging.root, { recursive: true, force: true });
  clearPending(catalogueRoot, staging);
}

/** Puts the output folder back as it was before the publish recorded in `staging`. */
function rollBack(staging: Staging, outDir: string, journal: Journal): void {
  for (const name of journal.newNames) {
    const staged = path.join(staging.newDir, name);
    const published = insideFolder(outDir, name);
    if (!exists(staged)) {
      if (exists(published)) fs.renameSync(published, staged);
    } else if (sameFile(staged, published)) {
      // Linked into place but not yet unlinked from new/ (the no-overwrite way).
      fs.unlinkSync(published);
    }
  }
  for (const name of journal.oldNames) {
    const aside = path.join(staging.oldDir, name);
    if (exists(aside)) fs.renameSync(aside, insideFolder(outDir, name));
  }
  syncFolder(outDir);
  fs.rmSync(path.join(staging.root, JOURNAL), { force: true });
}

function readJournal(staging: Staging): Journal | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(staging.root, JOURNAL), 'utf8');
  } catch {
    return null;
  }
  const journal = JSON.parse(text) as Journal;
  // The names were checked when the journal was written; check again what is read back.
  for (const name of [...journal.newNames, ...journal.oldNames]) insideFolder(staging.root, name);
  return journal;
}

/**
 * Moves the staged files into place, all or none. `oldNames` are the files the export replaces
 * (only with overwrite; empty otherwise); without overwrite a name that appeared meanwhile stops
 * the publish and takes back what was moved.
 */
export async function publishStaged(staging: Staging, outDir: string, newNames: readonly string[], oldNames: readonly string[], overwrite: boolean): Promise<void> {
  const journal: Journal = { newNames: [...newNames], oldNames: [...oldNames] };
  for (const name of [...newNames, ...oldNames]) insideFolder(outDir, name);
  writeFileDurably(path.join(staging.root, JOURNAL), JSON.stringify(journal));
  faultPoint('export-journal-written');
  try {
    for (const name of oldNames) {
      const from = insideFolder(outDir, name);
      if (exists(from)) await fsp.rename(from, path.join(staging.oldDir, name));
      faultPoint('export-old-moved');
    }
    for (const name of newNames) {
      const from = path.join(staging.newDir, name);
      const to = insideFolder(outDir, name);
      // Awaited one by one (thousands of renames on a network drive must not freeze the app).
      if (overwrite) await fsp.rename(from, to);
      else await moveWithoutReplacing(from, to, name, outDir);
      faultPoint('export-new-moved');
    }
    syncFolder(outDir);
  } catch (error) {
    rollBack(staging, outDir, journal);
    throw error;
  }
  fs.unlinkSync(path.join(staging.root, JOURNAL));
  syncFolder(staging.root);
  faultPoint('export-committed');
}

async function moveWithoutReplacing(from: string, to: string, name: string, outDir: string): Promise<void> {
  const appeared = () => new CatalogueError('output-exists', 'fileAppeared', { name, folder: outDir });
  try {
    // link() fails if the name exists: no check-then-write race with another program.
    await fsp.link(from, to);
    await fsp.unlink(from);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw appeared();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    // File systems without hard links (FAT, exFAT): check, then rename.
    if (exists(to)) throw appeared();
    await fsp.rename(from, to);
  }
}

// --- recovery --------------------------------------------------------------------------------

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const STAGING_NAME = new RegExp(`^${STAGING_PREFIX.replace(/[.]/g, '\\.')}(\\d+)-`);

/** Rolls back or removes what exports by processes that died left in the output folder. */
export function recoverOutputFolder(outDir: string): void {
  for (const name of fs.readdirSync(outDir)) {
    const match = STAGING_NAME.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    const root = path.join(outDir, name);
    const staging = { root, newDir: path.join(root, 'new'), oldDir: path.join(root, 'old') };
    const journal = readJournal(staging);
    if (journal) rollBack(staging, outDir, journal);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * At open: puts right the output folders of this catalogue's exports that a crash interrupted.
 * Never stops the catalogue opening: a folder it cannot put right now (a drive not mounted) keeps
 * its note and is tried again at the next open, and at the next export into it.
 */
export function recoverInterruptedExports(catalogueRoot: string): void {
  const folder = path.join(catalogueRoot, PENDING_FOLDER);
  let notes: string[];
  try {
    notes = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const note of notes) {
    const file = path.join(folder, note);
    const match = STAGING_NAME.exec(note);
    if (match && processAlive(Number(match[1]))) continue;
    try {
      const { outDir } = JSON.parse(fs.readFileSync(file, 'utf8')) as { outDir: string };
      if (fs.existsSync(outDir)) recoverOutputFolder(outDir);
      fs.rmSync(file, { force: true });
    } catch {
      // Tried again next time.
    }
  }
}
