// Reads the metadata a file carries (EXIF, IPTC, XMP) with exifr and maps it onto catalogue
// fields. The mapping is documented in docs/metadata-mapping.md; keep the two in step.
// Bogus values that real cameras and scanners write are dropped here, not shown as facts.
import exifr from 'exifr';
import type { EditableFields, GpsPosition } from '../../../shared/types.ts';
import { recogniseEmbeddedCredit } from '../../../shared/embeddedCredit.ts';
import { fortepanIowaId } from '../../../shared/fortepanIowa.ts';
import { archiveRefFromXmp, circaDateFromXmp } from './artworkOrObject.ts';
import { edtfBesideStandardDate } from '../../../shared/standardDate.ts';
import { repairLegacyText } from './legacyText.ts';
import { findXmpPacket, jp2Blocks, pngBlocks, readXpTags, repairTiff, syntheticJpeg, tiffFromExif, xmpAsUtf8, type EmbeddedBlocks } from './embeddedBlocks.ts';
import { decodeXmpBlock } from './xmlEntities.ts';
import { assertSafeXml } from './safeXml.ts';
import { decodeXmpBytes } from '../sidecars/xmpSidecar.ts';
import { EMBEDDED_KEYWORD_SEPARATOR } from '../../../shared/tags.ts';
import { tagsFromXmp } from './keywordsXmp.ts';
import { marksFromXmp, NO_MARKS, type PhotoMarks } from '../../../shared/photoMarks.ts';
import { xmpMarkValues } from './xmpMarks.ts';

export interface FileMetadata {
  fields: EditableFields;
  takenAt: string | null;
  digitizedAt: string | null;
  camera: string | null;
  gps: GpsPosition | null;
  embeddedCredit: string;
  embeddedCreator: string;
  copyright: string;
  /** A Fortepan number the metadata states (an embedded credit "Fortepan — ID 24628", dc:identifier "Fortepan 24628"). */
  fortepanId: number | null;
  /** A Fortepan Iowa number ("FI0001858") the metadata states. */
  iowaId: string | null;
  orientation: number | null;
  /** Problems worth telling the archivist, e.g. a block of metadata that could not be read. */
  warnings: string[];
}

type Block = Record<string, unknown>;

const EXIFR_BASE_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  iptc: true,
  xmp: true,
  icc: false,
  jfif: false,
  ihdr: false,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  mergeOutput: false,
  reviveValues: true,
  translateValues: false,
  translateKeys: true,
  sanitize: true,
  multiSegment: true,
} as const satisfies NonNullable<Parameters<typeof exifr.parse>[1]>;

export function emptyFields(): EditableFields {
  return { title: '', caption: '', date: '', donor: '', photographer: '', country: '', city: '', place: '', tags: [], licence: '', source: '', archiveRef: '', notes: '', ...NO_MARKS };
}

/** Metadata blocks as sharp (libvips) extracted them while reading the header. */
export interface SharpBlocks {
  exif?: Buffer;
  xmp?: Buffer;
  iptc?: Buffer;
}

/** exifr's output keys that are not XMP namespaces. */
const NON_XMP_KEYS = new Set(['ifd0', 'ifd1', 'exif', 'gps', 'interop', 'iptc', 'icc', 'jfif', 'ihdr', 'makerNote', 'userComment', 'errors']);

/**
 * Why a file's XMP must not be parsed, or null. XMP is XML from strangers: a DOCTYPE or entity
 * declaration (XXE, "billion laughs") or absurd nesting is refused before any parser sees it.
 */
