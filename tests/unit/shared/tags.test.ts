import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinTags, normaliseTags, sameTag, splitDraft, splitTags, tagKey } from '../../../shared/tags.ts';

// The one tag rule, as a table: what each piece of text reads as, wherever it is typed or read.
const SPLIT: [string, string[]][] = [
  ['villamos; Üllői út', ['villamos', 'Üllői út']],
  ['villamos;Üllői út;', ['villamos', 'Üllői út']],
  ['villamos\nbusz\r\nhajó', ['villamos', 'busz', 'hajó']],
  // Commas belong to tags: real Fortepan tags have them.
  ['Skoda 30,5', ['Skoda 30,5']],
  ['Adler 2,5 liter; Skidmore, Owings & Merrill-terv', ['Adler 2,5 liter', 'Skidmore, Owings & Merrill-terv']],
  // Case-insensitive duplicates kept once, first spelling wins; white space tidied.
  ['Villamos; villamos; VILLAMOS', ['Villamos']],
  ['  Üllői   út ; üllői út', ['Üllői út']],
  ['Ő; ő', ['Ő']],
  ['', []],
  [' ;  ; ', []],
];

test('splitTags: `;` and line breaks separate, commas do not, duplicates ignore case', () => {
  for (const [text, tags] of SPLIT) assert.deepEqual(splitTags(text), tags, JSON.stringify(text));
});

test('joinTags and splitTags round-trip', () => {
  for (const [, tags] of SPLIT) assert.deepEqual(splitTags(joinTags(tags)), tags);
});

test('tags compare ignoring case and white space; normalise keeps the first spelling', () => {
  assert.ok(sameTag('Üllői út', ' üllői  ÚT '));
  assert.ok(!sameTag('villamos', 'villamosok'));
  assert.equal(tagKey(' Budapest  VII '), 'budapest vii');
  assert.deepEqual(normaliseTags(['busz', 'Busz', ' hajó ', '']), ['busz', 'hajó']);
});

test('splitDraft: the tags finished by a separator and the part still being typed', () => {
  assert.deepEqual(splitDraft('tél;nyár'), { done: ['tél'], rest: 'nyár' });
  assert.deepEqual(splitDraft('Skoda 30,5;  Ad'), { done: ['Skoda 30,5'], rest: 'Ad' });
  assert.deepEqual(splitDraft('villamos'), { done: [], rest: 'villamos' });
});
