// True duplicates: the same content hash at more than one existing path. Each file stays its own
// photo (an archivist may have filed the same scan under two donors on purpose), and every copy
// after the first (lowest id) whose file is present points at it with duplicate_of. A copy whose
// file is missing is not a duplicate: it is either moved (relinked by the next ingest) or gone.
import type { DatabaseSync } from 'node:sqlite';

/** Recomputes duplicate_of for every photo with this hash. Runs inside the caller's transaction. */
export function markDuplicates(db: DatabaseSync, hash: string): void {
  const group = db.prepare('SELECT id, missing, duplicate_of FROM photos WHERE hash = ? ORDER BY id').all(hash) as {
    id: number;
    missing: number;
    duplicate_of: number | null;
  }[];
  const present = group.filter((row) => row.missing === 0);
  const first = present[0]?.id ?? null;
  const update = db.prepare('UPDATE photos SET duplicate_of = ? WHERE id = ?');
  for (const row of group) {
    const wanted = row.missing === 0 && row.id !== first ? first : null;
    if (row.duplicate_of !== wanted) update.run(wanted, row.id);
  }
}
