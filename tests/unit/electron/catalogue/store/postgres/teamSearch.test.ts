// An archivist's own search of a team catalogue on a real PostgreSQL server: built from the
// server's rows, it finds what the folder catalogue's search finds, in the same order, for every
// labelled Hungarian query over 1,124 real Fortepan records migrated from a folder; a colleague's
// save, with the word inflected, is found within 2 s; a removed photo is no longer found; a
// client opened later finds what was saved while it was away. And every photo is credited alike
// on both engines, in every style and language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { migratedCorpusCatalogue } from '../../../../../support/teamCatalogue.ts';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { tempDir } from '../../../../../support/fixtures.ts';
import { Catalogue } from '../../../../../../electron/catalogue/catalogue.ts';
import { TeamSearchIndex } from '../../../../../../electron/catalogue/search/teamSearchIndex.ts';
import { TeamEdits } from '../../../../../../electron/catalogue/store/postgres/teamEdits.ts';
import { CHANGE_LOG_KEEP_DAYS } from '../../../../../../electron/catalogue/store/postgres/changeFeed.ts';
import { loadQuerySet } from '../../../../../../scripts/huQuerySet.ts';
import { teamPhotos } from '../../../../../../electron/catalogue/store/postgres/teamPhotos.ts';
import { CREDIT_LANGS, CREDIT_STYLES, creditList, styledCredit } from '../../../../../../shared/creditStyles.ts';

let server: PostgresServer;
let folder: string;
let pool: pg.Pool;

before(async () => {
  server = await startPostgres();
  ({ folder, pool } = await migratedCorpusCatalogue(server, 'kereses'));
});
after(() => server?.stop());

async function until(what: string, done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(done(), `${what} within ${ms / 1000} s`);
}

test('a migrated catalogue searches alike on both engines: every labelled Hungarian query finds the same photos in the same order', async () => {
  const team = await TeamSearchIndex.open(pool);
  const catalogue = Catalogue.open(folder, { readOnly: true });
  try {
    assert.equal(team.size, await catalogue.photos.count());
    const queries = loadQuerySet();
    assert.ok(queries.length > 50, `${queries.length} labelled queries`);
    for (const q of queries) {
      const local = await catalogue.search.query(`${q.query} `, 0, 100_000);
      const shared = team.search(`${q.query} `, 0, 100_000);
      assert.equal(shared.total, local.total, `${q.query}: how many`);
      assert.deepEqual(shared.ids, local.hits.map((h) => h.id), `${q.query}: which, in which order`);
    }
  } finally {
    catalogue.close();
    await team.close();
  }
});

test('a migrated catalogue credits alike on both engines: every photo\'s line in every style and language, and the credit list', async () => {
  const catalogue = Catalogue.open(folder, { readOnly: true });
  try {
    const ids = await catalogue.photos.ids();
    const local = await catalogue.photos.getMany(ids);
    const shared = await teamPhotos(pool, ids);
    assert.equal(shared.length, local.length);
    for (const [i, photo] of local.entries()) {
      assert.equal(shared[i]!.credit, photo.credit, `photo ${photo.id}`);
      for (const style of CREDIT_STYLES) for (const lang of CREDIT_LANGS) assert.equal(styledCredit(shared[i]!, style, lang), styledCredit(photo, style, lang), `photo ${photo.id}, ${style}, ${lang}`);
    }
    for (const lang of CREDIT_LANGS) for (const format of ['txt', 'md'] as const) assert.equal(creditList(shared, format, lang), await catalogue.photos.creditList(ids, format, lang));
    assert.ok(local.some((p) => p.credit.includes('Fortepan / ')), 'donors credited as Fortepan prints them');
  } finally {
    catalogue.close();
  }
});

test("a colleague's save is found in another client's search within 2 s, inflected as Hungarians write it; a removed photo is no longer found; a client opened later finds both", async () => {
  const indexed: number[] = [];
  const bela = await TeamSearchIndex.open(server.pool('kereses'), { onIndexed: (ids) => indexed.push(...ids) });
  try {
    const anna = new TeamEdits(server.pool('kereses'), 'Kovács Anna');
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM photos ORDER BY id LIMIT 2');
    const [id, gone] = rows.map((r) => Number(r.id)) as [number, number];
    const photos = bela.size;
    assert.equal(bela.search('tükörfúrógépről').total, 0);
    const saved = Date.now();
    await anna.save([{ id, patch: { caption: 'Árvíztűrő tükörfúrógép a Lánchídon' } }]);
    await until("Béla's search finds Anna's caption", () => bela.search('tükörfúrógépről').ids.includes(id), 2000);
    assert.ok(Date.now() - saved < 2000);
    assert.ok(bela.search('lánchíd').ids.includes(id), 'the inflected word found by its stem');
    await pool.query('DELETE FROM photos WHERE id = $1', [gone]);
    await until('the removed photo leaves the search', () => indexed.includes(gone), 2000);
    assert.equal(bela.size, photos - 1);
    // A client that was not running reads the rows as they are now.
    const later = await TeamSearchIndex.open(server.pool('kereses'));
    try {
      assert.deepEqual(later.search('tükörfúrógép').ids, [id]);
      assert.equal(later.size, photos - 1);
    } finally {
      await later.close();
    }
  } finally {
    await bela.close();
  }
});

