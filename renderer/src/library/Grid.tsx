// The virtualised photo grid: rows of N cells, N from the container's width. Only rows in view
// are rendered (gridWindow.ts says which, and where, at any size); the pages they need are
// fetched on demand (see usePhotoPages.ts).
import { CellMarks } from './marks/CellMarks.tsx';
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PhotoSummary } from '../../../shared/types.ts';
import { bridge } from '../common/bridge.ts';
import { photoDate, photoTitle } from '../common/labels.ts';
import { ingestReason } from '../ingest/ingestReasons.ts';
import { gridColumns } from './thumbSize.ts';
import { cellLabels, type CellLabels } from './cellLabels.ts';
import { contentHeight, contentOffset, firstRowInView, rowsInView, rowsToDraw, rowTop, scrollHeight, scrollTopToShow, type GridMetrics } from './gridWindow.ts';
import { ThumbnailGate } from './thumbnailGate.ts';

const sameRows = (a: { first: number; last: number }, b: { first: number; last: number }) => a.first === b.first && a.last === b.last;

const GAP = 12;
const PADDING = 16;
const TEXT_HEIGHT = 46;
/** Cells narrower than this show less text (thumbSize.ts lets them go down to 96 px). */
const COMPACT_BELOW = 140;
/** Rows rendered beyond the view on each side, so a short scroll shows cards, not blanks. */
const OVERSCAN_ROWS = 3;

export interface GridProps {
  total: number;
  /** The query shown: a new one starts at the top. */
  query: string;
  /** The smallest width of a cell, as the thumbnail-size slider sets it (thumbSize.ts). */
  cellSize: number;
  /** The order shown ("date desc"): another one starts at the top too. */
  order?: string;
  photoAt(index: number): PhotoSummary | undefined;
  ensureRange(start: number, end: number): void;
  isSelected(id: number): boolean;
  /** The focused cell, kept in view. */
  focusIndex: number;
  onCellClick(index: number, event: React.MouseEvent): void;
  onCellOpen(index: number): void;
  onColumnsChange(columns: number): void;
}

