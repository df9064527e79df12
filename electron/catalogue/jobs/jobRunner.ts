// The one way the catalogue runs a long job (an ingest, an export, a backup): at most one job of
// each kind at a time (a second is refused with 'busy' at once, before anything is read), a
// cancel signal the job watches, its progress as it goes, and a typed event for each step:
// started, progress, then exactly one of done, failed or cancelled.
import { CatalogueError } from '../catalogueError.ts';
import type { ErrorKey } from '../../../shared/errorMessages.ts';

export type JobKind = 'ingest' | 'export' | 'backup';

export type JobEvent<P, R> =
  | { type: 'started'; kind: JobKind }
  | { type: 'progress'; kind: JobKind; progress: P }
  | { type: 'done'; kind: JobKind; result: R }
  | { type: 'failed'; kind: JobKind; error: unknown }
  | { type: 'cancelled'; kind: JobKind; error: unknown };

/** What a running job is given: the signal to stop at, and where to say how far it is. */
export interface JobContext<P> {
  signal: AbortSignal;
  progress(progress: P): void;
}

export interface RunOptions<P, R> {
  /** A caller's own cancel (Ctrl+C in the CLI); the job's cancel() works as well. */
  signal?: AbortSignal;
  /** The message when a job of this kind is already running. */
  busy?: ErrorKey;
  onEvent?(event: JobEvent<P, R>): void;
}

/** Why a second job of a kind is refused, unless the caller says it otherwise. */
const BUSY: Record<JobKind, ErrorKey> = { ingest: 'busyIngest', export: 'busyExport', backup: 'busyBackup' };

export class JobRunner {
  readonly #running = new Map<JobKind, AbortController>();

  isRunning(kind: JobKind): boolean {
    return this.#running.has(kind);
  }

  /**
   * Runs `work` as the one job of its kind; resolves with its result, rejects with its error.
   * The busy check and the registration happen before the first await, so two calls made in the
   * same tick cannot both start.
   */
  async run<P, R>(kind: JobKind, work: (context: JobContext<P>) => Promise<R>, options: RunOptions<P, R> = {}): Promise<R> {
    if (this.#running.has(kind)) throw new CatalogueError('busy', options.busy ?? BUSY[kind]);
    const controller = new AbortController();
    const stop = () => controller.abort();
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.signal?.aborted) controller.abort();
    this.#running.set(kind, controller);
    const emit = (event: JobEvent<P, R>) => options.onEvent?.(event);
    try {
      emit({ type: 'started', kind });
      const result = await work({ signal: controller.signal, progress: (progress) => emit({ type: 'progress', kind, progress }) });
      // Free before "done" is heard, so whoever hears it can start the next job of this kind.
      this.#running.delete(kind);
      emit({ type: 'done', kind, result });
      return result;
    } catch (error) {
      this.#running.delete(kind);
      emit(controller.signal.aborted ? { type: 'cancelled', kind, error } : { type: 'failed', kind, error });
      throw error;
    } finally {
      this.#running.delete(kind);
      options.signal?.removeEventListener('abort', stop);
    }
  }

  /** Asks the running job of this kind to stop; false when none runs. */
  cancel(kind: JobKind): boolean {
    const controller = this.#running.get(kind);
    controller?.abort();
    return controller !== undefined;
  }

  /** Cancels every running job (the catalogue is closing). */
  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
  }
}
