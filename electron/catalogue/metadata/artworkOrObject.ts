// The archive reference (shelfmark) in XMP: the IPTC Extension's Artwork or Object structure,
// Source Inventory Number (`Iptc4xmpExt:ArtworkOrObject/…/Iptc4xmpExt:AOSourceInvNo`), since
// dc:identifier carries the Fortepan number. The photograph as an archival object is the
// "artwork or object" the image shows; its holder's inventory number is the shelfmark.

export const IPTC4XMP_EXT_NS = 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/';

/** The XMP property for one archive reference (`escape` makes text safe as XML), or '' without one. */
export function artworkOrObjectXml(archiveRef: string, escape: (text: string) => string): string {
  const ref = archiveRef.trim();
  if (!ref) return '';
  return (
    '<Iptc4xmpExt:ArtworkOrObject><rdf:Bag><rdf:li rdf:parseType="Resource">' +
    `<Iptc4xmpExt:AOSourceInvNo>${escape(ref)}</Iptc4xmpExt:AOSourceInvNo>` +
    '</rdf:li></rdf:Bag></Iptc4xmpExt:ArtworkOrObject>'
  );
}

/**
 * The archive reference from exifr's reading of the Iptc4xmpExt namespace: exifr gives a one-item
 * bag as the item itself and a longer bag as an array; the first item with a number counts.
 */
export function archiveRefFromXmp(iptc4xmpExt: unknown, decode: (text: string) => string = (t) => t): string {
  if (!iptc4xmpExt || typeof iptc4xmpExt !== 'object') return '';
  const artwork = (iptc4xmpExt as Record<string, unknown>).ArtworkOrObject;
  const items = Array.isArray(artwork) ? artwork : [artwork];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const value = (item as Record<string, unknown>).AOSourceInvNo;
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    if (text.trim()) return decode(text).trim();
  }
  return '';
}
