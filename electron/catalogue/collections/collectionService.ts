// Collections of one open catalogue, as the API, the CLI and the UI use them: named, ordered
// picks (stored through store/collectionRecords.ts) and their credit lists. The export of a collection
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

  async list(): Promise<CollectionSummary[]> {
    return await this.#store.list();
  }

  async get(id: number): Promise<Collection> {
    return await this.#store.get(id);
  }

  async summary(id: number): Promise<CollectionSummary> {
    return await this.#store.summary(id);
  }

  /** A collection's id by its name (names ignore case). */
  async idByName(name: string): Promise<number> {
    return await this.#store.idByName(name);
  }

  async items(id: number): Promise<StoredItem[]> {
    return await this.#store.items(id);
  }

  async itemOfPhoto(id: number, photoId: number): Promise<StoredItem> {
    return await this.#store.itemOfPhoto(id, photoId);
  }

  /** With `query`, a smart collection: its photos are that search's results whenever asked. */
  async create(name: string, query?: string): Promise<CollectionSummary> {
    return await this.#store.create(name, query);
  }

  async rename(id: number, name: string): Promise<CollectionSummary> {
    return await this.#store.rename(id, name);
  }

  async delete(id: number): Promise<void> {
    await this.#store.delete(id);
  }

  async add(id: number, photoIds: readonly number[], at?: number): Promise<{ added: number; duplicates: number[] }> {
    return await this.#store.add(id, photoIds, at);
  }

  async removeItems(id: number, itemIds: readonly number[]): Promise<number> {
    return await this.#store.removeItems(id, itemIds);
  }

  async removePhotos(id: number, photoIds: readonly number[]): Promise<number> {
    return await this.#store.removePhotos(id, photoIds);
  }

  async move(id: number, itemId: number, position: number): Promise<void> {
    await this.#store.move(id, itemId, position);
  }

  async setModified(id: number, itemId: number, modified: boolean): Promise<void> {
    await this.#store.setModified(id, itemId, modified);
  }

  async picks(id: number): Promise<CollectionPick[]> {
    return await collectionPicks(this.#store, this.#core.photos, id);
  }

  async credits(id: number, style: CreditStyle, lang: CreditLang, format: TextCreditListFormat): Promise<CollectionCredits> {
    const { name } = await this.#store.summary(id);
    return collectionCreditsText(name, await this.picks(id), { style, lang, format });
  }

  async creditsFile(id: number, style: CreditStyle, lang: CreditLang, format: CreditListFormat): Promise<Buffer> {
    const { name } = await this.#store.summary(id);
    return collectionCreditsFile(name, await this.picks(id), { style, lang, format });
  }

  /** The figure credit list of any picks (a collection's, or photos given by id) as a file. */
  creditsFileOf(name: string, picks: readonly CollectionPick[], options: { style: CreditStyle; lang: CreditLang; format: CreditListFormat }): Promise<Buffer> {
    return collectionCreditsFile(name, picks, options);
  }

  /** The credit list as a file to download: its name, type and bytes. */
  async creditsDownload(id: number, style: CreditStyle, lang: CreditLang, format: CreditListFormat): Promise<{ fileName: string; mime: string; base64: string }> {
    const bytes = await this.creditsFile(id, style, lang, format);
    const name = safeFileNamePart((await this.#store.summary(id)).name) || 'collection';
    return { fileName: `${name}_credits.${format}`, mime: CREDIT_FILE_MIME[format], base64: bytes.toString('base64') };
  }
}
