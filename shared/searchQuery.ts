// The search box's query language, parsed into clauses. Environment-neutral so the renderer
// can explain a query and the catalogue can run it.
//   plain words       all must match; the last one is a prefix while typing
//   "quoted phrase"   words in this order
//   donor: photographer: place: tag: title: caption:   limit a word or phrase to a field
//     (Hungarian too, accents optional: adományozó: fotós: szerző: hely: címke: cím: leírás:)
//   id:12345          a Fortepan number
//   year:1956  year:1950..1960   photos whose date may fall in those years (év: too;
//                                a bare 1880-1890 or 1880–1890 is a year range)
//   folder:"/scans/Doboz 12"   photos from that folder and its subfolders (mappa: too; the
//                     full path, as the sidebar's folder tree puts it; shared/folderPath.ts)
//   rating:5  rating:>=3  rating:2..4   stars (értékelés: csillag: too; rating:0 is unrated)
//   flag:pick  flag:reject  flag:none    Lightroom's flags (jelölés: kiválasztott, elutasított, nincs)
//   label:red  (…yellow green blue purple none)   colour labels (színcímke: or szín: piros, sárga,
//                     zöld, kék, lila, nincs; not címke:, which is tags)
//   -word             exclude
//   word~  word~2     fuzzy: also words one (or two) letters away, for misspellings
//   a OR b            either word (OR in capitals binds the words next to it: "villamos OR busz
//                     Budapest" is (villamos or busz) and Budapest); `|` is not an operator,
//                     keyword paths such as Helyek|Budapest stay plain text
//   tag:"Helyszín|Budapest"   a node of the keyword tree: photos with a tag at or under that path
//                     ("Helyszín|Budapest|Üllői út"); a plain word or tag:Budapest finds any level
import { englishMessage, type ErrorKey, type ErrorParams } from './errorMessages.ts';
import { foldedWords } from './textFold.ts';
import { TAG_LEVEL_SEPARATOR } from './tags.ts';
import { folderKey, isAbsoluteFolder } from './folderPath.ts';
import { flagFromWord, labelFromWord, ratingRange, type ColourLabel, type PhotoFlag } from './photoMarks.ts';

