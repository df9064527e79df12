// A base index built in parallel segments (worker threads, parallelBuild.ts) is the index built
// in one piece on one thread: the same arrays, so every query answers the same ids in the same
// order. Segments are made small here so a few hundred photos make several, spread over workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBase, SearchIndex } from '../../../../../electron/catalogue/search/searchIndex.ts';
import { buildBaseInParallel } from '../../../../../electron/catalogue/search/parallelBuild.ts';
import { evaluate } from '../../../../../electron/catalogue/search/queryEvaluator.ts';
import type { SearchSource } from '../../../../../electron/catalogue/search/searchDocument.ts';
import { parseSearchQuery } from '../../../../../shared/searchQuery.ts';

const WORDS = ['Villamos', 'az', 'Üllői', 'úton', 'Csónakázók', 'Városligeti', 'tavon', 'Lovas', 'kocsi', 'sarkán', 'Kikötő', 'Balatonon', 'vitorlások', 'klinika', 'kertje', 'vára', 'télen', 'Erzsébet', 'híd', 'Duna', 'rakpart', 'piac', 'Ferenciek', 'terén', 'gyerekek', '2', '10', 'éves', 'Œuvre', 'Straße'];
const DONORS = ['Nagy Gyula', 'Cukor György', 'Szalay Zoltán', 'Zsigmond Attila', 'Csorba Tibor', 'Fortepan', ''];
const CITIES = ['Budapest', 'Balatonfüred', 'Gyula', 'Szeged', 'Pécs', ''];
const TAGS = ['villamos', 'utcakép', 'csónak', 'ló', 'vitorlás', 'Balaton', 'kórház', 'vár', 'tél', 'Skoda 30,5'];
const DATES = ['1956', '1938', '195X', '1961~', '', '1944/1945', '1900/1950', '1972-05-01'];

/** Deterministic photos with repeated names and places and captions of varied length. */
function sources(count: number): SearchSource[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 16807) % 2147483647;
    return seed % n;
  };
  const words = (n: number) => Array.from({ length: n }, () => WORDS[next(WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    file: `/archive/box${next(5)}/fortepan_${1000 + i}.jpg`,
    fortepanId: next(10) === 0 ? null : 1000 + i,
    title: next(3) === 0 ? '' : words(1 + next(4)),
    caption: words(next(25)),
    date: DATES[next(DATES.length)],
    donor: DONORS[next(DONORS.length)],
    photographer: next(4) === 0 ? 'Klösz György' : '',
    country: 'Magyarország',
    city: CITIES[next(CITIES.length)],
    place: next(2) ? 'Üllői út' : '',
    tags: Array.from({ length: next(4) }, () => TAGS[next(TAGS.length)]),
    rating: next(6),
    flag: (['', 'pick', 'reject'] as const)[next(3)],
    label: (['', 'red', 'green', 'purple'] as const)[next(4)],
  }));
}

const QUERIES = ['ulloi', 'villamos', 'gyula', 'donor:gyula', 'place:budapest', 'tag:skoda', 'csonak*', 'vitorlas~', 'villamos year:1950..1960', '"ulloi uton"', 'duna -hid', 'fortepan', '1956', '2 eves', 'strasse oeuvre', 'rating:>=3', 'villamos flag:pick -label:red'];

test('an index built in parallel segments equals one built in one piece, and answers every query alike', async () => {
  const photos = sources(430);
  const oneThread = buildBase(photos, 42, undefined, 40);
  const progress: number[] = [];
  const parallel = await buildBaseInParallel(photos, 42, {
    worker: new URL('../../../../../electron/catalogue/search/searchWorker.ts', import.meta.url),
    size: 2,
    segmentSize: 40,
    onProgress: (done) => progress.push(done),
  });
  // Eleven segments, gathered in order.
  assert.deepEqual(progress, [40, 80, 120, 160, 200, 240, 280, 320, 360, 400, 430]);
  assert.deepEqual(parallel, oneThread);

  const one = new SearchIndex(oneThread);
  const par = new SearchIndex(parallel);
  for (const query of QUERIES) {
    const parsed = parseSearchQuery(query);
    assert.ok(parsed.ok, query);
    const expected = evaluate(one, parsed.clauses).ids.page(0, 1000);
    assert.ok(expected.length > 0, `${query} finds something`);
    assert.deepEqual(evaluate(par, parsed.clauses).ids.page(0, 1000), expected, query);
  }
});

test('the same photos cut into other segments give other weights: the parallel build keeps the one-piece cut', () => {
  // Why the slices must match: a weight depends on its segment's average field lengths.
  const photos = sources(120);
  assert.notDeepEqual(buildBase(photos, 1, undefined, 40).postScore, buildBase(photos, 1, undefined, 60).postScore);
});