function unsafeXmpReason(input: Buffer, sharpXmp: Buffer | undefined): string | null {
  // Nine-byte markers that do not turn up by chance in image data; XMP itself never needs them.
  // In a JPEG only its XMP segments are searched: Photoshop's print settings (an Apple plist in
  // APP13, which no XMP parser reads) carry a DOCTYPE, and refusing their XMP for it lost the
  // metadata of ordinary Photoshop files with a false alarm in the ingest report.
  const searched = jpegXmpSegments(input) ?? [input];
  if (searched.some((part) => part.includes('<!DOCTYPE') || part.includes('<!ENTITY'))) {
    return 'it declares a DOCTYPE or entities (XXE or entity expansion)';
  }
  const packet = xmpAsUtf8(sharpXmp) ?? findXmpPacket(input);
  if (!packet) return null;
  try {
    assertSafeXml(packet.toString('utf8'));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const XMP_SIGNATURES = ['http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0'].map((sig) => Buffer.from(sig, 'latin1'));

/** The payloads of a JPEG's XMP segments (main and extended), or null when `input` is no JPEG. */
export function jpegXmpSegments(input: Buffer): Buffer[] | null {
  if (input[0] !== 0xff || input[1] !== 0xd8) return null;
  const segments: Buffer[] = [];
  let at = 2;
  while (at + 4 <= input.length && input[at] === 0xff) {
    const marker = input[at + 1];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    // Start of scan or end of image: the metadata segments all come before.
    if (marker === 0xda || marker === 0xd9) return segments;
    const length = input.readUInt16BE(at + 2);
    const payload = input.subarray(at + 4, Math.min(input.length, at + 2 + length));
    if (marker === 0xe1 && XMP_SIGNATURES.some((sig) => payload.subarray(0, sig.length).equals(sig))) segments.push(payload);
    at += 2 + length;
  }
  // A JPEG whose segments cannot be walked: search all of it, as for other formats.
  return at + 4 <= input.length ? null : segments;
}

/**
 * The file's XMP packet re-encoded as UTF-8 when it was written in a code page (exifr would
 * decode it as UTF-8 and store U+FFFD for every accented letter), else undefined.
 */
function redecodedXmp(input: Buffer, sharpXmp: Buffer | undefined, warnings: string[]): Buffer | undefined {
  const packet = xmpAsUtf8(sharpXmp) ?? findXmpPacket(input);
  if (!packet) return undefined;
  const decoded = decodeXmpBytes(packet);
  if (!decoded.warning) return undefined;
  warnings.push(`embedded XMP ${decoded.warning}`);
  return Buffer.from(decoded.text, 'utf8');
}

export async function readMetadata(input: Buffer, found: SharpBlocks = {}): Promise<FileMetadata> {
  const warnings: string[] = [];
  const xmpRefusal = unsafeXmpReason(input, found.xmp);
  if (xmpRefusal) warnings.push(`embedded XMP refused: ${xmpRefusal}`);
  const recoded = xmpRefusal ? undefined : redecodedXmp(input, found.xmp, warnings);
  const exifrOptions = xmpRefusal || recoded ? { ...EXIFR_BASE_OPTIONS, xmp: false } : EXIFR_BASE_OPTIONS;
  let raw: Record<string, unknown> = {};
  try {
    raw = ((await exifr.parse(input, exifrOptions)) as Record<string, unknown> | undefined) ?? {};
  } catch (error) {
    const message = (error as Error).message;
    // exifr does not know WebP, GIF, BMP, JPEG 2000 and some HEIF brands; sharp still reads them.
    if (!/Unknown file format/i.test(message)) raw = { errors: [error] };
  }
  const errors = Array.isArray(raw.errors) ? raw.errors : [];
  delete raw.errors;
  if (errors.length && !hasEntries(raw.ifd0) && !hasEntries(raw.exif)) {
    // exifr fails on some TIFFs' embedded IPTC/XMP ("Invalid input argument for BufferView")
    // and loses the EXIF with them: read the EXIF alone; IPTC and XMP come from sharp below.
    try {
      const exifOnly = ((await exifr.parse(input, { ...exifrOptions, iptc: false, xmp: false })) as Record<string, unknown> | undefined) ?? {};
      for (const [key, value] of Object.entries(exifOnly)) if (key !== 'errors' && !hasEntries(raw[key])) raw[key] = value;
    } catch {
      // nothing more to be had from exifr
    }
  }

  // Second chance for every block exifr did not deliver: take the block from sharp or from the
  // container (PNG chunks, JP2 boxes, a bare XMP packet), repair it, and let exifr parse it as
  // part of a synthetic JPEG header.
  const png = pngBlocks(input);
  const jp2 = jp2Blocks(input);
  const tiff = tiffFromExif(found.exif) ?? png.tiff ?? jp2.tiff;
  const fallback: EmbeddedBlocks = {};
  if (!hasEntries(raw.ifd0) && !hasEntries(raw.exif) && tiff) {
    const repair = repairTiff(tiff);
    fallback.tiff = repair.tiff;
    if (repair.repaired) warnings.push(`metadata repaired: ${repair.repaired} invalid EXIF entr${repair.repaired === 1 ? 'y' : 'ies'} skipped`);
  }
  if (!xmpRefusal && !Object.keys(raw).some((key) => !NON_XMP_KEYS.has(key))) {
    fallback.xmp = recoded ?? xmpAsUtf8(found.xmp) ?? png.xmp ?? jp2.xmp ?? findXmpPacket(input);
  }
  if (!hasEntries(raw.iptc)) fallback.iptc = found.iptc ?? png.iptc ?? jp2.iptc;
  const header = syntheticJpeg(fallback);
  if (header) {
    try {
      // The re-encoded packet is safe to parse; a refused one never reaches the header.
      const extra = ((await exifr.parse(header, recoded ? EXIFR_BASE_OPTIONS : exifrOptions)) as Record<string, unknown> | undefined) ?? {};
      for (const [key, value] of Object.entries(extra)) if (key !== 'errors' && !hasEntries(raw[key])) raw[key] = value;
    } catch {
      // the blocks are as unreadable as the file: keep what the first pass found
    }
  }
  if (errors.length && !hasEntries(raw.ifd0) && !hasEntries(raw.exif)) {
    warnings.push(...errors.map((e) => `metadata not readable: ${String((e as Error).message ?? e)}`));
  }
  const xp = readXpTags(fallback.tiff ?? tiff);
  if (Object.keys(xp).length) raw.xp = xp;
  return mapMetadata(raw, warnings);
}

function hasEntries(value: unknown): boolean {
  return !!value && typeof value === 'object' && Object.keys(value).length > 0;
}

export function mapMetadata(raw: Record<string, unknown>, warnings: string[] = []): FileMetadata {
  const ifd0 = block(raw.ifd0);
  const exif = block(raw.exif);
  const gps = block(raw.gps);
  const iptc = block(raw.iptc);
  const dc = block(decodeXmpBlock(raw.dc));
  const photoshop = block(decodeXmpBlock(raw.photoshop));
  const iptcCore = block(decodeXmpBlock(raw.Iptc4xmpCore));
  const xmpRights = block(decodeXmpBlock(raw.xmpRights));
  const xp = block(raw.xp);

  const iptcText = (key: string) => text(iptc[key], true);
  const embeddedCredit = text(photoshop.Credit) || iptcText('Credit');
  const embeddedCreator = text(dc.creator) || iptcText('Byline') || text(ifd0.Artist) || text(xp.XPAuthor);
  const copyright = text(dc.rights) || iptcText('CopyrightNotice') || text(ifd0.Copyright);
  const source = text(photoshop.Source) || iptcText('Source');
  // "Fortepan / Nagy Gyula", "FOTO:Fortepan — ID 24628 : Adományozó/Donor: Nagy Gyula." and the
  // other forms seen in real files give donor, number and licence (shared/embeddedCredit.ts).
  const recognised = recogniseEmbeddedCredit(embeddedCredit);
  const identifier = text(dc.identifier);
  const idFromIdentifier = /^\s*fortepan\s*(\d{1,7})\s*$/i.exec(identifier);
  const fortepanId = recognised?.fortepanId ?? (idFromIdentifier ? Number(idFromIdentifier[1]) : null);
  const iowaId = recognised?.iowaId ?? fortepanIowaId(identifier);

  // XMP and IPTC usually carry the same keywords (kept in sync by Photoshop); each is kept once.
  // Lightroom's and digiKam's keyword paths come whole, their flattened levels once (keywordsXmp.ts).
  const flatKeywords = [...list(dc.subject), ...list(iptc.Keywords).map((k) => repairLegacyText(k))];
  const standardKeywords = tagsFromXmp({ lr: decodeXmpBlock(raw.lr), digiKam: decodeXmpBlock(raw.digiKam) }, flatKeywords, (v) => text(v));
  const keywords = standardKeywords.length ? standardKeywords : [...new Set(list(xp.XPKeywords))];

  const make = text(ifd0.Make);
  const model = text(ifd0.Model);
  const software = text(ifd0.Software);
  const camera = [make, model.startsWith(make) ? model.slice(make.length).trim() : model].filter(Boolean).join(' ') || null;
  const scanned = isScanner(`${make} ${model} ${software}`);

  const modified = validDate(ifd0.ModifyDate);
  let original = validDate(exif.DateTimeOriginal);
  // A photo cannot be taken after its file was last written: a camera with an unset clock.
  if (original && modified && Date.parse(original) > Date.parse(modified) + 24 * 3600 * 1000) {
    warnings.push(`capture date ${original} is later than the file's modification date ${modified}: ignored`);
    original = null;
  }
  const created = validDate(exif.CreateDate) ?? modified;
  const takenAt = scanned ? null : original;
  const digitizedAt = scanned ? (original ?? created) : null;

  const standardDate = dateText(photoshop.DateCreated) || iptcDateText(iptc.DateCreated);
  // An exported copy carries the EDTF date ("1945/1947", "194X") beside the standard one ("1945").
  const explicitDate = edtfBesideStandardDate(circaDateFromXmp(decodeXmpBlock(raw.Iptc4xmpExt)), standardDate) || standardDate;
  const date = explicitDate || (takenAt ? takenAt.slice(0, 10) : '');

  const licence = licenceFromStatement(text(xmpRights.WebStatement)) || (recognised?.licence ?? '');

  const fields: EditableFields = {
    title: text(dc.title) || iptcText('ObjectName') || text(photoshop.Headline) || iptcText('Headline') || text(xp.XPTitle),
    caption: text(dc.description) || iptcText('Caption') || imageDescription(text(ifd0.ImageDescription), make, model) || text(xp.XPComment),
    date,
    donor: recognised?.donor ?? '',
    photographer: embeddedCreator || (recognised?.photographer ?? ''),
    country: text(photoshop.Country) || iptcText('Country') || text(iptcCore.CountryName),
    city: text(photoshop.City) || iptcText('City'),
    place: text(iptcCore.Location) || iptcText('Sublocation'),
    tags: keywords,
    licence,
    source: source || (recognised?.source ?? ''),
    archiveRef: archiveRefFromXmp(decodeXmpBlock(raw.Iptc4xmpExt)) || (recognised?.archiveRef ?? ''),
    notes: '',
    // xmp:Rating (-1: rejected), xmp:Label, digiKam's labels; else the EXIF Rating Windows writes.
    ...NO_MARKS,
    ...markFields(raw, ifd0.Rating),
  };

  return {
    fields,
    takenAt,
    digitizedAt,
    camera,
    gps: gpsPosition(gps, warnings),
    embeddedCredit,
    embeddedCreator,
    copyright,
    fortepanId,
    iowaId,
    orientation: typeof ifd0.Orientation === 'number' && ifd0.Orientation >= 1 && ifd0.Orientation <= 8 ? ifd0.Orientation : null,
    warnings,
  };
}

function markFields(raw: Block, exifRating: unknown): Partial<PhotoMarks> {
  const xmp = xmpMarkValues(raw);
  return marksFromXmp({ ...xmp, rating: xmp.rating ?? exifRating });
}

function block(value: unknown): Block {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Block) : {};
}

/** XMP alternatives ({lang, value}), arrays of creators and byte strings all become plain text. */
function text(value: unknown, legacy = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clean(legacy ? repairLegacyText(value) : value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => text(v, legacy)).filter(Boolean).join('; ');
  if (typeof value === 'object') {
    const alt = value as { value?: unknown };
    if ('value' in alt) return text(alt.value, legacy);
  }
  return '';
}

/** Texts cameras and converters write into ImageDescription by default: not a caption. */
const BOILERPLATE_DESCRIPTION = /^(?:[\w.,-]+(?: [\w.,-]+)? )?digital (?:camera|still camera|image)$|^created with \w+$|^converted \w+ file$|^(?:exif_jpeg_picture|default|untitled|image|picture|photo)$/i;

/** An EXIF ImageDescription, or '' when it is only the camera's name or a default text. */
export function imageDescription(description: string, make: string, model: string): string {
  const folded = description.toLowerCase();
  if (!folded || folded === make.toLowerCase() || folded === model.toLowerCase() || BOILERPLATE_DESCRIPTION.test(description)) return '';
  return description;
}

function clean(value: string): string {
  // Control characters (NULs, padding) never belong in a caption.
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

function list(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : String(value).split(EMBEDDED_KEYWORD_SEPARATOR);
  return items.map((item) => text(item)).filter(Boolean);
}

const SCANNER = /\b(scan|scanner|coolscan|canoscan|perfection|flextight|imacon|silverfast|vuescan|epson scan|hp scanjet|plustek|reflecta|pacific image|microtek|noritsu|frontier)/i;

function isScanner(description: string): boolean {
  return SCANNER.test(description);
}

const EARLIEST_PLAUSIBLE = Date.UTC(1826, 0, 1); // the oldest surviving photograph

/** A real date, or null for blanks, zero dates, Excel's 1899-12-30 epoch artefacts and the future. */
export function validDate(value: unknown): string | null {
  let date: Date | null = null;
  if (value instanceof Date) date = value;
  else if (typeof value === 'string') {
    const match = /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
    if (match) date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], +(match[4] ?? 0), +(match[5] ?? 0), +(match[6] ?? 0)));
  }
  if (!date || Number.isNaN(date.getTime())) return null;
  const time = date.getTime();
  if (time < EARLIEST_PLAUSIBLE || time > Date.now() + 24 * 3600 * 1000) return null;
  const iso = date.toISOString();
  if (iso.startsWith('1899-11-30') || iso.startsWith('1899-12-30') || iso.startsWith('1900-01-00')) return null;
  return iso.replace('.000Z', 'Z');
}

