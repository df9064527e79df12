// Catalogues for the store's fault tests: rows without images (fast, no decoder), and ways to damage
// a database as a failing disk does (bytes of one page overwritten).
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { fortepanRecord } from './records.ts';
import { tempDir } from './fixtures.ts';

/** A catalogue of `count` photos captioned `caption`, closed. */
export async function recordCatalogue(count: number, caption: string, prefix = 'fototar-store-'): Promise<{ dir: string; catalogueDir: string }> {
  const dir = await tempDir(prefix);
  const catalogueDir = path.join(dir, 'cat');
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  try {
    const now = new Date().toISOString();
    catalogue.db.exec('BEGIN');
    for (let i = 1; i <= count; i++) catalogue.store.photos.insert(fortepanRecord(1000 + i, { caption, title: `Kép ${i}`, donor: 'Nagy Gyula' }), now);
    catalogue.db.exec('COMMIT');
  } finally {
    catalogue.close();
  }
  return { dir, catalogueDir };
}

/** Polls until `ready()` holds (tests wait for a state, never for a time). */
export async function waitFor(ready: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Overwrites the b-tree page header of an index's root page (a closed database, WAL folded in):
 * SQLite's quick_check and integrity_check report it, while edits that never touch that index
 * still go through, which is how a damaged disk goes unnoticed.
 */
export function damageIndex(databaseFile: string, index = 'photos_hash'): void {
  const db = new DatabaseSync(databaseFile);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(index) as { rootpage: number };
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  db.close();
  const fd = fs.openSync(databaseFile, 'r+');
  fs.writeSync(fd, Buffer.from([0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 0, 8, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
}

/** SQLite's integrity_check: 'ok', or what it (or opening the file) complains of. */
/**
 * Changes one key inside the photos_hash index (keeping its order), so the index no longer
 * matches its table: the b-trees are sound (quick_check passes), integrity_check finds it.
 */
export function damageIndexContent(databaseFile: string, record = 1001): void {
  const db = new DatabaseSync(databaseFile);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'photos_hash'`).get() as { rootpage: number };
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  db.close();
  const bytes = fs.readFileSync(databaseFile);
  const page = bytes.subarray((rootpage - 1) * pageSize, rootpage * pageSize);
  const key = Buffer.from(record.toString(16).padStart(64, '0'));
  const at = page.indexOf(key);
  if (at < 0) throw new Error('index key not found');
  page[at + 63] -= 1;
  fs.writeFileSync(databaseFile, bytes);
}

export function integrity(file: string): string {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}

/** Every file under `dir` (relative paths), for "nothing left behind" checks. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => fs.statSync(path.join(dir, name)).isFile());
}
