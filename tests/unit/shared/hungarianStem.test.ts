// The Hungarian stripper: the same rule for the index's words and the query's, on folded text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hungarianForms, hungarianStem } from '../../../shared/hungarianStem.ts';
import { foldedWords } from '../../../shared/textFold.ts';

const stem = (word: string) => hungarianStem(foldedWords(word)[0]);
const forms = (word: string) => hungarianForms(foldedWords(word)[0]);

test('case endings come off, with the lengthened vowel back (Dunán -> duna), accents typed or not', () => {
  const examples: [string, string][] = [
    ['Dunán', 'duna'],
    ['dunan', 'duna'],
    ['Dunáról', 'duna'],
    ['harckocsival', 'harckocsi'],
    ['Budapesten', 'budapest'],
    ['Budapestről', 'budapest'],
    ['templomban', 'templom'],
    ['hídon', 'hid'],
    ['rakparton', 'rakpart'],
    ['Parlamentnél', 'parlament'],
    ['Kolozsváron', 'kolozsvar'],
    ['Hídig', 'hid'],
    ['templomként', 'templom'],
    ['úton', 'ut'],
  ];
  for (const [word, expected] of examples) assert.equal(stem(word), expected, word);
});

test('-val/-vel assimilates to the consonant before it, digraphs included', () => {
  assert.equal(stem('villamossal'), 'villamos');
  assert.equal(stem('Kolozsvárral'), 'kolozsvar');
  assert.equal(stem('Parlamenttel'), 'parlament');
  assert.equal(stem('busszal'), 'busz');
  assert.equal(stem('harckocsival'), 'harckocsi');
});

test('plurals and possessives come off; stems that drop a vowel are restored from a short list', () => {
  assert.equal(stem('templomok'), 'templom');
  assert.equal(stem('kapuja'), 'kapu');
  assert.equal(stem('palotájában'), 'palota');
  assert.equal(stem('szobrot'), 'szobor');
  assert.equal(stem('szobra'), 'szobor');
  assert.equal(stem('szobrával'), 'szobor');
  assert.equal(stem('lovasszobra'), 'lovasszobor');
  assert.equal(stem('tornyával'), 'torony');
  assert.equal(stem('sarkán'), 'sarok');
});

test('vowel harmony: a front ending is not read off a back stem, nor a back ending off a front one', () => {
  // "-ben" after a stem whose last vowel is a is no ending: no Hungarian word does that.
  assert.ok(!forms('kabanben').includes('kaban'));
  assert.ok(forms('templomban').includes('templom'));
  // "-ban" after an e-only stem is no ending either; híd (i only) takes either.
  assert.ok(!forms('kertban').includes('kert'));
  assert.ok(forms('hidon').includes('hid'));
});

test('what is left alone: derivations, short words, numbers', () => {
  assert.equal(stem('dunai'), 'dunai');
  assert.equal(stem('budai'), 'budai');
  assert.equal(stem('utcai'), 'utcai');
  assert.equal(stem('tér'), 'ter');
  assert.deepEqual(hungarianForms('1956'), ['1956']);
  assert.deepEqual(hungarianForms('ter5'), ['ter5']);
  // A bare -a may be the word's own letter (utca, Duna): the stem keeps it, the forms try both.
  assert.equal(stem('utca'), 'utca');
  assert.ok(forms('tere').includes('ter'));
});
