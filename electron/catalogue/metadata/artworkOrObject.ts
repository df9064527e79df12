// The archive reference (shelfmark) in XMP: the IPTC Extension's Artwork or Object structure,
// Source Inventory Number (`Iptc4xmpExt:ArtworkOrObject/…/Iptc4xmpExt:AOSourceInvNo`), since
// dc:identifier carries the Fortepan number. The photograph as an archival object is the
// "artwork or object" the image shows; its holder's inventory number is the shelfmark, and its
// Circa Date Created ("approximate date or range of dates", IPTC Photo Metadata) holds the EDTF
// date beside the standard date fields that cannot hold it (metadata/standardFields.ts).

export const IPTC4XMP_EXT_NS = 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/';

/**
 * The XMP property for the photograph as an object: its archive reference and its EDTF date
 * (`escape` makes text safe as XML), or '' when there is neither.
 */
export function artworkOrObjectXml(archiveRef: string, escape: (text: string) => string, circaDateCreated = ''): string {
  const ref = archiveRef.trim();
  const circa = circaDateCreated.trim();
  if (!ref && !circa) return '';
  return (
    '<Iptc4xmpExt:ArtworkOrObject><rdf:Bag><rdf:li rdf:parseType="Resource">' +
    (circa ? `<Iptc4xmpExt:AOCircaDateCreated>${escape(circa)}</Iptc4xmpExt:AOCircaDateCreated>` : '') +
    (ref ? `<Iptc4xmpExt:AOSourceInvNo>${escape(ref)}</Iptc4xmpExt:AOSourceInvNo>` : '') +
    '</rdf:li></rdf:Bag></Iptc4xmpExt:ArtworkOrObject>'
  );
}

/**
 * The archive reference from exifr's reading of the Iptc4xmpExt namespace: exifr gives a one-item
 * bag as the item itself and a longer bag as an array; the first item with a number counts.
 */
export function archiveRefFromXmp(iptc4xmpExt: unknown, decode: (text: string) => string = (t) => t): string {
  return artworkOrObjectText(iptc4xmpExt, 'AOSourceInvNo', decode);
}

/** The Circa Date Created of the photograph as an object (as text: Fototar writes EDTF there), or ''. */
export function circaDateFromXmp(iptc4xmpExt: unknown, decode: (text: string) => string = (t) => t): string {
  return artworkOrObjectText(iptc4xmpExt, 'AOCircaDateCreated', decode);
}

function artworkOrObjectText(iptc4xmpExt: unknown, property: string, decode: (text: string) => string): string {
  if (!iptc4xmpExt || typeof iptc4xmpExt !== 'object') return '';
  const artwork = (iptc4xmpExt as Record<string, unknown>).ArtworkOrObject;
  const items = Array.isArray(artwork) ? artwork : [artwork];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const value = (item as Record<string, unknown>)[property];
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    if (text.trim()) return decode(text).trim();
  }
  return '';
}
