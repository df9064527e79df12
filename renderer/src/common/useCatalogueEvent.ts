// The one way a panel hears what changed in the catalogue (shared/events.ts): it names the
// event types it shows and gets each as it is pushed. No counters, no polling.
import { useEffect, useRef } from 'react';
import type { CatalogueEventOf, CatalogueEventType } from '../../../shared/events.ts';
import { bridge } from './bridge.ts';

export function useCatalogueEvent<T extends CatalogueEventType>(types: T | readonly T[], handler: (event: CatalogueEventOf<T>) => void): void {
  // The latest handler, so subscribing happens once per mount, not once per render.
  const latest = useRef(handler);
  latest.current = handler;
  const key = typeof types === 'string' ? types : types.join(',');
  useEffect(() => {
    const wanted = new Set<string>(key.split(','));
    return bridge.subscribe((event) => {
      if (wanted.has(event.type)) latest.current(event as CatalogueEventOf<T>);
    });
  }, [key]);
}
