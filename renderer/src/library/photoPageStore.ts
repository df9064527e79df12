// The grid's pages of one view (a query in an order), kept apart from React so that its races can
// be tested: which page requests belong to which view, and which pages a view still needs when
// it is swapped in. usePhotoPages.ts wraps it for the grid.
//
// The rule that matters: a page is stored only in the view that asked for it, and the view that
// is swapped in asks at once for the pages in view it lacks. Before, a page asked for while a
// refresh was in flight (a photosChanged event during End on 1,500 photos) landed in the view
// being replaced, and the grid showed placeholders until the person scrolled.
import type { PhotoSummary } from '../../../shared/types.ts';
import type { PhotoSort } from '../../../shared/photoSort.ts';

export const PAGE_SIZE = 200;
const MAX_PARALLEL = 4;

export interface PhotoSource {
  /** The query these pages answer ('' = the whole catalogue). */
  query: string;
  /** The order these pages are in (the catalogue's sort when they were asked for). */
  sort: PhotoSort;
  total: number;
  pages: Map<number, PhotoSummary[]>;
  /** Pages of the previous generation, shown until their replacement arrives. */
  stale: Map<number, PhotoSummary[]>;
  error: string | null;
  /** For a search that found nothing: a corrected query to offer ("Did you mean …?"). */
  suggestion?: string;
}

export interface FetchedPage {
  total: number;
  photos: PhotoSummary[];
  error: string | null;
  suggestion?: string;
}

export type PageFetcher = (query: string, page: number, sort: PhotoSort) => Promise<FetchedPage>;

export interface PageStoreListener {
  /** A new view is being fetched (loading). */
  onViewStart(): void;
  /** A view was swapped in: `source` is a new object. */
  onView(source: PhotoSource): void;
  /** A page (or an error) arrived in the shown view, which was changed in place. */
  onPage(): void;
}

export class PhotoPageStore {
  source: PhotoSource | null = null;
  /** The newest view asked for, and the one shown (equal unless a view is being fetched). */
  private generation = 0;
  private viewGeneration = 0;
  private inFlight = new Set<number>();
  private wanted: number[] = [];
  private visible: [number, number] = [0, 0];
  private readonly fetchPage: PageFetcher;
  private readonly listener: PageStoreListener;
  private readonly errorText: (error: unknown) => string;

  /** `errorText` says a failed fetch in the UI's language (common/errorText.ts in the app). */
  constructor(fetchPage: PageFetcher, listener: PageStoreListener, errorText: (error: unknown) => string) {
    this.fetchPage = fetchPage;
    this.listener = listener;
    this.errorText = errorText;
  }

  /**
   * Fetches a view (a new query or order, or the same one again after a change): page 0 and, for
   * the same query and order, the pages in view; then swaps it in whole, so the grid never
   * flashes. Resolves once it is shown or replaced by a newer one.
   */
  async show(query: string, sort: PhotoSort): Promise<void> {
    const gen = ++this.generation;
    this.inFlight = new Set();
    this.wanted = [];
    this.listener.onViewStart();
    const previous = this.source;
    // Another order is a new view (it starts at the top), like another query.
    const sameView = previous !== null && previous.query === query && sameSort(previous.sort, sort);
    const firstPages = new Set<number>([0]);
    if (sameView) for (const p of this.pagesIn(...this.visible, Infinity)) firstPages.add(p);
    const pages = [...firstPages];
    const results = await Promise.allSettled(pages.map((p) => this.fetchPage(query, p, sort)));
    if (gen !== this.generation) return;
    const first = results[0];
    const next: PhotoSource = {
      query,
      sort,
      total: 0,
      pages: new Map(),
      stale: sameView && previous ? new Map([...previous.stale, ...previous.pages]) : new Map(),
      error: null,
    };
    if (first.status === 'rejected') {
      next.error = this.errorText(first.reason);
    } else {
      next.total = first.value.total;
      next.error = first.value.error;
      next.suggestion = first.value.suggestion;
    }
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        next.pages.set(pages[i], r.value.photos);
        next.stale.delete(pages[i]);
      }
    });
    this.source = next;
    this.viewGeneration = gen;
    this.listener.onView(next);
    // What is in view now (it may have moved while the view was fetched) and is not in it yet.
    this.ensureRange(...this.visible);
  }

  /** The grid shows [start, end): the pages it needs and lacks are fetched, newest request first. */
  ensureRange(start: number, end: number): void {
    this.visible = [start, end];
    const current = this.source;
    if (!current || end <= start) return;
    // A view still being fetched asks for these when it is swapped in (show() above).
    if (this.isReplacing(current)) return;
    // The newest request wins: what is on screen now matters more than what scrolled past.
    this.wanted = this.pagesIn(start, end, current.total).filter((p) => !current.pages.has(p) && !this.inFlight.has(p));
    this.pump();
  }

  photoAt(index: number): PhotoSummary | undefined {
    const current = this.source;
    if (!current) return undefined;
    const page = Math.floor(index / PAGE_SIZE);
    const rows = current.pages.get(page) ?? current.stale.get(page);
    return rows?.[index - page * PAGE_SIZE];
  }

  /** Every loaded photo between two positions (used for ranges and select-all). */
  loadedRange(start: number, end: number): PhotoSummary[] {
    const out: PhotoSummary[] = [];
    const total = this.source?.total ?? 0;
    for (let i = Math.max(0, start); i < Math.min(end, total); i++) {
      const photo = this.photoAt(i);
      if (photo) out.push(photo);
    }
    return out;
  }

  indexOfId(id: number): number {
    const current = this.source;
    if (!current) return -1;
    for (const map of [current.pages, current.stale]) {
      for (const [page, rows] of map) {
        const i = rows.findIndex((r) => r.id === id);
        if (i >= 0) return page * PAGE_SIZE + i;
      }
    }
    return -1;
  }

  /** True while a newer view than `source` is being fetched. */
  private isReplacing(source: PhotoSource): boolean {
    return this.source !== source || this.viewGeneration !== this.generation;
  }

  private pump(): void {
    const current = this.source;
    if (!current || this.isReplacing(current)) return;
    const flying = this.inFlight;
    while (flying.size < MAX_PARALLEL && this.wanted.length > 0) {
      const page = this.wanted.shift()!;
      if (current.pages.has(page) || flying.has(page)) continue;
      flying.add(page);
      this.fetchPage(current.query, page, current.sort)
        .then((result) => {
          // Only into the view that asked: a replaced view's page is of no use to the next one.
          if (this.isReplacing(current)) return;
          current.pages.set(page, result.photos);
          current.stale.delete(page);
          if (result.total !== current.total) current.total = result.total;
          this.listener.onPage();
        })
        .catch((error: unknown) => {
          if (this.isReplacing(current)) return;
          current.error = this.errorText(error);
          this.listener.onPage();
        })
        .finally(() => {
          flying.delete(page);
          if (flying === this.inFlight) this.pump();
        });
    }
  }

  private pagesIn(start: number, end: number, total: number): number[] {
    const last = Math.min(end, total) - 1;
    if (last < start) return [];
    const out: number[] = [];
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) out.push(p);
    return out;
  }
}

function sameSort(a: PhotoSort, b: PhotoSort): boolean {
  return a.field === b.field && a.direction === b.direction;
}
