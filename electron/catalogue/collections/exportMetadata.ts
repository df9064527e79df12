// What an exported picture carries about itself, the same facts in the three places readers look:
// EXIF (ImageDescription, Artist, Copyright; XP* for Windows), IPTC-IIM (Object Name, Caption,
// By-line, Credit, Source, Copyright Notice) and XMP (dc:title/description/creator/rights/source,
// photoshop:Credit/Source, xmpRights:UsageTerms/WebStatement, Creative Commons' cc:license and
// attribution; the IPTC Extension's Source Inventory Number for the archive reference), and when
// and where the photo was taken as metadata/standardFields.ts maps them (IIM Date Created, City,
// Sub-location, Country; XMP photoshop:DateCreated, LocationShown, GPS; EXIF DateTimeOriginal and
// the GPS IFD; the EDTF date beside them). Creator is
// the photographer, never the donor (see ../shared/DOMAIN.md). The credit is the style's own line
// from shared/creditStyles.ts, the same as in the credit list.
import { creditSourceKind, effectiveLicence, licenceUrl, photoIdentifier } from '../../../shared/credit.ts';
import { knownName } from '../../../shared/creditNames.ts';
import { FORTEPAN_IOWA, fortepanIowaUrl } from '../../../shared/fortepanIowa.ts';
import { artworkOrObjectXml, IPTC4XMP_EXT_NS } from '../metadata/artworkOrObject.ts';
import { styledCredit, type CreditLang, type CreditStyle } from '../../../shared/creditStyles.ts';
import { fortepanPhotoUrl } from '../../../shared/fortepanId.ts';
import type { Photo } from '../../../shared/types.ts';
import type { PhotoMarks } from '../../../shared/photoMarks.ts';
import { MARK_NAMESPACES, marksXmp } from '../metadata/xmpMarks.ts';
import type { IptcFields } from '../metadata/iptcWriter.ts';
import { TAG, textTag, xpTag, type TiffEntry } from '../metadata/tiffTags.ts';
import { iimKeywords, keywordsXmp, LIGHTROOM_NS } from '../metadata/keywordsXmp.ts';
import { circaDateCreated, WHEN_WHERE_NAMESPACES, whenWhereExif, whenWhereIim, whenWhereXmp, type WhenWhere } from '../metadata/standardFields.ts';

export interface ExportFacts extends WhenWhere {
  title: string;
  caption: string;
  credit: string;
  creator: string;
  /** The source's name ("Fortepan"). */
  source: string;
  /** The photo's page (Fortepan's), or "" when there is none. */
  sourceUrl: string;
  licence: string;
  licenceUrl: string;
  /** "CC BY-SA 3.0 — Fortepan / Nagy Gyula": what copyright fields say. */
  rights: string;
  /** The photo's tags as stored, paths whole (metadata/keywordsXmp.ts flattens them where a format wants flat keywords). */
  keywords: string[];
  identifier: string;
  /** The archive's shelfmark, as Iptc4xmpExt:AOSourceInvNo. */
  archiveRef: string;
  /** Rating, flag and colour label, as xmp:Rating / xmp:Label and digiKam's labels (metadata/xmpMarks.ts). */
  marks: PhotoMarks;
}

export function exportFacts(photo: Photo, style: CreditStyle, lang: CreditLang): ExportFacts {
  const kind = creditSourceKind(photo);
  // The embedded credit line is the short one the style prints; TASL is a list format, so files
  // carry Fortepan's own line under it.
  const credit = styledCredit(photo, style === 'tasl' ? 'fortepan' : style, lang);
  const licence = effectiveLicence(photo);
  const url = licence ? licenceUrl(licence) ?? '' : '';
  const identifier = photoIdentifier(photo);
  const title = photo.title.trim() || identifier;
  return {
    title,
    caption: photo.caption.trim(),
    credit,
    // "ismeretlen" (unknown) is no creator's name.
    creator: knownName(photo.photographer) || knownName(photo.embeddedCreator),
    source: kind === 'fortepan' ? 'Fortepan' : kind === 'fortepan-iowa' ? FORTEPAN_IOWA : photo.source.trim(),
    sourceUrl:
      kind === 'fortepan' && photo.fortepanId !== null
        ? fortepanPhotoUrl(photo.fortepanId, lang)
        : kind === 'fortepan-iowa'
          ? (fortepanIowaUrl(photo.source) ?? '')
          : '',
    licence,
    licenceUrl: url,
    rights: [licence, credit || photo.copyright.trim()].filter(Boolean).join(' — '),
    keywords: photo.tags,
    identifier,
    archiveRef: (photo.archiveRef ?? '').trim(),
    marks: { rating: photo.rating ?? 0, flag: photo.flag ?? '', label: photo.label ?? '' },
    date: photo.date,
    sublocation: photo.place.trim(),
    city: photo.city.trim(),
    country: photo.country.trim(),
    gps: photo.gps,
  };
}

