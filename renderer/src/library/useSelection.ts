// The one selection model of the grid, over the whole ordered result of the shown query (see
// shared/selection.ts): clicks, Ctrl+clicks, Shift ranges, Shift+Home/End and Ctrl+A are exact
// at any size, because a range that is not loaded is asked of the catalogue as ids (or as "all
// except" the rest, whichever is shorter), never taken from the pages that happen to be loaded.
// When the search changes, or an edit changes what it matches, the selection keeps only what
// is shown, and says how many photos it let go.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { selectionCount, type Selection } from '../../../shared/selection.ts';
import { api } from '../common/bridge.ts';
import { useTranslation } from 'react-i18next';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';
import type { PhotoPages } from './usePhotoPages.ts';
import { NOTHING, everything, isSelected, only, sameSelection, toggled, union, withSet, type SelectionState } from './selectionModel.ts';
import { errorText } from '../common/errorText.ts';

export type SelectMode = 'single' | 'toggle' | 'range' | 'range-add';

export interface SelectionModel {
  /** As the API takes it (no lookup set); the same object until the selection changes. */
  selection: Selection;
  /** Photos selected: exactly what a batch edit changes. */
  count: number;
  /** A range or a new search is being resolved: the count and edits wait for it. */
  pending: boolean;
  focusIndex: number;
  /** The one selected photo, or null. */
  singleId: number | null;
  isSelected(id: number): boolean;
  select(index: number, mode: SelectMode): void;
  selectAll(): void;
}

const wire = (s: Selection): Selection => ({ query: s.query, all: s.all, ids: s.ids });

/** The photos between two positions of the shown result, in the order on screen (its sort). */
async function rangeOf(query: string, lo: number, hi: number, total: number, pages: PhotoPages): Promise<Selection> {
  if (lo === 0 && hi >= total - 1) return { query, all: true, ids: [] };
  const size = hi - lo + 1;
  const loaded = pages.loadedRange(lo, hi + 1);
  if (loaded.length === size) return { query, all: false, ids: loaded.map((p) => p.id) };
  const sort = pages.source?.sort;
  const idsAt = async (offset: number, limit: number) => (await api.resultIds({ query, offset, limit, ...(sort ? { sort } : {}) })).ids;
  if (size <= total - size) return { query, all: false, ids: await idsAt(lo, size) };
  const before = lo > 0 ? await idsAt(0, lo) : [];
  const after = hi < total - 1 ? await idsAt(hi + 1, total - hi - 1) : [];
  return { query, all: true, ids: [...before, ...after] };
}

