import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  flattenTags,
  isTagUnder,
  joinTags,
  mergeKeywords,
  normaliseTag,
  normaliseTags,
  renamedTag,
  sameTag,
  splitDraft,
  splitTags,
  tagAncestors,
  tagFromDigiKam,
  tagKey,
  tagLeaf,
  tagLevels,
  tagPathProblem,
} from '../../../shared/tags.ts';

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

// Hierarchical tags: paths of levels joined by `|` (Lightroom's lr:hierarchicalSubject).
test('a path is normalised around `|` and compares ignoring case there too', () => {
  assert.deepEqual(splitTags(' Helyszín | Budapest |  Üllői   út ; helyszín|budapest|üllői út'), ['Helyszín|Budapest|Üllői út']);
  assert.equal(normaliseTag('Helyszín |Budapest'), 'Helyszín|Budapest');
  assert.ok(sameTag('Helyszín|Budapest', 'helyszín | BUDAPEST'));
  assert.deepEqual(tagLevels('Helyszín|Budapest|Üllői út'), ['Helyszín', 'Budapest', 'Üllői út']);
  assert.deepEqual(tagLevels('villamos'), ['villamos']);
  assert.equal(tagLeaf('Helyszín|Budapest|Üllői út'), 'Üllői út');
  assert.deepEqual(tagAncestors('Helyszín|Budapest|Üllői út'), ['Helyszín', 'Helyszín|Budapest']);
  assert.deepEqual(tagAncestors('villamos'), []);
});

test('an empty level is a problem, named with the tag', () => {
  for (const bad of ['Helyszín||Budapest', '|Budapest', 'Budapest|', 'Helyszín| |Budapest', '|']) {
    assert.deepEqual(tagPathProblem(bad)?.key, 'tagEmptyLevel', bad);
  }
  assert.equal(tagPathProblem('Helyszín|Budapest'), null);
  assert.equal(tagPathProblem('Skoda 30,5'), null);
});

test('a node holds itself and the paths under it, level by level', () => {
  assert.ok(isTagUnder('Helyszín|Budapest|Üllői út', 'Helyszín|Budapest'));
  assert.ok(isTagUnder('Helyszín|Budapest', 'helyszín|budapest'));
  assert.ok(isTagUnder('Helyszín|Budapest', 'Helyszín'));
  assert.ok(!isTagUnder('Helyszín|Budapesti utca', 'Helyszín|Budapest'));
  assert.ok(!isTagUnder('Helyszín', 'Helyszín|Budapest'));
});

test('renaming a node renames the paths under it and leaves the rest', () => {
  assert.equal(renamedTag('Helyszín|Budapest|Üllői út', 'Helyszín|Budapest', 'Városok|Budapest'), 'Városok|Budapest|Üllői út');
  assert.equal(renamedTag('Helyszín|Budapest', 'helyszín', 'Hely'), 'Hely|Budapest');
  assert.equal(renamedTag('Helyszín|Budapesti utca', 'Helyszín|Budapest', 'X'), 'Helyszín|Budapesti utca');
  assert.equal(renamedTag('villamos', 'villamos', 'Jármű|villamos'), 'Jármű|villamos');
});

test('flattened for dc:subject and IPTC Keywords: every level once, leaf and ancestors', () => {
  assert.deepEqual(flattenTags(['Helyszín|Budapest|Üllői út', 'Helyszín|Budapest|Váci út', 'villamos']), ['Helyszín', 'Budapest', 'Üllői út', 'Váci út', 'villamos']);
});

test('paths and flat keywords read together keep each leaf once', () => {
  // Lightroom: dc:subject is the flattening of lr:hierarchicalSubject, plus keywords added elsewhere.
  assert.deepEqual(
    mergeKeywords(['Helyszín|Budapest|Üllői út', 'villamos'], ['Helyszín', 'Budapest', 'Üllői út', 'villamos', 'busz']),
    ['Helyszín|Budapest|Üllői út', 'villamos', 'busz'],
  );
  assert.deepEqual(mergeKeywords([], ['villamos', 'busz']), ['villamos', 'busz']);
  assert.equal(tagFromDigiKam('Helyszín/Budapest/Üllői út'), 'Helyszín|Budapest|Üllői út');
});
