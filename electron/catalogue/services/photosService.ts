// Photos: reading them (one, a page, a selection), editing their fields (one patch for many, or
// planned edits that differ per photo), credit lists, thumbnails, and what a selection shares.
// Every edit takes the catalogue's one edit path (CatalogueCore.edit).
import type { CreditFormat, EditablePhoto, Photo, PhotoPatch, PhotoSummary } from '../../../shared/types.ts';
import type { SidecarReport } from '../../../shared/sidecars.ts';
import type { Selection } from '../../../shared/selection.ts';
import type { SelectionFields } from '../../../shared/batchEdit.ts';
import { creditList, type CreditLang } from '../../../shared/creditStyles.ts';
import { photoSummary } from '../../../shared/photoSummary.ts';
import { LICENCE_CHOICES, SOURCE_CHOICES, SUGGESTED_FIELDS, mergeChoices, type SuggestedField } from '../../../shared/pickLists.ts';
import type { ThumbnailSize } from '../cataloguePaths.ts';
import { fullImage, type FullImage } from '../thumbnails/fullImage.ts';
import { shownThumbnail } from '../thumbnails/turnedThumbnails.ts';
import { CatalogueError } from '../catalogueError.ts';
import type { PlannedEdit } from '../editing/recordedEdit.ts';
import { editSelectionTags, selectionFields } from '../editing/selectionFields.ts';
import { projectSelection, resolveSelection, type Projection, type ResultIds } from '../editing/catalogueSelection.ts';
import type { CatalogueCore } from './catalogueCore.ts';
import { browseSort, readSort, type PhotoSort, type SortDirection, type SortField } from '../../../shared/photoSort.ts';
import { FIELD_COLUMN } from '../store/fieldWrites.ts';
import type { TurnRequest } from '../../../shared/orientation.ts';
import type { MarkFilter } from '../../../shared/photoMarks.ts';

export class PhotosService {
  readonly #core: CatalogueCore;
  readonly #resultIds: ResultIds;
  /** Every suggested field's values, by limit, while the database's write stamp stays the same. */
  readonly #suggestions = new Map<number, Promise<Record<string, string[]>>>();
  #suggestionsStamp = '';

  /** `resultIds` answers a query's result ids in the grid's order (the search service's). */
  constructor(core: CatalogueCore, resultIds: ResultIds) {
    this.#core = core;
    this.#resultIds = resultIds;
  }

  /** One photo; a CatalogueError 'not-found' when there is none with this id. */
  async get(id: number): Promise<Photo> {
    const photo = await this.#core.photos.get(id);
    if (!photo) throw new CatalogueError('not-found', 'photoNotFound', { ids: id });
    return photo;
  }

  /** The photos of these ids that exist, in the order given. */
  async getMany(ids: readonly number[]): Promise<Photo[]> {
    return await this.#core.photos.getMany(ids);
  }

  /** These photos' editable fields (and what names them), in the order given, without the rest of each photo. */
  async editableMany(ids: readonly number[]): Promise<EditablePhoto[]> {
    return await this.#core.photos.editableMany(ids);
  }

  async count(): Promise<number> {
    return await this.#core.photos.count();
  }

  async ids(): Promise<number[]> {
    return await this.#core.photos.ids();
  }

  async *iterateAll(): AsyncGenerator<Photo> {
    yield* this.#core.photos.iterateAll();
  }

  summaries(photos: Photo[]): PhotoSummary[] {
    return photos.map(photoSummary);
  }

  /**
   * Every photo's id, file, Fortepan number and title (`fototar list`), in id order or in a sort
   * order, without building whole photos.
   */
  async listed(sort?: { field: SortField; direction: SortDirection }, marks?: MarkFilter): Promise<{ id: number; file: string; fortepanId: number | null; title: string }[]> {
    return await this.#core.photos.listed(sort, marks);
  }

