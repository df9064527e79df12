// Collections of one open catalogue, as the API, the CLI and the UI use them: named, ordered
// picks (stored by store/collectionStore.ts) and their credit lists. The export of a collection
// is services/exportsService.ts's.
import type { Collection, CollectionSummary } from '../../../shared/collections.ts';
import type { CollectionCredits } from '../../../shared/collections.ts';
import type { CreditLang, CreditStyle } from '../../../shared/creditStyles.ts';
import type { CreditListFormat, TextCreditListFormat } from '../../../shared/figureCredits.ts';
import type { CatalogueCore } from '../services/catalogueCore.ts';
import type { StoredItem } from '../store/collectionStore.ts';
import { CREDIT_FILE_MIME, collectionCreditsFile, collectionCreditsText, collectionPicks, type CollectionPick } from './collectionCredits.ts';
import { safeFileNamePart } from './exportNames.ts';

export class CollectionService {
  readonly #core: CatalogueCore;

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  get #store() {
    return this.#core.collections;
  }

  list(): CollectionSummary[] {
    return this.#store.list();
  }

  get(id: number): Collection {
    return this.#store.get(id);
  }

  summary(id: number): CollectionSummary {
    return this.#store.summary(id);
  }

  /** A collection's id by its name (names ignore case). */
  idByName(name: string): number {
    return this.#store.idByName(name);
  }

  items(id: number): StoredItem[] {
    return this.#store.items(id);
  }

  itemOfPhoto(id: number, photoId: number): StoredItem {
    return this.#store.itemOfPhoto(id, photoId);
  }

  /** With `query`, a smart collection: its photos are that search's results whenever asked. */
  create(name: string, query?: string): CollectionSummary {
    return this.#store.create(name, query);
  }

  rename(id: number, name: string): CollectionSummary {
    return this.#store.rename(id, name);
  }

  delete(id: number): void {
    this.#store.delete(id);
  }

  add(id: number, photoIds: readonly number[], at?: number): { added: number; duplicates: number[] } {
    return this.#store.add(id, photoIds, at);
  }

  removeItems(id: number, itemIds: readonly number[]): number {
    return this.#store.removeItems(id, itemIds);
  }

  removePhotos(id: number, photoIds: readonly number[]): number {
    return this.#store.removePhotos(id, photoIds);
  }

  move(id: number, itemId: number, position: number): void {
    this.#store.move(id, itemId, position);
  }

  setModified(id: number, itemId: number, modified: boolean): void {
    this.#store.setModified(id, itemId, modified);
  }

  picks(id: number): CollectionPick[] {
    return collectionPicks(this.#store, this.#core.photos, id);
  }

  credits(id: number, style: CreditStyle, lang: CreditLang, format: TextCreditListFormat): CollectionCredits {
    const { name } = this.#store.summary(id);
    return collectionCreditsText(name, this.picks(id), { style, lang, format });
  }

  creditsFile(id: number, style: CreditStyle, lang: CreditLang, format: CreditListFormat): Promise<Buffer> {
    const { name } = this.#store.summary(id);
    return collectionCreditsFile(name, this.picks(id), { style, lang, format });
  }

  /** The figure credit list of any picks (a collection's, or photos given by id) as a file. */
  creditsFileOf(name: string, picks: readonly CollectionPick[], options: { style: CreditStyle; lang: CreditLang; format: CreditListFormat }): Promise<Buffer> {
    return collectionCreditsFile(name, picks, options);
  }

  /** The credit list as a file to download: its name, type and bytes. */
  async creditsDownload(id: number, style: CreditStyle, lang: CreditLang, format: CreditListFormat): Promise<{ fileName: string; mime: string; base64: string }> {
    const bytes = await this.creditsFile(id, style, lang, format);
    const name = safeFileNamePart(this.#store.summary(id).name) || 'collection';
    return { fileName: `${name}_credits.${format}`, mime: CREDIT_FILE_MIME[format], base64: bytes.toString('base64') };
  }
}
