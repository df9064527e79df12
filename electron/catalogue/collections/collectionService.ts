// Collections of one open catalogue, as the API, the CLI and the UI use them: the store, credit
// lists, and the one export that may run at a time (started in the background, polled, cancelled).
// Kept beside the Catalogue class rather than inside it; `collectionsOf` gives each catalogue one.
import type { Collection, CollectionCredits, CollectionSummary, ExportProgress, ExportReport } from '../../../shared/collections.ts';
import type { CreditLang, CreditStyle } from '../../../shared/creditStyles.ts';
import type { CreditListFormat, TextCreditListFormat } from '../../../shared/figureCredits.ts';
import type { Catalogue } from '../catalogue.ts';
import { CatalogueError } from '../catalogueError.ts';
import { collectionCreditsFile, collectionCreditsText, collectionPicks, type CollectionPick } from './collectionCredits.ts';
import { CollectionStore } from '../store/collectionStore.ts';
import { exportCollection, preflightExport, type ExportOptions } from './exportCollection.ts';

/** What the person asks for; the service adds the originals to protect and the cancel signal. */
export type ExportRequest = Omit<ExportOptions, 'originals' | 'signal' | 'catalogueRoot'>;

function idleExport(): ExportProgress {
  return { state: 'idle', done: 0, total: 0, currentFile: null, report: null, error: null };
}

export class CollectionService {
  readonly store: CollectionStore;
  readonly #catalogue: Catalogue;
  #export: { controller: AbortController; done: Promise<ExportReport | null> } | null = null;
  #lastExport: ExportProgress = idleExport();

  constructor(catalogue: Catalogue) {
    this.#catalogue = catalogue;
    this.store = new CollectionStore(
      catalogue.db,
      catalogue.photos,
      (photos) => catalogue.summaries(photos),
      () => catalogue.events.emit({ type: 'collectionsChanged' }),
    );
  }

  list(): CollectionSummary[] {
    return this.store.list();
  }

  get(id: number): Collection {
    return this.store.get(id);
  }

  picks(id: number): CollectionPick[] {
    return collectionPicks(this.store, this.#catalogue.photos, id);
  }

  credits(id: number, style: CreditStyle, lang: CreditLang, format: TextCreditListFormat): CollectionCredits {
    const { name } = this.store.summary(id);
    return collectionCreditsText(name, this.picks(id), { style, lang, format });
  }

  creditsFile(id: number, style: CreditStyle, lang: CreditLang, format: CreditListFormat): Promise<Buffer> {
    const { name } = this.store.summary(id);
    return collectionCreditsFile(name, this.picks(id), { style, lang, format });
  }

  /** The originals' paths: an export may never write on one. */
  #originals(): Set<string> {
    return new Set((this.#catalogue.db.prepare('SELECT file FROM photos').all() as { file: string }[]).map((r) => r.file));
  }

  /** Runs an export to the end (the CLI's way). */
  async export(id: number, request: ExportRequest, hooks: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void } = {}): Promise<ExportReport> {
    if (this.#export) throw new CatalogueError('busy', 'An export is already running; wait for it or cancel it first.');
    const { name } = this.store.summary(id);
    const picks = this.picks(id);
    const controller = new AbortController();
    hooks.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const originals = this.#originals();
    // "Done" is said only once the export has wholly finished (its staging folder removed too),
    // so whoever hears it can start the next export at once.
    let finished: ExportProgress | null = null;
    const job = exportCollection(name, picks, {
      ...request,
      originals,
      catalogueRoot: this.#catalogue.paths.root,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.state === 'done') {
          finished = p;
          return;
        }
        this.#lastExport = p;
        this.#announce();
        hooks.onProgress?.(p);
      },
    });
    this.#export = { controller, done: job.catch(() => null) };
    try {
      return await job;
    } finally {
      this.#export = null;
      const done = finished as ExportProgress | null;
      if (done) {
        this.#lastExport = done;
        this.#announce();
        hooks.onProgress?.(done);
      }
    }
  }

  /** Starts an export in the background (the UI's way); the first checks fail at once. */
  async startExport(id: number, request: ExportRequest): Promise<ExportProgress> {
    if (this.#export) throw new CatalogueError('busy', 'An export is already running; wait for it or cancel it first.');
    // Errors found before any picture is made (options, folder, existing files) answer the call
    // itself, whatever the machine's load (export() runs the same checks again).
    try {
      preflightExport(this.store.summary(id).name, this.picks(id), { ...request, originals: this.#originals() });
    } catch (error) {
      this.#lastExport = idleExport();
      throw error;
    }
    this.#lastExport = { ...idleExport(), state: 'running' };
    this.#announce();
    const running = this.export(id, request);
    running.catch((error: Error) => {
      const cancelled = error instanceof CatalogueError && error.code === 'export-cancelled';
      this.#lastExport = { ...this.#lastExport, state: cancelled ? 'cancelled' : 'failed', currentFile: null, error: error.message };
      this.#announce();
    });
    return this.#lastExport;
  }

  #announce(): void {
    this.#catalogue.events.emit({ type: 'exportProgress', progress: this.#lastExport });
  }

  exportProgress(): ExportProgress {
    return this.#lastExport;
  }

  cancelExport(): ExportProgress {
    this.#export?.controller.abort();
    return this.#lastExport;
  }
}

const services = new WeakMap<Catalogue, CollectionService>();

export function collectionsOf(catalogue: Catalogue): CollectionService {
  let service = services.get(catalogue);
  if (!service) {
    service = new CollectionService(catalogue);
    services.set(catalogue, service);
  }
  return service;
}