export function Grid(props: GridProps) {
  const { total, photoAt, ensureRange, isSelected, focusIndex, onColumnsChange, cellSize } = props;
  // One subscription to the language for the whole grid, not three per card: cards mount and
  // unmount by the dozen on every Page Down, and each hook of its own cost a listener on i18next.
  const { t } = useTranslation('library');
  const { t: tIngest } = useTranslation('ingest');
  const labels = useMemo(() => cellLabels(t), [t]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [viewport, setViewport] = useState(0);
  /** The scroll position the rows are drawn for. */
  const [scrollTop, setScrollTop] = useState(0);
  const drawnTop = useRef(0);
  drawnTop.current = scrollTop;
  /** The element's scrollTop as last seen in a scroll event or last set here: read without asking the browser for a layout. */
  const scrollPos = useRef(0);
  /** Cards that appear while the view jumps load their thumbnails once it rests (thumbnailGate.ts). */
  const [gate] = useState(() => new ThumbnailGate());

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => {
      setWidth(element.clientWidth);
      setViewport(element.clientHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const inner = Math.max(0, width - PADDING * 2);
  const columns = gridColumns(inner, cellSize, GAP);
  const cellWidth = width ? Math.floor((inner - GAP * (columns - 1)) / columns) : cellSize;
  const rowHeight = cellWidth + TEXT_HEIGHT + GAP;
  const rowCount = Math.ceil(total / columns);
  const metrics: GridMetrics = { rowCount, rowHeight, padding: PADDING, viewport };
  // The latest geometry, for scrolls asked for by effects and events between renders.
  const latest = useRef(metrics);
  latest.current = metrics;
  /** The element scrolled to `top` (by the person or by a key): the gate hears how far the rows moved, and scrollPos follows. */
  const scrolledTo = useCallback(
    (top: number) => {
      const m = latest.current;
      gate.moved(contentOffset(m, top) - contentOffset(m, scrollPos.current), m.viewport);
      scrollPos.current = top;
    },
    [gate],
  );

  useEffect(() => void onColumnsChange(columns), [columns, onColumnsChange]);

  /** Scrolls so that `row` is in view ('auto': only as far as needed) or at the top. */
  const showRow = (row: number, align: 'auto' | 'start') => {
    const element = scrollRef.current;
    if (!element) return;
    const next = scrollTopToShow(latest.current, row, element.scrollTop, align);
    if (next !== element.scrollTop) element.scrollTop = next;
    // Drawn from the new position at once, not one scroll event later.
    scrollPos.current = element.scrollTop;
    setScrollTop(scrollPos.current);
  };

  // A new geometry (window resized, thumbnail size changed): the photo in focus (else the first
  // one that was in view) stays in view, so changing the size never loses the person's place
  // among 200,000 photos.
  const geometry = useRef({ rowHeight, columns });
  const firstInView = useRef(0);
  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const top = element.scrollTop;
    const m = latest.current;
    scrolledTo(top);
    firstInView.current = firstRowInView(m, top) * columns;
    // Below the cap, rows sit where they are and only a new set of rows in view needs a render;
    // above it, rows are drawn relative to the scroll position, so every scroll redraws them.
    if (scrollHeight(m) < contentHeight(m) || !sameRows(rowsInView(m, top, 0), rowsInView(m, drawnTop.current, 0))) setScrollTop(top);
  };
  useLayoutEffect(() => {
    const before = geometry.current;
    geometry.current = { rowHeight, columns };
    if (before.rowHeight === rowHeight && before.columns === columns) return;
    const focused = focusIndex >= 0 && focusIndex < total;
    const keep = focused ? focusIndex : firstInView.current;
    if (keep > 0) showRow(Math.floor(keep / columns), focused ? 'auto' : 'start');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new geometry moves the view
  }, [rowHeight, columns]);

  const { first: firstRow, last: lastRow } = rowsInView(metrics, scrollTop, OVERSCAN_ROWS);

  // Load what is in view, after the scroll settles for a moment (a dragged scrollbar crossing
  // 200,000 photos should not request every page on the way).
  useEffect(() => {
    const timer = window.setTimeout(() => ensureRange(firstRow * columns, (lastRow + 1) * columns), 60);
    return () => window.clearTimeout(timer);
  }, [firstRow, lastRow, columns, ensureRange, total]);

  // A new focus (arrow keys, Page Down, a click) is kept in view in the same render that draws
  // it: the rows for the new position are rendered once, with the focus, and the element is
  // scrolled to match before the browser paints. Scrolling in an effect after the commit drew
  // every Page Down twice (and read scrollTop, forcing a layout in between): at 1920×1080 that
  // made tasks of over 50 ms.
  const [keptFocus, setKeptFocus] = useState(focusIndex);
  if (keptFocus !== focusIndex) {
    setKeptFocus(focusIndex);
    if (focusIndex >= 0 && focusIndex < total && viewport > 0) {
      // scrollPos: the last known position, kept current by onScroll and the writes below.
      const next = scrollTopToShow(metrics, Math.floor(focusIndex / columns), scrollPos.current, 'auto');
      if (next !== scrollTop) setScrollTop(next);
    }
  }
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || scrollTop === scrollPos.current) return;
    scrolledTo(scrollTop);
    element.scrollTop = scrollTop;
  }, [scrollTop, scrolledTo]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    scrollPos.current = 0;
    setScrollTop(0);
  }, [props.query, props.order]);

  // The rows in view are drawn with the key press that shows them; the rows beyond them follow
  // in a render of their own that React can slice and put off. A Page Down at 1920×1080 brings
  // one new row into view and three into the overscan: drawing all four rows of new cards in
  // the key press made tasks of over 50 ms on a busy two-core machine.
  const settledTop = useDeferredValue(scrollTop);
  const drawn = rowsToDraw(metrics, scrollTop, settledTop, OVERSCAN_ROWS);
  const rows = [];
  for (let row = drawn.first; row <= drawn.last; row++) {
    const cells = [];
    for (let c = 0; c < columns; c++) {
      const index = row * columns + c;
      if (index >= total) break;
      const photo = photoAt(index);
      cells.push(
        <GridCell
          key={photo ? `p${photo.id}` : `i${index}`}
          index={index}
          photo={photo}
          size={cellWidth}
          selected={photo ? isSelected(photo.id) : false}
          focused={index === focusIndex}
          labels={labels}
          tIngest={tIngest}
          gate={gate}
          onClick={props.onCellClick}
          onOpen={props.onCellOpen}
        />,
      );
    }
    rows.push(
      <div
        key={row}
        className="grid-row"
        role="row"
        aria-rowindex={row + 1}
        style={{ transform: `translateY(${rowTop(metrics, row, scrollTop)}px)`, height: rowHeight, gridTemplateColumns: `repeat(${columns}, ${cellWidth}px)` }}
      >
        {cells}
      </div>,
    );
  }

  return (
    <div className={cellWidth < COMPACT_BELOW ? 'grid-scroll compact' : 'grid-scroll'} ref={scrollRef} data-testid="grid" role="grid" aria-rowcount={rowCount} aria-colcount={columns} data-cell-width={cellWidth} onScroll={onScroll}>
      <div className="grid-sizer" style={{ height: scrollHeight(metrics) }}>
        {rows}
      </div>
    </div>
  );
}

