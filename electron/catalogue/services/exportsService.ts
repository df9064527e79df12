// Exporting a collection: a folder of credited pictures, the credit list and a manifest. One
// export at a time (the job runner), run to the end (the CLI) or started in the background and
// polled (the UI); the first checks fail the call itself.
import type { ExportProgress, ExportReport } from '../../../shared/collections.ts';
import { CatalogueError, messageRefOf } from '../catalogueError.ts';
import { exportCollection, preflightExport, type ExportOptions } from '../collections/exportCollection.ts';
import { collectionPicks, type CollectionPick } from '../collections/collectionCredits.ts';
import type { ExportPool } from '../collections/exportPool.ts';
import type { CatalogueCore } from './catalogueCore.ts';

/** What the person asks for; the service adds the originals to protect and the cancel signal. */
export type ExportRequest = Omit<ExportOptions, 'originals' | 'signal' | 'catalogueRoot' | 'pool' | 'ready'>;

type ExportHooks = { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void; pool?: ExportPool; ready?: Promise<void> };

interface PreparedExport {
  name: string;
  picks: CollectionPick[];
  originals: Set<string>;
}

function idleExport(): ExportProgress {
  return { state: 'idle', done: 0, total: 0, currentFile: null, report: null, error: null };
}

export class ExportsService {
  readonly #core: CatalogueCore;
  #last: ExportProgress = idleExport();

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  /**
   * What an export of collection `id` reads before it starts: the collection's name, its picks,
   * and the originals' paths (an export may never write on one).
   */
  async #prepare(id: number): Promise<PreparedExport> {
    const { name } = await this.#core.collections.summary(id);
    // The originals as this computer reaches them (a team's named folders on shared storage).
    const here = (file: string) => this.#core.originalFile(file);
    const picks = (await collectionPicks(this.#core.collections, this.#core.photos, id)).map((pick) => ({ ...pick, photo: { ...pick.photo, file: here(pick.photo.file) } }));
    return { name, picks, originals: new Set((await this.#core.photos.files()).map(here)) };
  }

  /** Runs an export of collection `id` to the end (the CLI's way). */
  async run(id: number, request: ExportRequest, hooks: ExportHooks = {}): Promise<ExportReport> {
    return await this.#run(await this.#prepare(id), request, hooks);
  }

  /** The export as the one job of its kind: registered at once, before anything is awaited. */
  #run({ name, picks, originals }: PreparedExport, request: ExportRequest, hooks: ExportHooks = {}): Promise<ExportReport> {
    // "Done" is said only once the export has wholly finished (its staging folder removed too)
    // and the job is over, so whoever hears it can start the next export at once.
    let finished: ExportProgress | null = null;
    return this.#core.jobs.run<ExportProgress, ExportReport>(
      'export',
      ({ signal, progress }) =>
        exportCollection(name, picks, {
          ...request,
          originals,
          catalogueRoot: this.#core.paths.root,
          pool: hooks.pool,
          ready: hooks.ready,
          signal,
          onProgress: (p) => {
            if (p.state === 'done') finished = p;
            else progress(p);
          },
        }),
      {
        signal: hooks.signal,
        busy: 'busyExport',
        onEvent: (event) => {
          if (event.type === 'progress') {
            this.#last = event.progress;
            this.#announce();
            hooks.onProgress?.(event.progress);
          } else if (event.type !== 'started' && finished) {
            this.#last = finished;
            this.#announce();
            hooks.onProgress?.(finished);
          }
        },
      },
    );
  }

  /** Starts an export in the background (the UI's way); the first checks fail at once. */
  async start(id: number, request: ExportRequest): Promise<ExportProgress> {
    if (this.#core.jobs.isRunning('export')) throw new CatalogueError('busy', 'busyExport');
    const prepared = await this.#prepare(id);
    // Asked again: another export may have started while the collection was read.
    if (this.#core.jobs.isRunning('export')) throw new CatalogueError('busy', 'busyExport');
    // Errors found before any picture is made (options, folder, existing files) answer the call
    // itself, whatever the machine's load (the export makes the same checks again).
    try {
      preflightExport(prepared.name, prepared.picks, { ...request, originals: prepared.originals });
    } catch (error) {
      this.#last = idleExport();
      throw error;
    }
    this.#last = { ...idleExport(), state: 'running' };
    this.#announce();
    this.#run(prepared, request).catch((error: Error) => {
      const cancelled = error instanceof CatalogueError && error.code === 'export-cancelled';
      this.#last = { ...this.#last, state: cancelled ? 'cancelled' : 'failed', currentFile: null, error: error.message, errorRef: messageRefOf(error) };
      this.#announce();
    });
    return this.#last;
  }

  progress(): ExportProgress {
    return this.#last;
  }

  cancel(): ExportProgress {
    this.#core.jobs.cancel('export');
    return this.#last;
  }

  #announce(): void {
    this.#core.events.emit({ type: 'exportProgress', progress: this.#last });
  }
}
