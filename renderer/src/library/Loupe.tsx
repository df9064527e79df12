// The large view at 100% and beyond: the scan's own pixels (served as `full`: the original, or
// its full-size render), panned by dragging or scrolling, zoomed by the wheel up to 400% about the
// pointer. Until the full picture has arrived, the preview is drawn beneath at the same size, so
// something is on screen at once and the sharp pixels replace it in place.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { bridge } from '../common/bridge.ts';
import { anchoredScroll, fitZoom, wheelZoom } from './loupeZoom.ts';

export interface LoupeProps {
  id: number;
  version: string;
  alt: string;
  /** The picture's size as displayed (after orientation). */
  width: number;
  height: number;
  zoom: number;
  /** A new zoom (null: back to fit). */
  onZoom(zoom: number | null): void;
}

export function Loupe({ id, version, alt, width, height, zoom, onZoom }: LoupeProps) {
  const stage = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  // Where to put the view after a zoom change: set by the wheel (about the pointer) or, when the
  // loupe opens, the middle of the picture.
  const pending = useRef<{ left: number; top: number } | null>(null);
  const shown = useRef(zoom);

  useLayoutEffect(() => {
    const element = stage.current;
    if (!element) return;
    const target = pending.current ?? {
      left: (width * zoom - element.clientWidth) / 2,
      top: (height * zoom - element.clientHeight) / 2,
    };
    element.scrollTo(target.left, target.top);
    pending.current = null;
    shown.current = zoom;
  }, [zoom, width, height]);

  const onWheel = (e: WheelEvent) => {
    const element = stage.current;
    if (!element || e.deltaY === 0) return;
    // The wheel zooms here; it must not also scroll the stage underneath the new zoom.
    e.preventDefault();
    const box = element.getBoundingClientRect();
    const next = wheelZoom(zoom, e.deltaY, fitZoom({ width, height }, { width: element.clientWidth, height: element.clientHeight }));
    if (next !== null) pending.current = anchoredScroll({ left: element.scrollLeft, top: element.scrollTop }, { x: e.clientX - box.left, y: e.clientY - box.top }, shown.current, next);
    onZoom(next);
  };

  const wheel = useRef(onWheel);
  wheel.current = onWheel;
  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    // Not React's onWheel: that listener is passive and cannot keep the browser from scrolling.
    const listener = (e: WheelEvent) => wheel.current(e);
    element.addEventListener('wheel', listener, { passive: false });
    return () => element.removeEventListener('wheel', listener);
  }, []);

  const size = { width: Math.round(width * zoom), height: Math.round(height * zoom) };
  return (
    <div
      className="loupe"
      ref={stage}
      data-testid="loupe"
      data-zoom={zoom}
      onClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => {
        if (e.button !== 0 || !stage.current) return;
        drag.current = { x: e.clientX, y: e.clientY, left: stage.current.scrollLeft, top: stage.current.scrollTop };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const start = drag.current;
        if (!start || !stage.current) return;
        stage.current.scrollTo(start.left - (e.clientX - start.x), start.top - (e.clientY - start.y));
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    >
      <div className="loupe-canvas" style={size}>
        <img className="loupe-preview" src={bridge.imageUrl(id, 'preview', version)} alt="" draggable={false} style={size} />
        <img
          className={`loupe-full${loaded ? ' loaded' : ''}`}
          data-testid="loupe-full"
          data-loaded={loaded}
          src={bridge.imageUrl(id, 'full', version)}
          alt={alt}
          draggable={false}
          decoding="async"
          style={size}
          onLoad={() => setLoaded(true)}
        />
      </div>
    </div>
  );
}
