// The catalogue's name, folder and photo count, read again whenever photos change.
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
  useCatalogueEvent('photosChanged', load);
  useEffect(() => {
    document.title = info ? `${info.name} — Fototar` : 'Fototar';
  }, [info]);
  return { info, fatal, reload: load };
}
