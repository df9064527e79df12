// The index build folds a caption a space-separated piece at a time, each piece once per build
// (WordFolder.words): the words must be exactly those foldedWords gives for the whole text, for
// every kind of text archivists type or import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WordFolder } from '../../../../../electron/catalogue/search/searchDocument.ts';
import { foldedWords } from '../../../../../shared/textFold.ts';

const TEXTS = [
  '',
  ' ',
  'Árvíztűrő tükörfúrógép',
  'ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP, Üllői út 12–14.',
  '  két  szóköz   és\tegy tabulátor\nés új sor',
  'nem\u00a0törő szóköz',
  // Decomposed input (a Mac's file names): the accents are combining marks, one after a space.
  'U\u0308llo\u030bi u\u0301t \u0301kezdo\u030b',
  'Straße Øresund Łódź ÆSIR þing ıstanbul',
  'ΟΔΟΣ Σ ΣΑΣ', // Greek capital sigma lower-cases by its place in a word
  'Fortepan/Kovács_Anna-1956 (kb.) „idézet” 1950-es évek',
  '🙂 emoji 🙂kép',
];

test('folding a text a piece at a time gives the words of folding it whole', () => {
  const folder = new WordFolder();
  for (let round = 0; round < 2; round++) {
    // The second round reads every piece from the folder's memory.
    for (const text of TEXTS) assert.deepEqual(folder.words(text), foldedWords(text), JSON.stringify(text));
  }
});
