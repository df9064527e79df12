import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText, foldedWords, hungarianCollator } from '../../../shared/textFold.ts';

test('Hungarian accents fold to plain letters', () => {
  assert.equal(foldText('Üllői út'), 'ulloi ut');
  assert.equal(foldText('ŐSZ ŰR árvíztűrő tükörfúrógép'), 'osz ur arvizturo tukorfurogep');
});

test('decomposed input folds like composed input', () => {
  assert.equal(foldText('U\u0308llo\u030bi'), 'ulloi');
});

test('letters without decomposition are folded too', () => {
  assert.equal(foldText('Łódź Øresund Straße'), 'lodz oresund strasse');
});

test('words split on punctuation and keep digits', () => {
  assert.deepEqual(foldedWords('Budapest VIII., Üllői út 1956-ban'), ['budapest', 'viii', 'ulloi', 'ut', '1956', 'ban']);
});

test('Hungarian collation orders digraphs and accents as Hungarians expect', () => {
  const sorted = ['Zsolnay', 'Cukor', 'Csók', 'Ödön', 'Oszkár', 'Zoltán'].sort(hungarianCollator.compare);
  assert.deepEqual(sorted, ['Cukor', 'Csók', 'Oszkár', 'Ödön', 'Zoltán', 'Zsolnay']);
});
