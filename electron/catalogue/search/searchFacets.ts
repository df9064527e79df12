// Facets of one result: how many hits per year, donor, place and tag. Counted over the index's
// per-photo columns (no SQL), so a 200,000-photo result counts in milliseconds. Tags count per
// node of the keyword tree: a photo counts once in each of its tags and each ancestor path
// (tagFacetNodes.ts), so "Helyszín" counts the photos under it however many tags each has there.
import type { FacetValue, SearchFacets } from '../../../shared/searchFacets.ts';
import { hungarianCollator } from '../../../shared/textFold.ts';
import type { SearchIndex } from './searchIndex.ts';
import { tagFacetNodes } from './tagFacetNodes.ts';
import { COLOUR_LABELS, type ColourLabel } from '../../../shared/photoMarks.ts';
import { flagBits, labelBits, ratingOf } from './markBits.ts';

/** The longest list sent per facet; `distinct` says how many values there are in all. */
const FACET_LIMIT = 100;

function topValues(counts: Int32Array, dictionary: readonly string[]): { values: FacetValue[]; distinct: number } {
  const values: FacetValue[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) values.push({ value: dictionary[i], count: counts[i] });
  // Most frequent first; equal counts in Hungarian alphabetical order (cs after c, ő after ö).
  values.sort((a, b) => b.count - a.count || hungarianCollator.compare(a.value, b.value));
  return { values: values.slice(0, FACET_LIMIT), distinct: values.length };
}

export function countFacets(index: SearchIndex, slots: Int32Array): Omit<SearchFacets, 'error'> {
  const dictionary = index.dictionary;
  const donors = new Int32Array(dictionary.length);
  const places = new Int32Array(dictionary.length);
  const nodes = tagFacetNodes(dictionary);
  // Per node: its count, and the last photo counted in it (a photo counts once per node).
  let tags = new Int32Array(Math.max(64, nodes.names.length));
  let counted = new Int32Array(tags.length).fill(-1);
  const years = new Map<number, number>();
  let undated = 0;
  const ratings = new Int32Array(6);
  const flags = new Int32Array(3);
  const labels = new Int32Array(COLOUR_LABELS.length + 1);
  for (let i = 0; i < slots.length; i++) {
    const f = index.facets(slots[i]);
    // A photo counts in the first year its date allows ("195X" counts in 1950): the same
    // photos a year: filter on that year finds, so a dragged range never loses any.
    if (f.yearFrom) years.set(f.yearFrom, (years.get(f.yearFrom) ?? 0) + 1);
    else undated++;
    if (f.donor >= 0) donors[f.donor]++;
    for (const p of f.places) places[p]++;
    for (const t of f.tags) {
      const chain = nodes.chain(t, dictionary[t]);
      for (let c = 0; c < chain.length; c++) {
        const node = chain[c];
        if (node >= tags.length) {
          const grown = Math.max(node + 1, tags.length * 2);
          const moreTags = new Int32Array(grown);
          moreTags.set(tags);
          const moreCounted = new Int32Array(grown).fill(-1);
          moreCounted.set(counted);
          tags = moreTags;
          counted = moreCounted;
        }
        if (counted[node] !== i) {
          counted[node] = i;
          tags[node]++;
        }
      }
    }
    ratings[ratingOf(f.marks)]++;
    flags[flagBits(f.marks)]++;
    labels[labelBits(f.marks)]++;
  }
  const donor = topValues(donors, dictionary);
  const place = topValues(places, dictionary);
  const tag = topValues(tags, nodes.names);
  return {
    total: slots.length,
    years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    undated,
    donors: donor.values,
    donorCount: donor.distinct,
    places: place.values,
    placeCount: place.distinct,
    tags: tag.values,
    tagCount: tag.distinct,
    marks: {
      ratings: Array.from(ratings),
      flags: { none: flags[0], pick: flags[1], reject: flags[2] },
      labels: { none: labels[0], ...(Object.fromEntries(COLOUR_LABELS.map((l, i) => [l, labels[i + 1]])) as Record<ColourLabel, number>) },
    },
  };
}