  /** A page of photos, in the order they were added or in a sort order. */
  async list(offset: number, limit: number, sort?: PhotoSort): Promise<{ total: number; photos: PhotoSummary[] }> {
    const order = sort ? browseSort(sort) : null;
    const photos = await (order ? this.#core.photos.sortedSummaryPage(order.field, order.direction, offset, limit) : this.#core.photos.summaryPage(offset, limit));
    return { total: await this.#core.photos.count(), photos };
  }

  /** These photos (every photo when absent) in a sort order: the catalogue's whole order, filtered. */
  async inOrder(ids: readonly number[] | undefined, sort: PhotoSort): Promise<number[]> {
    const order = browseSort(sort);
    const all = await this.#core.photos.sortedIdPage(order.field, order.direction, 0, Number.MAX_SAFE_INTEGER);
    if (!ids) return all;
    const wanted = new Set(ids);
    return all.filter((id) => wanted.has(id));
  }

  /** The catalogue's remembered sort (its settings table): the grid's, a search's and the metadata export's. */
  async sort(): Promise<PhotoSort> {
    return await this.#core.store.sort();
  }

  /**
   * Remembers a sort for the catalogue. A catalogue that cannot be written (a read-only folder, a
   * damaged database) answers the sort all the same: the window keeps it for as long as it is open.
   */
  async setSort(sort: PhotoSort): Promise<PhotoSort> {
    try {
      return await this.#core.store.setSort(sort);
    } catch {
      return readSort(sort);
    }
  }

  /**
   * Saves one patch to every photo in one transaction: all are saved, or none and an error. The
   * edit is one undoable step; with `coalesce`, the editor's saves of one field fold into one.
   * Answers the photos as saved and what the automatic sidecar write did.
   */
  async save(ids: readonly number[], patch: PhotoPatch, options: { coalesce?: boolean; seen?: PhotoPatch } = {}): Promise<{ photos: Photo[]; sidecars: SidecarReport | null }> {
    const unique = [...new Set(ids)];
    const { seen, ...stepOptions } = options;
    const { sidecars } = await this.#core.edit(unique.map((id) => ({ id, patch, ...(seen ? { seen } : {}) })), undefined, stepOptions);
    return { photos: await this.#core.photos.getMany(unique), sidecars };
  }

  /** save() for callers that only want the photos back. */
  async update(ids: readonly number[], patch: PhotoPatch, options: { coalesce?: boolean } = {}): Promise<Photo[]> {
    return (await this.save(ids, patch, options)).photos;
  }

  /** Edits that differ per photo (a tag rename, an import) as one undoable step; the ids changed. */
  async applyEdits(edits: readonly PlannedEdit[], label?: string): Promise<number[]> {
    return (await this.#core.edit(edits, label)).changed;
  }

  async creditList(ids: readonly number[], format: CreditFormat, lang: CreditLang = 'en'): Promise<string> {
    const photos = await this.#core.photos.getMany(ids);
    const found = new Set(photos.map((p) => p.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new CatalogueError('not-found', 'photoNotFound', { ids: missing.join(', ') });
    return creditList(photos, format, lang);
  }

  /** The thumbnail file for a photo, always inside this catalogue's folder, or null. */
  async imageFile(id: number, size: ThumbnailSize): Promise<string | null> {
    const entry = await this.#core.photos.hashOf(id);
    if (!entry || entry.previewError) return null;
    return await this.#core.thumbnailFile(entry.hash, size);
  }

  /**
   * The thumbnail as the grid and the large view show it: for a rotated or flipped photo, its
   * turned copy, made on first request (thumbnails/turnedThumbnails.ts); null when there is none.
   */
  async shownImageFile(id: number, size: ThumbnailSize, version?: string): Promise<string | null> {
    this.#core.activity.note();
    const photo = await this.#core.photos.get(id);
    if (!photo || photo.previewError || !isVersion(photo, version)) return null;
    // The stored upright one (a team's fetched from its server first), then turned as shown.
    const stored = await this.#core.thumbnailFile(photo.hash, size);
    return stored ? shownThumbnail(photo, stored, this.#core.paths, size) : null;
  }

  /** What the loupe shows at 100%: the original, or its full-size render (thumbnails/fullImage.ts). */
  async fullImageFile(id: number, version?: string): Promise<FullImage | null> {
    this.#core.activity.note();
    const photo = await this.#core.photos.get(id);
    return photo && isVersion(photo, version) ? fullImage({ ...photo, file: this.#core.originalFile(photo.file) }, this.#core.paths) : null;
  }

  /** Pick-list values: the built-in licences and sources first, then what the catalogue uses. */
  async fieldSuggestions(field: SuggestedField, limit = 200): Promise<string[]> {
    if (!SUGGESTED_FIELDS.includes(field)) throw new CatalogueError('invalid-input', 'noSuggestions', { field });
    const builtIn = field === 'licence' ? LICENCE_CHOICES : field === 'source' ? SOURCE_CHOICES : [];
    const values = await this.#suggestedValues(limit);
    return mergeChoices(builtIn, values[FIELD_COLUMN[field]] ?? []);
  }

  /**
   * What every suggested field holds. Counting reads every photo (about a second per field at
   * 1,000,000), so all the fields are read at once, in a worker thread for a large catalogue
   * (store/fieldValues.ts), and kept until anything is written: the editor asks for seven
   * fields each time it shows a photo.
   */
  async #suggestedValues(limit: number): Promise<Record<string, string[]>> {
    const stamp = await this.#core.photos.writeStamp();
    if (stamp !== this.#suggestionsStamp) {
      this.#suggestions.clear();
      this.#suggestionsStamp = stamp;
    }
    let values = this.#suggestions.get(limit);
    if (!values) {
      values = this.#core.store.fieldValues(SUGGESTED_FIELDS.map((f) => FIELD_COLUMN[f]), limit);
      // A failed read is not kept: the next ask tries again.
      const kept = values;
      kept.catch(() => {
        if (this.#suggestions.get(limit) === kept) this.#suggestions.delete(limit);
      });
      this.#suggestions.set(limit, values);
    }
    return values;
  }

  // --- selections (shared/selection.ts) ------------------------------------------------------

  /** The photos a call names: its ids, or its selection resolved now. */
  async idsOf(named: { ids?: number[]; selection?: Selection }): Promise<number[]> {
    return named.ids ?? this.resolve(named.selection!);
  }

  resolve(selection: Selection): Promise<number[]> {
    return resolveSelection(this.#resultIds, selection);
  }

  project(selection: Selection, query: string): Promise<Projection> {
    return projectSelection(this.#resultIds, selection, query);
  }

  /** What the photos share, for the batch editor. */
  /**
   * What photos have in common, for the batch editor. "Everything but these" over the whole
   * catalogue (Ctrl+A, Shift+End with no search) is said in SQL, so no id list of the whole
   * catalogue is read out; a search's selection takes its ids from the index.
   */
  async selectionFields(target: Selection | readonly number[]): Promise<SelectionFields> {
    if (isIdList(target)) return await selectionFields(this.#core.photos, { ids: target });
    if (target.all && !target.query.trim()) return await selectionFields(this.#core.photos, { allExcept: target.ids });
    return await selectionFields(this.#core.photos, { ids: await this.resolve(target) });
  }

  /** Adds and removes tags on every photo, one undoable step; the ids changed. */
  async editTags(ids: readonly number[], add: readonly string[], remove: readonly string[]): Promise<number[]> {
    return await editSelectionTags(this.#core.photos, (edits, label) => this.applyEdits(edits, label), ids, add, remove);
  }

  /**
   * Rotates and/or flips photos as displayed (shared/orientation.ts), one undoable step; the
   * originals are never touched. The count asked for and the ids changed.
   */
  async turn(named: { ids?: number[]; selection?: Selection }, request: TurnRequest): Promise<{ count: number; changed: number[] }> {
    const ids = await this.idsOf(named);
    this.#core.assertWritable();
    const changed = ids.length ? await this.#core.store.turn(ids, request) : [];
    await this.#core.photosChanged(changed);
    return { count: ids.length, changed };
  }

  /** One patch to every photo of a selection, one undoable step. */
  async editSelection(selection: Selection, patch: PhotoPatch): Promise<{ count: number; changed: number }> {
    const ids = await this.resolve(selection);
    const changed = ids.length ? await this.applyEdits(ids.map((id) => ({ id, patch }))) : [];
    return { count: ids.length, changed: changed.length };
  }
}

function isIdList(target: Selection | readonly number[]): target is readonly number[] {
  return Array.isArray(target);
}

/**
 * Whether an image request's version (the `v` of its URL: the photo's thumbVersion when the window
 * read it) is the photo's now. Images are kept by the browser for a year under their URL, so an
 * answer for another version — a window still showing the catalogue before "Open catalogue…",
 * where this number was another photo — would stand in that cache for the wrong picture. No
 * version given (a test, a tool): the photo's picture as it is.
 */
function isVersion(photo: Photo, version: string | undefined): boolean {
  return version === undefined || version === photo.thumbVersion;
}
