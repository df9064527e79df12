// Lazily loaded, paged view of the catalogue (or of one search's hits). Only the pages the grid
// shows are fetched; pages are cached; when the catalogue announces a change to photos, the
// pages in view are fetched again while the old ones stay on screen, so the grid never flashes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoSummary } from '../../../shared/types.ts';
import { api } from '../common/bridge.ts';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';
import { errorText, serverText } from '../common/errorText.ts';
import type { PhotoSort } from '../../../shared/photoSort.ts';

export const PAGE_SIZE = 200;
const MAX_PARALLEL = 4;

export interface PhotoSource {
  /** The query these pages answer ('' = the whole catalogue). */
  query: string;
  /** The order these pages are in (the catalogue's sort when they were asked for). */
  sort: PhotoSort | null;
  total: number;
  pages: Map<number, PhotoSummary[]>;
  /** Pages of the previous generation, shown until their replacement arrives. */
  stale: Map<number, PhotoSummary[]>;
  error: string | null;
  /** For a search that found nothing: a corrected query to offer ("Did you mean …?"). */
  suggestion?: string;
}

export interface PhotoPages {
  /** Null until the first page of the current query has arrived. */
  source: PhotoSource | null;
  loading: boolean;
  /** The query currently being fetched or shown. */
  pendingQuery: string;
  photoAt(index: number): PhotoSummary | undefined;
  ensureRange(start: number, end: number): void;
  /** Fetches the pages in view again (after an error). */
  reload(): void;
  /** Every loaded index whose id is in `ids` (used for ranges and select-all). */
  loadedRange(start: number, end: number): PhotoSummary[];
  indexOfId(id: number): number;
}

async function fetchPage(query: string, page: number, sort: PhotoSort | null): Promise<{ total: number; photos: PhotoSummary[]; error: string | null; suggestion?: string }> {
  const offset = page * PAGE_SIZE;
  const order = sort ? { sort } : {};
  if (query.trim()) {
    const result = await api.search({ query, offset, limit: PAGE_SIZE, ...order });
    // A query that cannot be read is explained in the UI's language.
    return { total: result.total, photos: result.hits, error: result.error === null ? null : serverText(result.error, result.errorRef), suggestion: result.suggestion };
  }
  const result = await api.listPhotos({ offset, limit: PAGE_SIZE, ...order });
  return { total: result.total, photos: result.photos, error: null };
}

/** `sort` null: the catalogue's sort is not known yet, and nothing is fetched until it is. */
export function usePhotoPages(query: string, sort: PhotoSort | null): PhotoPages {
  const [source, setSource] = useState<PhotoSource | null>(null);
  const [, setTick] = useState(0);
  const [loading, setLoading] = useState(true);
  const [changes, setChanges] = useState<{ ids: number[] | 'all' } | null>(null);
  useCatalogueEvent('photosChanged', (e) => setChanges({ ids: e.ids }));
  const sourceRef = useRef<PhotoSource | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const wanted = useRef<number[]>([]);
  const visibleRange = useRef<[number, number]>([0, 0]);

  const bump = useCallback(() => setTick((t) => t + 1), []);

  const pump = useCallback(() => {
    const current = sourceRef.current;
    if (!current) return;
    const gen = generation.current;
    while (inFlight.current.size < MAX_PARALLEL && wanted.current.length > 0) {
      const page = wanted.current.shift()!;
      if (current.pages.has(page) || inFlight.current.has(page)) continue;
      inFlight.current.add(page);
      fetchPage(current.query, page, current.sort)
        .then((result) => {
          if (gen !== generation.current) return;
          current.pages.set(page, result.photos);
          current.stale.delete(page);
          if (result.total !== current.total) current.total = result.total;
          bump();
        })
        .catch((error: unknown) => {
          if (gen !== generation.current) return;
          current.error = errorText(error);
          bump();
        })
        .finally(() => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          pump();
        });
    }
  }, [bump]);

  // A new query or a refresh: fetch page 0 (and the pages in view), then swap atomically.
  const sortName = sort ? `${sort.field} ${sort.direction}` : null;
  useEffect(() => {
    if (sortName === null) return;
    const order: PhotoSort = { field: sortName.split(' ')[0] as PhotoSort['field'], direction: sortName.endsWith('desc') ? 'desc' : 'asc' };
    const gen = ++generation.current;
    inFlight.current = new Set();
    wanted.current = [];
    setLoading(true);
    const previous = sourceRef.current;
    // Another order is a new view (it starts at the top), like another query.
    const sameQuery = previous !== null && previous.query === query && previous.sort !== null && `${previous.sort.field} ${previous.sort.direction}` === sortName;
    const [start, end] = visibleRange.current;
    const firstPages = new Set<number>([0]);
    if (sameQuery) {
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end - 1) / PAGE_SIZE); p++) firstPages.add(p);
    }
    const pages = [...firstPages];
    Promise.allSettled(pages.map((p) => fetchPage(query, p, order))).then((results) => {
      if (gen !== generation.current) return;
      const first = results[0];
      const next: PhotoSource = {
        query,
        sort: order,
        total: 0,
        pages: new Map(),
        stale: sameQuery && previous ? new Map([...previous.stale, ...previous.pages]) : new Map(),
        error: null,
      };
      if (first.status === 'rejected') {
        next.error = errorText(first.reason);
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
      sourceRef.current = next;
      setSource(next);
      setLoading(false);
      pump();
    });
  }, [query, sortName, changes, pump]);

  const photoAt = useCallback((index: number) => {
    const current = sourceRef.current;
    if (!current) return undefined;
    const page = Math.floor(index / PAGE_SIZE);
    const rows = current.pages.get(page) ?? current.stale.get(page);
    return rows?.[index - page * PAGE_SIZE];
  }, []);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      visibleRange.current = [start, end];
      const current = sourceRef.current;
      if (!current || end <= start) return;
      const need: number[] = [];
      const last = Math.min(end, current.total) - 1;
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
        if (!current.pages.has(p) && !inFlight.current.has(p)) need.push(p);
      }
      // The newest request wins: what is on screen now matters more than what scrolled past.
      wanted.current = need;
      pump();
    },
    [pump],
  );

  const loadedRange = useCallback((start: number, end: number) => {
    const out: PhotoSummary[] = [];
    const current = sourceRef.current;
    if (!current) return out;
    for (let i = Math.max(0, start); i < Math.min(end, current.total); i++) {
      const photo = photoAt(i);
      if (photo) out.push(photo);
    }
    return out;
  }, [photoAt]);

  const indexOfId = useCallback((id: number) => {
    const current = sourceRef.current;
    if (!current) return -1;
    for (const map of [current.pages, current.stale]) {
      for (const [page, rows] of map) {
        const i = rows.findIndex((r) => r.id === id);
        if (i >= 0) return page * PAGE_SIZE + i;
      }
    }
    return -1;
  }, []);

  const reload = useCallback(() => setChanges({ ids: 'all' }), []);

  return { source, loading, pendingQuery: query, photoAt, ensureRange, reload, loadedRange, indexOfId };
}
