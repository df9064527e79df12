// What other clients changed, as it happens: the triggers of pgMigrations.ts log every change to
// a searchable column in search_changes and NOTIFY at commit. A client keeps one connection
// LISTENing and reads the log from where it last read, so changes made while it was away
// (offline, or between a NOTIFY and its read) are read all the same.
//
// "Where it last read" is not the last sequence number: numbers are taken when a change is
// logged, and transactions commit in another order (seq 101 visible, seq 100 still running).
// Each logged change carries its transaction's id (migration 4), and a read takes, in the same
// statement, the oldest transaction id still running (the snapshot's xmin): everything logged by
// an older transaction is committed or gone. The next read starts from that xmin, skipping the
// changes already read there. So a change that commits late is read late, never lost.
import type { Pool, PoolClient } from 'pg';

export const CHANGES_CHANNEL = 'fototar_changes';

/** Where a reader of the change log is: plain data, so a client can keep it between sessions. */
export interface ChangeCursor {
  /** The oldest transaction id (xid8, as text) that may still log changes the reader has not read. */
  xmin: string;
  /** The changes (seq) of transactions from xmin on that the reader has read already. */
  read: number[];
}

/** The beginning of the log: every change the catalogue ever logged. */
export const LOG_START: ChangeCursor = { xmin: '0', read: [] };

export interface ChangedPhotos {
  /** The photos changed after the cursor asked from, each once, in the order they were logged. */
  ids: number[];
  /** Ask from here next time. */
  cursor: ChangeCursor;
}

/** The photos changed after `cursor` (LOG_START: since the catalogue began). */
export async function changesSince(pool: Pool | PoolClient, cursor: ChangeCursor): Promise<ChangedPhotos> {
  // One statement, one snapshot: the rows and the xmin are read as of the same moment.
  const { rows } = await pool.query<{ xmin: string; changes: [string, string, string][] }>(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
            (SELECT coalesce(json_agg(json_build_array(seq::text, photo_id::text, xid::text) ORDER BY seq), '[]'::json)
               FROM search_changes WHERE xid >= $1::xid8) AS changes`,
    [cursor.xmin],
  );
  const xmin = rows[0]!.xmin;
  const already = new Set(cursor.read);
  const ids = new Set<number>();
  const read: number[] = [];
  for (const [seq, photo, xid] of rows[0]!.changes) {
    // BIGINT and xid8 come as text (exact); ids and sequences fit a number, xids compare as BigInt.
    if (!already.has(Number(seq))) ids.add(Number(photo));
    if (BigInt(xid) >= BigInt(xmin)) read.push(Number(seq));
  }
  return { ids: [...ids], cursor: { xmin, read } };
}

/** Where the log ends now: a new reader that starts here hears of what is logged from now on. */
export async function changeCursorNow(pool: Pool | PoolClient): Promise<ChangeCursor> {
  return (await changesSince(pool, LOG_START)).cursor;
}

/**
 * Listens for other writers' changes on a connection of its own and tells `onChanged` after
 * each commit that logged any (several commits in a row may come as one call). The answer stops
 * listening. `onError` hears of a lost connection.
 */
export async function listenForChanges(pool: Pool, from: ChangeCursor, onChanged: (changes: ChangedPhotos) => void, onError: (error: Error) => void = () => {}): Promise<() => Promise<void>> {
  const client = await pool.connect();
  let cursor = from;
  let reading: Promise<void> | null = null;
  let again = false;
  // One read at a time: a NOTIFY during a read asks for one more read after it.
  const read = () => {
    if (reading) {
      again = true;
      return;
    }
    reading = (async () => {
      do {
        again = false;
        const changes = await changesSince(client, cursor);
        cursor = changes.cursor;
        if (changes.ids.length) onChanged(changes);
      } while (again);
    })()
      .catch((error: Error) => onError(error))
      .finally(() => {
        reading = null;
      });
  };
  client.on('notification', (message) => {
    if (message.channel === CHANGES_CHANNEL) read();
  });
  client.on('error', onError);
  await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  // What was logged before the LISTEN took hold.
  read();
  return async () => {
    await reading;
    try {
      await client.query(`UNLISTEN ${CHANGES_CHANNEL}`);
    } finally {
      client.release();
    }
  };
}
