// XMP sidecars that Lightroom, digiKam and darktable read: standard Dublin Core, Photoshop,
// IPTC Core and XMP Rights properties for what those programs show, plus Fototar's own
// namespace for what they have no field for (the EDTF date as typed, donor, notes), and the IPTC
// Extension's Artwork or Object → Source Inventory Number for the archive reference, so a
// sidecar read back on ingest restores the catalogue exactly. When and where (date, place, GPS,
// and the EDTF date beside the standard one) are written as exported copies write them:
// metadata/standardFields.ts is their one mapping. Originals are never touched: only
// `<name>.<ext>.xmp` or `<name>.xmp` next to them is written, atomically.
import fs from 'node:fs';
import path from 'node:path';
import type { EditableFields, Photo } from '../../../shared/types.ts';
import type { SidecarNaming, SidecarReport } from '../../../shared/sidecars.ts';
import { parseEdtf } from '../../../shared/edtf.ts';
import { licenceUrl, photoIdentifier } from '../../../shared/credit.ts';
import { recogniseEmbeddedCredit } from '../../../shared/embeddedCredit.ts';
import { archiveRefFromXmp, artworkOrObjectXml, circaDateFromXmp, IPTC4XMP_EXT_NS } from '../metadata/artworkOrObject.ts';
import { circaDateCreated, WHEN_WHERE_NAMESPACES, whenWhereXmp, type WhenWhere } from '../metadata/standardFields.ts';
import { edtfBesideStandardDate } from '../../../shared/standardDate.ts';
import { decodeXmlEntities } from '../metadata/xmlEntities.ts';
import { assertSafeXml } from '../metadata/safeXml.ts';
import { englishMessage } from '../../../shared/errorMessages.ts';
import { keywordsXmp, LIGHTROOM_NS, tagsFromXmp } from '../metadata/keywordsXmp.ts';
import { displayedOrientation, isUpright } from '../../../shared/orientation.ts';
import { MARK_NAMESPACES, marksXmp, xmpMarkValues } from '../metadata/xmpMarks.ts';
import { marksFromXmp, NO_MARKS, ratingFromWord, type PhotoMarks } from '../../../shared/photoMarks.ts';

export const FOTOTAR_XMP_NS = 'https://fototar.app/ns/xmp/1.0/';

const NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  ...WHEN_WHERE_NAMESPACES,
  Iptc4xmpExt: IPTC4XMP_EXT_NS,
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  lr: LIGHTROOM_NS,
  tiff: 'http://ns.adobe.com/tiff/1.0/',
  ...MARK_NAMESPACES,
  fototar: FOTOTAR_XMP_NS,
};

/**
 * Text as XML character data or attribute value. Everything markup-like is an entity; a CR is
 * written as &#13; because XML parsers turn a raw CR into LF; characters XML 1.0 forbids
 * (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, as no parser accepts them.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"'\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' })[c]!);
}

const alt = (name: string, value: string) =>
  value ? `   <${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>` : '';
const list = (name: string, kind: 'Bag' | 'Seq', values: readonly string[]) =>
  values.length ? `   <${name}><rdf:${kind}>${values.map((v) => `<rdf:li>${escapeXml(v)}</rdf:li>`).join('')}</rdf:${kind}></${name}>` : '';
const simple = (name: string, value: string) => (value ? `   <${name}>${escapeXml(value)}</${name}>` : '');

/** The sidecar for one photo, as the catalogue holds it. */
export function buildXmp(photo: Photo): string {
  const url = licenceUrl(photo.licence);
  const dates = parseEdtf(photo.date);
  const whenWhere: WhenWhere = { date: photo.date, sublocation: photo.place, city: photo.city, country: photo.country, gps: photo.gps };
  const properties = [
    alt('dc:title', photo.title),
    alt('dc:description', photo.caption),
    ...keywordsXmp(photo.tags, escapeXml).map((property) => `   ${property}`),
    list('dc:creator', 'Seq', photo.photographer ? [photo.photographer] : []),
    simple('photoshop:Credit', photo.credit),
    simple('photoshop:Source', photo.source),
    simple('dc:identifier', photoIdentifier(photo)),
    ...whenWhereXmp(whenWhere, escapeXml).map((property) => `   ${property}`),
    `   ${artworkOrObjectXml(photo.archiveRef, escapeXml, circaDateCreated(whenWhere))}`.trimEnd(),
    alt('xmpRights:UsageTerms', photo.licence),
    simple('xmpRights:WebStatement', url ?? ''),
    url ? '   <xmpRights:Marked>True</xmpRights:Marked>' : '',
    simple('tiff:Orientation', sidecarOrientation(photo)),
    simple('fototar:File', path.basename(photo.file)),
    simple('fototar:FortepanId', photo.fortepanId !== null ? String(photo.fortepanId) : ''),
    simple('fototar:Date', photo.date),
    dates.ok && dates.value ? simple('fototar:DateFrom', dates.value.from) : '',
    dates.ok && dates.value ? simple('fototar:DateTo', dates.value.to) : '',
    simple('fototar:Donor', photo.donor),
    simple('fototar:Licence', photo.licence),
    simple('fototar:Notes', photo.notes),
    ...marksXmp(photo).map((property) => `   ${property}`),
    // xmp:Rating says -1 for a rejected photo: its stars are kept here, so they come back.
    photo.rating ? simple('fototar:Rating', String(photo.rating)) : '',
  ].filter(Boolean);
  const xmlns = Object.entries(NAMESPACES)
    .map(([prefix, uri]) => `\n    xmlns:${prefix}="${uri}"`)
    .join('');
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Fototar">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `  <rdf:Description rdf:about=""${xmlns}>`,
    ...properties,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
    '',
  ].join('\n');
}

