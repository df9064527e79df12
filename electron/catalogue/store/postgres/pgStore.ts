// A team catalogue's store: CatalogueStore (catalogueStore.ts) on PostgreSQL, so the services
// that run a folder catalogue can run a team's. Reads are PgPhotoReads'; every edit is a team
// edit (teamEdits.ts: who saved it, and refused rather than overwriting a colleague's newer
// value); undo takes back this archivist's own last step. Settings, folders and pick lists are
// read from the same tables, with the same rules (sortSetting.ts, sidecarSettings.ts).
//
// Collections are kept on the server too (pgCollectionRecords.ts), shared by the team.
// Not here yet, and refused with a message that says so: turning photos, redo, and adding photos
// (an ingest writes SQLite today: add them to a folder catalogue and `fototar migrate` it).
// Backups are the server's own (pg_dump), as the README says.
import type { Pool } from 'pg';
import type { HistoryState, PhotoHistoryEntry } from '../../../../shared/editHistory.ts';
import type { PhotoSort } from '../../../../shared/photoSort.ts';
import { readSort } from '../../../../shared/photoSort.ts';
import type { SidecarSettings } from '../../../../shared/sidecars.ts';
import { CatalogueError } from '../../catalogueError.ts';
import type { TurnRequest } from '../../../../shared/orientation.ts';
import type { PlannedEdit } from '../../editing/recordedEdit.ts';
import type { AutomaticBackups, BackupInfo } from '../catalogueBackup.ts';
import type { CatalogueStore, HistoryStep } from '../catalogueStore.ts';
import { SIDECAR_SETTING_KEYS, sidecarSettingRows, sidecarSettingsFrom } from '../sidecarSettings.ts';
import { SORT_SETTING_KEY, sortSettingFrom } from '../sortSetting.ts';
import { PgCollectionRecords } from './pgCollectionRecords.ts';
import { PgOriginalsRecords } from './pgOriginalsRecords.ts';
import { PgPhotoReads } from './pgPhotoReads.ts';
import { TeamEdits, teamPhotoHistory } from './teamEdits.ts';
import type { IngestOptions } from '../../ingest/ingestRunner.ts';
import type { IngestTarget } from '../catalogueStore.ts';
import type { IngestReport } from '../../../../shared/types.ts';
import { runTeamIngest } from './teamIngest.ts';
import type { OriginalsRecords } from '../originalsRecords.ts';

export class PgStore implements CatalogueStore {
  readonly photoReads: PgPhotoReads;
  readonly originals: OriginalsRecords;
  readonly #originals: PgOriginalsRecords;
  readonly collections: PgCollectionRecords;
  readonly #pool: Pool;
  readonly #edits: TeamEdits;
  readonly #recordedFile: (local: string) => string;
  readonly #fileHere: (recorded: string) => string | null;

