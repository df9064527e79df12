// Credit lines in the styles publications use, for one photo. Every rule here is written down,
// with its source, in docs/credit-rules.md, and a test checks every row of that table against
// this file. In short (hu / en):
//   fortepan  "Fortepan / <donor> / <photographer>"  Fortepan's own rule and download dialog
//   press     "Fotó: <photographer> / Fortepan / <donor>" / "Photo: …"   pestbuda.hu, valasz.hu
//   commons   "Fotó: Wikimedia Commons/Fortepan/<donor>" / "Photo: …"    the article reusing Commons
//   tasl      Title, Author (the photographer or "unknown"), Source ("Fortepan / <donor>", link),
//             Licence (name and link), and "modified" when changed: Creative Commons' practice.
// Names pass creditNames.ts first: "ismeretlen" is no name, a donor "Fortepan" is the archive,
// a donor naming the photographer is not followed by the name again. Fortepan Iowa has its own
// rule; other sources print "<photographer> / <recorded source>". Budapest City Archives photos
// cite their archive reference. Everything here is plain text; formats escape it later.
import { creditSourceKind, effectiveLicence, iowaIdOf, licenceUrl, escapeMarkdown, photoLabel, type CreditInput, type CreditSourceKind } from './credit.ts';
import { donorAfterArchive, knownName, namesPerson } from './creditNames.ts';
import { citedArchiveReference } from './archiveReference.ts';
import { FORTEPAN_IOWA, fortepanIowaUrl, iowaLicenceSpelling } from './fortepanIowa.ts';
import { fortepanPhotoUrl } from './fortepanId.ts';

export const CREDIT_STYLES = ['fortepan', 'press', 'commons', 'tasl'] as const;
export type CreditStyle = (typeof CREDIT_STYLES)[number];
export const CREDIT_LANGS = ['hu', 'en'] as const;
export type CreditLang = (typeof CREDIT_LANGS)[number];

/** TASL's parts, kept apart so Markdown, HTML and DOCX can link the source and the licence. */
export interface TaslParts {
  title: string;
  author: string;
  /** The source's name ("Fortepan"), or what the file or catalogue says the source is. */
  source: string;
  /** A link we build ourselves (Fortepan's photo page), never one taken from metadata. */
  sourceUrl: string | null;
  licence: string;
  /** From the known licence table only, never from metadata. */
  licenceUrl: string | null;
  modified: boolean;
}

/** Words each language uses in credits and credit lists. */
export const CREDIT_WORDS = {
  hu: {
    photo: 'Fotó',
    figure: (n: number) => `${n}. kép`,
    heading: 'Képjegyzék',
    by: 'szerző',
    source: 'forrás',
    licence: 'licenc',
    modified: 'módosítva',
    noCredit: '(nincs forrásmegjelölés)',
    unknownAuthor: 'ismeretlen',
    archiveRef: 'Levéltári jelzet',
    quote: (s: string) => `„${s}”`,
  },
  en: {
    photo: 'Photo',
    figure: (n: number) => `Figure ${n}`,
    heading: 'Picture credits',
    by: 'by',
    source: 'source',
    licence: 'licence',
    modified: 'modified',
    noCredit: '(no credit recorded)',
    unknownAuthor: 'unknown',
    archiveRef: 'Archive reference',
    quote: (s: string) => `“${s}”`,
  },
} as const;

function fileBaseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The names a credit may print, after the rules of creditNames.ts. */
interface CreditNames {
  kind: CreditSourceKind;
  /** "Fortepan", "Fortepan Iowa", or the recorded source of another photo. */
  archive: string;
  /** The donor as printed after the archive; "" for none, unknown, or the archive itself. */
  donor: string;
  /** The photographer when known and not already named by the donor (or the source). */
  photographer: string;
  /** The photographer when known: TASL's author, a part of its own. */
  author: string;
  /** The archive reference the source asks to cite, else "". */
  archiveRef: string;
}