test('a client keeps its index between sessions: opening again loads it and reads only what changed while it was away; a mismatched pair is built afresh', async () => {
  const cacheDir = await tempDir('fototar-team-cache-');
  const first = await TeamSearchIndex.open(server.pool('kereses'), { cacheDir });
  const photos = first.size;
  assert.equal(first.loadedFromCache, false, 'nothing kept yet: built from the rows');
  await first.close();
  const [folder] = fs.readdirSync(cacheDir);
  assert.deepEqual(fs.readdirSync(path.join(cacheDir, folder!)).sort(), ['search-index.bin', 'search-index.cursor.json']);

  // While the client is away, a colleague saves.
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM photos ORDER BY id DESC LIMIT 1');
  const id = Number(rows[0]!.id);
  await new TeamEdits(server.pool('kereses'), 'Kovács Anna').save([{ id, patch: { caption: 'Sziklakápolna a Gellérthegyen' } }]);

  const again = await TeamSearchIndex.open(server.pool('kereses'), { cacheDir });
  try {
    assert.equal(again.loadedFromCache, true);
    assert.equal(again.size, photos);
    assert.deepEqual(again.search('sziklakápolnában').ids, [id], 'the save made while away is found at once');
    const fresh = await TeamSearchIndex.open(server.pool('kereses'));
    try {
      // The same photos found (a kept base plus the changes ranks near ties a little apart from a
      // fresh base, as a folder catalogue's index does between its rebuilds).
      for (const query of ['Budapest', 'Kolozsvár', 'villamos', 'gellérthegy']) {
        const [kept, built] = [again.search(query, 0, 10_000), fresh.search(query, 0, 10_000)];
        assert.equal(kept.total, built.total, query);
        assert.deepEqual([...kept.ids].sort((a, b) => a - b), [...built.ids].sort((a, b) => a - b), query);
      }
    } finally {
      await fresh.close();
    }
  } finally {
    await again.close();
  }

  // A pair that does not match (a crash between the two writes) is never misread: built afresh.
  const cursorFile = path.join(cacheDir, folder!, 'search-index.cursor.json');
  const kept = JSON.parse(fs.readFileSync(cursorFile, 'utf8')) as { generation: number };
  fs.writeFileSync(cursorFile, JSON.stringify({ ...kept, generation: kept.generation + 1 }));
  const rebuilt = await TeamSearchIndex.open(server.pool('kereses'), { cacheDir });
  try {
    assert.equal(rebuilt.loadedFromCache, false);
    assert.deepEqual(rebuilt.search('sziklakápolna').ids, [id]);
  } finally {
    await rebuilt.close();
  }
});

test('the change log is kept for a season: a client away longer builds afresh and still finds what was saved meanwhile', async () => {
  const cacheDir = await tempDir('fototar-team-away-');
  const first = await TeamSearchIndex.open(server.pool('kereses'), { cacheDir });
  await first.close();

  // While the client is away, a colleague saves; then the season passes.
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM photos ORDER BY id LIMIT 1');
  const id = Number(rows[0]!.id);
  await new TeamEdits(server.pool('kereses'), 'Kovács Anna').save([{ id, patch: { caption: 'Szélmalomvendéglő a Margitszigeten' } }]);
  await pool.query(`UPDATE search_changes SET logged_at = now() - make_interval(days => ${CHANGE_LOG_KEEP_DAYS + 1})`);

  const back = await TeamSearchIndex.open(server.pool('kereses'), { cacheDir });
  try {
    const left = await pool.query<{ n: string }>('SELECT count(*) AS n FROM search_changes');
    assert.equal(Number(left.rows[0]!.n), 0, 'the old entries are pruned at open');
    assert.equal(back.loadedFromCache, false, 'what it kept cannot catch up from a pruned log');
    assert.deepEqual(back.search('szélmalomvendéglőben').ids, [id], 'the save made while away is found');
  } finally {
    await back.close();
  }

  // A client that read the log after the prune catches up from it as before.
  await new TeamEdits(server.pool('kereses'), 'Kovács Anna').save([{ id, patch: { caption: 'Szélmalomvendéglő és kilátóterasz a Margitszigeten' } }]);
  const next = await TeamSearchIndex.open(server.pool('kereses'), { cacheDir });
  try {
    assert.equal(next.loadedFromCache, true);
    assert.deepEqual(next.search('kilátóterasz').ids, [id]);
  } finally {
    await next.close();
  }
});
