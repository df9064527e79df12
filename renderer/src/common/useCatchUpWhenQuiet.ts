// Long work (an ingest, an export) reports progress as pushed events, several a second while it
// runs. Events can be lost: browser mode's event stream drops and reconnects, or was not yet
// connected when the work started and ended. A panel that showed "running" would then show it
// for ever. So while the work is shown as running and nothing has been heard for a while, the
// panel reads the state once; this is a catch-up after silence, not polling.
import { useCallback, useEffect, useRef } from 'react';

/** How long without an event before the state is read again. */
export const QUIET_MS = 2500;

/**
 * While `active`, calls `reread` whenever QUIET_MS pass without `heard()` being called.
 * Returns `heard`, to be called on every event of the work.
 */
export function useCatchUpWhenQuiet(active: boolean, reread: () => void): () => void {
  const lastHeard = useRef(0);
  const latest = useRef(reread);
  latest.current = reread;
  const heard = useCallback(() => {
    lastHeard.current = Date.now();
  }, []);
  useEffect(() => {
    if (!active) return;
    lastHeard.current = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - lastHeard.current >= QUIET_MS) {
        lastHeard.current = Date.now();
        latest.current();
      }
    }, QUIET_MS / 2);
    return () => clearInterval(timer);
  }, [active]);
  return heard;
}