function creditNames(photo: CreditInput): CreditNames {
  const kind = creditSourceKind(photo);
  const author = knownName(photo.photographer) || (kind === 'other' ? knownName(photo.embeddedCreator) : '');
  let archive: string;
  let donor: string;
  if (kind === 'other') {
    // The recorded source, else what the file's own credit line says.
    archive = photo.source.trim() || photo.embeddedCredit.trim();
    if (author && namesPerson(author, archive)) archive = '';
    donor = knownName(photo.donor);
    if (donor && (namesPerson(archive, donor) || namesPerson(author, donor))) donor = '';
  } else {
    archive = kind === 'fortepan' ? 'Fortepan' : FORTEPAN_IOWA;
    donor = donorAfterArchive(photo.donor, archive);
  }
  const photographer = author && !namesPerson(donor, author) && !namesPerson(kind === 'other' ? archive : '', author) ? author : '';
  return { kind, archive, donor, photographer, author, archiveRef: citedArchiveReference(photo) };
}

/** ". Levéltári jelzet: HU.BFL…" when the source asks for its archive reference, else "". */
function archiveNote(names: CreditNames, lang: CreditLang): string {
  return names.archiveRef ? `. ${CREDIT_WORDS[lang].archiveRef}: ${names.archiveRef}` : '';
}

function join(parts: readonly string[], separator: string): string {
  return parts.filter(Boolean).join(separator);
}

/** How a photo is identified in a list: "Fortepan 12345", "FI0001858", else its file name. */
export function photoIdentity(photo: Pick<CreditInput, 'fortepanId' | 'file' | 'iowaId'>): string {
  if (photo.fortepanId !== null) return `Fortepan ${photo.fortepanId}`;
  return iowaIdOf(photo) ?? fileBaseName(photo.file);
}

export function taslParts(photo: CreditInput, lang: CreditLang, modified: boolean): TaslParts {
  const licence = effectiveLicence(photo);
  const names = creditNames(photo);
  const common = { author: names.author, licenceUrl: licence ? licenceUrl(licence) : null, modified };
  switch (names.kind) {
    case 'fortepan':
      // A donor gives the photo and is not its author: Fortepan asks for the donor in the credit,
      // so the donor stands in the source part and the author is the photographer or "unknown".
      return {
        ...common,
        title: photo.title.trim() || (photo.fortepanId !== null ? `Fortepan ${photo.fortepanId}` : fileBaseName(photo.file)),
        source: join(['Fortepan', names.donor], ' / ') + archiveNote(names, lang),
        sourceUrl: photo.fortepanId !== null ? fortepanPhotoUrl(photo.fortepanId, lang) : null,
        licence,
      };
    case 'fortepan-iowa':
      return {
        ...common,
        title: photo.title.trim() || (iowaIdOf(photo) ?? fileBaseName(photo.file)),
        source: join([names.donor, FORTEPAN_IOWA], '/') + archiveNote(names, lang),
        sourceUrl: fortepanIowaUrl(photo.source),
        licence,
      };
    case 'other':
      return {
        ...common,
        title: photo.title.trim() || fileBaseName(photo.file),
        source: join([names.archive, names.donor], ' / ') + archiveNote(names, lang),
        sourceUrl: null,
        // Without a licence, TASL names what the file says about rights.
        licence: licence || photo.copyright.trim(),
      };
  }
}

/** TASL as one line of plain text, links written out. */
export function taslText(parts: TaslParts, lang: CreditLang): string {
  const w = CREDIT_WORDS[lang];
  const pieces: string[] = [w.quote(parts.title)];
  if (lang === 'en') pieces[0] += ` ${w.by} ${parts.author || w.unknownAuthor}`;
  else pieces.push(`${w.by}: ${parts.author || w.unknownAuthor}`);
  if (parts.source || parts.sourceUrl) {
    pieces.push(`${w.source}: ${[parts.source, parts.sourceUrl].filter(Boolean).join(', ')}`);
  }
  if (parts.licence) pieces.push(`${w.licence}: ${parts.licence}${parts.licenceUrl ? `, ${parts.licenceUrl}` : ''}`);
  if (parts.modified) pieces.push(w.modified);
  return pieces.join('; ');
}

/**
 * Fortepan Iowa's own rule: `"FI0001858" by Lissa Potter/Fortepan Iowa, "<url>", CC-BY-SA 4.0`
 * (the URL when a fortepan.us page is recorded as the source). Hungarian keeps the parts and
 * puts Hungarian quotes in place of "by".
 */
