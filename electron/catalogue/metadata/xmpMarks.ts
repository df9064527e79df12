// Where exifr puts the XMP properties that carry ratings, flags and colour labels (the mapping
// itself is shared/photoMarks.ts's): xmp:Rating and xmp:Label (Lightroom, Bridge), and digiKam's
// PickLabel and ColorLabel. One reading for embedded XMP and for sidecars.
import { marksToXmp, type PhotoMarks, type XmpMarkValues } from '../../../shared/photoMarks.ts';
import { decodeXmpBlock } from './xmlEntities.ts';

type Block = Record<string, unknown>;

const block = (value: unknown): Block => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Block) : {});

/** The mark properties of exifr's output (mergeOutput: false), absent ones undefined. */
export function xmpMarkValues(raw: Block): XmpMarkValues {
  const xmp = block(decodeXmpBlock(raw.xmp));
  const digikam = block(decodeXmpBlock(raw.digiKam));
  return { rating: xmp.Rating, label: xmp.Label, pickLabel: digikam.PickLabel, colorLabel: digikam.ColorLabel };
}

/** The namespaces of the properties marksXmp writes. */
export const MARK_NAMESPACES = {
  xmp: 'http://ns.adobe.com/xap/1.0/',
  digiKam: 'http://www.digikam.org/ns/1.0/',
} as const;

/**
 * The marks as XMP properties (rdf:Description children), nothing for an unmarked photo: the
 * values are simple numbers and names, so no escaping is needed.
 */
export function marksXmp(marks: PhotoMarks): string[] {
  const xmp = marksToXmp(marks);
  const out: string[] = [];
  if (xmp.rating !== 0) out.push(`<xmp:Rating>${xmp.rating}</xmp:Rating>`);
  if (xmp.label) out.push(`<xmp:Label>${xmp.label}</xmp:Label>`);
  if (xmp.pickLabel !== null) out.push(`<digiKam:PickLabel>${xmp.pickLabel}</digiKam:PickLabel>`);
  if (xmp.colorLabel !== null) out.push(`<digiKam:ColorLabel>${xmp.colorLabel}</digiKam:ColorLabel>`);
  return out;
}
