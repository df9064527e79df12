// npm run bench:search [-- --docs 200000 --dir <folder> --keep]
//
// Builds the deterministic 200,000-photo catalogue (scripts/benchCorpus.ts; --docs N for
// another size), then in one run:
//   - builds Fototar's search index from scratch (Lunr, in the search worker and its segment
//     workers) and persists it: build_s; the FTS5 table of the same records: fts5_build_s;
//   - reopens the catalogue as the app does and times the first grid page and the first answer;
//   - runs the mixed query set through Catalogue.search (worker, then SQLite for the page) and
//     the same queries through SQLite FTS5 (unicode61 remove_diacritics 2, bm25, top 50);
//   - edits one caption and times until a search for the new word finds it;
//   - measures the memory the loaded index costs (resident set growth of the process);
//   - runs the labelled Hungarian query set (tests/fixtures/huQueries.json) on a catalogue of
//     the 1,124 real Fortepan records it is labelled against: mean recall and precision.
// Prints one JSON line on stdout (details on stderr):
//   - times the grid's first page in every sort order, browsing and searching (sort_ms: p95).
//   - times the first page of a folder filter combined with a query (folder_filter_ms: p95).
//   - times phrases, checked on text read from the index file (phrase_p95_ms).
// {"docs","build_s","fts5_build_s","p50_ms","p95_ms","fts5_p95_ms","ratio","open_grid_ms","open_search_ms","edit_visible_ms","index_rss_mb","recall","precision","sort_ms","sort_baseline_ms","sort_cold_ms","folder_filter_ms","phrase_p95_ms"}
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../electron/catalogue/catalogue.ts';
import { foldedWords } from '../shared/textFold.ts';
import { parseSearchQuery, type TermClause } from '../shared/searchQuery.ts';
import { edtfYears } from '../shared/edtf.ts';
import { generateCatalogueRows, loadVocabulary, random, syntheticGenerator, type Vocabulary } from './benchCorpus.ts';
import { insertCorpusRecords, measureQuerySet } from './huQuerySet.ts';
import { SORT_FIELDS } from '../shared/photoSort.ts';
import { measureFolderFilter } from './benchFolderFilter.ts';
import { percentile } from './benchStats.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '200000' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    /** Internal: generate the catalogue and build its index in a child process, then exit. */
    prepare: { type: 'boolean', default: false },
  },
});
const DOCS = Number(values.docs);
const log = (message: string) => process.stderr.write(`${message}\n`);
const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;

