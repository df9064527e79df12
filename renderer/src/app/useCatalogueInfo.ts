// The catalogue's name, folder and photo count; the count follows photosChanged events (read
// again only when an event comes without it).
import { useCallback, useEffect, useState } from 'react';
import type { CatalogueInfo } from '../../../shared/types.ts';
import { api } from '../common/bridge.ts';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';
import { errorText } from '../common/errorText.ts';

export function useCatalogueInfo() {
  const [info, setInfo] = useState<CatalogueInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const load = useCallback(() => {
    api.info({}).then(
      (i) => {
        setInfo(i);
        setFatal(null);
      },
      (e: unknown) => setFatal(errorText(e)),
    );
  }, []);
  useEffect(load, [load]);
  useCatalogueEvent('photosChanged', (event) => {
    const total = event.total;
    if (total === undefined) load();
    else setInfo((shown) => (shown === null ? shown : shown.photos === total ? shown : { ...shown, photos: total }));
  });
  useEffect(() => {
    document.title = info ? `${info.name} — Fototar` : 'Fototar';
  }, [info]);
  return { info, fatal, reload: load };
}
