// What other clients changed, as it happens: the triggers of pgMigrations.ts log every change to
// a searchable column in search_changes and NOTIFY its sequence number at commit. A client keeps
// one connection LISTENing, and reads the log from the last sequence it has seen, so changes
// made while it was away (offline, or between a NOTIFY and its read) are read all the same.
import type { Pool, PoolClient } from 'pg';

export const CHANGES_CHANNEL = 'fototar_changes';

export interface ChangedPhotos {
  /** The photos changed after the sequence asked for, each once. */
  ids: number[];
  /** The last sequence read: ask from here next time. */
  seq: number;
}

/** The photos changed after `seq` (every change since the catalogue began with 0). */
export async function changesSince(pool: Pool | PoolClient, seq: number): Promise<ChangedPhotos> {
  // BIGINT comes back as text (pg keeps every 64-bit value exact); ids and sequences fit a number.
  const { rows } = await pool.query<{ photo_id: string; seq: string }>('SELECT photo_id, seq FROM search_changes WHERE seq > $1 ORDER BY seq', [seq]);
  const ids = [...new Set(rows.map((r) => Number(r.photo_id)))];
  return { ids, seq: rows.length ? Number(rows[rows.length - 1]!.seq) : seq };
}

/**
 * Listens for other writers' changes on a connection of its own and tells `onChanged` after
 * each commit that logged any (several commits in a row may come as one call). The answer stops
 * listening. `onError` hears of a lost connection.
 */
export async function listenForChanges(pool: Pool, from: number, onChanged: (changes: ChangedPhotos) => void, onError: (error: Error) => void = () => {}): Promise<() => Promise<void>> {
  const client = await pool.connect();
  let seq = from;
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
        const changes = await changesSince(client, seq);
        if (changes.ids.length) {
          seq = changes.seq;
          onChanged(changes);
        }
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
