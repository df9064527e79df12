// A deterministic Fortepan-sized catalogue from real vocabulary, for the search benchmark (and
// tests that need more than a handful of photos). The value lists come from
// ../shared/corpus/fortepan/metadata (see its SOURCES.tsv): Fortepan's own autocomplete dumps
// (832 donors, 166 photographers, 9,593 tags, countries, cities, places; each list in the order
// of its search index's term counts, most frequent first) and real captions (Budapest V. district
// and Kolozsvár selections). Frequencies follow Zipf's law over those rankings, like the real
// archive's. Rows go straight into SQLite through the catalogue's repository: no images.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { DatabaseSync } from 'node:sqlite';
import type { EditableFields } from '../shared/types.ts';
import { inTransaction } from '../electron/catalogue/store/openDatabase.ts';
import type { PhotoRepository } from '../electron/catalogue/store/photoRepository.ts';
import { fortepanRecord } from '../tests/support/records.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../shared/corpus/fortepan/metadata/', import.meta.url));

export interface Vocabulary {
  countries: string[];
  cities: string[];
  places: string[];
  donors: string[];
  photographers: string[];
  tags: string[];
  /** Real captions. */
  descriptions: string[];
  /** Words of the captions, most frequent first. */
  words: string[];
}

export function loadVocabulary(dir = CORPUS_DIR): Vocabulary {
  const lists = JSON.parse(fs.readFileSync(path.join(dir, 'fortepan.hu__autocomplete-hu__96ffe42.json'), 'utf8')) as Record<string, string[]>;
  const vker = JSON.parse(fs.readFileSync(path.join(dir, 'JoshBone_fortepan-map__FortepanVkerGeoTagged.json'), 'utf8')) as { description: string }[];
  const cluj = fs.readFileSync(path.join(dir, 'madeincluj_collection__fortepan_metadata_fortepan.yaml'), 'utf8');
  const descriptions = [
    ...vker.map((r) => r.description),
    ...[...cluj.matchAll(/^\s*description: (.+)$/gm)].map((m) => m[1]).filter((d) => !d.startsWith('http')),
  ]
    .map((d) => d.trim())
    .filter(Boolean);
  const counts = new Map<string, number>();
  for (const d of descriptions) for (const w of d.match(/[\p{L}]{3,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const clean = (list: string[] | undefined) => (list ?? []).map((v) => v.trim()).filter(Boolean);
  return {
    countries: clean(lists.orszag_name),
    cities: clean(lists.varos_name),
    places: clean(lists.helyszin_name),
    donors: clean(lists.adomanyozo_name),
    photographers: clean(lists.szerzo_name),
    tags: clean(lists.cimke_name),
    descriptions,
    words,
  };
}

/** A small fast seeded generator (mulberry32): the same seed makes the same catalogue. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
export function zipf(n: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The descriptive fields of photo number `i` (1-based) of the synthetic catalogue. */
export function syntheticGenerator(vocabulary: Vocabulary, seed = 1956) {
  const rand = random(seed);
  const pick = <T>(list: T[], s: number) => {
    const sample = zipf(list.length, s, rand);
    return () => list[sample()];
  };
  const donor = pick(vocabulary.donors, 1.05);
  const photographer = pick(vocabulary.photographers, 1.0);
  const country = pick(vocabulary.countries, 1.3);
  const city = pick(vocabulary.cities, 1.0);
  const place = pick(vocabulary.places, 1.0);
  const tag = pick(vocabulary.tags, 0.9);
  const word = pick(vocabulary.words, 1.0);
  const description = pick(vocabulary.descriptions, 0.6);
  const gauss = () => (rand() + rand() + rand() + rand() - 2) * 1.7;

  return (i: number): EditableFields & { fortepanId: number } => {
    const year = Math.max(1890, Math.min(1995, Math.round(1955 + gauss() * 16)));
    const r = rand();
    const date = r < 0.05 ? '' : r < 0.13 ? `${String(year).slice(0, 3)}X` : r < 0.18 ? `${year}~` : r < 0.2 ? `${year}/${year + 1}` : String(year);
    const tagCount = 1 + Math.floor(rand() * 5);
    const tags = new Set<string>();
    for (let t = 0; t < tagCount; t++) tags.add(tag());
    let caption: string;
    if (rand() < 0.5) caption = description();
    else {
      const n = 5 + Math.floor(rand() * 10);
      const words: string[] = [];
      for (let w = 0; w < n; w++) words.push(word());
      caption = `${words.join(' ')}.`;
    }
    const inHungary = rand() < 0.8;
    return {
      fortepanId: i,
      title: '',
      caption,
      date,
      donor: donor(),
      photographer: rand() < 0.25 ? photographer() : '',
      country: inHungary ? 'Magyarország' : country(),
      city: city(),
      place: rand() < 0.2 ? place() : '',
      tags: [...tags],
      licence: '',
      source: 'Fortepan',
      archiveRef: '',
      notes: '',
      // Marks without drawing from rand(), so every other value stays as it was: a sixth of the
      // photos at each rating, a tenth picked and a tenth rejected, a seventh per colour label.
      rating: i % 6,
      flag: i % 10 === 3 ? 'pick' : i % 10 === 7 ? 'reject' : '',
      label: (['', 'red', 'yellow', 'green', 'blue', 'purple', ''] as const)[i % 7],
    };
  };
}

/** Archives file scans by series and box: 10 series of 40 boxes, 500 consecutive photos a box (400 folders). */
export function benchFile(i: number, fortepanId: number): string {
  const series = ['Adományozók', 'Budapest utcái', 'Családi képek', 'Gyűjtemény', 'Hadifogság', 'Iskolák', 'Járművek', 'Kirándulások', 'Mezőgazdaság', 'Ünnepek'][i % 10];
  return `/archive/fortepan/${series}/Doboz ${1 + (Math.floor(i / 500) % 40)}/fortepan_${fortepanId}.jpg`;
}

/** Writes `count` synthetic photos into a catalogue database through its repository. */
export function generateCatalogueRows(db: DatabaseSync, photos: PhotoRepository, count: number, vocabulary = loadVocabulary(), seed = 1956): void {
  const next = syntheticGenerator(vocabulary, seed);
  const now = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const batch = 10_000;
  for (let start = 1; start <= count; start += batch) {
    inTransaction(db, () => {
      for (let i = start; i < Math.min(count + 1, start + batch); i++) {
        const { fortepanId, ...fields } = next(i);
        const record = fortepanRecord(fortepanId, fields, { hash: crypto.createHash('sha256').update(String(i)).digest('hex'), fileSize: 100_000 + i, width: 1600, height: 1200 });
        photos.insert({ ...record, file: benchFile(i, fortepanId) }, now);
      }
    });
  }
}
