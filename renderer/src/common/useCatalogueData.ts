// Data a panel shows, loaded from the catalogue and loaded again whenever an event says it may
// have changed (see useCatalogueEvent.ts). Only the newest answer is kept: a slow old answer
// never overwrites a newer one, and a value set locally (what a save answered) wins over loads
// that started before it.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { CatalogueEvent } from '../../../shared/events.ts';
import { bridge } from './bridge.ts';
import { errorText } from './errorText.ts';

export interface CatalogueData<T> {
  data: T | null;
  error: string | null;
  /** A load is under way: `data` may be older than the catalogue. */
  loading: boolean;
  /** Loads again now. */
  reload(): void;
  /** Shows this value (a save's answer) and drops loads still under way. */
  set(value: T): void;
}

export function useCatalogueData<T>(
  load: (() => Promise<T>) | null,
  deps: DependencyList,
  changed: (event: CatalogueEvent) => boolean,
): CatalogueData<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: false });
  const sequence = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const isChange = useRef(changed);
  isChange.current = changed;

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    const run = loader.current;
    if (!run) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    run().then(
      (data) => mine === sequence.current && setState({ data, error: null, loading: false }),
      (e: unknown) => mine === sequence.current && setState((s) => ({ data: s.data, error: errorText(e), loading: false })),
    );
  }, []);

  const set = useCallback((data: T) => {
    sequence.current++;
    setState({ data, error: null, loading: false });
  }, []);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, deps);
  useEffect(() => bridge.subscribe((event) => isChange.current(event) && reload()), [reload]);

  return { data: state.data, error: state.error, loading: state.loading, reload, set };
}
