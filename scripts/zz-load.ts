import { readIndexFile } from '../electron/catalogue/search/indexFile.ts';
import { SearchIndex } from '../electron/catalogue/search/searchIndex.ts';
import { evaluate } from '../electron/catalogue/search/queryEvaluator.ts';
import { parseSearchQuery } from '../shared/searchQuery.ts';
let t = performance.now();
const base = readIndexFile('/tmp/bench200k/catalogue/search-index.bin')!;
console.log('read', performance.now() - t, base.terms.length, base.dict.length, base.postDoc.length, base.textStart.length); t = performance.now();
const index = new SearchIndex(base);
console.log('index', performance.now() - t); t = performance.now();
for (const q of ['budapest', 'budapest', 'utca ter', 'bud', 'donor:nagy ', 'ter year:1950..1960', 'a', 'vilamos~']) {
  const p = parseSearchQuery(q); if (!p.ok) throw 1;
  t = performance.now();
  const r = evaluate(index, p.clauses);
  r.ids.page(0, 50); console.log(q, r.ids.length, performance.now() - t);
}
console.log(process.memoryUsage());
{
const p = parseSearchQuery('budapest'); if (!p.ok) throw 1;
for (let i = 0; i < 5; i++) { t = performance.now(); evaluate(index, p.clauses).ids.page(0,50); console.log('again', performance.now() - t); }
const k = new Float64Array(124549).map(() => Math.floor(Math.random() * 1e6) * 67108864 + Math.floor(Math.random()*200000));
t = performance.now(); k.sort(); console.log('sort', performance.now() - t);
}
