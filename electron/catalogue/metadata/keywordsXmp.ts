// Keywords in XMP, written and read the way Lightroom Classic and digiKam exchange hierarchies:
// lr:hierarchicalSubject holds every tag as its full path ("Helyszín|Budapest|Üllői út"; a flat
// tag is a one-level path, as Lightroom writes it too), and dc:subject (with IPTC Keywords in
// exported copies) the flat keywords: every level of every path (shared/tags.ts flattenTags says
// why). Reading merges whatever a file has — Lightroom's lr:hierarchicalSubject, digiKam's
// digiKam:TagsList (levels joined by `/`) and the flat dc:subject — keeping each leaf once.
// One module for sidecars (sidecars/xmpSidecar.ts), exported copies
// (collections/exportMetadata.ts) and embedded XMP on ingest (metadata/readMetadata.ts).
import { flattenTags, mergeKeywords, tagFromDigiKam } from '../../../shared/tags.ts';

export const LIGHTROOM_NS = 'http://ns.adobe.com/lightroom/1.0/';
export const DIGIKAM_NS = 'http://www.digikam.org/ns/1.0/';

type Escape = (text: string) => string;

const bag = (name: string, values: readonly string[], escape: Escape) =>
  values.length ? `<${name}><rdf:Bag>${values.map((v) => `<rdf:li>${escape(v)}</rdf:li>`).join('')}</rdf:Bag></${name}>` : '';

/** dc:subject (flat keywords) and lr:hierarchicalSubject (full paths); none for no tags. */
export function keywordsXmp(tags: readonly string[], escape: Escape): string[] {
  return [bag('dc:subject', flattenTags(tags), escape), bag('lr:hierarchicalSubject', tags, escape)].filter(Boolean);
}

/** The flat keywords of IPTC-IIM Keywords (2:25): the same as dc:subject. */
export function iimKeywords(tags: readonly string[]): string[] {
  return flattenTags(tags);
}

type Block = Record<string, unknown>;

function block(value: unknown): Block {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Block) : {};
}

/** The texts of one XMP list property as exifr gives it: an array, or a string for a one-item list. */
function items(value: unknown, text: (value: unknown) => string): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(text).filter(Boolean);
}

/**
 * A photo's tags from exifr's reading of XMP (its namespaces by prefix: lr, digiKam; entities
 * decoded by `text`) merged with the flat keywords the caller read (dc:subject, IPTC Keywords).
 * A path is never split at commas: "Járművek|Skoda 30,5" is one tag.
 */
export function tagsFromXmp(raw: Block, flat: readonly string[], text: (value: unknown) => string): string[] {
  const paths = [...items(block(raw.lr).hierarchicalSubject, text), ...items(block(raw.digiKam).TagsList, text).map(tagFromDigiKam)];
  return mergeKeywords(paths, flat);
}