/**
 * The orientation a program applying the sidecar to the original must use to show what Fototar
 * shows: the file's own EXIF orientation, then the person's rotation and flip (composed by
 * shared/orientation.ts). Written whenever it is known or the person turned the photo; a photo
 * catalogued before the file's orientation was kept counts as upright until it is read again.
 */
function sidecarOrientation(photo: Photo): string {
  const turn = { rotation: photo.rotation, flipped: photo.flipped };
  if (photo.fileOrientation === null && isUpright(turn)) return '';
  return String(displayedOrientation(photo.fileOrientation, turn));
}

export function sidecarPath(file: string, naming: SidecarNaming): string {
  if (naming === 'name.xmp') {
    const ext = path.extname(file);
    return `${ext ? file.slice(0, -ext.length) : file}.xmp`;
  }
  return `${file}.xmp`;
}

/** Where a sidecar for `file` may already be: darktable/digiKam's name first, then Lightroom's. */
export function sidecarCandidates(file: string): string[] {
  const ext = path.extname(file);
  const base = ext ? file.slice(0, -ext.length) : file;
  return [`${file}.xmp`, `${file}.XMP`, `${base}.xmp`, `${base}.XMP`];
}

/**
 * Writes the sidecars of these photos. A sidecar another program wrote (darktable keeps its edit
 * history in one) is never replaced; nor is a Lightroom-style `name.xmp` that belongs to another
 * photo with the same name.
 */
export function writeSidecars(photos: readonly Photo[], naming: SidecarNaming): SidecarReport {
  const report: SidecarReport = { written: [], skipped: [] };
  for (const photo of photos) {
    const target = sidecarPath(photo.file, naming);
    try {
      if (fs.existsSync(target)) {
        const existing = fs.readFileSync(target, 'utf8');
        if (!existing.includes(FOTOTAR_XMP_NS)) {
          report.skipped.push({ file: target, reason: englishMessage('sidecarForeign'), key: 'sidecarForeign' });
          continue;
        }
        const owner = /<fototar:File>([^<]*)<\/fototar:File>/.exec(existing)?.[1];
        if (owner !== undefined && decodeXmlEntities(owner) !== path.basename(photo.file)) {
          const params = { owner: decodeXmlEntities(owner) };
          report.skipped.push({ file: target, reason: englishMessage('sidecarOtherPhoto', params), key: 'sidecarOtherPhoto', params });
          continue;
        }
      }
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      fs.writeFileSync(temp, buildXmp(photo), 'utf8');
      fs.renameSync(temp, target);
      report.written.push(target);
    } catch (error) {
      report.skipped.push({ file: target, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
  }
  return report;
}

type Block = Record<string, unknown>;

function block(value: unknown): Block {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Block) : {};
}

/** exifr's XMP value (text, alternative, list) as text with entities decoded once. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeXmlEntities(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join('; ');
  if (typeof value === 'object' && 'value' in (value as Block)) return text((value as Block).value);
  return '';
}

function texts(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(text).filter(Boolean);
}

export interface SidecarFields {
  file: string;
  /** Fields the sidecar sets. A Fototar sidecar sets all of them (an absent one is empty). */
  fields: Partial<EditableFields>;
  warnings: string[];
}

/**
 * Sidecars larger than this are refused unread. Real ones are a few KB (darktable's, with a
 * long edit history, some hundred KB); a 16 MB one held 655,360 tags and took 9 s and 1.1 GB.
 */
export const MAX_SIDECAR_BYTES = 4 * 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1250 = new TextDecoder('windows-1250');

/**
 * XMP is UTF-8 by definition, but some tools write the local code page: decoded as UTF-8 its
 * accented letters become U+FFFD and are lost. Text that is not valid UTF-8 is read as
 * Windows-1250 (Central European: Hungarian Excel and Windows write it), with a warning.
 */
export function decodeXmpBytes(bytes: Uint8Array): { text: string; warning: string | null } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: strictUtf8.decode(body), warning: null };
  } catch {
    return { text: windows1250.decode(body), warning: 'is not UTF-8 as XMP must be: read as Windows-1250 (Central European)' };
  }
}

