// What an ingest tells as it goes, whichever engine it writes to (ingestRunner.ts for a folder,
// store/postgres/teamIngest.ts for a team): the report (added, updated, unchanged, failed,
// warnings, skipped) and the progress (done of total, rate, time left, the file now), sent to
// onProgress at each step.
import type { IngestProgress, IngestReport } from '../../../shared/types.ts';
import { countSkipped } from '../../../shared/skipReasons.ts';
import { messageRefOf } from '../catalogueError.ts';
import type { ProcessResult } from './processFile.ts';
import type { ScanResult } from './scanFolders.ts';

export function idleProgress(): IngestProgress {
  return { state: 'idle', done: 0, total: 0, currentFile: null, rate: 0, etaSeconds: null, report: null, error: null };
}

export class IngestTally {
  readonly report: IngestReport;
  readonly progress: IngestProgress = { ...idleProgress(), state: 'scanning' };
  readonly #onProgress: ((progress: IngestProgress) => void) | undefined;
  #scan: ScanResult;
  #started = Date.now();

  constructor(onProgress?: (progress: IngestProgress) => void) {
    this.#onProgress = onProgress;
    this.#scan = { files: [], failed: [], skipped: [], notes: new Map() };
    this.report = { added: 0, updated: 0, unchanged: 0, failed: [], warnings: [], skipped: [], skippedByReason: {}, photos: 0 };
    this.emit();
  }

  emit(): void {
    this.#onProgress?.({ ...this.progress });
  }

  /** The scan is done: its failures and skipped files are the report's; the files are to go through. */
  scanned(scan: ScanResult): void {
    this.#scan = scan;
    this.report.failed.push(...scan.failed);
    this.report.skipped = scan.skipped;
    this.report.skippedByReason = countSkipped(scan.skipped);
    this.progress.state = 'running';
    this.progress.total = scan.files.length;
    this.#started = Date.now();
    this.emit();
  }

  /** One more file through (processed, or unchanged). */
  tick(file: string | null): void {
    const progress = this.progress;
    progress.done++;
    progress.currentFile = file;
    const seconds = (Date.now() - this.#started) / 1000;
    progress.rate = seconds > 0 ? progress.done / seconds : 0;
    progress.etaSeconds = progress.rate > 0 ? (progress.total - progress.done) / progress.rate : null;
    this.emit();
  }

  /**
   * A file's result: a failure goes to the report; a catalogued file's warnings too (a name that
   * disagrees with its content first). Answers the result when it is to be written.
   */
  result(file: string, result: ProcessResult): Extract<ProcessResult, { ok: true }> | null {
    if (!result.ok) {
      this.report.failed.push({ path: file, reason: result.reason });
      return null;
    }
    const note = this.#scan.notes.get(file);
    if (note) this.report.warnings.push(note);
    for (const w of result.warnings) this.report.warnings.push(typeof w === 'string' ? { path: file, message: w } : { path: file, message: w.message, key: w.key, params: w.params });
    return result;
  }

  failed(error: unknown): void {
    this.progress.state = 'failed';
    this.progress.error = (error as Error).message;
    this.progress.errorRef = messageRefOf(error);
    this.emit();
  }

  /** The ingest is over: the catalogue holds `photos`; done, or cancelled. */
  finished(photos: number, cancelled: boolean): IngestReport {
    this.report.photos = photos;
    this.progress.state = cancelled ? 'cancelled' : 'done';
    this.progress.currentFile = null;
    this.progress.etaSeconds = 0;
    this.progress.report = this.report;
    this.emit();
    return this.report;
  }
}
