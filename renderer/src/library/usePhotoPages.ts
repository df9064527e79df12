// Lazily loaded, paged view of the catalogue (or of one search's hits), for the grid. Only the
// pages the grid shows are fetched; pages are cached; when the catalogue announces a change to
// photos, the pages in view are fetched again while the old ones stay on screen, so the grid
// never flashes. Which page belongs to which view is photoPageStore.ts's business.
import { startTransition, useCallback, useEffect, useState } from 'react';
import type { PhotoSummary } from '../../../shared/types.ts';
import { api } from '../common/bridge.ts';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';
import { errorText, serverText } from '../common/errorText.ts';
import type { PhotoSort } from '../../../shared/photoSort.ts';
import { PAGE_SIZE, PhotoPageStore, type FetchedPage, type PhotoSource } from './photoPageStore.ts';

export type { PhotoSource } from './photoPageStore.ts';

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

async function fetchPage(query: string, page: number, sort: PhotoSort): Promise<FetchedPage> {
  const offset = page * PAGE_SIZE;
  if (query.trim()) {
    const result = await api.search({ query, offset, limit: PAGE_SIZE, sort });
    // A query that cannot be read is explained in the UI's language.
    return { total: result.total, photos: result.hits, error: result.error === null ? null : serverText(result.error, result.errorRef), suggestion: result.suggestion };
  }
  const result = await api.listPhotos({ offset, limit: PAGE_SIZE, sort });
  return { total: result.total, photos: result.photos, error: null };
}

/** `sort` null: the catalogue's sort is not known yet, and nothing is fetched until it is. */
export function usePhotoPages(query: string, sort: PhotoSort | null): PhotoPages {
  const [source, setSource] = useState<PhotoSource | null>(null);
  const [, setTick] = useState(0);
  const [loading, setLoading] = useState(true);
  const [changes, setChanges] = useState<{ ids: number[] | 'all' } | null>(null);
  useCatalogueEvent('photosChanged', (e) => setChanges({ ids: e.ids }));
  const [store] = useState(
    () =>
      new PhotoPageStore(fetchPage, {
        onViewStart: () => setLoading(true),
        onView: (next) => {
          setSource(next);
          setLoading(false);
        },
        // A page arriving redraws the cards it fills as a transition: React renders them in
        // slices between the person's key presses and frames instead of in one long task (at a
        // million photos, a drag of the scrollbar fills 60 cards at once). Nothing waits on it:
        // every render reads the store, so a key press drawn first shows the new rows too.
        onPage: () => startTransition(() => setTick((t) => t + 1)),
      }, errorText),
  );

  // A new query or order, or a change to photos: the view is fetched again.
  const sortName = sort ? `${sort.field} ${sort.direction}` : null;
  useEffect(() => {
    if (sortName === null) return;
    const [field, direction] = sortName.split(' ');
    void store.show(query, { field: field as PhotoSort['field'], direction: direction === 'desc' ? 'desc' : 'asc' });
  }, [query, sortName, changes, store]);

  const photoAt = useCallback((index: number) => store.photoAt(index), [store]);
  const ensureRange = useCallback((start: number, end: number) => store.ensureRange(start, end), [store]);
  const loadedRange = useCallback((start: number, end: number) => store.loadedRange(start, end), [store]);
  const indexOfId = useCallback((id: number) => store.indexOfId(id), [store]);
  const reload = useCallback(() => setChanges({ ids: 'all' }), []);

  return { source, loading, pendingQuery: query, photoAt, ensureRange, reload, loadedRange, indexOfId };
}
