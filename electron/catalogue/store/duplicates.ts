// True duplicates: the same content hash at more than one existing path. Each file stays its own
// photo (an archivist may have filed the same scan under two donors on purpose), and every copy
// after the first (lowest id) whose file is present points at it with duplicate_of. A copy whose
// file is missing is not a duplicate: it is either moved (relinked by the next ingest) or gone.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Prepared once per connection: an ingest calls this for every file, and each prepare() holds a
 * native statement until garbage collection, which V8 does not hurry for small wrappers.
 */
const statements = new WeakMap<DatabaseSync, { group: StatementSync; update: StatementSync }>();

function prepared(db: DatabaseSync) {
  let entry = statements.get(db);
  if (!entry) {
    entry = {
      group: db.prepare('SELECT id, missing, duplicate_of FROM photos WHERE hash = ? ORDER BY id'),
      update: db.prepare('UPDATE photos SET duplicate_of = ? WHERE id = ?'),
    };
    statements.set(db, entry);
  }
  return entry;
}

/** Recomputes duplicate_of for every photo with this hash. Runs inside the caller's transaction. */
export function markDuplicates(db: DatabaseSync, hash: string): void {
  const { group: select, update } = prepared(db);
  const group = select.all(hash) as { id: number; missing: number; duplicate_of: number | null }[];
  const present = group.filter((row) => row.missing === 0);
  const first = present[0]?.id ?? null;
  for (const row of group) {
    const wanted = row.missing === 0 && row.id !== first ? first : null;
    if (row.duplicate_of !== wanted) update.run(wanted, row.id);
  }
}
