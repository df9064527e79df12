// A collection's credit list: its picks in order, numbered as figures, each credited in the chosen
// style and language, rendered as txt, md or html (CSV and DOCX are written from the same entries
// on the Node side). Also the warnings an author must see before sending the list: a pick with no licence
// or no credit, ShareAlike licences the publication must honour, the same photo twice.
// Metadata is text from strangers: Markdown and HTML escape every field; links are only ones we
// build (Fortepan's photo page, the known licence table), never taken from metadata.
import { creditSourceKind, effectiveLicence, escapeMarkdown, type CreditInput } from './credit.ts';
import { asksForArchiveReference } from './archiveReference.ts';
import { commonsFilePage, isFromCommons } from './commonsFile.ts';
import { knownLicence, unknownLicenceMessage } from './licences.ts';
import { CREDIT_WORDS, isShareAlike, photoIdentity, styledCredit, taslParts, type CreditLang, type CreditStyle, type TaslParts } from './creditStyles.ts';

export const CREDIT_LIST_FORMATS = ['txt', 'md', 'html', 'csv', 'docx'] as const;
export type CreditListFormat = (typeof CREDIT_LIST_FORMATS)[number];
export type TextCreditListFormat = Exclude<CreditListFormat, 'docx'>;

export interface FigurePick {
  photo: CreditInput & { id: number; caption?: string; date?: string };
  /** The author marked this pick as cropped or otherwise altered (TASL says "modified"). */
  modified: boolean;
}

export interface FigureEntry {
  figure: number;
  photoId: number;
  /** "Fortepan 12345" or the file name: what identifies the photo to a publisher. */
  identity: string;
  title: string;
  caption: string;
  date: string;
  credit: string;
  /** The page the credit links in Markdown, HTML and DOCX: the Commons file page in the commons style, where known. */
  creditUrl: string | null;
  /** The archive reference (shelfmark), as recorded. */
  archiveRef: string;
  licence: string;
  tasl: TaslParts;
  modified: boolean;
}

export interface CreditListOptions {
  style: CreditStyle;
  lang: CreditLang;
  /** Printed as the list's heading ("Picture credits: Chapter 3"). */
  collectionName: string;
}

export function figureEntries(picks: readonly FigurePick[], style: CreditStyle, lang: CreditLang): FigureEntry[] {
  return picks.map((pick, index) => ({
    figure: index + 1,
    photoId: pick.photo.id,
    identity: photoIdentity(pick.photo),
    title: pick.photo.title.trim(),
    caption: (pick.photo.caption ?? '').trim(),
    date: (pick.photo.date ?? '').trim(),
    credit: styledCredit(pick.photo, style, lang, pick.modified),
    // Commons' own attribution links the file page; only a URL rebuilt by commonsFile.ts.
    creditUrl: style === 'commons' ? commonsFilePage(pick.photo) : null,
    archiveRef: (pick.photo.archiveRef ?? '').trim(),
    licence: effectiveLicence(pick.photo),
    tasl: taslParts(pick.photo, lang, pick.modified),
    modified: pick.modified,
  }));
}

export function creditListHeading(options: CreditListOptions): string {
  const heading = CREDIT_WORDS[options.lang].heading;
  return options.collectionName.trim() ? `${heading}: ${options.collectionName.trim()}` : heading;
}

/** "(Fortepan 12345; CC BY-SA 3.0)": what follows a short credit so the publisher can check it. */
function identityNote(entry: FigureEntry, style: CreditStyle): string[] {
  const parts = [entry.identity];
  // TASL already names the licence.
  if (style !== 'tasl' && entry.licence) parts.push(entry.licence);
  return parts;
}

/** The list as text, markup or HTML; CSV is written from `creditCsvRows` on the Node side. */
export function renderCreditList(entries: readonly FigureEntry[], format: Exclude<TextCreditListFormat, 'csv'>, options: CreditListOptions): string {
  switch (format) {
    case 'txt':
      return renderText(entries, options);
    case 'md':
      return renderMarkdown(entries, options);
    case 'html':
      return renderHtml(entries, options);
  }
}

function renderText(entries: readonly FigureEntry[], options: CreditListOptions): string {
  const w = CREDIT_WORDS[options.lang];
  const lines = [creditListHeading(options), ''];
  for (const entry of entries) {
    const credit = entry.credit || w.noCredit;
    const note = options.style === 'tasl' ? '' : ` (${identityNote(entry, options.style).join('; ')})`;
    lines.push(`${w.figure(entry.figure)}: ${credit}${note}`);
  }
  return lines.join('\n') + '\n';
}

function mdLink(text: string, url: string | null): string {
  return url ? `[${escapeMarkdown(text)}](${url})` : escapeMarkdown(text);
}