export function useSelection(pages: PhotoPages, shownQuery: string, total: number, onNotice: (text: string) => void): SelectionModel {
  const { t } = useTranslation('library');
  const [selection, setSelectionState] = useState<SelectionState>(NOTHING);
  const [focusIndex, setFocusIndex] = useState(-1);
  const [anchor, setAnchor] = useState(-1);
  const [pending, setPending] = useState(false);
  const [selectFocusWhenLoaded, setSelectFocusWhenLoaded] = useState(false);
  // Every change the person makes bumps this, so a late answer never overrides a newer choice.
  const revision = useRef(0);
  const current = useRef(selection);
  current.current = selection;

  const choose = useCallback((next: SelectionState) => {
    revision.current++;
    setPending(false);
    setSelectionState(next);
  }, []);

  const select = useCallback(
    (index: number, mode: SelectMode) => {
      const photo = pages.photoAt(index);
      if (mode === 'single') {
        choose(photo ? only(shownQuery, photo.id) : withSet({ query: shownQuery, all: false, ids: [] }));
        setAnchor(index);
        setSelectFocusWhenLoaded(!photo);
      } else if (mode === 'toggle') {
        if (photo) choose(toggled(current.current, photo.id));
        setAnchor(index);
      } else {
        const from = anchor >= 0 ? anchor : focusIndex >= 0 ? focusIndex : index;
        const [lo, hi] = from <= index ? [from, index] : [index, from];
        if (anchor < 0) setAnchor(from);
        const mine = ++revision.current;
        const base = current.current;
        setPending(true);
        rangeOf(shownQuery, lo, hi, total, pages).then(
          (range) => {
            if (mine !== revision.current) return;
            setPending(false);
            setSelectionState(mode === 'range-add' && base.query === shownQuery ? union(base, range) : withSet(range));
          },
          (e: unknown) => {
            if (mine !== revision.current) return;
            setPending(false);
            onNotice(t('selection.rangeFailed', { reason: errorText(e) }));
          },
        );
      }
      setFocusIndex(index);
    },
    [pages, shownQuery, total, anchor, focusIndex, choose, onNotice, t],
  );

  const selectAll = useCallback(() => choose(everything(shownQuery)), [choose, shownQuery]);

  // Arrow keys may land on a page that is still loading: select it when it arrives.
  const focusedPhoto = focusIndex >= 0 ? pages.photoAt(focusIndex) : undefined;
  useEffect(() => {
    if (selectFocusWhenLoaded && focusedPhoto) {
      choose(only(shownQuery, focusedPhoto.id));
      setSelectFocusWhenLoaded(false);
    }
  }, [selectFocusWhenLoaded, focusedPhoto, shownQuery, choose]);

  // Keeps only what the shown query shows, and says so when that let photos go.
  const project = useCallback(
    (query: string) => {
      const before = current.current;
      if (!before.all && before.ids.length === 0) {
        if (before.query !== query) setSelectionState(withSet({ query, all: false, ids: [] }));
        return;
      }
      if (before.query === '' && query === '') return;
      const mine = revision.current;
      if (before.query !== query) setPending(true);
      api.projectSelection({ selection: wire(before), query }).then(
        (r) => {
          if (mine !== revision.current) return;
          setPending(false);
          if (!sameSelection(r.selection, before)) setSelectionState(withSet(r.selection));
          if (r.hidden > 0) {
            onNotice(t('selection.hidden', { count: r.hidden, selected: r.count }));
          }
        },
        () => mine === revision.current && setPending(false),
      );
    },
    [onNotice, t],
  );

  // A new query starts at the top with the focus cleared, and the selection follows it.
  useEffect(() => {
    setFocusIndex(-1);
    setAnchor(-1);
    project(shownQuery);
  }, [shownQuery, project]);
  // Another order keeps the selection (a set of ids) but not the positions of focus and anchor.
  const shownSort = pages.source?.sort;
  const shownOrder = shownSort ? `${shownSort.field} ${shownSort.direction}` : '';
  const lastOrder = useRef(shownOrder);
  useEffect(() => {
    // Only a change from one known order to another: the first page's arrival is no change.
    if (lastOrder.current === shownOrder) return;
    const wasKnown = lastOrder.current !== '';
    lastOrder.current = shownOrder;
    if (!wasKnown) return;
    setFocusIndex(-1);
    setAnchor(-1);
  }, [shownOrder]);
  // An edit (anyone's) may change what a search matches.
  const shown = useRef(shownQuery);
  shown.current = shownQuery;
  useCatalogueEvent('photosChanged', () => {
    if (shown.current) project(shown.current);
  });

  const count = selection.query === shownQuery ? selectionCount(selection, total) : selection.all ? 0 : selection.ids.length;
  let singleId: number | null = null;
  if (!pending && count === 1) {
    if (!selection.all) singleId = selection.ids[0];
    else singleId = pages.loadedRange(0, Math.min(total, 5000)).find((p) => !selection.set.has(p.id))?.id ?? null;
  }

  return {
    selection: useMemo(() => wire(selection), [selection]),
    count,
    pending,
    focusIndex,
    singleId,
    isSelected: useCallback((id: number) => isSelected(selection, id), [selection]),
    select,
    selectAll,
  };
}