const dir = values.dir ? path.resolve(values.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-bench-'));
const catalogueDir = path.join(dir, 'catalogue');
const vocabulary = loadVocabulary();

// --- the catalogue and its first index build, in a child process --------------------------------
/** The index build (and write) in the child, from its search worker's status. */
let buildMs = 0;
// So this process opens the catalogue as the app does, fresh, and its memory growth is the
// index's alone.
if (values.prepare) {
  if (!fs.existsSync(path.join(catalogueDir, 'catalogue.sqlite'))) {
    const t = performance.now();
    const catalogue = Catalogue.open(catalogueDir, { create: true });
    generateCatalogueRows(catalogue.db, catalogue.store.photos, DOCS, vocabulary);
    catalogue.close();
    log(`generated ${DOCS} photos in ${ms(t)} ms (${catalogueDir})`);
  }
  const catalogue = Catalogue.open(catalogueDir);
  // Always from scratch, so a kept catalogue (--dir) measures the build too.
  fs.rmSync(catalogue.paths.searchIndex, { force: true });
  const t = performance.now();
  await catalogue.search.query('budapest', 0, 50);
  const status = await catalogue.search.status();
  log(`first search: ${ms(t)} ms (index ${status.built ? 'built' : 'loaded'} and written in ${Math.round(status.loadMs)} ms: ${status.photos} photos)`);
  catalogue.close();
  process.stdout.write(`${JSON.stringify({ buildMs: status.loadMs })}\n`);
  process.exit(0);
}
{
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [script, '--prepare', '--docs', String(DOCS), '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (child.status !== 0) throw new Error('preparing the catalogue failed');
  buildMs = (JSON.parse(child.stdout.trim().split('\n').pop()!) as { buildMs: number }).buildMs;
}

// --- the query set --------------------------------------------------------------------------
function querySet(v: Vocabulary): { kind: string; query: string }[] {
  const rand = random(42);
  const fold = (s: string) => foldedWords(s).join(' ');
  const long = (list: string[], from: number, to: number) => list.slice(from, to).filter((w) => foldedWords(w).length === 1 && foldedWords(w)[0].length >= 5);
  const common = long(v.words, 0, 40);
  const medium = long(v.words, 40, 400);
  const rare = long(v.words, 1500, 4000);
  const one = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const typo = (w: string) => {
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return w.slice(0, i) + w.slice(i + 1);
  };
  const out: { kind: string; query: string }[] = [];
  const seen = new Set<string>();
  const add = (kind: string, query: string) => {
    if (!seen.has(query)) {
      seen.add(query);
      out.push({ kind, query });
    }
  };
  for (let i = 0; i < 30; i++) {
    const c = one(common);
    add('rare', rand() < 0.5 ? one(rare) : fold(one(rare)));
    add('common', rand() < 0.5 ? c : fold(c));
    add('two-words', `${fold(one(common))} ${fold(one(medium))} `);
    const typing = fold(one([...common, ...medium]));
    add('prefix', typing.slice(0, 3 + Math.floor(rand() * 3)));
    add('fuzzy', `${typo(fold(one(medium)))}~`);
    const fielded = [`donor:${fold(one(v.donors.slice(0, 200))).split(' ')[0]}`, `place:${fold(one(v.cities.slice(0, 300))).split(' ')[0]}`, `tag:${fold(one(v.tags.slice(0, 500))).split(' ')[0]}`];
    add('fielded', `${one(fielded)} `);
    const from = 1930 + Math.floor(rand() * 40);
    add('year-range', `${fold(one(common))} year:${from}..${from + 1 + Math.floor(rand() * 10)}`);
  }
  return out;
}

// --- FTS5 on the same records ---------------------------------------------------------------
function buildFts(file: string, v: Vocabulary): DatabaseSync {
  fs.rmSync(file, { force: true });
  const db = new DatabaseSync(file);
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(title, caption, tags, donor, photographer, place, year, id, tokenize = 'unicode61 remove_diacritics 2');
           CREATE TABLE years (id INTEGER PRIMARY KEY, y_from INTEGER, y_to INTEGER);`);
  const next = syntheticGenerator(v);
  const insert = db.prepare('INSERT INTO fts (rowid, title, caption, tags, donor, photographer, place, year, id) VALUES (?,?,?,?,?,?,?,?,?)');
  const insertYears = db.prepare('INSERT INTO years (id, y_from, y_to) VALUES (?,?,?)');
  db.exec('BEGIN');
  for (let i = 1; i <= DOCS; i++) {
    const p = next(i);
    const years = edtfYears(p.date);
    const yearWords: string[] = [];
    if (years && years.to - years.from <= 20) for (let y = years.from; y <= years.to; y++) yearWords.push(String(y));
    insert.run(i, p.title, p.caption, p.tags.join(' ; '), p.donor, p.photographer, `${p.country} ${p.city} ${p.place}`, yearWords.join(' '), String(p.fortepanId));
    insertYears.run(i, years?.from ?? null, years?.to ?? null);
  }
  db.exec('COMMIT');
  return db;
}

const FTS_COLUMNS: Record<string, string> = { tags: 'tags', donor: 'donor', photographer: 'photographer', place: 'place', title: 'title', caption: 'caption' };

/** The same query in FTS5's syntax (FTS5 has no fuzzy matching: a fuzzy word is matched exactly). */
function ftsQuery(query: string): { match: string | null; years: [number, number] | null } {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  const parts: string[] = [];
  const excluded: string[] = [];
  let years: [number, number] | null = null;
  for (const clause of parsed.clauses) {
    if (clause.kind === 'year') years = [clause.from, clause.to];
    if (clause.kind !== 'terms') continue;
    const c = clause as TermClause;
    const column = c.field ? FTS_COLUMNS[c.field] : null;
    const words = c.words.map((w, i) => `"${w}"${c.prefix && i === c.words.length - 1 ? '*' : ''}`);
    const expr = c.phrase ? `"${c.words.join(' ')}"` : words.join(' AND ');
    const scoped = column ? `${column} : (${expr})` : `(${expr})`;
    (c.negated ? excluded : parts).push(scoped);
  }
  let match = parts.join(' AND ');
  for (const e of excluded) match = `${match} NOT ${e}`;
  return { match: match || null, years };
}

function runFts(db: DatabaseSync, query: string): number {
  const { match, years } = ftsQuery(query);
  if (match && years) {
    return db
      .prepare('SELECT fts.rowid FROM fts JOIN years ON years.id = fts.rowid WHERE fts MATCH ? AND y_from <= ? AND y_to >= ? ORDER BY bm25(fts) LIMIT 50')
      .all(match, years[1], years[0]).length;
  }
  if (match) return db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 50').all(match).length;
  return db.prepare('SELECT id FROM years WHERE y_from <= ? AND y_to >= ? ORDER BY id LIMIT 50').all(years![1], years![0]).length;
}

const round = (n: number) => Math.round(n * 10) / 10;

// --- open as the app does --------------------------------------------------------------------
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const openStart = performance.now();
const catalogue = Catalogue.open(catalogueDir);
catalogue.search.prepare();
const firstPage = await catalogue.photos.list(0, 200);
const openGrid = ms(openStart);
const first = await catalogue.search.query('budapest', 0, 50);
const openSearch = ms(openStart);
log(`open: grid page of ${firstPage.photos.length} in ${openGrid} ms; first search (${first.total} hits) at ${openSearch} ms`);
{
  const status = await catalogue.search.status();
  log(`  search worker: index file read in ${Math.round(catalogue.search.readMs)} ms (while the worker loaded its code), ready ${Math.round(status.loadMs)} ms after`);
}

// --- the query set -----------------------------------------------------------------------------
const queries = querySet(vocabulary);
for (const q of ['villamos', 'duna', 'tér']) await catalogue.search.query(q, 0, 50);
const times: number[] = [];
const byKind = new Map<string, number[]>();
const timed: { query: string; kind: string; ms: number; hits: number }[] = [];
for (const { kind, query } of queries) {
  const t = performance.now();
  const result = await catalogue.search.query(query, 0, 50);
  const elapsed = performance.now() - t;
  if (result.error) throw new Error(`${query}: ${result.error}`);
  times.push(elapsed);
  byKind.set(kind, [...(byKind.get(kind) ?? []), elapsed]);
  timed.push({ query, kind, ms: elapsed, hits: result.total });
}
for (const [kind, samples] of byKind) log(`  ${kind.padEnd(11)} p50 ${round(percentile(samples, 50))} ms, max ${round(Math.max(...samples))} ms`);
log(`  slowest: ${timed.sort((a, b) => b.ms - a.ms).slice(0, 10).map((q) => `${JSON.stringify(q.query)} (${q.kind}, ${q.hits} hits) ${round(q.ms)} ms`).join('; ')}`);
global.gc?.();
const rssAfter = process.memoryUsage().rss;

// --- sorted first pages ----------------------------------------------------------------------------
// The grid's first page (200 photos) in every sort field and direction, browsing and searching
// (a common word, a rarer one, a donor): the order comes from the catalogue's indexes (browse) or
// the worker's ranks (search). The first use of each field after opening reads its order once
// (sort_cold_ms, the slowest such); then sort_ms is the p95 of repeated pages, and
// sort_baseline_ms the p95 of the same pages unsorted, timed in turn with them (on a loaded
// machine most of either is reading the 200 rows, not ordering them).
const sortSearches = ['', 'budapest', 'villamos', 'donor:fortepan'];
const sortTimes: number[] = [];
const unsortedTimes: number[] = [];
let sortCold = 0;
const sortedFirstPage = async (q: string, sort?: { field: (typeof SORT_FIELDS)[number]; direction: 'asc' | 'desc' }) => {
  const t = performance.now();
  const page = q ? await catalogue.search.query(q, 0, 200, sort) : await catalogue.photos.list(0, 200, sort);
  if ('error' in page && page.error) throw new Error(`${q}: ${page.error}`);
  return performance.now() - t;
};
for (let round = 0; round < 4; round++) {
  for (const field of SORT_FIELDS) {
    for (const direction of ['asc', 'desc'] as const) {
      for (const q of sortSearches) {
        const elapsed = await sortedFirstPage(q, { field, direction });
        if (round === 0) sortCold = Math.max(sortCold, elapsed);
        else {
          sortTimes.push(elapsed);
          unsortedTimes.push(await sortedFirstPage(q));
        }
      }
    }
  }
}
log(`sorted first pages: ${sortTimes.length} timed, p50 ${round(percentile(sortTimes, 50))} ms, p95 ${round(percentile(sortTimes, 95))} ms (unsorted p50 ${round(percentile(unsortedTimes, 50))}, p95 ${round(percentile(unsortedTimes, 95))} ms); slowest first use ${round(sortCold)} ms`);

// --- a folder filter with a query (scripts/benchFolderFilter.ts) -----------------------------------
const folderFilter = await measureFolderFilter(catalogue, queries.map((q) => q.query), log);

// --- phrases ---------------------------------------------------------------------------------------
// A phrase is checked on each candidate's text, which a loaded index reads from its file
// (phraseTextFile.ts), not from memory: timed apart from the query set above, with the index
// memory already measured. A one-word phrase of a common word checks most of the catalogue.
const phraseTimes: number[] = [];
{
  const rand = random(7);
  const words = vocabulary.words.slice(0, 400).map((w) => foldedWords(w)).filter((w) => w.length === 1 && w[0].length >= 4).map((w) => w[0]);
  const one = () => words[Math.floor(rand() * words.length)];
  const phrases = [...Array.from({ length: 10 }, () => `"${one()}"`), ...Array.from({ length: 10 }, () => `"${one()} ${one()}"`)];
  for (const phrase of phrases) {
    const t = performance.now();
    const result = await catalogue.search.query(phrase, 0, 50);
    if (result.error) throw new Error(`${phrase}: ${result.error}`);
    phraseTimes.push(performance.now() - t);
  }
  log(`phrases: ${phrases.length}, p50 ${round(percentile(phraseTimes, 50))} ms, p95 ${round(percentile(phraseTimes, 95))} ms, max ${round(Math.max(...phraseTimes))} ms`);
}

// --- an edit becomes searchable ------------------------------------------------------------------
const editId = Math.max(1, Math.floor(DOCS / 2));
const editStart = performance.now();
await catalogue.photos.update([editId], { caption: 'Zsákbamacska-árusok a Ferenciek terén' });
const edited = await catalogue.search.query('zsakbamacska', 0, 50);
const editVisible = ms(editStart);
if (!edited.hits.some((h) => h.id === editId)) throw new Error('the edited caption was not found');
catalogue.close();

// --- FTS5 -----------------------------------------------------------------------------------------
const ftsStart = performance.now();
const fts = buildFts(path.join(dir, 'fts5.sqlite'), vocabulary);
const ftsBuildMs = ms(ftsStart);
log(`FTS5 built in ${ftsBuildMs} ms; Fototar's index in ${Math.round(buildMs)} ms (${round(buildMs / ftsBuildMs)}×)`);
for (const q of ['villamos', 'duna', 'ter']) runFts(fts, q);
const ftsTimes: number[] = [];
for (const { query } of queries) {
  const t = performance.now();
  runFts(fts, query);
  ftsTimes.push(performance.now() - t);
}
fts.close();

const p95 = percentile(times, 95);
const ftsP95 = percentile(ftsTimes, 95);
log(`${queries.length} queries; FTS5 p50 ${round(percentile(ftsTimes, 50))} ms`);

// --- search quality on real records ---------------------------------------------------------------
const qualityDir = path.join(dir, 'quality');
fs.rmSync(qualityDir, { recursive: true, force: true });
const real = Catalogue.open(qualityDir, { create: true });
insertCorpusRecords(real);
const quality = await measureQuerySet(real);
real.close();
fs.rmSync(qualityDir, { recursive: true, force: true });
for (const o of quality.outcomes) if (o.recall < 1 || o.precision < 1) log(`  ${o.query}: recall ${o.recall.toFixed(2)}, precision ${o.precision.toFixed(2)} (${o.hits} hits)`);
log(`query set: ${quality.outcomes.length} queries, recall ${quality.recall}, precision ${quality.precision}`);
if (!values.keep && !values.dir) fs.rmSync(dir, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify({
    docs: DOCS,
    build_s: round(buildMs / 1000),
    fts5_build_s: round(ftsBuildMs / 1000),
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(p95),
    fts5_p95_ms: round(ftsP95),
    ratio: Math.round((p95 / ftsP95) * 100) / 100,
    open_grid_ms: openGrid,
    open_search_ms: openSearch,
    edit_visible_ms: editVisible,
    index_rss_mb: Math.round((rssAfter - rssBefore) / 1048576),
    recall: quality.recall,
    precision: quality.precision,
    sort_ms: round(percentile(sortTimes, 95)),
    sort_baseline_ms: round(percentile(unsortedTimes, 95)),
    sort_cold_ms: round(sortCold),
    folder_filter_ms: folderFilter,
    phrase_p95_ms: round(percentile(phraseTimes, 95)),
  })}\n`,
);
