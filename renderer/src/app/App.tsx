// Fototar's window: top bar, ingest strip, the grid, and the detail panel on the right.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogueInfo, IngestProgress, Photo, PhotoSummary } from '../../../shared/types.ts';
import { api, bridge } from '../common/bridge.ts';
import { numberFormat, plural } from '../common/labels.ts';
import { usePhotoPages } from '../library/photoPages.ts';
import { DetailPanel } from '../editing/DetailPanel.tsx';
import { FolderDialog } from '../ingest/FolderDialog.tsx';
import { Grid } from '../library/Grid.tsx';
import { IngestPanel } from '../ingest/IngestPanel.tsx';
import { LargeView } from '../library/LargeView.tsx';
import { MultiPanel } from '../editing/MultiPanel.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { FacetPanel } from '../library/search/FacetPanel.tsx';
import { SearchHelp } from '../library/search/SearchHelp.tsx';
import { ImportDialog } from '../editing/ImportDialog.tsx';
import { TagManager } from '../editing/TagManager.tsx';
import { requestFieldFocus } from '../editing/fieldFocus.ts';
import { useUndoRedo } from '../editing/useUndoRedo.ts';
import { useCollections } from '../collections/useCollections.ts';
import { CollectionsSidebar } from '../collections/CollectionsSidebar.tsx';
import { Lightbox } from '../collections/Lightbox.tsx';
import { AddToCollection } from '../collections/AddToCollection.tsx';

const SEARCH_DEBOUNCE_MS = 150;
const POLL_MS = 250;
const LIVE_REFRESH_MS = 2000;

const DROP_NEEDS_DESKTOP =
  'Drag and drop needs the desktop app: a browser does not tell the page where a dropped file lives. Type the folder path instead.';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

function isActive(progress: IngestProgress | null): boolean {
  return progress !== null && (progress.state === 'scanning' || progress.state === 'running');
}

