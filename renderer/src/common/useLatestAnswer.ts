// Asks the catalogue something whenever `deps` change, optionally after a pause in typing, and
// hears only the answer to the newest question: an answer arriving after the inputs changed (or
// the panel closed) is dropped. The one home of the "let live = true … live = false" guard.
import { useEffect, useRef, type DependencyList } from 'react';

export interface AnswerHandlers<T> {
  /** Wait this long after the last change before asking (typing); 0 asks at once. */
  delayMs?: number;
  onAnswer(value: T): void;
  onError?(error: unknown): void;
}

export function useLatestAnswer<T>(request: (() => Promise<T>) | null, deps: DependencyList, handlers: AnswerHandlers<T>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const ask = useRef(request);
  ask.current = request;
  useEffect(() => {
    const run = ask.current;
    if (!run) return;
    let live = true;
    const start = () =>
      run().then(
        (value) => live && latest.current.onAnswer(value),
        (error: unknown) => live && latest.current.onError?.(error),
      );
    const delay = latest.current.delayMs ?? 0;
    const timer = delay > 0 ? window.setTimeout(start, delay) : undefined;
    if (delay <= 0) start();
    return () => {
      live = false;
      if (timer !== undefined) window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
