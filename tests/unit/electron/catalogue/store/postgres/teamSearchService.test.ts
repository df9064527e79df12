// A team catalogue's search service on a real PostgreSQL server answers as a folder catalogue's
// search worker does, over the same 1,124 real Fortepan records migrated from a folder: the same
// pages in every sort field and direction, the same facets, the same folder filter and "Did you
// mean"; and a colleague's save reorders a sorted search the client had already answered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { migratedCorpusCatalogue } from '../../../../../support/teamCatalogue.ts';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { SearchService } from '../../../../../../electron/catalogue/search/searchService.ts';
import { TeamSearchService } from '../../../../../../electron/catalogue/search/teamSearchService.ts';
import { cataloguePaths } from '../../../../../../electron/catalogue/cataloguePaths.ts';
import { TeamEdits } from '../../../../../../electron/catalogue/store/postgres/teamEdits.ts';
import { loadQuerySet } from '../../../../../../scripts/huQuerySet.ts';
import { SORT_DIRECTIONS, SORT_FIELDS } from '../../../../../../shared/photoSort.ts';

let server: PostgresServer;
let folder: string;
let pool: pg.Pool;

before(async () => {
  server = await startPostgres();
  // Three boxes of scans, so a folder filter has something to tell apart.
  ({ folder, pool } = await migratedCorpusCatalogue(server, 'keresoszolgalat', (catalogue) => {
    catalogue.db.exec(`UPDATE photos SET file = '/archive/fortepan/Doboz ' || (id % 3) || '/fortepan_' || fortepan_id || '.jpg'`);
  }));
});
after(() => server?.stop());

test('the team search answers as the folder catalogue’s: pages in every sort, facets, folder filters, "Did you mean", a query it cannot read', async () => {
  const local = new SearchService(cataloguePaths(folder));
  const team = new TeamSearchService(pool);
  try {
    const suggested = loadQuerySet().filter((q) => q.suggestion);
    assert.ok(suggested.length > 0);
    const queries = [
      '',
      'Budapest',
      'villamos year:1950..1960',
      'folder:"/archive/fortepan/Doboz 1"',
      'Budapest -folder:"/archive/fortepan/Doboz 2"',
      'folder:"/archive/fortepan/Doboz 9"',
      ...suggested.slice(0, 3).map((q) => q.query),
      ...loadQuerySet().slice(0, 15).map((q) => q.query),
      'year:(',
    ];
    let found = 0;
    for (const query of queries) {
      const [mine, theirs] = [await local.search(query, 0, 5000), await team.search(query, 0, 5000)];
      assert.deepEqual(theirs, mine, `${query}: hits and suggestion`);
      found += mine.total;
      assert.deepEqual(await team.facets(query), await local.facets(query), `${query}: facets`);
    }
    assert.ok(found > 1124, 'the queries find photos');
    assert.ok((await team.search('folder:"/archive/fortepan/Doboz 1"', 0, 0)).total > 300, 'the folder filter keeps one box');
    for (const query of ['', 'Budapest']) {
      for (const field of SORT_FIELDS) {
        for (const direction of SORT_DIRECTIONS) {
          const sort = { field, direction };
          assert.deepEqual(await team.search(query, 7, 60, sort), await local.search(query, 7, 60, sort), `${query || '(all)'} by ${field} ${direction}`);
          assert.deepEqual(await team.ids(query, 0, 5000, sort), await local.ids(query, 0, 5000, sort), `${query || '(all)'} by ${field} ${direction}: every id`);
        }
      }
    }
    const status = await team.status();
    assert.equal(status.photos, 1124);
    assert.equal(status.built, true);
  } finally {
    local.close();
    await team.close();
  }
});

test("a colleague's save reorders a sorted search this client had answered, once its index has the save", async () => {
  const indexed: number[] = [];
  const team = new TeamSearchService(pool, { onIndexed: (ids) => indexed.push(...ids) });
  try {
    const byTitle = { field: 'title', direction: 'asc' } as const;
    const before = await team.search('', 0, 3, byTitle);
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM photos ORDER BY id DESC LIMIT 1');
    const id = Number(rows[0]!.id);
    assert.ok(!before.ids.includes(id));
    await new TeamEdits(pool, 'Kovács Anna').save([{ id, patch: { title: 'Ábécé: tükörfúrógép a padláson' } }]);
    const deadline = Date.now() + 5000;
    while (!indexed.includes(id) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(indexed.includes(id), 'the save reached this client');
    assert.deepEqual((await team.search('', 0, 3, byTitle)).ids, [id, ...before.ids.slice(0, 2)], 'first by title, in Hungarian order (Á with A)');
    assert.deepEqual((await team.search('tükörfúrógépek', 0, 3)).ids, [id], 'and found by its words');
  } finally {
    await team.close();
  }
});