  /**
   * `author`: the archivist every change is recorded under (teamEdits.ts archivistName);
   * `onCollectionsChanged`: told after each change to a collection made here;
   * `recordedFile`: how the team records a file this computer reaches (an ingest's); `fileHere`:
   * where this computer finds a recorded original (null: it cannot tell);
   * `originals`: the originals as this computer reaches them, over the server's records.
   */
  constructor(
    pool: Pool,
    author: string,
    options: {
      onCollectionsChanged?: () => void;
      recordedFile?: (local: string) => string;
      fileHere?: (recorded: string) => string | null;
      originals?: (records: OriginalsRecords) => OriginalsRecords;
    } = {},
  ) {
    this.#pool = pool;
    this.#recordedFile = options.recordedFile ?? ((local) => local);
    this.#fileHere = options.fileHere ?? ((recorded) => recorded);
    this.#edits = new TeamEdits(pool, author);
    this.photoReads = new PgPhotoReads(pool);
    this.#originals = new PgOriginalsRecords(pool);
    this.originals = options.originals?.(this.#originals) ?? this.#originals;
    this.collections = new PgCollectionRecords(pool, this.photoReads, options.onCollectionsChanged);
  }

  /**
   * An edit that names the values seen (the editor's) is refused when someone saved one of those
   * fields since (EditConflictError); one that names none (a batch edit, an import) sets the
   * field whatever it holds, as on a folder catalogue.
   */
  async applyEdit(edits: readonly PlannedEdit[], label?: string): Promise<number[]> {
    return await this.#edits.save(edits.map((edit) => ({ id: edit.id, patch: edit.patch, ...(edit.seen ? { seen: edit.seen } : {}) })), label);
  }

  async turn(ids: readonly number[], request: TurnRequest): Promise<number[]> {
    return await this.#edits.turn(ids, request);
  }

  async undo(): Promise<HistoryStep> {
    return await this.#edits.undo();
  }

  async redo(): Promise<HistoryStep> {
    return await this.#edits.redo();
  }

  /** This archivist's own steps: what undo would take back, and what redo would put back. */
  async historyState(): Promise<HistoryState> {
    const [label, redo] = await Promise.all([this.#edits.lastStep(), this.#edits.nextRedo()]);
    return { canUndo: label !== null, canRedo: redo !== null, undoLabel: label, redoLabel: redo };
  }

  async photoHistory(id: number): Promise<PhotoHistoryEntry[]> {
    return await teamPhotoHistory(this.#pool, id);
  }

  async #settings(keys: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.#pool.query<{ key: string; value: string }>('SELECT key, value FROM settings WHERE key = ANY($1::text[])', [keys]);
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  async #setSettings(rows: readonly [string, string][]): Promise<void> {
    if (!rows.length) return;
    await this.#pool.query('INSERT INTO settings (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      rows.map(([key]) => key),
      rows.map(([, value]) => value),
    ]);
  }

  async sort(): Promise<PhotoSort> {
    return sortSettingFrom((await this.#settings([SORT_SETTING_KEY])).get(SORT_SETTING_KEY));
  }

  async setSort(sort: PhotoSort): Promise<PhotoSort> {
    const value = readSort(sort);
    await this.#setSettings([[SORT_SETTING_KEY, JSON.stringify(value)]]);
    return value;
  }

  async sidecarSettings(): Promise<SidecarSettings> {
    return sidecarSettingsFrom(await this.#settings(SIDECAR_SETTING_KEYS));
  }

  async setSidecarSettings(settings: Partial<SidecarSettings>): Promise<SidecarSettings> {
    await this.#setSettings(sidecarSettingRows(settings));
    return await this.sidecarSettings();
  }

  async folderCounts(): Promise<{ folder: string; count: number }[]> {
    const { rows } = await this.#pool.query<{ folder: string | null; n: string }>('SELECT folder, count(*) AS n FROM photos GROUP BY folder');
    return rows.map((row) => ({ folder: row.folder ?? '', count: Number(row.n) }));
  }

  /** A folder and its subfolders: the paths that start with its key (shared/folderPath.ts), in code point order. */
  async photosInFolder(key: string): Promise<{ id: number; file: string; hash: string; fileSize: number }[]> {
    const { rows } = await this.#pool.query<{ id: string; file: string; hash: string; file_size: string }>(
      'SELECT id, file, hash, file_size FROM photos WHERE starts_with(file, $1) ORDER BY file COLLATE "C"',
      [key],
    );
    return rows.map((row) => ({ id: Number(row.id), file: row.file, hash: row.hash, fileSize: Number(row.file_size) }));
  }

  /** Each column's values, most used first, then in code point order (as SQLite's, fieldValues.ts). */
  async fieldValues(columns: readonly string[], limit: number): Promise<Record<string, string[]>> {
    const values: Record<string, string[]> = {};
    for (const column of columns) {
      const { rows } = await this.#pool.query<{ v: string }>(
        `SELECT ${column} AS v, count(*) AS n FROM photos WHERE ${column} <> '' GROUP BY ${column} ORDER BY n DESC, ${column} COLLATE "C" LIMIT $1`,
        [limit],
      );
      values[column] = rows.map((row) => String(row.v));
    }
    return values;
  }

  async backup(): Promise<BackupInfo> {
    throw new CatalogueError('invalid-input', 'teamBackupByServer');
  }

  /** The server keeps a team catalogue's backups: nothing runs here. */
  startAutomaticBackups(): AutomaticBackups {
    return { stop: () => {}, backupOnClose: () => null };
  }

  /** Files this computer reaches are recorded as the team records them (its named folders). */
  async ingest(context: IngestTarget, inputs: readonly string[], options: IngestOptions): Promise<IngestReport> {
    return await runTeamIngest(this.#pool, { ...context, recordedFile: this.#recordedFile, fileHere: this.#fileHere }, inputs, options);
  }

  /** Stops background work that reads through this store (an originals check). */
  close(): void {
    this.#originals.close();
  }
}
