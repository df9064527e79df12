// When and where a photo was taken, in the standard fields Lightroom, digiKam, Photo Mechanic and
// ExifTool read: one mapping for exported copies (EXIF, IPTC-IIM and XMP) and XMP sidecars (XMP).
//
// - Date: IIM 2:55 Date Created (CCYYMMDD, 00 for what is not known), XMP photoshop:DateCreated
//   ("1946", "1946-05", "1946-05-12"), and, only for a day known exactly, EXIF DateTimeOriginal
//   and XMP exif:DateTimeOriginal. What a standard field holds of an EDTF date is
//   shared/standardDate.ts's rule; the EDTF text itself goes beside it, as the IPTC Extension's
//   Circa Date Created of the photograph as an archival object
//   (Iptc4xmpExt:ArtworkOrObject/AOCircaDateCreated, where its Source Inventory Number already
//   holds the archive reference): "approximate date or range of dates" is what that field is for.
// - Place: IIM 2:92 Sub-location, 2:90 City, 2:101 Country; XMP photoshop:City/Country,
//   Iptc4xmpCore:Location, and Iptc4xmpExt:LocationShown (the place the picture shows) with
//   Sublocation, City, CountryName and the GPS position when known. The catalogue records no
//   province or state, so 2:95 and photoshop:State are not written.
// - GPS: EXIF's GPS IFD and XMP exif:GPSLatitude/GPSLongitude/GPSAltitude.
import type { GpsPosition } from '../../../shared/types.ts';
import { iimDateText, standardDate, xmpDateText } from '../../../shared/standardDate.ts';
import type { IptcFields } from './iptcWriter.ts';
import { byteTag, rationalTag, TAG, textTag, type TiffEntry } from './tiffTags.ts';

export interface WhenWhere {
  /** EDTF text as the catalogue holds it ("1946", "1945/1947", "194X", "1946~"), or "". */
  date: string;
  /** What the catalogue calls the place: a street, a bridge, a building ("Erzsébet híd"). */
  sublocation: string;
  city: string;
  country: string;
  gps: GpsPosition | null;
}

/** The XMP namespaces the properties below use, for the rdf:Description that holds them. */
export const WHEN_WHERE_NAMESPACES = {
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
} as const;

/** The EDTF date for Iptc4xmpExt:ArtworkOrObject → AOCircaDateCreated (see artworkOrObject.ts), or "". */
export function circaDateCreated(facts: WhenWhere): string {
  return standardDate(facts.date) ? facts.date.trim() : '';
}

/** XMP GPSCoordinate: "DDD,MM.mmmmK", as the XMP specification's EXIF schema writes positions. */
function xmpCoordinate(value: number, positive: string, negative: string): string {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Number(((abs - degrees) * 60).toFixed(6));
  return `${degrees},${minutes}${value < 0 ? negative : positive}`;
}

/** Degrees, minutes and seconds as EXIF's three RATIONALs (seconds to 1/10000). */
function exifCoordinate(value: number): [number, number][] {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 10000);
  return [
    [degrees, 1],
    [minutes, 1],
    [seconds, 10000],
  ];
}

/** The XMP properties, one per line, text made safe by `escape`. */
export function whenWhereXmp(facts: WhenWhere, escape: (text: string) => string): string[] {
  const simple = (name: string, value: string) => (value ? `<${name}>${escape(value)}</${name}>` : '');
  const date = standardDate(facts.date);
  const gps = facts.gps;
  const shown = [
    simple('Iptc4xmpExt:Sublocation', facts.sublocation),
    simple('Iptc4xmpExt:City', facts.city),
    simple('Iptc4xmpExt:CountryName', facts.country),
    gps ? simple('Iptc4xmpExt:GPSLatitude', xmpCoordinate(gps.lat, 'N', 'S')) : '',
    gps ? simple('Iptc4xmpExt:GPSLongitude', xmpCoordinate(gps.lon, 'E', 'W')) : '',
  ].join('');
  return [
    date ? simple('photoshop:DateCreated', xmpDateText(date)) : '',
    // XMP dates may stop at the day, so no invented time of day is needed here.
    date?.exact && date.day ? simple('exif:DateTimeOriginal', xmpDateText(date)) : '',
    simple('photoshop:City', facts.city),
    simple('photoshop:Country', facts.country),
    simple('Iptc4xmpCore:Location', facts.sublocation),
    shown ? `<Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType="Resource">${shown}</rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>` : '',
    gps ? simple('exif:GPSVersionID', '2.3.0.0') : '',
    gps ? simple('exif:GPSLatitude', xmpCoordinate(gps.lat, 'N', 'S')) : '',
    gps ? simple('exif:GPSLongitude', xmpCoordinate(gps.lon, 'E', 'W')) : '',
    gps && gps.alt !== null ? simple('exif:GPSAltitudeRef', gps.alt < 0 ? '1' : '0') : '',
    gps && gps.alt !== null ? simple('exif:GPSAltitude', `${Math.round(Math.abs(gps.alt) * 100)}/100`) : '',
  ].filter(Boolean);
}

/** The IPTC-IIM datasets (2:55, 2:92, 2:90, 2:101). */
export function whenWhereIim(facts: WhenWhere): Pick<IptcFields, 'dateCreated' | 'sublocation' | 'city' | 'country'> {
  const date = standardDate(facts.date);
  return {
    dateCreated: date ? iimDateText(date) : '',
    sublocation: facts.sublocation,
    city: facts.city,
    country: facts.country,
  };
}

/** The EXIF sub-IFDs: Exif (DateTimeOriginal) and GPS, for IFD0 to point at. */
export function whenWhereExif(facts: WhenWhere): TiffEntry[] {
  const entries: TiffEntry[] = [];
  const date = standardDate(facts.date);
  // EXIF's DateTimeOriginal is a whole "YYYY:MM:DD HH:MM:SS": it cannot say "1946" or "May 1946"
  // (all blanks means unknown, and a made-up 1 January would be read as a fact by every program
  // that sorts by it), so it is written only for a day known exactly. The time of day is not
  // known either; EXIF has no way to leave it out, so it is midnight, as digiKam and Lightroom
  // write for a date entered without a time.
  if (date?.exact && date.day) {
    entries.push({
      tag: TAG.ExifIFD,
      entries: [
        { tag: TAG.ExifVersion, type: 7, value: Buffer.from('0232', 'latin1') },
        textTag(TAG.DateTimeOriginal, `${date.year}:${date.month}:${date.day} 00:00:00`),
      ],
    });
  }
  const gps = facts.gps;
  if (gps) {
    const gpsEntries = [
      byteTag(TAG.GPSVersionID, [2, 3, 0, 0]),
      textTag(TAG.GPSLatitudeRef, gps.lat < 0 ? 'S' : 'N'),
      rationalTag(TAG.GPSLatitude, exifCoordinate(gps.lat)),
      textTag(TAG.GPSLongitudeRef, gps.lon < 0 ? 'W' : 'E'),
      rationalTag(TAG.GPSLongitude, exifCoordinate(gps.lon)),
    ];
    if (gps.alt !== null) {
      gpsEntries.push(byteTag(TAG.GPSAltitudeRef, [gps.alt < 0 ? 1 : 0]), rationalTag(TAG.GPSAltitude, [[Math.round(Math.abs(gps.alt) * 100), 100]]));
    }
    entries.push({ tag: TAG.GPSIFD, entries: gpsEntries });
  }
  return entries;
}
