// One transaction on a team catalogue's server: all of it is saved, or none (a client that dies
// half-way leaves nothing of it).
import type { Pool, PoolClient } from 'pg';

/**
 * A connection that can begin a transaction. An idle connection the server closed (a restart)
 * may still be lent once before the pool hears of it: nothing was sent on it yet, so a second,
 * fresh connection is asked for instead of failing the save.
 */
async function begin(pool: Pool): Promise<PoolClient> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      return client;
    } catch (error) {
      client.release(error as Error);
      if (attempt === 2) throw error;
    }
  }
}

/** Runs `work` in one transaction on a connection of its own. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await begin(pool);
  let failed = false;
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failed = true;
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    // A connection that failed mid-transaction may be broken: the pool makes a new one.
    client.release(failed);
  }
}
