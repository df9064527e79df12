// What the search index knows about a photo: folded words per field. Names and places are
// never stemmed; everything is folded so "ulloi ut" finds "Üllői út".
import type { Photo } from '../../../shared/types.ts';
import type { SearchField } from '../../../shared/searchQuery.ts';
import { foldedWords } from '../../../shared/textFold.ts';
import { edtfYears } from '../../../shared/edtf.ts';
import { tagLevels } from '../../../shared/tags.ts';
import { remembered } from '../../../shared/remembered.ts';

/** The searchable part of a photo (a Photo has it; the index reads it straight from SQL). */
export type SearchSource = Pick<
  Photo,
  'id' | 'file' | 'fortepanId' | 'title' | 'caption' | 'date' | 'donor' | 'photographer' | 'country' | 'city' | 'place' | 'tags' | 'rating' | 'flag' | 'label'
>;

/** A photo's words per field, as Lunr indexes them (folded, split, in order). */
export type SearchDocument = Record<SearchField, readonly string[]>;

/** A photo folded once for the index: its words per field and its phrase text (phraseText). */
export interface FoldedPhoto {
  document: SearchDocument;
  phrase: string;
}

const tagPhraseOf = (tag: string): string =>
  tagLevels(tag).map((level) => foldedWords(level).join(' ')).filter(Boolean).join(PHRASE_LEVEL_SEPARATOR);

/**
 * Folds text into words, remembering the values that repeat across a catalogue (donors,
 * photographers, places, tags: a few thousand values over 200,000 photos), so each is folded
 * once per build. A folder lives for one build; its words are shared, never changed.
 */
export class WordFolder {
  readonly #known = new Map<string, readonly string[]>();
  readonly #chunks = new Map<string, readonly string[]>();
  readonly #tagPhrases = new Map<string, string>();
  readonly #years = new Map<string, { from: number; to: number } | null>();

  /**
   * foldedWords(text), each space-separated piece folded once per build: captions and titles
   * are mostly unique, their words are not (a catalogue's vocabulary is tens of thousands of
   * words), and folding (NFD, marks, case) is most of what reading a caption costs. Folding works
   * character by character and never makes or removes a space, so folding the pieces apart gives
   * the same words as folding the whole text.
   */
  words(text: string): readonly string[] {
    if (!text) return [];
    const out: string[] = [];
    for (const chunk of text.split(' ')) {
      if (!chunk) continue;
      const words = remembered(this.#chunks, chunk, 200_000, foldedWords);
      for (let i = 0; i < words.length; i++) out.push(words[i]);
    }
    return out;
  }

  /** A hierarchical tag's phrase segment: its levels folded and kept apart by PHRASE_LEVEL_SEPARATOR. */
  tagPhrase(tag: string): string {
    return remembered(this.#tagPhrases, tag, 100_000, tagPhraseOf);
  }

  /**
   * edtfYears(date), each date read once per build: a catalogue's dates repeat ("1956",
   * "1950s"), and reading one is a parse of EDTF.
   */
  years(date: string): { from: number; to: number } | null {
    return remembered(this.#years, date, 100_000, edtfYears);
  }

  repeated(text: string): readonly string[] {
    return remembered(this.#known, text, 100_000, foldedWords);
  }
}

/** Words as Lunr's own tokenizer splits a number (on spaces and hyphens). */
const lunrWords = (text: string): string[] => text.toLowerCase().split(/[\s-]+/).filter(Boolean);

/** The file's name without its folder. */
const fileName = (file: string): string => file.split(/[\\/]/).pop() ?? '';

/**
 * A photo's words per field, and the folded text phrases are checked against: "|t title
 * words|c caption words|g tag|…|". Each field (and each tag, each place part) is its own segment
 * of the phrase text, so a phrase never spans two, and a fielded phrase (donor:"nagy gyula") is
 * looked for in its field's segments only.
 */
export function foldPhoto(photo: SearchSource, folder: WordFolder = new WordFolder()): FoldedPhoto {
  const title = folder.words(photo.title);
  const caption = folder.words(photo.caption);
  const tags = photo.tags.map((t) => folder.repeated(t));
  const donor = folder.repeated(photo.donor);
  const photographer = folder.repeated(photo.photographer);
  const country = folder.repeated(photo.country);
  const city = folder.repeated(photo.city);
  const place = folder.repeated(photo.place);
  const file = folder.words(fileName(photo.file));
  const years = folder.years(photo.date);
  const yearWords: string[] = [];
  if (years && years.to - years.from <= 20) for (let y = years.from; y <= years.to; y++) yearWords.push(...lunrWords(String(y)));
  const document: SearchDocument = {
    title,
    caption,
    tags: tags.flat(),
    donor,
    photographer,
    place: [...country, ...city, ...place],
    year: yearWords,
    id: photo.fortepanId !== null ? lunrWords(String(photo.fortepanId)) : [],
    file,
  };
  // The phrase text's segments, in order. A hierarchical tag's levels are kept apart inside its
  // segment ("|g helyszin / budapest / ulloi ut"), so a phrase never spans two levels and
  // tag:"Helyszín|Budapest" finds the paths under that node.
  const segments: [string, string][] = [
    ['t', title.join(' ')],
    ['c', caption.join(' ')],
    ...photo.tags.map((t): [string, string] => ['g', folder.tagPhrase(t)]),
    ['d', donor.join(' ')],
    ['p', photographer.join(' ')],
    ['l', country.join(' ')],
    ['l', city.join(' ')],
    ['l', place.join(' ')],
    ['f', file.join(' ')],
  ];
  let phrase = '';
  for (const [code, words] of segments) if (words) phrase += `|${code} ${words}`;
  return { document, phrase: `${phrase}|` };
}

/** What separates a hierarchical tag's levels in the phrase text: no folded word holds a `/`. */
export const PHRASE_LEVEL_SEPARATOR = ' / ';

/** One-letter codes of the fields a phrase can be limited to, as they appear in the phrase text (foldPhoto). */
export const PHRASE_FIELD_CODES: Partial<Record<SearchField, string>> = {
  title: 't',
  caption: 'c',
  tags: 'g',
  donor: 'd',
  photographer: 'p',
  place: 'l',
  file: 'f',
};
