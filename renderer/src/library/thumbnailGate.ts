// Thumbnails wait while the grid flies. Holding Page Down or dragging the scrollbar across a
// million photos brings a new screenful with every key repeat or frame, and at 1920×1080 each
// screenful is 24–48 thumbnails to request, serve, decode and paint — work no one sees, since the
// next screenful replaces them — and on a two-core laptop that work, spread over the browser, the
// renderer and the catalogue server, is what turned the grid's key presses into long tasks
// (scripts/bench-grid.ts). So a card that appears while the view is jumping asks for its thumbnail
// once the view rests; a card that appears after a single jump (one Page Down), or while the view
// scrolls by less than half its height at a time (the wheel, arrow keys), asks at once.

/** How long the view must stay put after a jump for the cards it brought to load their thumbnails. */
export const REST_MS = 120;

export interface GateClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const browserClock: GateClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (timer) => window.clearTimeout(timer as number),
};

export class ThumbnailGate {
  readonly #clock: GateClock;
  #lastJump = Number.NEGATIVE_INFINITY;
  #timer: unknown = null;
  readonly #waiting = new Set<() => void>();

  constructor(clock: GateClock = browserClock) {
    this.#clock = clock;
  }

  /** The view moved by `distance` pixels of rows, with `viewport` pixels in view. */
  moved(distance: number, viewport: number): void {
    if (Math.abs(distance) < viewport / 2) return;
    this.#lastJump = this.#clock.now();
    if (this.#waiting.size) this.#arm();
  }

  /** Whether a card appearing now waits: the view jumped less than REST_MS ago. */
  holding(): boolean {
    return this.#clock.now() - this.#lastJump < REST_MS;
  }

  /** Calls `show` once the view has rested REST_MS; returns the cancel (the card went away first). */
  whenRested(show: () => void): () => void {
    this.#waiting.add(show);
    if (this.#timer === null) this.#arm();
    return () => {
      this.#waiting.delete(show);
    };
  }

  #arm(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    const left = REST_MS - (this.#clock.now() - this.#lastJump);
    this.#timer = this.#clock.setTimeout(() => this.#rested(), Math.max(0, left));
  }

  #rested(): void {
    this.#timer = null;
    if (this.holding()) return this.#arm();
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const show of waiting) show();
  }
}
