// Folders dropped onto the window are added to the catalogue (the desktop app knows a dropped
// file's path; a browser does not, so browser mode asks for the path instead).
import { useEffect, useState } from 'react';
import { bridge } from '../common/bridge.ts';

export function useDropFolders(handlers: { onPaths(paths: string[]): void; onNoPaths(): void; onBrowser(): void }): boolean {
  const [dragging, setDragging] = useState(false);
  const { onPaths, onNoPaths, onBrowser } = handlers;
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
      const pathFor = bridge.pathForFile;
      if (!pathFor) return onBrowser();
      const paths = files.map((f) => pathFor(f)).filter((p) => typeof p === 'string' && p.length > 0);
      if (!paths.length) return onNoPaths();
      onPaths(paths);
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
  }, [onPaths, onNoPaths, onBrowser]);
  return dragging;
}