interface CellProps {
  index: number;
  photo: PhotoSummary | undefined;
  size: number;
  selected: boolean;
  focused: boolean;
  labels: CellLabels;
  tIngest: TFunction<'ingest'>;
  gate: ThumbnailGate;
  onClick: GridProps['onCellClick'];
  onOpen: GridProps['onCellOpen'];
}

const GridCell = memo(function GridCell({ index, photo, size, selected, focused, labels, tIngest, gate, onClick, onOpen }: CellProps) {
  const [broken, setBroken] = useState(false);
  useEffect(() => setBroken(false), [photo?.id, photo?.thumbVersion]);
  // A card that appeared while the view jumped asks for its thumbnail once the view rests.
  const [waiting, setWaiting] = useState(() => gate.holding());
  useEffect(() => (waiting ? gate.whenRested(() => setWaiting(false)) : undefined), [waiting, gate]);

  if (!photo) {
    // One element, drawn by its backgrounds (styles.css): a drag of the scrollbar across a
    // million photos makes dozens of these a frame, and every element is style and layout work.
    return <div className="cell cell-placeholder" role="gridcell" aria-busy="true" style={{ '--image': `${size}px` } as CSSProperties} />;
  }

  const title = photoTitle(photo);
  const date = photoDate(photo.date);
  const className = ['cell', selected ? 'selected' : '', focused ? 'focused' : '', photo.flag === 'reject' ? 'rejected' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={className}
      role="gridcell"
      aria-selected={selected}
      data-testid="grid-cell"
      data-photo-id={photo.id}
      data-index={index}
      title={photo.caption ? `${title}\n${photo.caption}` : title}
      onMouseDown={(event) => {
        if (event.shiftKey) event.preventDefault(); // no text selection on shift-click
      }}
      onClick={(event) => onClick(index, event)}
      onDoubleClick={() => onOpen(index)}
    >
      <div className="cell-image" style={{ height: size }}>
        {photo.previewError ? (
          <div className="no-preview">
            <span className="no-preview-label">{labels.noPreview}</span>
            <span className="no-preview-reason">{ingestReason(photo.previewError, tIngest)}</span>
          </div>
        ) : broken ? (
          <div className="no-preview">
            <span className="no-preview-label">{labels.noPreview}</span>
            <span className="no-preview-reason">{labels.thumbFailed}</span>
          </div>
        ) : waiting ? null : (
          <img
            src={bridge.imageUrl(photo.id, 'grid', photo.thumbVersion)}
            alt=""
            draggable={false}
            decoding="async"
            loading="lazy"
            onError={() => setBroken(true)}
          />
        )}
        {photo.missing && <span className="badge badge-missing">{labels.missing}</span>}
        {photo.duplicateOf !== null && (
          <span className="badge badge-duplicate" data-testid="duplicate-badge" title={labels.duplicateTitle(photo.duplicateOf)}>
            {labels.duplicate}
          </span>
        )}
        <CellMarks photo={photo} labels={labels} />
      </div>
      <div className="cell-text">
        <span className="cell-title">{title}</span>
        <span className="cell-date">{date || '\u00a0'}</span>
      </div>
    </div>
  );
});
