// Backups of the catalogue database (store/catalogueBackup.ts makes and checks them): one now,
// the list, and the automatic ones of a long-running host. A backup made on request is a job of
// the job runner, so two never run at once.
import { listBackups, latestBackup, type AutomaticBackups, type BackupInfo } from '../store/catalogueBackup.ts';
import type { CatalogueCore } from './catalogueCore.ts';

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

  /** Backups when due (on open, every 6 hours) and at close: for the app and browser mode. */
  startAutomatic(options: { onError?: (error: Error) => void } = {}): AutomaticBackups {
    return this.#core.store.startAutomaticBackups(options);
  }
}
