// The running ingest as the window shows it: started here (Add folder, a drop, the menu) or
// anywhere else, its progress arrives as catalogue events; nothing polls.
import { useCallback, useEffect, useState } from 'react';
import type { IngestProgress } from '../../../shared/types.ts';
import { api } from '../common/bridge.ts';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';
import { useCatchUpWhenQuiet } from '../common/useCatchUpWhenQuiet.ts';
import { errorText } from '../common/errorText.ts';

export function isActive(progress: IngestProgress | null): boolean {
  return progress !== null && (progress.state === 'scanning' || progress.state === 'running');
}

const message = errorText;

export interface IngestState {
  progress: IngestProgress | null;
  running: boolean;
  cancelling: boolean;
  /** Starts an ingest; answers the problem in words, or null. */
  start(paths: string[]): Promise<string | null>;
  cancel(): void;
  dismiss(): void;
}

export function useIngest(onError: (text: string) => void): IngestState {
  const [progress, setProgress] = useState<IngestProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  // One read at open: an ingest may already be running (started before this window loaded).
  useEffect(() => {
    api.ingestProgress({}).then(
      (p) => isActive(p) && setProgress(p),
      () => undefined,
    );
  }, []);
  const running = isActive(progress);
  const heard = useCatchUpWhenQuiet(running, () => {
    api.ingestProgress({}).then(
      (p) => setProgress((shown) => (isActive(shown) ? p : shown)),
      () => undefined,
    );
  });
  useCatalogueEvent('ingestProgress', (e) => {
    heard();
    setProgress(e.progress);
  });

  useEffect(() => {
    if (!running) setCancelling(false);
  }, [running]);

  const start = useCallback(async (paths: string[]) => {
    if (!paths.length) return null;
    try {
      // The catalogue reads only what was chosen in this session: these paths, confirmed here.
      for (const path of paths) await api.chooseFolder({ path, purpose: 'ingest' });
      const started = await api.startIngest({ paths });
      // Shown at once, even if the stream's first events are late or lost (then caught up).
      setProgress((shown) => (isActive(shown) ? shown : started));
      return null;
    } catch (e) {
      return message(e);
    }
  }, []);

  const cancel = useCallback(() => {
    setCancelling(true);
    api.cancelIngest({}).then(
      () => undefined,
      (e: unknown) => {
        setCancelling(false);
        onError(message(e));
      },
    );
  }, [onError]);

  return { progress, running, cancelling, start, cancel, dismiss: useCallback(() => setProgress(null), []) };
}