function dateText(value: unknown): string {
  if (value instanceof Date) return validDate(value)?.slice(0, 10) ?? '';
  const raw = text(value);
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(raw);
  if (!match) return '';
  const year = Number(match[1]);
  if (year < 1826 || year > new Date().getUTCFullYear()) return '';
  return match[0];
}

function iptcDateText(value: unknown): string {
  const raw = text(value).replace(/-/g, '');
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!match) return dateText(value);
  const [, year, month, day] = match;
  if (month === '00') return dateText(year);
  if (day === '00') return dateText(`${year}-${month}`);
  return validDate(`${year}-${month}-${day}`) ? `${year}-${month}-${day}` : '';
}

function gpsPosition(gps: Block, warnings: string[]): GpsPosition | null {
  const lat = typeof gps.latitude === 'number' ? gps.latitude : null;
  const lon = typeof gps.longitude === 'number' ? gps.longitude : null;
  if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    warnings.push(`GPS position out of range (${lat}, ${lon}) ignored`);
    return null;
  }
  // 0,0 is in the Gulf of Guinea: a receiver without a fix writes it.
  if (lat === 0 && lon === 0) return null;
  let alt: number | null = typeof gps.GPSAltitude === 'number' ? gps.GPSAltitude : null;
  // exifr gives the reference byte as a number or, untranslated, as a one-byte array.
  const ref = gps.GPSAltitudeRef;
  const below = ref === 1 || (ref instanceof Uint8Array && ref[0] === 1) || (Array.isArray(ref) && ref[0] === 1);
  if (alt !== null && below) alt = -alt;
  // Higher than Everest or deeper than the Dead Sea shore: an overflowed or unset value.
  if (alt !== null && (!Number.isFinite(alt) || alt > 9000 || alt < -500)) alt = null;
  return { lat, lon, alt };
}

const LICENCE_BY_URL: [RegExp, string][] = [
  [/creativecommons\.org\/licenses\/by-sa\/3\.0/i, 'CC BY-SA 3.0'],
  [/creativecommons\.org\/licenses\/by-sa\/4\.0/i, 'CC BY-SA 4.0'],
  [/creativecommons\.org\/licenses\/by\/4\.0/i, 'CC BY 4.0'],
  [/creativecommons\.org\/licenses\/by\/3\.0/i, 'CC BY 3.0'],
  [/creativecommons\.org\/publicdomain\/zero/i, 'CC0 1.0'],
  [/creativecommons\.org\/publicdomain\/mark/i, 'Public Domain Mark 1.0'],
];

function licenceFromStatement(url: string): string {
  return LICENCE_BY_URL.find(([pattern]) => pattern.test(url))?.[1] ?? '';
}
