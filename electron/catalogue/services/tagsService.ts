// Tags across the whole catalogue: counts for autocomplete and the tag manager, and rename or
// merge as one undoable step (editing/catalogueTags.ts plans the edits; shared/tags.ts is the rule).
import type { TagCount } from '../../../shared/editHistory.ts';
import { tagKey } from '../../../shared/tags.ts';
import { CatalogueError } from '../catalogueError.ts';
import { listTags, listTagTree, planTagRename } from '../editing/catalogueTags.ts';
import type { TagNode } from '../../../shared/tagTree.ts';
import type { CatalogueCore } from './catalogueCore.ts';

export class TagsService {
  readonly #core: CatalogueCore;

  constructor(core: CatalogueCore) {
    this.#core = core;
  }

  /** Every tag with the number of photos carrying it, most used first; `prefix` filters. */
  async list(prefix = '', limit = 10000): Promise<TagCount[]> {
    return listTags(await this.#core.photos.tagSpellingCounts(), prefix, limit);
  }

  /** The keyword tree: every tag and every path above one, with the photos at or under it. */
  async tree(prefix = ''): Promise<TagNode[]> {
    return listTagTree(await this.#core.photos.taggedPhotos(), prefix);
  }

  /**
   * Renames or merges a tag catalogue-wide (a node of the tree with everything under it); returns how many photos changed, and whether the new
   * name was a tag already (a merge).
   */
  async rename(from: string, to: string, verb: 'Rename' | 'Merge' = 'Rename'): Promise<{ photos: number; merged: boolean }> {
    const edits = planTagRename(await this.#core.photos.taggedPhotos(), from, to);
    if (edits.length === 0) throw new CatalogueError('not-found', 'tagNotFound', { tag: from.trim() });
    const merged = tagKey(from) !== tagKey(to) && (await this.tree()).some((t) => tagKey(t.tag) === tagKey(to));
    const label = verb === 'Merge' ? `Merge tag "${from.trim()}" into "${to.trim()}"` : `Rename tag "${from.trim()}" to "${to.trim()}"`;
    return { photos: (await this.#core.edit(edits, label)).changed.length, merged };
  }
}
