// What the search index knows about a photo: folded words per field. Names and places are
// never stemmed; everything is folded so "ulloi ut" finds "Üllői út".
import type { Photo } from '../../../shared/types.ts';
import type { SearchField } from '../../../shared/searchQuery.ts';
import { foldedWords } from '../../../shared/textFold.ts';
import { edtfYears } from '../../../shared/edtf.ts';

export type SearchDocument = Record<SearchField, string> & { ref: string };

export function searchDocument(photo: Photo): SearchDocument {
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

/** The whole folded text of a photo, for checking phrases after the index matched the words. */
export function foldedFieldText(doc: SearchDocument, field: SearchField | null): string {
  if (field) return ` ${doc[field]} `;
  return ` ${doc.title} | ${doc.caption} | ${doc.tags} | ${doc.donor} | ${doc.photographer} | ${doc.place} | ${doc.file} `;
}
