// Hierarchical tags in search: any level finds the photo (with Hungarian word forms and accents
// optional, as every search), a node of the tree (tag:"Helyszín|Budapest") finds exactly the
// photos at or under it, and the tag facet counts each node with its descendants, once a photo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { imagelessCatalogue } from '../../../../support/imagelessCatalogue.ts';
import { isTagUnder, normaliseTags, tagAncestors } from '../../../../../shared/tags.ts';

let catalogue: Catalogue;
const fortepan = new Map<number, number>();

const TAGGED: string[][] = [
  ['Helyszín|Budapest|Üllői út', 'Helyszín|Budapest|Kálvin tér'],
  ['Helyszín|Budapest'],
  ['Helyszín|Debrecen|Piac utca'],
  // Not under Helyszín|Budapest: another node spelt alike, a flat tag with the same words.
  ['Helyszín|Budapesti utca', 'Egyéb|Helyszín|Budapest'],
  ['Helyszín Budapest régen', 'villamos'],
];

before(async () => {
  const made = await archivistCatalogue(TAGGED.length);
  catalogue = made.catalogue;
  for (const [i, id] of made.ids.entries()) {
    await catalogue.photos.update([id], { tags: TAGGED[i] });
    fortepan.set((await catalogue.photos.get(id)).fortepanId!, i);
  }
});
after(() => catalogue.close());

/** Which of TAGGED (by position) a query finds. */
const found = async (query: string) => {
  const result = await catalogue.search.query(query, 0, 50);
  assert.equal(result.error, null, `${query}: ${result.error}`);
  return result.hits.map((h) => fortepan.get(h.fortepanId!)!).sort();
};

test('any level of a path finds the photo, in any Hungarian form, accents optional', async () => {
  assert.deepEqual(await found('Kálvin tér'), [0]);
  assert.deepEqual(await found('Debrecenben '), [2]);
  assert.deepEqual(await found('tag:ulloi '), [0]);
  assert.deepEqual(await found('tag:piac '), [2]);
  // A phrase stays inside one level: "Budapest Kálvin" is no phrase of Helyszín|Budapest|Kálvin tér.
  assert.deepEqual(await found('"kalvin ter"'), [0]);
  assert.deepEqual(await found('"budapest kalvin"'), []);
});

test('a node of the tree finds the photos at or under it, and nothing spelt alike', async () => {
  assert.deepEqual(await found('tag:"Helyszín|Budapest" '), [0, 1]);
  assert.deepEqual(await found('tag:"helyszin | budapest" '), [0, 1]);
  assert.deepEqual(await found('tag:"Helyszín|Budapest|Üllői út" '), [0]);
  assert.deepEqual(await found('tag:"Helyszín|Debrecen" '), [2]);
  assert.deepEqual(await found('tag:"Egyéb|Helyszín" '), [3]);
  assert.deepEqual(await found('-tag:"Helyszín|Budapest" villamos'), [4]);
});

test('the tag facet counts every node with its descendants, each photo once', async () => {
  const facets = await catalogue.search.facets('');
  const count = new Map(facets.tags.map((t) => [t.value, t.count]));
  assert.equal(count.get('Helyszín'), 4, 'photos 0-3 each count once, however many tags they have there');
  assert.equal(count.get('Helyszín|Budapest'), 2);
  assert.equal(count.get('Helyszín|Budapest|Üllői út'), 1);
  assert.equal(count.get('Helyszín|Debrecen'), 1);
  assert.equal(count.get('Egyéb|Helyszín|Budapest'), 1);
  assert.equal(count.get('villamos'), 1);
  // Within a result: the node's count follows the query.
  const within = await catalogue.search.facets('tag:"Helyszín|Budapest" ');
  assert.equal(within.tags.find((t) => t.value === 'Helyszín')?.count, 2);
});

test('over thousands of photos, every node\'s facet count and tag:"path" hits equal a count done by hand', async () => {
  const cities = ['Budapest', 'Debrecen', 'Szeged', 'Pécs'];
  const streets = ['Üllői út', 'Kálvin tér', 'Fő utca', 'Budapesti út'];
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) >>> 8) % n;
  const tagsOf = new Map<number, string[]>();
  const dir = imagelessCatalogue(4000, (n) => {
    const tags: string[] = [];
    for (let k = random(4); k > 0; k--) {
      const depth = random(3);
      tags.push(['Helyszín', cities[random(cities.length)], streets[random(streets.length)]].slice(0, depth + 1).join('|'));
    }
    if (random(3) === 0) tags.push(random(2) ? 'Jármű|Villamos' : 'villamos');
    tagsOf.set(100000 + n, normaliseTags(tags));
    return { title: `Kép ${n}`, tags };
  });
  const big = Catalogue.open(dir);
  try {
    const nodes = new Set([...tagsOf.values()].flat().flatMap((t) => [...tagAncestors(t), t]));
    const facets = await big.search.facets('');
    assert.equal(facets.tagCount, nodes.size);
    const counted = new Map(facets.tags.map((t) => [t.value, t.count]));
    for (const node of nodes) {
      const expected = [...tagsOf.values()].filter((tags) => tags.some((t) => isTagUnder(t, node))).length;
      assert.equal(counted.get(node), expected, `facet ${node}`);
      if (node.includes('|')) assert.equal((await big.search.resultIds(`tag:"${node}" `)).total, expected, `tag:"${node}"`);
    }
  } finally {
    big.close();
  }
});