function renderMarkdown(entries: readonly FigureEntry[], options: CreditListOptions): string {
  const w = CREDIT_WORDS[options.lang];
  const lines = [`# ${escapeMarkdown(creditListHeading(options))}`, ''];
  for (const entry of entries) {
    let body: string;
    if (options.style === 'tasl') {
      body = taslMarkup(entry.tasl, options.lang, escapeMarkdown, mdLink);
    } else {
      const note = identityNote(entry, options.style).map((p, i) => (i === 1 ? mdLink(p, entry.tasl.licenceUrl) : escapeMarkdown(p)));
      body = `${entry.credit ? mdLink(entry.credit, entry.creditUrl) : escapeMarkdown(w.noCredit)} (${note.join('; ')})`;
    }
    // Lines end with a backslash-free hard break: each figure is its own paragraph.
    lines.push(`**${escapeMarkdown(w.figure(entry.figure))}:** ${body}`, '');
  }
  return lines.join('\n');
}

/** TASL with its source and licence linked, in a markup given by `escape` and `link`. */
function taslMarkup(parts: TaslParts, lang: CreditLang, escape: (s: string) => string, link: (text: string, url: string | null) => string): string {
  const w = CREDIT_WORDS[lang];
  const pieces: string[] = [escape(w.quote(parts.title))];
  const author = escape(parts.author || w.unknownAuthor);
  if (lang === 'en') pieces[0] += ` ${escape(w.by)} ${author}`;
  else pieces.push(`${escape(w.by)}: ${author}`);
  if (parts.source || parts.sourceUrl) pieces.push(`${escape(w.source)}: ${link(parts.source || parts.sourceUrl || '', parts.sourceUrl)}`);
  if (parts.licence) pieces.push(`${escape(w.licence)}: ${link(parts.licence, parts.licenceUrl)}`);
  if (parts.modified) pieces.push(escape(w.modified));
  return pieces.join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlLink(text: string, url: string | null): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function renderHtml(entries: readonly FigureEntry[], options: CreditListOptions): string {
  const w = CREDIT_WORDS[options.lang];
  const heading = escapeHtml(creditListHeading(options));
  const rows = entries.map((entry) => {
    let body: string;
    if (options.style === 'tasl') {
      body = taslMarkup(entry.tasl, options.lang, escapeHtml, htmlLink);
    } else {
      const note = identityNote(entry, options.style).map((p, i) => (i === 1 ? htmlLink(p, entry.tasl.licenceUrl) : escapeHtml(p)));
      body = `${entry.credit ? htmlLink(entry.credit, entry.creditUrl) : escapeHtml(w.noCredit)} <span class="note">(${note.join('; ')})</span>`;
    }
    return `<p class="figure" id="figure-${entry.figure}"><strong>${escapeHtml(w.figure(entry.figure))}:</strong> ${body}</p>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${options.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${heading}</title>`,
    '</head>',
    '<body>',
    `<h1>${heading}</h1>`,
    ...rows,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const CREDIT_CSV_COLUMNS = [
  'figure', 'photo_id', 'identity', 'title', 'credit', 'credit_url', 'author', 'source', 'source_url', 'archive_ref', 'licence', 'licence_url', 'modified',
] as const;

/** The credit list as CSV rows, one per figure; the Node side writes them (every CSV it writes is guarded alike). */
export function creditCsvRows(entries: readonly FigureEntry[]): (string | number)[][] {
  return entries.map((e) => [
    e.figure, e.photoId, e.identity, e.tasl.title, e.credit, e.creditUrl ?? '', e.tasl.author, e.tasl.source, e.tasl.sourceUrl ?? '', e.archiveRef ?? '', e.tasl.licence, e.tasl.licenceUrl ?? '', e.modified ? 'yes' : 'no',
  ]);
}

// --- warnings -------------------------------------------------------------------------------

export type CreditWarningKind = 'no-licence' | 'unknown-licence' | 'no-credit' | 'no-donor' | 'no-archive-ref' | 'not-from-commons' | 'share-alike' | 'duplicate';

export interface CreditWarning {
  kind: CreditWarningKind;
  /** Figure numbers the warning is about. */
  figures: number[];
  message: string;
}

export interface CreditWarningOptions {
  /** The style the list is printed in: the commons style warns about photos not taken from Commons. */
  style?: CreditStyle;
  /** The language of the messages, as the list's. */
  lang?: CreditLang;
}

/** "figure 3" / "figures 1, 4"; "3. kép" / "1., 4. kép". */
function figureList(figures: readonly number[], lang: CreditLang): string {
  if (lang === 'hu') return `${figures.map((n) => `${n}.`).join(', ')} kép`;
  return `${figures.length === 1 ? 'figure' : 'figures'} ${figures.join(', ')}`;
}

const WARNING_TEXT = {
  en: {
    'no-licence': (f: string) => `No licence recorded for ${f}: check the rights before publishing.`,
    'no-credit': (f: string) => `No credit recorded for ${f}: add a credit line, photographer or donor.`,
    'no-donor': (f: string) => `No donor recorded for Fortepan ${f}: Fortepan asks for the full credit "Fortepan / donor".`,
    'no-archive-ref': (f: string) =>
      `No archive reference recorded for ${f}: Budapest City Archives asks for it in the credit ("Archive reference: HU.BFL…").`,
    'not-from-commons': (f: string) =>
      `The source recorded for ${f} is Fortepan (fortepan.hu), not Wikimedia Commons: the commons style credits the Commons copy; use the fortepan or press style unless you took the photo from Commons.`,
    'share-alike': (f: string, licence: string, one: boolean) =>
      `${f.replace(/^f/, 'F')} ${one ? 'is' : 'are'} under ${licence} (ShareAlike): an adaptation (a montage; arguably a crop) must be published under the same licence.`,
    duplicate: (f: string, identity: string, id: number) => `The same photo (${identity}, id ${id}) is ${f}.`,
  },
  hu: {
    'no-licence': (f: string) => `Nincs licenc megadva (${f}): közlés előtt ellenőrizze a jogokat.`,
    'no-credit': (f: string) => `Nincs forrásmegjelölés (${f}): adjon meg forrást, fényképészt vagy adományozót.`,
    'no-donor': (f: string) => `Nincs adományozó megadva (Fortepan, ${f}): a Fortepan a teljes „Fortepan / adományozó” megjelölést kéri.`,
    'no-archive-ref': (f: string) =>
      `Nincs levéltári jelzet megadva (${f}): a Budapest Főváros Levéltára kéri a forrásmegjelölésben („Levéltári jelzet: HU.BFL…”).`,
    'not-from-commons': (f: string) =>
      `A(z) ${f} rögzített forrása a Fortepan (fortepan.hu), nem a Wikimedia Commons: a commons stílus a Commons-másolatot jelöli meg; ha nem a Commonsról vette a képet, válassza a fortepan vagy a press stílust.`,
    'share-alike': (f: string, licence: string) =>
      `${f}: ${licence} licenc (ShareAlike – Így add tovább!): az átdolgozást (montázst, vitathatóan a kivágást is) ugyanezzel a licenccel kell közölni.`,
    duplicate: (f: string, identity: string, id: number) => `Ugyanaz a fotó (${identity}, azonosító: ${id}) többször szerepel: ${f}.`,
  },
} as const;

/** What an author must know before sending the list, in the list's language; empty when all is well. */
export function creditWarnings(picks: readonly FigurePick[], options: CreditWarningOptions = {}): CreditWarning[] {
  const lang = options.lang ?? 'en';
  const text = WARNING_TEXT[lang];
  const warnings: CreditWarning[] = [];
  const found: Record<'no-licence' | 'no-credit' | 'no-donor' | 'no-archive-ref' | 'not-from-commons', number[]> = {
    'no-licence': [],
    'no-credit': [],
    'no-donor': [],
    'no-archive-ref': [],
    'not-from-commons': [],
  };
  const shareAlike = new Map<string, number[]>();
  const unknown = new Map<string, number[]>();
  const seen = new Map<number, number[]>();
  picks.forEach((pick, index) => {
    const figure = index + 1;
    const photo = pick.photo;
    const licence = effectiveLicence(photo);
    if (!licence) found['no-licence'].push(figure);
    else if (!knownLicence(licence)) unknown.set(licence, [...(unknown.get(licence) ?? []), figure]);
    const kind = creditSourceKind(photo);
    if (kind === 'fortepan') {
      // A donor "Fortepan" is recorded: Fortepan's own albums need no other name.
      if (!photo.donor.trim()) found['no-donor'].push(figure);
      if (options.style === 'commons' && !isFromCommons(photo)) found['not-from-commons'].push(figure);
    } else if (!styledCredit(photo, 'fortepan', lang)) {
      found['no-credit'].push(figure);
    }
    if (asksForArchiveReference(photo) && !(photo.archiveRef ?? '').trim()) found['no-archive-ref'].push(figure);
    if (licence && isShareAlike(licence)) shareAlike.set(licence, [...(shareAlike.get(licence) ?? []), figure]);
    seen.set(photo.id, [...(seen.get(photo.id) ?? []), figure]);
  });
  for (const kind of ['no-licence', 'no-credit', 'no-donor', 'no-archive-ref', 'not-from-commons'] as const) {
    const figures = found[kind];
    if (figures.length) warnings.push({ kind, figures, message: text[kind](figureList(figures, lang)) });
  }
  for (const [licence, figures] of unknown) {
    const message =
      lang === 'hu'
        ? `${figureList(figures, lang)}: a „${licence.trim()}” nem ismert licenc – ellenőrizze, vagy válasszon a listából.`
        : `${figureList(figures, lang).replace(/^f/, 'F')}: ${unknownLicenceMessage(licence)}`;
    warnings.push({ kind: 'unknown-licence', figures, message });
  }
  for (const [licence, figures] of shareAlike) {
    warnings.push({ kind: 'share-alike', figures, message: text['share-alike'](figureList(figures, lang), licence, figures.length === 1) });
  }
  for (const [photoId, figures] of seen) {
    if (figures.length < 2) continue;
    const identity = photoIdentity(picks[figures[0] - 1].photo);
    warnings.push({ kind: 'duplicate', figures, message: text.duplicate(figureList(figures, lang), identity, photoId) });
  }
  return warnings;
}
