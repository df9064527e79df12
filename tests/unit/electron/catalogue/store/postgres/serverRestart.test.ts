// A team catalogue's server restarted in the middle of a session (tests/support/postgresServer.ts
// restarts a real PostgreSQL): each client's change feed says the connection was lost, connects
// again by itself and says so, and hears colleagues' saves again; saves go through on fresh
// connections. Nothing crashes a client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { createTeamCatalogue } from '../../../../../support/teamCatalogue.ts';
import { changeCursorNow, listenForChanges, type ChangedPhotos, type FeedStatus } from '../../../../../../electron/catalogue/store/postgres/changeFeed.ts';
import { TeamEdits } from '../../../../../../electron/catalogue/store/postgres/teamEdits.ts';

let server: PostgresServer;
let ids: number[];

before(async () => {
  server = await startPostgres();
  ({ ids } = await createTeamCatalogue(server, 'restart', 5));
});
after(() => server?.stop());

async function until(what: string, done: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(done(), `${what} within ${ms / 1000} s`);
}

test('the server restarted mid-session: the feed says it lost the connection, reconnects and says so, and hears saves again; saves work on', async () => {
  const annaPool: pg.Pool = server.pool('restart');
  const belaPool: pg.Pool = server.pool('restart');
  const anna = new TeamEdits(annaPool, 'Kovács Anna');
  const bela = new TeamEdits(belaPool, 'Szabó Béla');
  const heard: ChangedPhotos[] = [];
  const statuses: FeedStatus[] = [];
  const stop = await listenForChanges(annaPool, await changeCursorNow(annaPool), (changes) => heard.push(changes), (status) => statuses.push(status));
  try {
    await bela.save([{ id: ids[0]!, patch: { caption: 'Újraindítás előtt' } }]);
    await until("Anna hears Béla's save", () => heard.some((h) => h.ids.includes(ids[0]!)), 2000);

    await server.restart();
    await until('the feed says the connection was lost, then that it is back', () => statuses.some((s) => s.state === 'reconnected'));
    assert.equal(statuses[0]!.state, 'lost');
    assert.match((statuses[0] as { reason: string }).reason, /terminat|shut|end|connection/i);
    assert.deepEqual(statuses.map((s) => s.state).slice(-1), ['reconnected']);

    // Saves after the restart go through on fresh connections, and are heard within 2 s.
    assert.deepEqual(await bela.save([{ id: ids[1]!, patch: { caption: 'Újraindítás után' }, seen: { caption: '' } }]), [ids[1]]);
    await until("Anna hears Béla's save made after the restart", () => heard.some((h) => h.ids.includes(ids[1]!)), 2000);
    assert.deepEqual(await anna.save([{ id: ids[2]!, patch: { title: 'Anna is mentett' } }]), [ids[2]]);
  } finally {
    await stop();
  }
});