export function App() {
  const [info, setInfo] = useState<CatalogueInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  // Collections (the author's lightbox): sidebar, lightbox view, add-to-collection (B).
  const showError = useCallback((text: string) => setNotice({ kind: 'error', text }), []);
  const collections = useCollections(showError);

  // Search
  const [queryText, setQueryText] = useState('');
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (queryText === query) return;
    const timer = window.setTimeout(() => setQuery(queryText), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [queryText, query]);

  // Data
  const [refreshKey, setRefreshKey] = useState(0);
  const [detailReload, setDetailReload] = useState(0);
  const pages = usePhotoPages(query, refreshKey);
  const source = pages.source;
  const total = source?.total ?? 0;
  const [dataVersion, setDataVersion] = useState(0);

  // Selection: ids (in the order they were added), an anchor for shift-ranges, a focused index.
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [anchor, setAnchor] = useState(-1);
  const [focusIndex, setFocusIndex] = useState(-1);
  const [selectFocusWhenLoaded, setSelectFocusWhenLoaded] = useState(false);
  const [scrollRequest, setScrollRequest] = useState(0);
  const [resetScroll, setResetScroll] = useState(0);
  const columnsRef = useRef(1);

  // Overlays
  const [largeOpen, setLargeOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [searchHelpOpen, setSearchHelpOpen] = useState(false);
  // Facet clicks, timeline drags and help examples replace the query at once (no debounce).
  const runQuery = useCallback((q: string) => {
    setQueryText(q);
    setQuery(q);
  }, []);
  const [importOpen, setImportOpen] = useState(false);
  const [tagsOpen, setTagsOpen] = useState(false);
  const [folderDialog, setFolderDialog] = useState<{ message: string | null } | null>(null);
  const [dragging, setDragging] = useState(false);

  // Ingest
  const [ingest, setIngest] = useState<IngestProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const loadInfo = useCallback(() => {
    api.info({}).then(setInfo, (e: unknown) => setFatal(errorMessage(e)));
  }, []);

  useEffect(() => {
    loadInfo();
    api.ingestProgress({}).then(
      (p) => isActive(p) && setIngest(p),
      () => undefined,
    );
  }, [loadInfo]);

  useEffect(() => {
    document.title = info ? `${info.name} — Fototar` : 'Fototar';
  }, [info]);

  // A new query starts at the top with the focus cleared.
  const shownQuery = source?.query ?? '';
  useEffect(() => {
    setFocusIndex(-1);
    setAnchor(-1);
    setResetScroll((n) => n + 1);
  }, [shownQuery]);

  // Poll while an ingest runs; refresh the grid now and then so new photos appear as they land.
  const ingestRunning = isActive(ingest);
  useEffect(() => {
    if (!ingestRunning) {
      setCancelling(false);
      return;
    }
    let stopped = false;
    let lastRefresh = Date.now();
    const timer = window.setInterval(() => {
      api.ingestProgress({}).then(
        (p) => {
          if (stopped) return;
          setIngest(p);
          if (!isActive(p)) {
            setRefreshKey((k) => k + 1);
            setDetailReload((k) => k + 1);
            loadInfo();
          } else if (Date.now() - lastRefresh > LIVE_REFRESH_MS) {
            lastRefresh = Date.now();
            setRefreshKey((k) => k + 1);
            loadInfo();
          }
        },
        (e: unknown) => !stopped && setNotice({ kind: 'error', text: `Could not read ingest progress: ${errorMessage(e)}` }),
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [ingestRunning, loadInfo]);

  const startIngest = useCallback(async (paths: string[]): Promise<string | null> => {
    if (!paths.length) return null;
    try {
      const progress = await api.startIngest({ paths });
      setIngest(progress);
      setNotice(null);
      if (!isActive(progress)) {
        setRefreshKey((k) => k + 1);
        loadInfo();
      }
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  }, [loadInfo]);

  const addFolder = useCallback(async () => {
    try {
      const chosen = await api.chooseFolders({});
      if (chosen === null) {
        setFolderDialog({ message: null });
        return;
      }
      const problem = await startIngest(chosen.paths);
      if (problem) setNotice({ kind: 'error', text: problem });
    } catch (e) {
      setNotice({ kind: 'error', text: errorMessage(e) });
    }
  }, [startIngest]);

  const cancelIngest = useCallback(() => {
    setCancelling(true);
    api.cancelIngest({}).then(setIngest, (e: unknown) => {
      setCancelling(false);
      setNotice({ kind: 'error', text: errorMessage(e) });
    });
  }, []);

  // Drag and drop of folders onto the window.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (!bridge.pathForFile) {
        setFolderDialog({ message: DROP_NEEDS_DESKTOP });
        return;
      }
      const paths = files.map((f) => bridge.pathForFile!(f)).filter((p) => typeof p === 'string' && p.length > 0);
      if (!paths.length) {
        setNotice({ kind: 'error', text: 'Nothing that was dropped has a path on this computer.' });
        return;
      }
      startIngest(paths).then((problem) => problem && setNotice({ kind: 'error', text: problem }));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [startIngest]);

  // Selection
  const selectIndex = useCallback(
    (index: number, mode: 'single' | 'toggle' | 'range' | 'range-add') => {
      const photo = pages.photoAt(index);
      if (mode === 'single') {
        setSelected(photo ? new Set([photo.id]) : new Set());
        setAnchor(index);
        setSelectFocusWhenLoaded(!photo);
      } else if (mode === 'toggle') {
        if (photo) {
          setSelected((prev) => {
            const next = new Set(prev);
            if (next.has(photo.id)) next.delete(photo.id);
            else next.add(photo.id);
            return next;
          });
        }
        setAnchor(index);
      } else {
        const from = anchor >= 0 ? anchor : focusIndex >= 0 ? focusIndex : index;
        const [lo, hi] = from <= index ? [from, index] : [index, from];
        const range = pages.loadedRange(lo, hi + 1).map((p) => p.id);
        setSelected((prev) => (mode === 'range-add' ? new Set([...prev, ...range]) : new Set(range)));
        if (anchor < 0) setAnchor(from);
      }
      setFocusIndex(index);
    },
    [pages, anchor, focusIndex],
  );

  // Arrow keys may land on a page that is still loading: select it when it arrives.
  const focusedPhoto = focusIndex >= 0 ? pages.photoAt(focusIndex) : undefined;
  useEffect(() => {
    if (selectFocusWhenLoaded && focusedPhoto) {
      setSelected(new Set([focusedPhoto.id]));
      setSelectFocusWhenLoaded(false);
    }
  }, [selectFocusWhenLoaded, focusedPhoto]);

  const onCellClick = useCallback(
    (index: number, _photo: PhotoSummary | undefined, event: React.MouseEvent) => {
      const toggle = event.ctrlKey || event.metaKey;
      if (event.shiftKey) selectIndex(index, toggle ? 'range-add' : 'range');
      else selectIndex(index, toggle ? 'toggle' : 'single');
      // Clicking the grid gives the keyboard back to the grid.
      if (isEditable(document.activeElement)) (document.activeElement as HTMLElement).blur();
    },
    [selectIndex],
  );

  const onCellOpen = useCallback(
    (index: number) => {
      selectIndex(index, 'single');
      setLargeOpen(true);
    },
    [selectIndex],
  );

  const onColumnsChange = useCallback((n: number) => {
    columnsRef.current = n;
  }, []);

  const moveFocus = useCallback(
    (delta: number, extend: boolean) => {
      if (total === 0) return;
      const next = focusIndex < 0 ? 0 : Math.max(0, Math.min(total - 1, focusIndex + delta));
      selectIndex(next, extend ? 'range' : 'single');
      setScrollRequest((n) => n + 1);
    },
    [focusIndex, total, selectIndex],
  );

  // After an edit, the grid cell and credit line follow the saved photo.
  const onSaved = useCallback(
    (photo: Photo) => {
      pages.replacePhotos([photo]);
      setDataVersion((v) => v + 1);
      refreshHistoryRef.current();
    },
    [pages],
  );
  const onSavedMany = useCallback(
    (photos: Photo[]) => {
      pages.replacePhotos(photos);
      setDataVersion((v) => v + 1);
      refreshHistoryRef.current();
    },
    [pages],
  );

  // Undo/redo: the grid, the open panel and the credit lines follow the photos the step touched.
  const undoRedo = useUndoRedo(
    useCallback(
      (result, kind) => {
        if (!result.label) {
          setNotice({ kind: 'info', text: kind === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.' });
          return;
        }
        pages.replacePhotos(result.photos);
        setDataVersion((v) => v + 1);
        setDetailReload((k) => k + 1);
        setNotice({ kind: 'info', text: `${kind === 'undo' ? 'Undone' : 'Redone'}: ${result.label}` });
      },
      [pages],
    ),
    useCallback((message: string) => setNotice({ kind: 'error', text: message }), []),
  );
  const refreshHistoryRef = useRef(undoRedo.refresh);
  refreshHistoryRef.current = undoRedo.refresh;

  const selectedIds = useMemo(() => [...selected], [selected]);
  const singleId = selectedIds.length === 1 ? selectedIds[0] : null;
  const singleSummary = useMemo(() => {
    if (singleId === null) return undefined;
    if (focusedPhoto?.id === singleId) return focusedPhoto;
    const index = pages.indexOfId(singleId);
    return index >= 0 ? pages.photoAt(index) : undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [singleId, focusedPhoto, pages, dataVersion, source]);

  const largeIndex = focusIndex >= 0 ? focusIndex : singleSummary ? pages.indexOfId(singleSummary.id) : -1;
  const largePhoto = largeIndex >= 0 ? pages.photoAt(largeIndex) : undefined;

  const openLarge = useCallback(() => {
    if (focusIndex < 0 && singleId === null) {
      if (total > 0) selectIndex(0, 'single');
      else return;
    }
    setLargeOpen(true);
  }, [focusIndex, singleId, total, selectIndex]);

  // Keyboard
  const keyState = { helpOpen, folderDialog, largeOpen, queryText, total, selected, moveFocus, openLarge, largeIndex, pages, selectIndex, importOpen, undoRedo, focusIndex, tagsOpen };
  const keys = useRef(keyState);
  keys.current = keyState;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = keys.current;
      const editable = isEditable(e.target);
      const mod = e.ctrlKey || e.metaKey;

      if (e.key === 'Escape') {
        if (k.helpOpen) return setHelpOpen(false);
        if (k.importOpen) return setImportOpen(false);
        if (k.tagsOpen) return setTagsOpen(false);
        if (k.folderDialog) return setFolderDialog(null);
        if (k.largeOpen) return setLargeOpen(false);
        if (e.target === searchRef.current) {
          e.preventDefault();
          if (k.queryText) {
            setQueryText('');
            setQuery('');
          } else searchRef.current?.blur();
          return;
        }
        if (editable) return (e.target as HTMLElement).blur();
        if (k.queryText) {
          setQueryText('');
          setQuery('');
        }
        return;
      }
      if (mod && e.key.toLowerCase() === 'f' && !e.shiftKey && !e.altKey) {
        e.preventDefault();
        setLargeOpen(false);
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      // Alt+arrows in a field: save it and describe the next (or previous) photo, same field.
      const arrows: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (editable && e.altKey && !mod && arrows[e.key] && e.target instanceof HTMLElement && e.target.id.startsWith('field-') && k.selected.size <= 1) {
        e.preventDefault();
        const field = e.target.id.slice('field-'.length);
        e.target.blur();
        requestFieldFocus(field, true);
        k.moveFocus(arrows[e.key], false);
        return;
      }
      if (editable || k.folderDialog || k.importOpen || k.tagsOpen) return;
      if (mod && !e.altKey && (e.key.toLowerCase() === 'z' || (e.key.toLowerCase() === 'y' && !e.shiftKey))) {
        e.preventDefault();
        if (e.key.toLowerCase() === 'y' || e.shiftKey) void k.undoRedo.redo();
        else void k.undoRedo.undo();
        return;
      }
      if (k.helpOpen) {
        if (e.key === '?') setHelpOpen(false);
        return;
      }
      if (e.key === '?') {
        e.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (k.largeOpen) {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
          e.preventDefault();
          if (k.largeIndex > 0) k.moveFocus(-1, false);
        } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
          e.preventDefault();
          if (k.largeIndex < k.total - 1) k.moveFocus(1, false);
        } else if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          setLargeOpen(false);
        }
        return;
      }
      if (e.key === '/' && !mod) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      // Buttons keep their own Enter/Space.
      const onButton = e.target instanceof HTMLElement && (e.target.tagName === 'BUTTON' || e.target.tagName === 'A');
      const cols = columnsRef.current;
      switch (e.key) {
        case 'ArrowLeft':
          e.preventDefault();
          return k.moveFocus(-1, e.shiftKey);
        case 'ArrowRight':
          e.preventDefault();
          return k.moveFocus(1, e.shiftKey);
        case 'ArrowUp':
          e.preventDefault();
          return k.moveFocus(-cols, e.shiftKey);
        case 'ArrowDown':
          e.preventDefault();
          return k.moveFocus(cols, e.shiftKey);
        case 'PageUp':
          e.preventDefault();
          return k.moveFocus(-cols * 4, e.shiftKey);
        case 'PageDown':
          e.preventDefault();
          return k.moveFocus(cols * 4, e.shiftKey);
        case 'Home':
          e.preventDefault();
          k.selectIndex(0, e.shiftKey ? 'range' : 'single');
          return setScrollRequest((n) => n + 1);
        case 'End':
          e.preventDefault();
          if (k.total > 0) k.selectIndex(k.total - 1, e.shiftKey ? 'range' : 'single');
          return setScrollRequest((n) => n + 1);
        case 'Enter':
          // Enter edits: the title of the photo (or of the selection) takes the keyboard.
          if (onButton || mod) return;
          e.preventDefault();
          if (k.selected.size === 0) {
            if (k.total === 0) return;
            k.selectIndex(k.focusIndex >= 0 ? k.focusIndex : 0, 'single');
            requestFieldFocus('title', true);
            return;
          }
          return requestFieldFocus('title');
        case ' ':
          if (onButton) return;
          e.preventDefault();
          return k.openLarge();
      }
      if (mod && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        const all = k.pages.loadedRange(0, k.total).map((p) => p.id);
        setSelected(new Set(all));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const photoCount = query ? info?.photos ?? 0 : source?.total ?? info?.photos ?? 0;
  const searching = pages.loading && pages.pendingQuery !== shownQuery;
  const loaded = source !== null;

  let emptyState: React.ReactNode = null;
  if (loaded && source.error) {
    emptyState = (
      <div className="empty-state" data-testid="empty-state" role="alert">
        <h2>{source.query ? 'The search could not run' : 'The catalogue could not be read'}</h2>
        <p className="error-text">{source.error}</p>
        {source.query && <p className="muted">Query: “{source.query}”</p>}
      </div>
    );
  } else if (loaded && total === 0 && source.query) {
    emptyState = (
      <div className="empty-state" data-testid="empty-state">
        <h2>No photos match “{source.query}”</h2>
        <p className="muted">
          Accents do not matter (“ulloi ut” finds “Üllői út”). Try fewer words, a year such as 1956, or a donor’s name.
        </p>
        <button type="button" className="button" onClick={() => { setQueryText(''); setQuery(''); }}>
          Clear the search
        </button>
      </div>
    );
  } else if (loaded && total === 0) {
    emptyState = (
      <div className="empty-state" data-testid="empty-state">
        <div className="empty-icon" aria-hidden="true" />
        <h2>This catalogue is empty</h2>
        <p className="muted">
          Add a folder of scans to start: Fototar reads the photos in it and its subfolders, makes thumbnails, and never
          changes the originals.
        </p>
        <button type="button" className="button primary" onClick={addFolder}>
          Add folder…
        </button>
        <p className="muted small">
          {bridge.pathForFile ? 'You can also drop a folder onto this window.' : 'Or, on the command line: '}
          {!bridge.pathForFile && <code>npx fototar ingest &lt;folder&gt;</code>}
        </p>
      </div>
    );
  }

  if (fatal && !info) {
    return (
      <div className="fatal">
        <h1>Fototar cannot reach its catalogue</h1>
        <p className="error-text">{fatal}</p>
        <button type="button" className="button" onClick={() => { setFatal(null); loadInfo(); setRefreshKey((k) => k + 1); }}>
          Try again
        </button>
      </div>
    );
  }

  return (
    <div className={`app${dragging ? ' dragging' : ''}`}>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <span className="app-name">Fototar</span>
          {info && (
            <span className="catalogue-name" title={info.directory}>
              {info.name}
            </span>
          )}
          <span className="photo-count" data-testid="photo-count">
            {info || source ? plural(photoCount, 'photo', 'photos') : ''}
          </span>
        </div>
        <div className="search">
          <span className="search-icon" aria-hidden="true" />
          <input
            ref={searchRef}
            type="search"
            data-testid="search-input"
            aria-label="Search photos"
            placeholder="Search captions, places, donors, years…"
            value={queryText}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setQueryText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setQuery(queryText);
              if (e.key === 'ArrowDown' && total > 0) {
                e.preventDefault();
                searchRef.current?.blur();
                moveFocus(0, false);
              }
            }}
          />
          {searching && <span className="spinner" aria-label="Searching" />}
          {!searching && <kbd className="search-kbd">/</kbd>}
          <button
            type="button"
            className="search-help-button"
            data-testid="search-help-button"
            aria-label="How to search"
            aria-expanded={searchHelpOpen}
            title="How to search"
            onClick={() => setSearchHelpOpen((o) => !o)}
          >
            ?
          </button>
          {searchHelpOpen && (
            <SearchHelp
              onClose={() => setSearchHelpOpen(false)}
              onExample={(q) => {
                runQuery(q);
                setSearchHelpOpen(false);
              }}
            />
          )}
        </div>
        <div className="topbar-actions">
          <button
            type="button"
            className="button icon"
            data-testid="undo"
            aria-label="Undo"
            title={undoRedo.history.undoLabel ? `Undo: ${undoRedo.history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
            disabled={!undoRedo.history.canUndo}
            onClick={undoRedo.undo}
          >
            ↶
          </button>
          <button
            type="button"
            className="button icon"
            data-testid="redo"
            aria-label="Redo"
            title={undoRedo.history.redoLabel ? `Redo: ${undoRedo.history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            disabled={!undoRedo.history.canRedo}
            onClick={undoRedo.redo}
          >
            ↷
          </button>
          <button type="button" className="button" data-testid="tags-open" onClick={() => setTagsOpen(true)}>
            Tags…
          </button>
          <button type="button" className="button" data-testid="import-open" onClick={() => setImportOpen(true)}>
            Import CSV…
          </button>
          <button type="button" className="button icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)}>
            ?
          </button>
          <button type="button" className="button primary" data-testid="add-folder" onClick={addFolder} disabled={ingestRunning}>
            Add folder…
          </button>
        </div>
      </header>

      {notice && (
        <div className={`notice-bar ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="button small ghost" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {ingest && ingest.state !== 'idle' && <IngestPanel progress={ingest} cancelling={cancelling} onCancel={cancelIngest} onDismiss={() => setIngest(null)} />}

      <main className="workspace">
        <CollectionsSidebar collections={collections} onError={showError} />
        {collections.openId !== null && (
          <Lightbox collectionId={collections.openId} version={collections.version} onChanged={collections.refresh} onClose={() => collections.open(null)} onError={showError} />
        )}
        <section className="library" aria-label="Photos">
          <FacetPanel query={query} refreshKey={refreshKey + dataVersion} onQuery={runQuery} />
          <div className="grid-wrap">
            <Grid
              total={total}
              photoAt={pages.photoAt}
              ensureRange={pages.ensureRange}
              selected={selected}
              focusIndex={focusIndex}
              dataVersion={dataVersion}
              onCellClick={onCellClick}
              onCellOpen={onCellOpen}
              onColumnsChange={onColumnsChange}
              scrollRequest={scrollRequest}
              resetScroll={resetScroll}
            />
            {emptyState}
            {!loaded && <div className="grid-loading">Opening the catalogue…</div>}
          </div>
          <footer className="statusbar">
            <span data-testid="result-count">
              {loaded && (shownQuery ? `${plural(total, 'photo matches', 'photos match')} “${shownQuery}”` : plural(total, 'photo', 'photos'))}
            </span>
            <span className="muted">{selected.size > 0 ? `${numberFormat.format(selected.size)} selected` : ''}</span>
            <AddToCollection collections={collections} selectedIds={selectedIds} onMessage={(kind, text) => setNotice({ kind, text })} />
            <span className="spacer" />
            <span className="muted small">Press ? for shortcuts</span>
          </footer>
        </section>

        {singleId !== null ? (
          <DetailPanel
            key={singleId}
            id={singleId}
            summary={singleSummary}
            reloadKey={detailReload}
            onSaved={onSaved}
            onOpenLarge={openLarge}
          />
        ) : selectedIds.length > 1 ? (
          <MultiPanel ids={selectedIds} reloadKey={detailReload} onSaved={onSavedMany} />
        ) : (
          <aside className="detail empty" data-testid="detail" aria-label="Photo details">
            <div className="detail-hint">
              {total > 0 && (
                <>
                  <p>Select a photo to see its credit and edit its caption, date and donor.</p>
                  <p className="muted small">Select several to copy their credits as a list.</p>
                </>
              )}
            </div>
          </aside>
        )}
      </main>

      {largeOpen && largePhoto && (
        <LargeView
          summary={largePhoto}
          position={largeIndex}
          total={total}
          onPrev={() => moveFocus(-1, false)}
          onNext={() => moveFocus(1, false)}
          onClose={() => setLargeOpen(false)}
        />
      )}
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {tagsOpen && (
        <TagManager
          onClose={() => setTagsOpen(false)}
          onRenamed={(message) => {
            setRefreshKey((k) => k + 1);
            setDetailReload((k) => k + 1);
            undoRedo.refresh();
            setNotice({ kind: 'info', text: message });
          }}
        />
      )}
      {importOpen && (
        <ImportDialog
          onClose={() => setImportOpen(false)}
          onApplied={(result) => {
            setImportOpen(false);
            setRefreshKey((k) => k + 1);
            setDetailReload((k) => k + 1);
            undoRedo.refresh();
            setNotice({ kind: 'info', text: `Imported: ${result.changes.length} photos changed${result.rejected.length ? `, ${result.rejected.length} lines rejected` : ''}. Ctrl+Z undoes the import.` })
          }}
        />
      )}
      {folderDialog && (
        <FolderDialog
          message={folderDialog.message}
          onClose={() => setFolderDialog(null)}
          onSubmit={async (paths) => {
            const problem = await startIngest(paths);
            if (!problem) setFolderDialog(null);
            return problem;
          }}
        />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-target">Drop folders to add them to the catalogue</div>
        </div>
      )}
    </div>
  );
}
