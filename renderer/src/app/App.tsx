// Fototar's window, composed: top bar, notices, ingest strip, collections, the grid with its
// facets, and the panel for the selection. State lives in hooks named for what they hold;
// every change in the catalogue reaches the panels as events (common/useCatalogueEvent.ts).
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../common/bridge.ts';
import { usePhotoPages } from '../library/usePhotoPages.ts';
import { useSelection } from '../library/useSelection.ts';
import { Grid } from '../library/Grid.tsx';
import { LargeView } from '../library/LargeView.tsx';
import { EmptyState } from '../library/EmptyState.tsx';
import { StatusBar } from '../library/StatusBar.tsx';
import { ThumbSizeSlider } from '../library/ThumbSizeSlider.tsx';
import { useThumbSize } from '../library/useThumbSize.ts';
import { FacetPanel } from '../library/search/FacetPanel.tsx';
import { useSearchQuery } from '../library/search/useSearchQuery.ts';
import { SortControl } from '../library/sort/SortControl.tsx';
import { useSortOrder } from '../library/sort/useSortOrder.ts';
import { SelectionPanel } from '../editing/SelectionPanel.tsx';
import { requestFieldFocus } from '../editing/fieldFocus.ts';
import { fieldStep } from '../editing/fieldStep.ts';
import { useTypeAhead } from '../editing/useTypeAhead.ts';
import { useUndoRedo } from '../editing/useUndoRedo.ts';
import { useCollections } from '../collections/useCollections.ts';
import { CollectionsSidebar } from '../collections/CollectionsSidebar.tsx';
import { Lightbox } from '../collections/Lightbox.tsx';
import { AddToCollection } from '../collections/AddToCollection.tsx';
import { IngestPanel } from '../ingest/IngestPanel.tsx';
import { useIngest } from '../ingest/useIngest.ts';
import { Dialogs, type OpenDialog } from './Dialogs.tsx';
import { selectionIds } from '../library/selectionIds.ts';
import { useCellHandlers } from '../library/useCellHandlers.ts';
import { TopBar } from './TopBar.tsx';
import { StatusBanner, StatusHistoryButton } from './StatusMessages.tsx';
import { useNotice } from './useNotice.ts';
import { useServerConnection } from './useServerConnection.ts';
import { useOpenCatalogue } from './useOpenCatalogue.ts';
import { useCatalogueInfo } from './useCatalogueInfo.ts';
import { useDropFolders } from './useDropFolders.ts';
import { historyLabel } from '../common/historyLabels.ts';
import { isEditable, onButton, useKeyMap } from './useKeyMap.ts';
import { useMarkKeys } from '../library/marks/useMarkKeys.ts';
import { errorText } from '../common/errorText.ts';

