// Adding files and folders to the catalogue: run to the end (the CLI) or started in the
// background and polled (the UI). One ingest at a time (the job runner); the UI hears of added
// photos a few times a second and of progress five times as often.
import type { IngestProgress, IngestReport } from '../../../shared/types.ts';
import { idleProgress, type IngestOptions } from '../ingest/ingestRunner.ts';
import { throttle } from '../events/throttle.ts';
import { CatalogueError, messageRefOf } from '../catalogueError.ts';
import type { CatalogueCore } from './catalogueCore.ts';

/** How often an ingest tells the UI about photos it added (progress: five times as often). */
const INGEST_EVENT_MS = 500;

export type IngestRunOptions = Omit<IngestOptions, 'onProgress'> & { onProgress?: IngestOptions['onProgress'] };

export class IngestService {
  readonly #core: CatalogueCore;
  #last: IngestProgress = idleProgress();

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  /** Runs an ingest to the end (the CLI's way). */
  run(inputs: readonly string[], options: IngestRunOptions = {}): Promise<IngestReport> {
    const core = this.#core;
    let added: number[] = [];
    const announceAdded = throttle(INGEST_EVENT_MS, () => {
      if (!added.length) return;
      core.events.photosChanged(added);
      added = [];
    });
    const announceProgress = throttle(INGEST_EVENT_MS / 5, () => core.events.emit({ type: 'ingestProgress', progress: this.#last }));
    return core.jobs.run<IngestProgress, IngestReport>(
      'ingest',
      async ({ signal, progress }) => {
        await core.whenWritable();
        return core.store.ingest(
          {
            catalogueRoot: core.paths.root,
            // The search index follows ingested photos through the search_changes log; the UI
            // hears of them a few times a second, not once per small transaction.
            onPhotosChanged: (ids) => {
              added.push(...ids);
              announceAdded();
            },
          },
          inputs,
          { ...options, signal, onProgress: progress },
        );
      },
      {
        signal: options.signal,
        busy: 'busyIngestHere',
        onEvent: (event) => {
          if (event.type === 'started') return;
          if (event.type !== 'progress') {
            // The job is over (and the next may start) before its last news is told.
            announceAdded.now();
            announceProgress.now();
            return;
          }
          const stateChanged = event.progress.state !== this.#last.state;
          this.#last = event.progress;
          if (stateChanged) announceProgress.now();
          else announceProgress();
          options.onProgress?.(event.progress);
        },
      },
    );
  }

  /** Starts an ingest in the background (the UI's way); progress is polled or pushed. */
  start(inputs: readonly string[]): IngestProgress {
    if (this.#core.jobs.isRunning('ingest')) throw new CatalogueError('busy', 'busyIngest');
    this.#last = { ...idleProgress(), state: 'scanning' };
    this.#core.events.emit({ type: 'ingestProgress', progress: this.#last });
    this.run(inputs).catch((error: Error) => {
      this.#last = { ...this.#last, state: 'failed', error: error.message, errorRef: messageRefOf(error) };
      this.#core.events.emit({ type: 'ingestProgress', progress: this.#last });
    });
    return this.#last;
  }

  progress(): IngestProgress {
    return this.#last;
  }

  cancel(): IngestProgress {
    this.#core.jobs.cancel('ingest');
    return this.#last;
  }
}
