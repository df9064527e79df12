// What a client keeps of a team catalogue's search between sessions: the base index it built
// (indexFile.ts, as a folder catalogue keeps search-index.bin) and where in the change log that
// base stands, in a folder of the client's own cache named by the catalogue's identity
// (fototar_catalogue, pgMigrations.ts 5). Opening again loads the base and reads only what
// changed meanwhile, instead of building from 200,000 rows. The two files are paired by a
// generation number written into both: a crash between the two writes leaves a pair that does
// not match, which is rebuilt, never misread.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { readIndexFile, writeIndexFile } from './indexFile.ts';
import type { BaseIndex } from './searchIndex.ts';
import type { ChangeCursor } from '../store/postgres/changeFeed.ts';

const INDEX = 'search-index.bin';
const CURSOR = 'search-index.cursor.json';

interface CursorFile {
  generation: number;
  cursor: ChangeCursor;
}

/** A fresh generation for a base about to be built (its `seq`). */
export function newGeneration(): number {
  return randomInt(1, 2 ** 31 - 1);
}

/** The kept base and its cursor, or null when there is none or the pair does not match. */
export function readTeamSearchCache(folder: string): { base: BaseIndex; cursor: ChangeCursor } | null {
  let kept: CursorFile;
  try {
    kept = JSON.parse(fs.readFileSync(path.join(folder, CURSOR), 'utf8')) as CursorFile;
  } catch {
    return null;
  }
  const base = readIndexFile(path.join(folder, INDEX));
  if (!base || base.seq !== kept.generation || typeof kept.cursor?.xmin !== 'string' || !Array.isArray(kept.cursor.read)) return null;
  return { base, cursor: kept.cursor };
}

/** Keeps a base built from the rows as they were at `cursor` (its seq is its generation). */
export function writeTeamSearchCache(folder: string, base: BaseIndex, cursor: ChangeCursor): void {
  fs.mkdirSync(folder, { recursive: true });
  writeIndexFile(path.join(folder, INDEX), base);
  const temporary = path.join(folder, `${CURSOR}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, JSON.stringify({ generation: base.seq, cursor } satisfies CursorFile));
  fs.renameSync(temporary, path.join(folder, CURSOR));
}
