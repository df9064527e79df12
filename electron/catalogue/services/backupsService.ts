// Backups of the catalogue database (store/catalogueBackup.ts makes and checks them): one now,
// the list, and the automatic ones of a long-running host. A backup made on request is a job of
// the job runner, so two never run at once.
import { listBackups, latestBackup, type AutomaticBackups, type BackupInfo } from '../store/catalogueBackup.ts';
import type { CatalogueCore } from './catalogueCore.ts';

/** Quiet enough for a backup: nothing asked by a window for this long. */
const BACKUP_QUIET_MS = 2000;
/** A due backup waits for quiet this long at most, so it is made even while someone works on. */
const BACKUP_WAIT_AT_MOST_MS = 120_000;

export class BackupsService {
  readonly #core: CatalogueCore;

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  /** A backup of the database now (SQLite's online backup, checked), keeping the newest 10. */
  make(options: { keep?: number; label?: string } = {}): Promise<BackupInfo> {
    return this.#core.jobs.run('backup', () => this.#core.store.backup(options), { busy: 'busyBackup' });
  }

  list(): BackupInfo[] {
    return listBackups(this.#core.paths);
  }

  latest(): BackupInfo | null {
    return latestBackup(this.#core.paths);
  }

  /**
   * Backups when due (on open, every 6 hours) and at close: for the app and browser mode. A due
   * copy waits while the person is browsing (a copy and check of a million photos' database is a
   * core's work for most of a minute), two minutes at most.
   */
  startAutomatic(options: { onError?: (error: Error) => void } = {}): AutomaticBackups {
    const signal = this.#core.closing;
    return this.#core.store.startAutomaticBackups({ ...options, beforeBackup: () => this.#core.activity.quiet({ quietMs: BACKUP_QUIET_MS, atMostMs: BACKUP_WAIT_AT_MOST_MS, signal }) });
  }
}
