// The labelled Hungarian query set (tests/fixtures/huQueries.json) and the real Fortepan records
// it is labelled against (../shared/corpus/fortepan/metadata: the Budapest V. district selection
// and the Kolozsvár selection, 1,125 photos). Used by the unit test of search quality and by
// `npm run bench:search`, which both print recall and precision.
//
// How a record becomes a catalogue row (the same for labelling and for measuring):
//   V. district: caption = the description as published; country Magyarország, city Budapest;
//     donor = the "Fortepan / <donor>" the description asks to be credited, where it does.
//   Kolozsvár: "Románia, Kolozsvár, <rest>. (Cluj-Napoca, Romania)" is Fortepan's
//     country, city, caption layout: split so; donor = `credits`, date = `year`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EditableFields } from '../shared/types.ts';
import { NO_MARKS } from '../shared/photoMarks.ts';
import { inTransaction } from '../electron/catalogue/store/openDatabase.ts';
import type { Catalogue } from '../electron/catalogue/catalogue.ts';
import { fortepanRecord } from '../tests/support/records.ts';
import { CORPUS_DIR } from './benchCorpus.ts';

export const QUERY_SET_FILE = fileURLToPath(new URL('../tests/fixtures/huQueries.json', import.meta.url));

export interface CorpusRecord extends EditableFields {
  fortepanId: number;
}

const BLANK: EditableFields = {
  title: '',
  caption: '',
  date: '',
  donor: '',
  photographer: '',
  country: '',
  city: '',
  place: '',
  tags: [],
  licence: '',
  source: 'Fortepan',
  archiveRef: '',
  notes: '',
  ...NO_MARKS,
};

/** The 1,125 real records as catalogue rows (see the mapping above). */
export function corpusRecords(dir = CORPUS_DIR): CorpusRecord[] {
  const out: CorpusRecord[] = [];
  const vker = JSON.parse(fs.readFileSync(path.join(dir, 'JoshBone_fortepan-map__FortepanVkerGeoTagged.json'), 'utf8')) as { id: number; description: string }[];
  for (const r of vker) {
    const donor = /Fortepan \/ ([^.]+?)\.\s*Levéltári jelzet/.exec(r.description)?.[1] ?? '';
    out.push({ ...BLANK, fortepanId: r.id, caption: r.description.trim(), country: 'Magyarország', city: 'Budapest', donor });
  }
  const yaml = fs.readFileSync(path.join(dir, 'madeincluj_collection__fortepan_metadata_fortepan.yaml'), 'utf8');
  for (const block of yaml.split(/\n\s*-\s*\n/).slice(1)) {
    const field = (name: string) => new RegExp(`^\\s*${name}: ?(.*)$`, 'm').exec(block)?.[1].trim() ?? '';
    const id = Number(field('id'));
    if (!id) continue;
    const m = /^(?:(Románia), )?(Kolozsvár)[,.]?\s*(.*?)\s*\(Cluj-Napoca, Romania\)\s*$/.exec(field('description'));
    out.push({
      ...BLANK,
      fortepanId: id,
      caption: m ? m[3] : field('description'),
      country: m ? 'Románia' : '',
      city: m ? m[2] : '',
      donor: field('credits'),
      date: field('year'),
    });
  }
  return out;
}

/** Writes the corpus records into a catalogue (no images: rows as an ingest would write them). */
export function insertCorpusRecords(catalogue: Catalogue, records = corpusRecords()): void {
  inTransaction(catalogue.db, () => {
    for (const { fortepanId, ...fields } of records) {
      const record = fortepanRecord(fortepanId, fields);
      catalogue.store.photos.insert(record, '2026-01-01T00:00:00.000Z');
    }
  });
}

export interface LabelledQuery {
  query: string;
  kind: string;
  /** How the labels were decided (see tests/fixtures/huQueries.md). */
  rule: string[];
  /** Fortepan numbers of the photos the query should find. */
  relevant: number[];
  /** For a misspelling that finds nothing: the suggestion that should be offered. */
  suggestion?: string;
}

export function loadQuerySet(file = QUERY_SET_FILE): LabelledQuery[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LabelledQuery[];
}

export interface QueryOutcome {
  query: string;
  kind: string;
  hits: number;
  recall: number;
  precision: number;
  /** Relevant photos not found, and photos found that are not relevant (Fortepan numbers). */
  missed: number[];
  wrong: number[];
  suggestion: string | null;
}

/**
 * Runs every query as a finished query (the last word is not a typing prefix) and compares the
 * hits with the labels; a query that finds nothing is scored on the hits of its suggestion, the
 * one click an author makes. Recall and precision are the means over the queries (precision is
 * 1 for a query that finds nothing).
 */
export async function measureQuerySet(catalogue: Catalogue, queries = loadQuerySet()): Promise<{ recall: number; precision: number; outcomes: QueryOutcome[] }> {
  const outcomes: QueryOutcome[] = [];
  for (const q of queries) {
    let result = await catalogue.search.query(`${q.query} `, 0, 100_000);
    if (result.error) throw new Error(`${q.query}: ${result.error}`);
    const suggestion = result.suggestion ?? null;
    if (result.total === 0 && suggestion) result = await catalogue.search.query(`${suggestion} `, 0, 100_000);
    const found = new Set(result.hits.map((h) => h.fortepanId ?? -1));
    const relevant = new Set(q.relevant);
    const missed = q.relevant.filter((id) => !found.has(id));
    const wrong = [...found].filter((id) => !relevant.has(id)).sort((a, b) => a - b);
    outcomes.push({
      query: q.query,
      kind: q.kind,
      hits: found.size,
      recall: (relevant.size - missed.length) / relevant.size,
      precision: found.size ? (found.size - wrong.length) / found.size : 1,
      missed,
      wrong,
      suggestion,
    });
  }
  const mean = (f: (o: QueryOutcome) => number) => Math.round((outcomes.reduce((s, o) => s + f(o), 0) / outcomes.length) * 1000) / 1000;
  return { recall: mean((o) => o.recall), precision: mean((o) => o.precision), outcomes };
}
