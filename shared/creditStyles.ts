// Credit lines in the styles publications use, for one photo (see ../shared/DOMAIN.md):
//   fortepan  "Fortepan / Nagy Gyula"                 Fortepan's own rule (donor, then photographer)
//   press     "Fotó: Nagy Gyula / Fortepan" (hu)       how Hungarian papers print it
//             "Photo: Fortepan / Nagy Gyula" (en)      how English papers print it
//   commons   "Wikimedia Commons/Fortepan/Nagy Gyula"  for the copy reused from Wikimedia Commons
//   tasl      Title, Author, Source (link), Licence (name and link), and "modified" when changed:
//             Creative Commons' recommended attribution.
// Photos from other sources fall back in every style to what their files say: the embedded
// credit line, creator and licence. Everything here is plain text; formats escape it later.
import { creditLine, effectiveLicence, isFortepan, licenceUrl, type CreditInput } from './credit.ts';
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
    unknownAuthor: 'ismeretlen szerző',
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
    unknownAuthor: 'unknown author',
    quote: (s: string) => `“${s}”`,
  },
} as const;

function fileBaseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The names Fortepan's credit carries, in its order: donor, then photographer when different. */
function fortepanNames(photo: CreditInput): string[] {
  const donor = photo.donor.trim();
  const photographer = photo.photographer.trim();
  const names: string[] = [];
  if (donor) names.push(donor);
  if (photographer && photographer !== donor) names.push(photographer);
  return names;
}

/** How a photo is identified in a list: "Fortepan 12345", else its file name. */
export function photoIdentity(photo: Pick<CreditInput, 'fortepanId' | 'file'>): string {
  return photo.fortepanId !== null ? `Fortepan ${photo.fortepanId}` : fileBaseName(photo.file);
}

export function taslParts(photo: CreditInput, lang: CreditLang, modified: boolean): TaslParts {
  const licence = effectiveLicence(photo);
  if (isFortepan(photo)) {
    const donor = photo.donor.trim();
    const photographer = photo.photographer.trim();
    const author = photographer || donor;
    // Fortepan asks for its donor always: when the photographer is the author, the source names the donor.
    const source = photographer && donor && photographer !== donor ? `Fortepan / ${donor}` : 'Fortepan';
    return {
      title: photo.title.trim() || (photo.fortepanId !== null ? `Fortepan ${photo.fortepanId}` : fileBaseName(photo.file)),
      author,
      source,
      sourceUrl: photo.fortepanId !== null ? fortepanPhotoUrl(photo.fortepanId, lang) : null,
      licence,
      licenceUrl: licence ? licenceUrl(licence) : null,
      modified,
    };
  }
  const author = photo.photographer.trim() || photo.embeddedCreator.trim() || photo.donor.trim();
  const source = photo.source.trim() || photo.embeddedCredit.trim();
  const rights = licence || photo.copyright.trim();
  return {
    title: photo.title.trim() || fileBaseName(photo.file),
    author,
    source: source === author ? '' : source,
    sourceUrl: null,
    licence: rights,
    licenceUrl: licence ? licenceUrl(licence) : null,
    modified,
  };
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
 * The credit line of one photo in a style and language. Fortepan photos follow the rules at the
 * top of this file; other sources fall back to the catalogue's own credit line (embedded credit,
 * photographer, creator, copyright), prefixed as the style prints it. "" when nothing is known.
 */
export function styledCredit(photo: CreditInput, style: CreditStyle, lang: CreditLang, modified = false): string {
  if (style === 'tasl') return taslText(taslParts(photo, lang, modified), lang);
  const w = CREDIT_WORDS[lang];
  if (!isFortepan(photo)) {
    const line = creditLine(photo);
    if (!line) return '';
    return style === 'press' ? `${w.photo}: ${line}` : line;
  }
  const names = fortepanNames(photo);
  switch (style) {
    case 'fortepan':
      return ['Fortepan', ...names].join(' / ');
    case 'press':
      // Hungarian papers put the name first and the archive last ("Fotó: Berkó Pál / FORTEPAN");
      // with a photographer known, the photographer stands next to "Fotó:" and the donor before
      // Fortepan, the mirror of Fortepan's own order. English papers keep Fortepan's order.
      return lang === 'hu' ? `${w.photo}: ${[...names].reverse().concat('Fortepan').join(' / ')}` : `${w.photo}: ${['Fortepan', ...names].join(' / ')}`;
    case 'commons':
      return ['Wikimedia Commons', 'Fortepan', ...names].join('/');
  }
}

/** Whether a licence asks adaptations to carry the same licence (CC BY-SA and its kin). */
export function isShareAlike(licence: string): boolean {
  return /\b(by-sa|sa)\b/i.test(licence) || /sharealike|share-alike|share alike/i.test(licence);
}
