// folder_filter_ms for npm run bench:search: the grid's first page (200 photos) of a folder
// filter combined with a query, on the benchmark catalogue whose photos lie in 10 series of 40
// boxes (benchCorpus.ts benchFile): a series (20,000 photos) or a box (500), with the query
// set's words, a donor, or nothing else. Each query is new to the worker (its result cache
// misses); each folder's photos are read from the folder index on first use, counted too. Every
// page is checked to hold only photos of its folder. Answers the p95 in milliseconds.
import type { Catalogue } from '../electron/catalogue/catalogue.ts';
import { benchFile } from './benchCorpus.ts';
import { folderOfFile } from '../shared/folderPath.ts';
import { percentile } from './benchStats.ts';

export async function measureFolderFilter(catalogue: Catalogue, queries: readonly string[], log: (message: string) => void): Promise<number> {
  const folders: string[] = [];
  for (let i = 0; i < 20; i++) {
    const box = folderOfFile(benchFile(i * 523 + 7, 1));
    folders.push(i % 2 ? box.slice(0, -1) : box.slice(0, box.slice(0, -1).lastIndexOf('/')));
  }
  const texts = ['', 'donor:fortepan', ...queries.slice(0, 38)];
  const times: number[] = [];
  // The same first pages without the folder, timed in turn (logged only): on a loaded machine
  // much of either is reading the 200 rows of the page.
  const baseline: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const folder = folders[i % folders.length];
    const query = `${texts[i]} folder:"${folder}"`.trim();
    const t = performance.now();
    const page = await catalogue.search.query(query, 0, 200);
    times.push(performance.now() - t);
    if (page.error) throw new Error(`${query}: ${page.error}`);
    if (!page.hits.every((h) => h.file.startsWith(`${folder}/`))) throw new Error(`${query}: a photo from outside the folder`);
    const b = performance.now();
    await catalogue.search.query(texts[i], 0, 200);
    baseline.push(performance.now() - b);
  }
  const p = (samples: number[], q: number) => Math.round(percentile(samples, q * 100) * 10) / 10;
  log(`folder filter with a query: ${times.length} first pages, p50 ${p(times, 0.5)} ms, p95 ${p(times, 0.95)} ms, max ${p(times, 1)} ms (without the folder: p50 ${p(baseline, 0.5)}, p95 ${p(baseline, 0.95)} ms)`);
  return p(times, 0.95);
}
