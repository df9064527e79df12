// The renderer's view of collections: the list for the sidebar, which one is open in the lightbox,
// and which one "Add to collection" (B) adds to — the last one the author opened or created, so
// picking illustrations while searching takes one key per photo.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CollectionSummary } from '../../../shared/collections.ts';
import { api } from '../common/bridge.ts';
import { i18n } from '../i18n/i18n.ts';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';
import { errorText } from '../common/errorText.ts';

export interface CollectionsState {
  list: CollectionSummary[];
  /** The collections of picks (B adds to these; the lightbox opens them). */
  picked: CollectionSummary[];
  /** The smart collections: saved searches, opened in the grid. */
  smart: CollectionSummary[];
  /** The collection shown in the lightbox, or null when the grid is shown. */
  openId: number | null;
  /** Where "Add to collection" adds. */
  targetId: number | null;
  open(id: number | null): void;
  setTarget(id: number): void;
  /** With `query`, a smart collection (the search saved under a name). */
  create(name: string, query?: string): Promise<CollectionSummary>;
  /** Adds photos to the target; answers with what to tell the author. */
  add(photoIds: number[], to?: number): Promise<string>;
}

export function useCollections(onError: (message: string) => void): CollectionsState {
  const [list, setList] = useState<CollectionSummary[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [targetId, setTargetId] = useState<number | null>(null);

  const refresh = useCallback(() => {
    api.listCollections({}).then(
      (r) => {
        setList(r.collections);
        const picks = r.collections.filter((c) => c.query === undefined);
        const ids = new Set(picks.map((c) => c.id));
        setTargetId((t) => (t !== null && ids.has(t) ? t : picks[0]?.id ?? null));
        setOpenId((o) => (o !== null && ids.has(o) ? o : null));
      },
      (e: unknown) => onError(errorText(e)),
    );
  }, [onError]);

  // The list follows every change to collections: this window's, and the CLI's.
  useEffect(() => refresh(), [refresh]);
  useCatalogueEvent('collectionsChanged', refresh);

  const open = useCallback((id: number | null) => {
    setOpenId(id);
    if (id !== null) setTargetId(id);
  }, []);

  const create = useCallback(
    async (name: string, query?: string) => {
      const created = await api.createCollection(query === undefined ? { name } : { name, query });
      if (created.query === undefined) setTargetId(created.id);
      return created;
    },
    [],
  );

  const add = useCallback(
    async (photoIds: number[], to?: number) => {
      const id = to ?? targetId;
      if (id === null || photoIds.length === 0) return '';
      const result = await api.addToCollection({ id, photoIds });
      const name = result.collection.name;
      const added = i18n.t('collections:add.added', { count: photoIds.length, name, total: result.collection.count });
      return result.duplicates.length ? `${added} ${i18n.t('collections:add.repeated', { count: result.duplicates.length })}` : added;
    },
    [targetId],
  );

  const picked = useMemo(() => list.filter((c) => c.query === undefined), [list]);
  const smart = useMemo(() => list.filter((c) => c.query !== undefined), [list]);
  // One object while nothing in it changes, so the sidebar (a memo) is not drawn again for every
  // arrow key in the grid.
  return useMemo(() => ({ list, picked, smart, openId, targetId, open, setTarget: setTargetId, create, add }), [list, picked, smart, openId, targetId, open, create, add]);
}
