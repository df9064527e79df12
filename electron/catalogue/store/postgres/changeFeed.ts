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
import { inTransaction } from './pgTransaction.ts';

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
 * How long the change log keeps an entry: a client away longer (a volunteer gone for a season)
 * builds its search index afresh when it comes back, instead of the log growing for ever.
 */
export const CHANGE_LOG_KEEP_DAYS = 90;

/**
 * Removes the log's entries older than `keepDays` and moves the horizon to the newest
 * transaction removed, in one transaction. Answers how many entries went.
 */
export async function pruneChangeLog(pool: Pool, keepDays = CHANGE_LOG_KEEP_DAYS): Promise<number> {
  return await inTransaction(pool, async (client) => {
    // now() is the transaction's start: the same cutoff for both statements.
    const cutoff = 'logged_at < now() - make_interval(days => $1)';
    const { rows } = await client.query<{ xid: string }>(`SELECT xid::text FROM search_changes WHERE ${cutoff} ORDER BY xid DESC LIMIT 1`, [keepDays]);
    if (!rows[0]) return 0;
    const gone = await client.query(`DELETE FROM search_changes WHERE ${cutoff}`, [keepDays]);
    await client.query('UPDATE fototar_log_horizon SET xid = greatest(xid, $1::xid8)', [rows[0].xid]);
    return gone.rowCount ?? 0;
  });
}

/**
 * Whether everything logged after `cursor` is still in the log: false when pruning removed
 * entries a reader at `cursor` has not read (it must build afresh from the rows).
 */
export async function logReachesBack(pool: Pool | PoolClient, cursor: ChangeCursor): Promise<boolean> {
  const { rows } = await pool.query<{ xid: string }>('SELECT xid::text FROM fototar_log_horizon');
  const horizon = BigInt(rows[0]?.xid ?? '0');
  return horizon === 0n || BigInt(cursor.xmin) > horizon;
}

/** What a listener says of its connection: lost (the server restarted, the network went), and back. */
export type FeedStatus = { state: 'lost'; reason: string } | { state: 'reconnected' };

/** What else the change channel announces: the team's named folders changed (migration 9). */
export type FeedNotice = 'roots';
export const ROOTS_NOTICE: FeedNotice = 'roots';

/** The first wait before connecting again, doubled after each failure up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5000;

/**
 * Listens for other writers' changes on a connection of its own and tells `onChanged` after
 * each commit that logged any (several commits in a row may come as one call). The answer stops
 * listening. When the connection is lost (a server restart, a network gone), `onStatus` says so,
 * and the listener connects again by itself, waiting longer after each failure; once back it
 * says so and reads what was logged meanwhile from where it was, so nothing is missed.
 * `onNotice` hears the channel's other news (the named folders changed).
 */
export async function listenForChanges(
  pool: Pool,
  from: ChangeCursor,
  onChanged: (changes: ChangedPhotos) => void,
  onStatus: (status: FeedStatus) => void = () => {},
  onNotice: (notice: FeedNotice) => void = () => {},
): Promise<() => Promise<void>> {
  let cursor = from;
  let client: PoolClient | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let delay = RETRY_FIRST_MS;
  let reading: Promise<void> | null = null;
  let again = false;

  const lost = (dead: PoolClient, error: Error) => {
    if (client !== dead) return; // already handled (a connection says 'error' and then 'end')
    client = null;
    dead.release(error); // the pool drops it rather than lending it again
    if (stopped) return;
    onStatus({ state: 'lost', reason: error.message });
    schedule();
  };
  const schedule = () => {
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => {
          delay = RETRY_FIRST_MS;
          onStatus({ state: 'reconnected' });
        },
        () => {
          delay = Math.min(delay * 2, RETRY_MAX_MS);
          if (!stopped) schedule();
        },
      );
    }, delay);
  };
  // One read at a time: a NOTIFY during a read asks for one more read after it.
  const read = () => {
    if (reading) {
      again = true;
      return;
    }
    reading = (async () => {
      do {
        again = false;
        const reader = client;
        if (!reader) return;
        try {
          const changes = await changesSince(reader, cursor);
          cursor = changes.cursor;
          if (changes.ids.length) onChanged(changes);
        } catch (error) {
          lost(reader, error as Error);
          return;
        }
      } while (again);
    })().finally(() => {
      reading = null;
    });
  };
  const connect = async () => {
    const fresh = await pool.connect();
    fresh.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL) return;
      if (message.payload === ROOTS_NOTICE) onNotice(ROOTS_NOTICE);
      else read();
    });
    fresh.on('error', (error) => lost(fresh, error));
    fresh.on('end', () => lost(fresh, new Error('the connection ended')));
    try {
      await fresh.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      fresh.release(error as Error);
      throw error;
    }
    if (stopped) {
      fresh.release();
      return;
    }
    client = fresh;
    // What was logged before the LISTEN took hold, or while the connection was gone.
    read();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await reading;
    const last = client;
    client = null;
    if (!last) return;
    try {
      await last.query(`UNLISTEN ${CHANGES_CHANNEL}`);
    } finally {
      last.release();
    }
  };
}
