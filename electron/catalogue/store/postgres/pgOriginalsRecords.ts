// Where a team catalogue's originals are, and which are missing (OriginalsRecords,
// originalsRecords.ts), on PostgreSQL. The paths are as the photos were added; mapping named
// roots to each client's own paths (\\nas\scans here, /mnt/scans there) is still to come, and
// until then a "missing" mark is the last checking client's view.
import type { Pool } from 'pg';
import type { OriginalsRecords, Relink } from '../originalsRecords.ts';
import { sortKeyFor } from '../sortColumns.ts';

export class PgOriginalsRecords implements OriginalsRecords {
  readonly #pool: Pool;
  #open = true;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  /** Stops a check under way: the catalogue is closing. */
  close(): void {
    this.#open = false;
  }

  isOpen() {
    return this.#open;
  }

  async filesAfter(afterId: number, limit: number) {
    const { rows } = await this.#pool.query<{ id: string; file: string; missing: number }>('SELECT id, file, missing FROM photos WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
    return rows.map((row) => ({ id: Number(row.id), file: row.file, missing: row.missing !== 0 }));
  }

  async setMissing(flips: readonly { id: number; missing: boolean }[]) {
    if (!flips.length) return;
    await this.#pool.query('UPDATE photos SET missing = f.missing FROM unnest($1::bigint[], $2::int[]) AS f(id, missing) WHERE photos.id = f.id', [
      flips.map((f) => f.id),
      flips.map((f) => (f.missing ? 1 : 0)),
    ]);
  }

  async byFile(file: string) {
    const { rows } = await this.#pool.query<{ id: string }>('SELECT id FROM photos WHERE file = $1', [file]);
    return rows[0] ? { id: Number(rows[0].id) } : null;
  }

  /** All in one statement, so one transaction: the file, its sort key, its size and time, found again. */
  async relink(moves: readonly Relink[], now: string) {
    if (!moves.length) return;
    await this.#pool.query(
      `UPDATE photos SET file = m.file, file_sort = m.file_sort, file_size = m.size, file_mtime_ms = m.mtime, missing = 0, updated_at = $6
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::float8[]) AS m(id, file, file_sort, size, mtime) WHERE photos.id = m.id`,
      [moves.map((m) => m.id), moves.map((m) => m.file), moves.map((m) => sortKeyFor('file', m.file)), moves.map((m) => m.size), moves.map((m) => m.mtimeMs), now],
    );
  }
}