export function exifTags(facts: ExportFacts): TiffEntry[] {
  const tags: TiffEntry[] = [];
  if (facts.caption || facts.title) tags.push(textTag(TAG.ImageDescription, facts.caption || facts.title));
  if (facts.creator) tags.push(textTag(TAG.Artist, facts.creator), xpTag(TAG.XPAuthor, facts.creator));
  if (facts.rights) tags.push(textTag(TAG.Copyright, facts.rights));
  if (facts.title) tags.push(xpTag(TAG.XPTitle, facts.title));
  if (facts.caption) tags.push(xpTag(TAG.XPComment, facts.caption));
  tags.push(...whenWhereExif(facts));
  return tags;
}

export function iptcFields(facts: ExportFacts): IptcFields {
  // IIM suggests short limits (Credit 32 bytes, By-line 32) that real credits exceed; ExifTool and
  // publishing systems read longer values, and a cut credit is a wrong credit, so only the
  // caption is bounded (2000 bytes, as IIM says and readers enforce).
  let caption = facts.caption;
  while (Buffer.byteLength(caption, 'utf8') > 2000) caption = caption.slice(0, -1);
  return {
    objectName: facts.title,
    caption,
    byline: facts.creator,
    credit: facts.credit,
    source: facts.source,
    copyright: facts.rights,
    keywords: iimKeywords(facts.keywords),
    ...whenWhereIim(facts),
  };
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function altLang(text: string): string {
  return `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
}

export function xmpPacket(facts: ExportFacts): string {
  const parts: string[] = [];
  if (facts.title) parts.push(`<dc:title>${altLang(facts.title)}</dc:title>`);
  if (facts.caption) parts.push(`<dc:description>${altLang(facts.caption)}</dc:description>`);
  if (facts.creator) parts.push(`<dc:creator><rdf:Seq><rdf:li>${xml(facts.creator)}</rdf:li></rdf:Seq></dc:creator>`);
  if (facts.rights) parts.push(`<dc:rights>${altLang(facts.rights)}</dc:rights>`);
  parts.push(...keywordsXmp(facts.keywords, xml));
  if (facts.identifier) parts.push(`<dc:identifier>${xml(facts.identifier)}</dc:identifier>`);
  if (facts.sourceUrl || facts.source) parts.push(`<dc:source>${xml(facts.sourceUrl || facts.source)}</dc:source>`);
  if (facts.credit) parts.push(`<photoshop:Credit>${xml(facts.credit)}</photoshop:Credit>`);
  if (facts.source) parts.push(`<photoshop:Source>${xml(facts.source)}</photoshop:Source>`);
  if (facts.licence) {
    parts.push('<xmpRights:Marked>True</xmpRights:Marked>');
    parts.push(`<xmpRights:UsageTerms>${altLang(facts.licenceUrl ? `${facts.licence} ${facts.licenceUrl}` : facts.licence)}</xmpRights:UsageTerms>`);
  }
  const webStatement = facts.sourceUrl || facts.licenceUrl;
  if (webStatement) parts.push(`<xmpRights:WebStatement>${xml(webStatement)}</xmpRights:WebStatement>`);
  if (facts.licenceUrl) parts.push(`<cc:license rdf:resource="${xml(facts.licenceUrl)}"/>`);
  if (facts.credit) parts.push(`<cc:attributionName>${xml(facts.credit)}</cc:attributionName>`);
  if (facts.sourceUrl) parts.push(`<cc:attributionURL rdf:resource="${xml(facts.sourceUrl)}"/>`);
  parts.push(artworkOrObjectXml(facts.archiveRef, xml, circaDateCreated(facts)));
  parts.push(...whenWhereXmp(facts, xml));
  parts.push(...marksXmp(facts.marks));
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"' +
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmlns:cc="http://creativecommons.org/ns#"' +
    ` xmlns:Iptc4xmpExt="${IPTC4XMP_EXT_NS}" xmlns:exif="${WHEN_WHERE_NAMESPACES.exif}" xmlns:Iptc4xmpCore="${WHEN_WHERE_NAMESPACES.Iptc4xmpCore}" xmlns:lr="${LIGHTROOM_NS}"` +
    ` xmlns:xmp="${MARK_NAMESPACES.xmp}" xmlns:digiKam="${MARK_NAMESPACES.digiKam}">` +
    parts.join('') +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}
