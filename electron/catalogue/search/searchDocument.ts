// What the search index knows about a photo: folded words per field. Names and places are
// never stemmed; everything is folded so "ulloi ut" finds "Üllői út".
import type { Photo } from '../../../shared/types.ts';
import type { SearchField } from '../../../shared/searchQuery.ts';
import { foldedWords } from '../../../shared/textFold.ts';
import { edtfYears } from '../../../shared/edtf.ts';

/** The searchable part of a photo (a Photo has it; the index reads it straight from SQL). */
export type SearchSource = Pick<
  Photo,
  'id' | 'file' | 'fortepanId' | 'title' | 'caption' | 'date' | 'donor' | 'photographer' | 'country' | 'city' | 'place' | 'tags' | 'rating' | 'flag' | 'label'
>;

export type SearchDocument = Record<SearchField, string> & { ref: string };

export function searchDocument(photo: SearchSource): SearchDocument {
  const words = (text: string) => foldedWords(text).join(' ');
  const years = edtfYears(photo.date);
  const yearWords: string[] = [];
  if (years && years.to - years.from <= 20) for (let y = years.from; y <= years.to; y++) yearWords.push(String(y));
  return {
    ref: String(photo.id),
    title: words(photo.title),
    caption: words(photo.caption),
    tags: words(photo.tags.join(' ')),
    donor: words(photo.donor),
    photographer: words(photo.photographer),
    place: words(`${photo.country} ${photo.city} ${photo.place}`),
    year: yearWords.join(' '),
    id: photo.fortepanId !== null ? String(photo.fortepanId) : '',
    file: words(photo.file.split(/[\\/]/).pop() ?? ''),
  };
}

/** One-letter codes of the fields a phrase can be limited to, as they appear in phraseText. */
export const PHRASE_FIELD_CODES: Partial<Record<SearchField, string>> = {
  title: 't',
  caption: 'c',
  tags: 'g',
  donor: 'd',
  photographer: 'p',
  place: 'l',
  file: 'f',
};

/**
 * The folded text phrases are checked against: "|t title words|c caption words|g tag|…|".
 * Each field (and each tag, each place part) is its own segment, so a phrase never spans two,
 * and a fielded phrase (donor:"nagy gyula") is looked for in its field's segments only.
 */
export function phraseText(photo: SearchSource): string {
  const words = (text: string) => foldedWords(text).join(' ');
  const segments: [string, string][] = [
    ['t', photo.title],
    ['c', photo.caption],
    ...photo.tags.map((t): [string, string] => ['g', t]),
    ['d', photo.donor],
    ['p', photo.photographer],
    ['l', photo.country],
    ['l', photo.city],
    ['l', photo.place],
    ['f', photo.file.split(/[\\/]/).pop() ?? ''],
  ];
  let out = '';
  for (const [code, text] of segments) {
    const folded = words(text);
    if (folded) out += `|${code} ${folded}`;
  }
  return `${out}|`;
}