function iowaLine(photo: CreditInput, names: CreditNames, lang: CreditLang): string {
  const w = CREDIT_WORDS[lang];
  const id = iowaIdOf(photo) ?? (photo.title.trim() || fileBaseName(photo.file));
  const who = join([names.photographer, names.donor, FORTEPAN_IOWA], '/');
  const url = fortepanIowaUrl(photo.source);
  const licence = effectiveLicence(photo);
  const head = lang === 'en' ? `"${id}" by ${who}` : `${w.quote(id)}, ${who}`;
  const quoteUrl = (u: string) => (lang === 'en' ? `"${u}"` : w.quote(u));
  return join([head, url ? quoteUrl(url) : '', licence ? iowaLicenceSpelling(licence) : ''], ', ');
}

/** "<photographer> / <recorded source> / <donor>" for a photo from another source, else its copyright. */
function otherLine(photo: CreditInput, names: CreditNames, lang: CreditLang): string {
  const line = join([names.photographer, names.archive, names.donor], ' / ') || photo.copyright.trim();
  return line ? line + archiveNote(names, lang) : '';
}

/**
 * The credit line of one photo in a style and language (the table in docs/credit-rules.md).
 * "" when nothing is known about a photo from another source.
 */
export function styledCredit(photo: CreditInput, style: CreditStyle, lang: CreditLang, modified = false): string {
  if (style === 'tasl') return taslText(taslParts(photo, lang, modified), lang);
  const w = CREDIT_WORDS[lang];
  const names = creditNames(photo);
  const note = archiveNote(names, lang);
  if (names.kind === 'other') {
    const line = otherLine(photo, names, lang);
    return line && style !== 'fortepan' ? `${w.photo}: ${line}` : line;
  }
  if (names.kind === 'fortepan-iowa') {
    switch (style) {
      case 'fortepan':
        return iowaLine(photo, names, lang);
      case 'press':
        // Fortepan Iowa's unit is "<donor>/Fortepan Iowa": the photographer stands before it.
        return `${w.photo}: ${join([names.photographer, names.donor, FORTEPAN_IOWA], ' / ')}${note}`;
      case 'commons':
        return `${w.photo}: ${join(['Wikimedia Commons', names.photographer, names.donor, FORTEPAN_IOWA], '/')}${note}`;
    }
  }
  switch (style) {
    case 'fortepan':
      // Fortepan's download dialog: "Fortepan / <donor>", then " / <photographer>" when known.
      return join(['Fortepan', names.donor, names.photographer], ' / ') + note;
    case 'press':
      // Papers keep "Fortepan / donor" together and put the photographer first (pestbuda.hu:
      // "Fotó: Klösz György/Fortepan/Budapest Főváros Levéltára"; valasz.hu: "Fotó: Fortepan / …").
      return `${w.photo}: ${join([names.photographer, 'Fortepan', names.donor], ' / ')}${note}`;
    case 'commons':
      // The article reusing the Commons copy: "Photo: Wikimedia Commons/Fortepan/Hofbauer Róbert".
      return `${w.photo}: ${join(['Wikimedia Commons', 'Fortepan', names.donor, names.photographer], '/')}${note}`;
  }
}

/** The catalogue's own credit line of a photo: Fortepan's rule (the fortepan style), in English. */
export function creditLine(photo: CreditInput): string {
  return styledCredit(photo, 'fortepan', 'en');
}

/** The numbered credit list of `fototar credits <id...>` and the grid's "copy credits". */
export function creditList(photos: CreditInput[], format: 'txt' | 'md', lang: CreditLang = 'en'): string {
  const lines = photos.map((photo, index) => {
    const label = photoLabel(photo);
    const credit = styledCredit(photo, 'fortepan', lang) || CREDIT_WORDS[lang].noCredit;
    const licence = effectiveLicence(photo);
    if (format === 'txt') {
      return `${index + 1}. ${label}: ${credit}${licence ? ` (${licence})` : ''}`;
    }
    const url = licenceUrl(licence);
    const licenceText = licence ? (url ? ` ([${escapeMarkdown(licence)}](${url}))` : ` (${escapeMarkdown(licence)})`) : '';
    return `${index + 1}. ${escapeMarkdown(label)}: ${escapeMarkdown(credit)}${licenceText}`;
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** Whether a licence asks adaptations to carry the same licence (CC BY-SA and its kin). */
export function isShareAlike(licence: string): boolean {
  return /\b(by-sa|sa)\b/i.test(licence) || /sharealike|share-alike|share alike/i.test(licence);
}
