// The nodes of the keyword tree a photo counts in for the tag facet: each of its tags and every
// ancestor path ("Helyszín|Budapest|Üllői út" counts in "Helyszín", "Helyszín|Budapest" and
// itself), tags compared as shared/tags.ts compares them (ignoring case). Worked out once per
// facet-dictionary entry and kept beside the index's dictionary, so counting a 200,000-photo
// result stays a walk over typed arrays.
import { tagAncestors, tagKey } from '../../../shared/tags.ts';

export class TagFacetNodes {
  /** A node's name: the first spelling met of its path. */
  readonly names: string[] = [];
  readonly #byKey = new Map<string, number>();
  /** Per dictionary entry (a tag's spelling), the nodes it counts in: ancestors first, itself last. */
  readonly #chains: (Int32Array | undefined)[] = [];

  #node(path: string): number {
    const key = tagKey(path);
    let id = this.#byKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(path);
      this.#byKey.set(key, id);
    }
    return id;
  }

  /** The nodes dictionary entry `id` (the tag `tag`) counts in. */
  chain(id: number, tag: string): Int32Array {
    let chain = this.#chains[id];
    if (!chain) {
      chain = Int32Array.from([...tagAncestors(tag), tag].map((path) => this.#node(path)));
      this.#chains[id] = chain;
    }
    return chain;
  }
}

const perDictionary = new WeakMap<readonly string[], TagFacetNodes>();

/** The nodes of one index's dictionary (a rebuilt base has a new dictionary, and new nodes). */
export function tagFacetNodes(dictionary: readonly string[]): TagFacetNodes {
  let nodes = perDictionary.get(dictionary);
  if (!nodes) perDictionary.set(dictionary, (nodes = new TagFacetNodes()));
  return nodes;
}