export function App() {
  const { t } = useTranslation(['app', 'library']);
  const { t: tCommon } = useTranslation();
  const notices = useNotice();
  useServerConnection(notices);
  const { info, fatal, reload: reloadInfo } = useCatalogueInfo();
  const collections = useCollections(notices.error);
  const ingest = useIngest(notices.error);

  const { queryText, setQueryText, query, runQuery } = useSearchQuery();
  const searchRef = useRef<HTMLInputElement>(null);

  const { sort, setSort } = useSortOrder(notices.error);
  const pages = usePhotoPages(query, sort);
  const source = pages.source;
  const total = source?.total ?? 0;
  const shownQuery = source?.query ?? '';
  const model = useSelection(pages, shownQuery, total, notices.info);
  const columns = useRef(1);
  const thumbs = useThumbSize();

  const [largeOpen, setLargeOpen] = useState(false);
  /** The large view's zoom: null fits the picture; 1 is 100% (the loupe), up to 4. */
  const [zoom, setZoom] = useState<number | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const helpOpen = dialog?.kind === 'help';
  const openCatalogue = useCallback(() => setDialog({ kind: 'catalogue' }), []);
  useOpenCatalogue(openCatalogue);

  const startIngest = useCallback(
    (paths: string[]) => ingest.start(paths).then((problem) => (problem && notices.error(problem), problem)),
    [ingest, notices.error],
  );
  const addFolder = useCallback(async () => {
    try {
      const chosen = await api.chooseFolders({});
      if (chosen === null) setDialog({ kind: 'folder', message: null });
      else await startIngest(chosen.paths);
    } catch (e) {
      notices.error(errorText(e));
    }
  }, [startIngest, notices]);
  const dragging = useDropFolders({
    onPaths: useCallback((paths: string[]) => void startIngest(paths), [startIngest]),
    onNoPaths: useCallback(() => notices.error(t('drop.noPaths')), [notices.error, t]),
    onBrowser: useCallback(() => setDialog({ kind: 'folder', message: t('drop.needsDesktop') }), [t]),
  });

  const undoRedo = useUndoRedo(
    useCallback((result, kind) => {
      if (!result.label) notices.info(t(kind === 'undo' ? 'undo.nothingNotice' : 'redo.nothingNotice'));
      else notices.info(t(kind === 'undo' ? 'undo.done' : 'redo.done', { label: historyLabel(result.label, tCommon) }));
    }, [notices, t, tCommon]),
    notices.error,
  );

  const { focusIndex, singleId, select } = model;
  const moveFocus = useCallback(
    (delta: number, extend: boolean) => {
      if (total === 0) return;
      select(focusIndex < 0 ? 0 : Math.max(0, Math.min(total - 1, focusIndex + delta)), extend ? 'range' : 'single');
    },
    [focusIndex, total, select],
  );
  const { onCellClick, onCellOpen, onColumnsChange } = useCellHandlers(select, useCallback(() => setLargeOpen(true), []), columns);
  const singleSummary = singleId === null ? undefined : pages.photoAt(focusIndex)?.id === singleId ? pages.photoAt(focusIndex) : pages.photoAt(pages.indexOfId(singleId));
  const largeIndex = focusIndex >= 0 ? focusIndex : singleSummary ? pages.indexOfId(singleSummary.id) : -1;
  const largePhoto = largeIndex >= 0 ? pages.photoAt(largeIndex) : undefined;
  const openLarge = useCallback(() => {
    if (focusIndex < 0 && singleId === null) {
      if (total === 0) return;
      select(0, 'single');
    }
    setLargeOpen(true);
  }, [focusIndex, singleId, total, select]);
  const mark = useMarkKeys({ model, query: shownQuery, large: largeOpen ? largePhoto : undefined, active: focusIndex >= 0 ? pages.photoAt(focusIndex) : singleSummary, onError: notices.error });
  useTypeAhead();
  useKeyMap(
    { dialog: dialog !== null && !helpOpen, large: largeOpen, help: helpOpen },
    {
      escape: (e) => {
        if (dialog) return setDialog(null);
        if (largeOpen) return setLargeOpen(false);
        if (e.target === searchRef.current) return queryText ? runQuery('') : searchRef.current?.blur();
        if (isEditable(e.target)) return (e.target as HTMLElement).blur();
        if (queryText) runQuery('');
        return false;
      },
      findFocus: () => {
        setLargeOpen(false);
        searchRef.current?.focus();
        searchRef.current?.select();
      },
      fieldNext: (e) => fieldStep(e, 1, model.count, (d) => moveFocus(d, false)),
      fieldPrev: (e) => fieldStep(e, -1, model.count, (d) => moveFocus(d, false)),
      undo: () => void undoRedo.undo(),
      redo: () => void undoRedo.redo(),
      helpToggle: () => setDialog(helpOpen ? null : { kind: 'help' }),
      largePrev: () => void (largeIndex > 0 && moveFocus(-1, false)),
      largeNext: () => void (largeIndex < total - 1 && moveFocus(1, false)),
      largeClose: () => setLargeOpen(false),
      largeZoom: () => setZoom((z) => (z === null ? 1 : null)),
      moveLeft: (e) => moveFocus(-1, e.shiftKey),
      moveRight: (e) => moveFocus(1, e.shiftKey),
      moveUp: (e) => moveFocus(-columns.current, e.shiftKey),
      moveDown: (e) => moveFocus(columns.current, e.shiftKey),
      pageUp: (e) => moveFocus(-columns.current * 4, e.shiftKey),
      pageDown: (e) => moveFocus(columns.current * 4, e.shiftKey),
      home: (e) => void (total > 0 && select(0, e.shiftKey ? 'range' : 'single')),
      end: (e) => void (total > 0 && select(total - 1, e.shiftKey ? 'range' : 'single')),
      edit: (e) => {
        if (onButton(e)) return false;
        if (model.count > 0) return requestFieldFocus('title');
        if (total === 0) return;
        select(focusIndex >= 0 ? focusIndex : 0, 'single');
        requestFieldFocus('title', true);
      },
      openLarge: (e) => (onButton(e) ? false : openLarge()),
      selectAll: () => model.selectAll(),
      thumbBigger: () => thumbs.step(1),
      thumbSmaller: () => thumbs.step(-1),
      mark,
      openCatalogue,
    },
  );
  if (fatal && !info) {
    return (
      <div className="fatal">
        <h1>{t('fatal.title')}</h1>
        <p className="error-text">{fatal}</p>
        <button type="button" className="button" onClick={() => (reloadInfo(), pages.reload())}>{t('fatal.retry')}</button>
      </div>
    );
  }

  const photoCount = info || source ? (query ? info?.photos ?? 0 : source?.total ?? info?.photos ?? 0) : null;
  return (
    <div className={`app${dragging ? ' dragging' : ''}`}>
      <TopBar
        info={info}
        photoCount={photoCount}
        searchRef={searchRef}
        queryText={queryText}
        searching={pages.loading && pages.pendingQuery !== shownQuery}
        onQueryText={setQueryText}
        onQueryNow={runQuery}
        onLeaveSearch={() => {
          if (total === 0) return;
          searchRef.current?.blur();
          moveFocus(0, false);
        }}
        history={undoRedo.history}
        onUndo={undoRedo.undo}
        onRedo={undoRedo.redo}
        onTags={() => setDialog({ kind: 'tags' })}
        onImport={() => setDialog({ kind: 'import' })}
        onShortcuts={() => setDialog({ kind: 'help' })}
        onOpenCatalogue={openCatalogue}
        onAddFolder={addFolder}
        addDisabled={ingest.running}
      />
      <StatusBanner status={notices.status} />
      {ingest.progress && ingest.progress.state !== 'idle' && <IngestPanel progress={ingest.progress} cancelling={ingest.cancelling} onCancel={ingest.cancel} onDismiss={ingest.dismiss} />}

      <main className="workspace">
        <CollectionsSidebar collections={collections} query={query} onSearch={runQuery} onError={notices.error} onInfo={notices.info} />
        {collections.openId !== null && <Lightbox collectionId={collections.openId} onClose={() => collections.open(null)} onError={notices.error} />}
        <section className="library" aria-label={t('library:region')}>
          <FacetPanel query={query} onQuery={runQuery} />
          <SortControl sort={sort} onSort={setSort} />
          <div className="grid-wrap">
            <Grid
              total={total}
              query={shownQuery}
              cellSize={thumbs.size}
              order={source?.sort ? `${source.sort.field} ${source.sort.direction}` : ''}
              photoAt={pages.photoAt}
              ensureRange={pages.ensureRange}
              isSelected={model.isSelected}
              focusIndex={focusIndex}
              onCellClick={onCellClick}
              onCellOpen={onCellOpen}
              onColumnsChange={onColumnsChange}
            />
            {source && <EmptyState source={source} onClearSearch={() => runQuery('')} onAddFolder={addFolder} onSearch={runQuery} />}
            {!source && <div className="grid-loading">{t('library:loading')}</div>}
          </div>
          <StatusBar shownQuery={shownQuery} total={total} loaded={source !== null} selected={model.count} pending={model.pending} tools={<ThumbSizeSlider size={thumbs.size} onSize={thumbs.setSize} />} end={<StatusHistoryButton status={notices.status} />}>
            <AddToCollection collections={collections} count={model.count} selectedIds={() => selectionIds(model.selection, source?.sort)} onMessage={notices.show} />
          </StatusBar>
        </section>
        <SelectionPanel model={model} summary={singleSummary} total={total} onOpenLarge={openLarge} onError={notices.error} />
      </main>

      {largeOpen && largePhoto && <LargeView summary={largePhoto} position={largeIndex} total={total} zoom={zoom} onZoom={setZoom} onPrev={() => moveFocus(-1, false)} onNext={() => moveFocus(1, false)} onClose={() => setLargeOpen(false)} />}
      {dialog && <Dialogs dialog={dialog} onClose={() => setDialog(null)} onInfo={notices.info} onAddFolders={ingest.start} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-target">{t('drop.target')}</div>
        </div>
      )}
    </div>
  );
}
