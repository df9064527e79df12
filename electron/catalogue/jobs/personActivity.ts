// Background duties give way to the person at the window. Opening a catalogue of a million photos
// starts two of them at once — the originals check (a million stats and the rows to compare) and
// the automatic backup (a copy of the database, then its integrity check) — and on a two-core
// laptop they took a whole core for the first minute, exactly while the person scrolled the grid:
// the catalogue server spent 57 ms of CPU per Page Down instead of 15, and the grid's key presses
// became long tasks (measured with `.ci`'s Chromium at 1920×1080, scripts/bench-grid.ts).
//
// So every request from a window (an API call, a thumbnail) is noted here, and a duty asks
// `quiet()` before each slice of its work: while the person is browsing it waits until nothing has
// been asked for a moment, and never longer than its bound, so it still finishes under constant use.
// Work the person asked for (a check from the menu, a backup now) does not wait.

export interface QuietOptions {
  /** How long without a request counts as quiet. */
  quietMs?: number;
  /** The longest it waits, so a duty still progresses while the person never stops. */
  atMostMs?: number;
  /** Stops waiting (the catalogue closing). */
  signal?: AbortSignal;
}

export const QUIET_MS = 1000;
export const AT_MOST_MS = 2000;

export class PersonActivity {
  #last = Number.NEGATIVE_INFINITY;
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** A request from a window: the person is browsing. */
  note(): void {
    this.#last = this.#now();
  }

  /** Milliseconds since the last request (Infinity when there was none). */
  sinceLast(): number {
    return this.#now() - this.#last;
  }

  /** Resolves once no request came for `quietMs`, after `atMostMs` at the latest, or when `signal` aborts. */
  async quiet({ quietMs = QUIET_MS, atMostMs = AT_MOST_MS, signal }: QuietOptions = {}): Promise<void> {
    const start = this.#now();
    for (;;) {
      if (signal?.aborted) return;
      const waited = this.#now() - start;
      const since = this.sinceLast();
      if (since >= quietMs || waited >= atMostMs) return;
      await pause(Math.min(quietMs - since, atMostMs - waited), signal);
    }
  }
}

/** A timer that keeps no process alive and ends early when `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(1, ms));
    timer.unref();
    signal?.addEventListener('abort', done, { once: true });
  });
}