export const SEARCH_FIELDS = ['title', 'caption', 'tags', 'donor', 'photographer', 'place', 'year', 'id', 'file'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

// Field names in English and Hungarian, compared without accents or case (fieldKey):
// `év:`, `adományozó:`, `címke:` work as typed, and so do `ev:`, `ADOMANYOZO:`.
const FIELD_ALIASES: Record<string, SearchField> = {
  donor: 'donor',
  adomanyozo: 'donor',
  photographer: 'photographer',
  fotos: 'photographer',
  szerzo: 'photographer',
  fenykepesz: 'photographer',
  place: 'place',
  hely: 'place',
  helyszin: 'place',
  tag: 'tags',
  tags: 'tags',
  cimke: 'tags',
  cimkek: 'tags',
  title: 'title',
  cim: 'title',
  caption: 'caption',
  leiras: 'caption',
  file: 'file',
  fajl: 'file',
  year: 'year',
  ev: 'year',
  evszam: 'year',
  id: 'id',
  szam: 'id',
};

/** The folder filter's names (`folder:"/scans/Doboz 12"`, `mappa:`): a path, not words. */
const FOLDER_FIELDS = new Set(['folder', 'mappa']);
/** The marks' field names (shared/photoMarks.ts), filters rather than words, compared like FIELD_ALIASES. */
const MARK_ALIASES: Record<string, 'rating' | 'flag' | 'label'> = {
  rating: 'rating',
  stars: 'rating',
  ertekeles: 'rating',
  csillag: 'rating',
  flag: 'flag',
  jeloles: 'flag',
  zaszlo: 'flag',
  label: 'label',
  szincimke: 'label',
  szin: 'label',
};

/** A field name as looked up: lower case, accents off ("Év" → "ev"). */
const fieldKey = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** "1880-1890" or "1880–1890" typed as a word is a year range. */
const BARE_YEAR_RANGE = /^(\d{4})\s*[-–]\s*(\d{4})$/;

export interface TermClause {
  kind: 'terms';
  field: SearchField | null;
  /** Folded words; all must match (a phrase also checks their order). */
  words: string[];
  phrase: boolean;
  negated: boolean;
  /** The last word may be incomplete (typing). */
  prefix: boolean;
  /** word~ or word~2: also match words this many edits away (absent: exact). */
  fuzzy?: number;
  /**
   * A node of the keyword tree (tag:"Helyszín|Budapest"): its levels, each as folded words
   * joined by a space. The photo needs a tag whose first levels are exactly these.
   */
  path?: string[];
}

export interface YearClause {
  kind: 'year';
  from: number;
  to: number;
  negated: boolean;
}

export interface IdClause {
  kind: 'id';
  id: number;
  negated: boolean;
}

/** Photos from a folder and its subfolders; `key` is the folder key (shared/folderPath.ts). */
export interface FolderClause {
  kind: 'folder';
  key: string;
  negated: boolean;
}

/** Any one of its words: `villamos OR busz OR tag:troli`. */
export interface OrClause {
  kind: 'or';
  /** Single words (field, fuzzy and prefix allowed; no phrases, no exclusions). */
  alternatives: TermClause[];
  negated: false;
}

/** rating:>=3: photos with min..max stars. */
export interface RatingClause {
  kind: 'rating';
  min: number;
  max: number;
  negated: boolean;
}

/** flag:pick, flag:none ('' = unflagged). */
export interface FlagClause {
  kind: 'flag';
  flag: PhotoFlag | '';
  negated: boolean;
}

/** label:red, label:none ('' = no label). */
export interface LabelClause {
  kind: 'label';
  label: ColourLabel | '';
  negated: boolean;
}

export type MarkClause = RatingClause | FlagClause | LabelClause;

export type SearchClause = TermClause | YearClause | IdClause | OrClause | FolderClause | MarkClause;

/** A query that cannot be read: `error` in English (the CLI's), `key` and `params` for the UI's language. */
export type QueryProblem = { ok: false; error: string; key: ErrorKey; params?: ErrorParams };

export type ParsedQuery = { ok: true; clauses: SearchClause[] } | QueryProblem;

function refuse(key: ErrorKey, params?: ErrorParams): QueryProblem {
  return { ok: false, error: englishMessage(key, params), key, ...(params ? { params } : {}) };
}

// A token: optional -, optional field:, then a "quoted phrase" or a bare word.
const TOKEN = /(-)?(?:([\p{L}]+):)?(?:"([^"]*)("?)|(\S+))/gu;

export function parseSearchQuery(input: string, options: { prefixLastWord?: boolean } = {}): ParsedQuery {
  const clauses: SearchClause[] = [];
  const text = input.trim();
  if (!text) return { ok: true, clauses };
  if (text.length > 1000) return refuse('queryTooLong');
  const endsInSpace = /\s$/.test(input);

  // Set by an OR: the next clause joins the one before it.
  let orPending = false;
  for (const match of text.matchAll(TOKEN)) {
    const [, minus, fieldName, phrase, closingQuote, bare] = match;
    if (bare === 'OR' && !minus && !fieldName) {
      const before = clauses.at(-1);
      if (orPending || !before) return refuse('queryOrSides');
      orPending = true;
      continue;
    }
    const count = clauses.length;
    const negated = minus === '-';
    const field = fieldName === undefined ? undefined : FIELD_ALIASES[fieldKey(fieldName)] ?? fieldKey(fieldName);
    if (phrase !== undefined && closingQuote !== '"') {
      return refuse('queryQuoteOpen');
    }
    const value = phrase ?? bare ?? '';
    const danglingField = /^([\p{L}]+):$/u.exec(bare ?? '');
    if (danglingField && (FIELD_ALIASES[fieldKey(danglingField[1])] || MARK_ALIASES[fieldKey(danglingField[1])])) {
      return refuse('queryFieldNeedsWord', { clause: danglingField[0] });
    }

    if (fieldName !== undefined && FOLDER_FIELDS.has(fieldKey(fieldName))) {
      const path = phrase ?? bare ?? '';
      if (orPending) return refuse('queryOrNotField', { clause: 'folder' });
      if (!isAbsoluteFolder(path)) return refuse('queryFolder', { value: path });
      clauses.push({ kind: 'folder', key: folderKey(path), negated });
      continue;
    }
    const bareRange = field === undefined && bare !== undefined ? BARE_YEAR_RANGE.exec(bare) : null;
    if (orPending && (field === 'year' || field === 'id' || bareRange)) return refuse('queryOrNotField', { clause: field ?? 'year' });
    if (bareRange && Number(bareRange[2]) >= Number(bareRange[1])) {
      clauses.push({ kind: 'year', from: Number(bareRange[1]), to: Number(bareRange[2]), negated });
      continue;
    }
    if (field === 'year') {
      const range = /^(\d{4})(?:\s*(?:\.\.|-|–)\s*(\d{4}))?$/.exec(value);
      if (!range) return refuse('queryYear', { value });
      const from = Number(range[1]);
      const to = Number(range[2] ?? range[1]);
      if (to < from) return refuse('queryYearBackwards', { value });
      clauses.push({ kind: 'year', from, to, negated });
      continue;
    }
    const mark = fieldName === undefined ? undefined : MARK_ALIASES[fieldKey(fieldName)];
    if (mark) {
      if (orPending) return refuse('queryOrNotField', { clause: fieldName ?? mark });
      const clause = markClause(mark, value, negated);
      if ('ok' in clause) return clause;
      clauses.push(clause);
      continue;
    }
    if (field === 'id') {
      const id = /^(?:fortepan\s*)?(\d{1,7})$/i.exec(value);
      if (!id) return refuse('queryId', { value });
      clauses.push({ kind: 'id', id: Number(id[1]), negated });
      continue;
    }
    let searchField: SearchField | null = null;
    if (field !== undefined) {
      if (!(SEARCH_FIELDS as readonly string[]).includes(field)) {
        return refuse('queryUnknownField', { name: fieldName ?? '' });
      }
      searchField = field as SearchField;
    }
    const fuzzy = phrase === undefined ? /~(\d*)$/.exec(value) : null;
    if (fuzzy && Number(fuzzy[1] || 1) > 2) return refuse('queryFuzzyTooMuch', { word: value.slice(0, fuzzy.index) });
    const words = foldedWords(fuzzy ? value.slice(0, fuzzy.index) : value);
    if (fuzzy && words.length !== 1) return refuse('queryFuzzyOneWord', { value });
    if (words.length === 0) {
      if (field !== undefined) return refuse('queryFieldEmpty', { name: fieldName ?? '' });
      continue; // punctuation only
    }
    const clause: TermClause = { kind: 'terms', field: searchField, words, phrase: phrase !== undefined, negated, prefix: false };
    if (fuzzy) clause.fuzzy = Number(fuzzy[1] || 1);
    else if (searchField === 'tags' && value.includes(TAG_LEVEL_SEPARATOR)) {
      // A keyword path: matched level by level, like a phrase (checked on the text afterwards).
      clause.path = value.split(TAG_LEVEL_SEPARATOR).map((level) => foldedWords(level).join(' ')).filter(Boolean);
      clause.phrase = true;
    }
    clauses.push(clause);
    if (orPending && clauses.length > count) {
      if (!joinOr(clauses)) return refuse('queryOrWords');
      orPending = false;
    }
  }
  if (orPending) return refuse('queryOrSides');

  // While typing, the last bare word is probably incomplete: match it as a prefix.
  const lastClause = clauses.at(-1);
  const last = lastClause?.kind === 'or' ? lastClause.alternatives.at(-1) : lastClause;
  if ((options.prefixLastWord ?? true) && !endsInSpace && last?.kind === 'terms' && !last.phrase && !last.negated && !last.fuzzy && !/"$/.test(text)) {
    last.prefix = true;
  }
  return { ok: true, clauses };
}

/** A rating:, flag: or label: filter, or why its value is none of the field's. */
function markClause(mark: 'rating' | 'flag' | 'label', value: string, negated: boolean): MarkClause | QueryProblem {
  if (mark === 'rating') {
    const range = ratingRange(value);
    return range ? { kind: 'rating', ...range, negated } : refuse('queryRating', { value });
  }
  if (mark === 'flag') {
    const flag = flagFromWord(value);
    return flag === null ? refuse('queryFlag', { value }) : { kind: 'flag', flag, negated };
  }
  const label = labelFromWord(value);
  return label === null ? refuse('queryLabel', { value }) : { kind: 'label', label, negated };
}

/** Joins the last two clauses into an OR; false when one of them cannot be a side. */
function joinOr(clauses: SearchClause[]): boolean {
  const right = clauses.pop()!;
  const left = clauses.pop()!;
  const side = (c: SearchClause): TermClause[] | null => {
    if (c.kind === 'or') return c.alternatives;
    if (c.kind !== 'terms' || c.phrase || c.negated || c.words.length !== 1) return null;
    return [c];
  };
  const a = side(left);
  const b = side(right);
  if (!a || !b) return false;
  clauses.push({ kind: 'or', alternatives: [...a, ...b], negated: false });
  return true;
}
