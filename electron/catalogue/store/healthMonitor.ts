// The catalogue's health (shared/catalogueHealth.ts): a quick_check of the database as soon as a
// writable catalogue opens: a large database in a worker thread, so the grid opens at once, a
// small one here (databaseCheck.ts: startCheck). Until it passes, edits
// wait for it: the API awaits `whenWritable()` before every method that writes, the command line
// before its command, and the catalogue's own edit paths block in `assertWritable()` until the
// check answers. A damaged database is made query-only on its connection as well, so SQLite
// itself refuses a write from any module.
import type { DatabaseSync } from 'node:sqlite';
import type { CatalogueHealth } from '../../../shared/catalogueHealth.ts';
import type { CataloguePaths } from '../cataloguePaths.ts';
import { CatalogueError } from '../catalogueError.ts';
import { englishMessage, type MessageRef } from '../../../shared/errorMessages.ts';
import { startCheck, type CheckResult, type RunningCheck } from './databaseCheck.ts';
import { latestBackup } from './catalogueBackup.ts';

/** How long a synchronous edit waits for the check (a very large catalogue on a slow disk). */
const SYNC_WAIT_MS = 120_000;

/** A health message: the English sentence and its key for the UI's language. */
const said = (ref: MessageRef) => ({ message: englishMessage(ref.key, ref.params), messageRef: ref });

export function damagedMessage(paths: CataloguePaths, detail: string): { message: string; messageRef: MessageRef; latestBackup?: string } {
  const latest = latestBackup(paths);
  const ref: MessageRef = latest ? { key: 'damagedWithBackup', params: { detail, createdAt: latest.createdAt, root: paths.root } } : { key: 'damagedNoBackup', params: { detail } };
  return { ...said(ref), latestBackup: latest?.file };
}

// Made when first asked for: its English sentence loads ICU's plural rules (30–100 ms), which
// every command paid at open although most never show the check's progress.
let checking: CatalogueHealth | null = null;
const checkingHealth = (): CatalogueHealth => (checking ??= { state: 'checking', ...said({ key: 'healthChecking' }) });

export class HealthMonitor {
  readonly #db: DatabaseSync;
  readonly #paths: CataloguePaths;
  readonly #check: RunningCheck;
  /** The check's verdict; null while it runs. */
  #settled: CatalogueHealth | null = null;
  readonly done: Promise<CatalogueHealth>;

  /** `inlineBytes`: the largest database checked on this thread (a test sets it to force the worker). */
  constructor(db: DatabaseSync, paths: CataloguePaths, inlineBytes?: number) {
    this.#db = db;
    this.#paths = paths;
    this.#check = startCheck(paths.database, 'quick_check', inlineBytes);
    this.done = this.#check.done.then((result) => this.#settle(result));
  }

  #stopped = false;

  #settle(result: CheckResult): CatalogueHealth {
    if (this.#settled) return this.#settled;
    if (this.#stopped) return checkingHealth();
    if (result.ok) {
      this.#settled = { state: 'ok' };
    } else {
      if (this.#db.isOpen) this.#db.exec('PRAGMA query_only = ON');
      this.#settled = { state: 'damaged', ...damagedMessage(this.#paths, result.detail) };
    }
    return this.#settled;
  }

  health(): CatalogueHealth {
    const result = this.#check.result();
    return result ? this.#settle(result) : (this.#settled ?? checkingHealth());
  }

  /** Throws unless edits may be saved; waits for a running check first. */
  assertWritable(): void {
    let health = this.health();
    if (health.state === 'checking') {
      const result = this.#check.waitSync(SYNC_WAIT_MS);
      health = result ? this.#settle(result) : health;
    }
    if (health.state === 'checking') throw new CatalogueError('busy', 'stillChecking');
    if (health.state === 'damaged') throw new CatalogueError('catalogue-corrupt', health.messageRef!.key, health.messageRef!.params);
  }

  async whenWritable(): Promise<void> {
    await this.done;
    this.assertWritable();
  }

  stop(): void {
    this.#stopped = true;
    this.#check.stop();
  }
}
