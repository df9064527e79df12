// What the services of one open catalogue share: its folder, its repositories, its events, the
// health gate for writes, the job runner, and the one edit path every change to photos' fields
// takes (validation and limits, the history step, the search index, sidecars). Built by
// Catalogue; only services hold it, so nothing outside reaches the store past them.
import type { CataloguePaths, ThumbnailSize } from '../cataloguePaths.ts';
import type { CatalogueEvents } from '../events/catalogueEvents.ts';
import type { PhotoReads } from '../store/photoReads.ts';
import type { CollectionRecords } from '../store/collectionRecords.ts';
import type { CatalogueStore } from '../store/catalogueStore.ts';
import type { SearchEngine } from '../search/searchEngine.ts';
import type { JobRunner } from '../jobs/jobRunner.ts';
import type { PlannedEdit } from '../editing/recordedEdit.ts';
import type { SidecarReport } from '../../../shared/sidecars.ts';
import type { PersonActivity } from '../jobs/personActivity.ts';

export interface EditOutcome {
  /** The photos whose fields changed. */
  changed: number[];
  /** What the automatic sidecar write did (null when it is off or nothing changed). */
  sidecars: SidecarReport | null;
}

export interface CatalogueCore {
  readonly paths: CataloguePaths;
  /** The database behind the services: the only way they reach it. */
  readonly store: CatalogueStore;
  /** The photos, read: the store's photoReads. */
  readonly photos: PhotoReads;
  readonly collections: CollectionRecords;
  readonly events: CatalogueEvents;
  /** The search behind the search service: a worker thread (folder) or this client's index (team). */
  readonly searchEngine: SearchEngine;
  readonly jobs: JobRunner;
  /** Stopped when the catalogue closes: background work watches it. */
  readonly closing: AbortSignal;
  /** Requests from the windows, noted so background duties give way to the person (jobs/personActivity.ts). */
  readonly activity: PersonActivity;
  /** A thumbnail's file on this computer (a team catalogue's copied from the server first), or null. */
  thumbnailFile(hash: string, size: ThumbnailSize): Promise<string | null>;
  /**
   * Where this computer finds the original the catalogue records as `file`: the same path in a
   * folder catalogue; in a team's, under this computer's own path to its named folder
   * (shared/originalRoots.ts). Whatever reads or writes beside an original asks this first.
   */
  originalFile(file: string): string;
  assertWritable(): void;
  whenWritable(): Promise<void>;
  /** The one edit path: every change to photos' fields, as one undoable step. */
  edit(edits: readonly PlannedEdit[], label?: string, options?: { coalesce?: boolean }): Promise<EditOutcome>;
  /** After photos' fields changed outside edit() (undo, redo): the same follow-ups. */
  photosChanged(ids: readonly number[]): Promise<SidecarReport | null>;
}
