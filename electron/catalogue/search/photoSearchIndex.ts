// Lunr over the catalogue. Lunr indexes are immutable, so edits go to a small overlay index
// that is rebuilt on each change (cheap: it holds only photos changed since the base was
// built); hits for those photos in the base are dropped. The base is rebuilt when the overlay
// grows large. Lunr's default pipeline (English trimmer, stop words, stemmer) is removed:
// it breaks Hungarian words; text is folded by our own rules before it reaches Lunr.
import lunr from 'lunr';
import type { Photo } from '../../../shared/types.ts';
import type { SearchClause, TermClause } from '../../../shared/searchQuery.ts';
import { searchDocument, foldedFieldText, type SearchDocument } from './searchDocument.ts';
import { edtfYears } from '../../../shared/edtf.ts';

const FIELD_BOOSTS: Record<Exclude<keyof SearchDocument, 'ref'>, number> = {
  title: 3,
  caption: 1,
  tags: 2,
  donor: 2,
  photographer: 2,
  place: 2,
  year: 1,
  id: 5,
  file: 1,
};

/** Rebuild the base once this many photos have changed since it was built. */
const OVERLAY_LIMIT = 2000;

interface IndexedPhoto {
  doc: SearchDocument;
  fortepanId: number | null;
  years: { from: number; to: number } | null;
}

export interface RankedHit {
  id: number;
  score: number;
}

function buildLunr(docs: Iterable<SearchDocument>): lunr.Index {
  return lunr(function () {
    this.ref('ref');
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    this.pipeline.reset();
    this.searchPipeline.reset();
    for (const doc of docs) this.add(doc);
  });
}

export class PhotoSearchIndex {
  readonly #photos = new Map<number, IndexedPhoto>();
  #base: lunr.Index;
  #overlay: lunr.Index | null = null;
  /** Photos changed or removed since the base was built; their base hits are stale. */
  readonly #changed = new Set<number>();

  constructor(photos: Iterable<Photo>) {
    for (const photo of photos) this.#photos.set(photo.id, indexed(photo));
    this.#base = buildLunr([...this.#photos.values()].map((p) => p.doc));
  }

  get size(): number {
    return this.#photos.size;
  }

  /** Adds or replaces photos; they are searchable when this returns. */
  upsert(photos: readonly Photo[]): void {
    for (const photo of photos) {
      this.#photos.set(photo.id, indexed(photo));
      this.#changed.add(photo.id);
    }
    this.#refreshOverlay();
  }

  remove(ids: readonly number[]): void {
    for (const id of ids) {
      this.#photos.delete(id);
      this.#changed.add(id);
    }
    this.#refreshOverlay();
  }

  #refreshOverlay(): void {
    if (this.#changed.size > OVERLAY_LIMIT) {
      this.#base = buildLunr([...this.#photos.values()].map((p) => p.doc));
      this.#changed.clear();
      this.#overlay = null;
      return;
    }
    const docs: SearchDocument[] = [];
    for (const id of this.#changed) {
      const photo = this.#photos.get(id);
      if (photo) docs.push(photo.doc);
    }
    this.#overlay = docs.length ? buildLunr(docs) : null;
  }

  /** All photos matching every clause, best first (ties in catalogue order). */
  search(clauses: readonly SearchClause[]): RankedHit[] {
    const lunrClauses = clauses.filter((c): c is TermClause => c.kind === 'terms' && !(c.negated && c.phrase));
    let hits: RankedHit[];
    if (lunrClauses.some((c) => !c.negated)) {
      hits = [];
      for (const result of this.#base.query((q) => addClauses(q, lunrClauses))) {
        const id = Number(result.ref);
        if (!this.#changed.has(id)) hits.push({ id, score: result.score });
      }
      if (this.#overlay) {
        for (const result of this.#overlay.query((q) => addClauses(q, lunrClauses))) hits.push({ id: Number(result.ref), score: result.score });
      }
    } else {
      // Only filters (year:, id:, exclusions): every photo is a candidate.
      hits = [...this.#photos.keys()].map((id) => ({ id, score: 0 }));
      const excluded = lunrClauses.filter((c) => c.negated);
      if (excluded.length) {
        const positive = excluded.map((c) => ({ ...c, negated: false }));
        const drop = new Set(this.search(positive.slice(0, 1)).map((h) => h.id));
        for (const clause of positive.slice(1)) for (const h of this.search([clause])) drop.add(h.id);
        hits = hits.filter((h) => !drop.has(h.id));
      }
    }
    hits = hits.filter((hit) => {
      const photo = this.#photos.get(hit.id);
      return photo !== undefined && clauses.every((clause) => passesFilter(photo, clause));
    });
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return hits;
  }
}

function indexed(photo: Photo): IndexedPhoto {
  return { doc: searchDocument(photo), fortepanId: photo.fortepanId, years: edtfYears(photo.date) };
}

function addClauses(query: lunr.Query, clauses: readonly TermClause[]): void {
  for (const clause of clauses) {
    clause.words.forEach((word, index) => {
      const prefix = clause.prefix && index === clause.words.length - 1;
      // Lunr treats a present-but-undefined `fields` as "no fields", so leave the key out.
      query.term(word, {
        ...(clause.field ? { fields: [clause.field] } : {}),
        presence: clause.negated ? lunr.Query.presence.PROHIBITED : lunr.Query.presence.REQUIRED,
        wildcard: prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
        usePipeline: false,
      });
    });
  }
}

/** The checks Lunr cannot make: phrases, year ranges and Fortepan numbers. */
function passesFilter(photo: IndexedPhoto, clause: SearchClause): boolean {
  switch (clause.kind) {
    case 'year': {
      const overlaps = photo.years !== null && photo.years.from <= clause.to && photo.years.to >= clause.from;
      return clause.negated ? !overlaps : overlaps;
    }
    case 'id': {
      const same = photo.fortepanId === clause.id;
      return clause.negated ? !same : same;
    }
    case 'terms': {
      if (!clause.phrase) return true;
      const contains = foldedFieldText(photo.doc, clause.field).includes(` ${clause.words.join(' ')} `);
      return clause.negated ? !contains : contains;
    }
  }
}
