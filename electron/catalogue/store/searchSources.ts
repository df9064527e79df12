// Reads the searchable columns straight from SQLite (no full Photo objects: at 200,000 photos
// building a Photo per row, credit line included, would double the index build time).
import type { DatabaseSync } from 'node:sqlite';
import type { SearchSource } from '../search/searchDocument.ts';
import { marksOfRow, type PhotoRow } from './photoRepository.ts';
import { parseTags } from './fieldWrites.ts';

/** The columns a search document is made of (a team catalogue's rows are read with the same). */
export const SEARCH_SOURCE_COLUMNS = 'id, file, fortepan_id, title, caption, date, donor, photographer, country, city, place, tags, rating, flag, label';
const COLUMNS = SEARCH_SOURCE_COLUMNS;

export type SourceRow = Pick<PhotoRow, 'id' | 'file' | 'fortepan_id' | 'title' | 'caption' | 'date' | 'donor' | 'photographer' | 'country' | 'city' | 'place' | 'tags' | 'rating' | 'flag' | 'label'>;

/** A row of those columns as the search indexes it. */
export function toSource(row: SourceRow): SearchSource {
  return {
    id: row.id,
    file: row.file,
    fortepanId: row.fortepan_id,
    title: row.title,
    caption: row.caption,
    date: row.date,
    donor: row.donor,
    photographer: row.photographer,
    country: row.country,
    city: row.city,
    place: row.place,
    tags: parseTags(row.tags),
    ...marksOfRow(row),
  };
}

export function* allSearchSources(db: DatabaseSync): Generator<SearchSource> {
  for (const row of db.prepare(`SELECT ${COLUMNS} FROM photos ORDER BY id`).iterate() as Iterable<SourceRow>) yield toSource(row);
}

export function searchSourcesById(db: DatabaseSync, ids: readonly number[]): Map<number, SearchSource> {
  const out = new Map<number, SearchSource>();
  if (!ids.length) return out;
  const rows = db.prepare(`SELECT ${COLUMNS} FROM photos WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as unknown as SourceRow[];
  for (const row of rows) out.set(row.id, toSource(row));
  return out;
}

/** How many photos the index will hold (the search worker picks how to build it by this). */
export function photoCount(db: DatabaseSync): number {
  return Number((db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n);
}

/** The newest change the catalogue has logged (see the search_changes migration). */
export function latestChangeSeq(db: DatabaseSync): number {
  const row = db.prepare('SELECT max(seq) AS seq FROM search_changes').get() as { seq: number | null };
  return Number(row.seq ?? 0);
}

/** Photo ids changed after `seq`, and the newest seq among them. */
export function changesSince(db: DatabaseSync, seq: number): { ids: number[]; seq: number } {
  const rows = db.prepare('SELECT seq, photo_id FROM search_changes WHERE seq > ? ORDER BY seq').all(seq) as { seq: number; photo_id: number }[];
  const ids = new Set<number>();
  let last = seq;
  for (const row of rows) {
    ids.add(Number(row.photo_id));
    last = Number(row.seq);
  }
  return { ids: [...ids], seq: last };
}