/** Reads the sidecar next to `file`, if there is one. */
export async function readSidecar(file: string): Promise<SidecarFields | null> {
  let size = 0;
  const found = sidecarCandidates(file).find((candidate) => {
    try {
      const stat = fs.statSync(candidate);
      size = stat.size;
      return stat.isFile();
    } catch {
      return false;
    }
  });
  if (!found) return null;
  const name = path.basename(found);
  if (size > MAX_SIDECAR_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
    return { file: found, fields: {}, warnings: [`sidecar ${name} refused: ${mb(size)} is over the ${mb(MAX_SIDECAR_BYTES)} a sidecar may have`] };
  }
  const warnings: string[] = [];
  let raw: Block;
  try {
    const decoded = decodeXmpBytes(fs.readFileSync(found));
    if (decoded.warning) warnings.push(`sidecar ${name} ${decoded.warning}`);
    try {
      // Sidecars are XML from strangers: no DOCTYPE, no entities, bounded depth, before exifr.
      assertSafeXml(decoded.text);
    } catch (error) {
      return { file: found, fields: {}, warnings: [...warnings, `sidecar ${name} refused: ${(error as Error).message}`] };
    }
    // Loaded on first use: commands that never read a sidecar (show, list, credits) start without it.
    const { default: exifr } = await import('exifr');
    raw = block(await exifr.sidecar(Buffer.from(decoded.text, 'utf8'), { mergeOutput: false, reviveValues: false } as never, 'xmp'));
  } catch (error) {
    return { file: found, fields: {}, warnings: [...warnings, `sidecar ${name} could not be read: ${(error as Error).message}`] };
  }
  return { file: found, fields: sidecarFields(raw), warnings };
}

/** Maps exifr's reading of a sidecar onto catalogue fields. */
export function sidecarFields(raw: Block): Partial<EditableFields> {
  const dc = block(raw.dc);
  const photoshop = block(raw.photoshop);
  const core = block(raw.Iptc4xmpCore);
  const rights = block(raw.xmpRights);
  const own = block(raw.fototar);
  const ours = Object.keys(own).length > 0;
  const recognised = recogniseEmbeddedCredit(text(photoshop.Credit));
  const xmpDateText = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(text(photoshop.DateCreated))?.[0] ?? '';
  // Another program's sidecar may still carry the EDTF date Fototar wrote beside the standard one.
  const edtf = edtfBesideStandardDate(circaDateFromXmp(raw.Iptc4xmpExt, decodeXmlEntities), xmpDateText);
  const fields: Omit<EditableFields, keyof PhotoMarks> & Partial<PhotoMarks> = {
    title: text(dc.title),
    caption: text(dc.description),
    date: ours ? text(own.Date) : edtf || xmpDateText,
    donor: ours ? text(own.Donor) : (recognised?.donor ?? ''),
    photographer: texts(dc.creator).join('; '),
    country: text(photoshop.Country),
    city: text(photoshop.City),
    place: text(core.Location),
    tags: tagsFromXmp(raw, texts(dc.subject), text),
    licence: ours ? text(own.Licence) : text(rights.UsageTerms),
    source: text(photoshop.Source) || (ours ? '' : (recognised?.source ?? '')),
    archiveRef: archiveRefFromXmp(raw.Iptc4xmpExt, decodeXmlEntities),
    notes: ours ? text(own.Notes) : '',
    ...sidecarMarks(raw, ours, text(own.Rating)),
  };
  if (!parseEdtf(fields.date).ok) fields.date = '';
  if (ours) return fields;
  // Another program's sidecar: only what it says overrides what the file carries.
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== '' && v !== undefined))) as Partial<EditableFields>;
}

/**
 * Marks a sidecar states. Fototar's own sidecar states all three (absent: unmarked), with the
 * stars of a rejected photo in fototar:Rating; Lightroom's and digiKam's only what they write.
 */
function sidecarMarks(raw: Block, ours: boolean, ownRating: string): Partial<PhotoMarks> {
  const stated = marksFromXmp(xmpMarkValues(raw));
  if (!ours) return stated;
  return { ...NO_MARKS, ...stated, ...(ratingFromWord(ownRating) !== null ? { rating: ratingFromWord(ownRating)! } : {}) };
}
