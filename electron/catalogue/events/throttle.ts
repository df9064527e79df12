// Calls `run` at most once per `ms`, trailing: the last call within a window runs when it ends.
// `now()` runs at once (state changes, the end of a job) and cancels the pending call.
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  now(...args: A): void;
}

export function throttle<A extends unknown[]>(ms: number, run: (...args: A) => void): Throttled<A> {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = null;
    last = Date.now();
    run(...args);
  };
  const throttled = (...args: A) => {
    const wait = last + ms - Date.now();
    if (wait <= 0) return fire(...args);
    // Calls inside the window fold into one at its end (callers accumulate what they report).
    if (!timer) timer = setTimeout(() => fire(...args), wait);
  };
  throttled.now = fire;
  return throttled as Throttled<A>;
}
