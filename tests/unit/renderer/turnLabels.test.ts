// Rotate and flip in the UI: the undo step's label in both languages, and the keys (Ctrl+] /
// Ctrl+[, ⌘ on macOS, by character or by the key's place on a Hungarian keyboard).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historyLabel } from '../../../renderer/src/common/historyLabels.ts';
import { turnForKey } from '../../../renderer/src/editing/turnKeys.ts';
import { turnLabel } from '../../../electron/catalogue/editing/turnEdit.ts';
import { translator } from './i18nForTests.ts';

const CASES: [string, string, string][] = [
  [turnLabel({ rotate: 90 }, '2 photos'), 'Forgatás jobbra: 2 fotó', 'Rotate clockwise 2 photos'],
  [turnLabel({ rotate: 270 }, 'Fortepan 7416'), 'Forgatás balra: Fortepan 7416', 'Rotate counter-clockwise Fortepan 7416'],
  [turnLabel({ rotate: 180 }, '13560 photos'), 'Forgatás 180°-kal: 13\u00a0560 fotó', 'Rotate 180° 13,560 photos'],
  [turnLabel({ flip: true }, 'Üllői út'), 'Tükrözés: Üllői út', 'Flip Üllői út'],
  [turnLabel({ rotate: 90, flip: true }, '3 photos'), 'Forgatás jobbra és tükrözés: 3 fotó', 'Rotate clockwise and flip 3 photos'],
];

test('the rotate and flip steps are named in the UI\'s language', async () => {
  const hu = await translator('hu');
  const en = await translator('en');
  for (const [label, inHungarian, inEnglish] of CASES) {
    assert.equal(historyLabel(label, hu), inHungarian, label);
    assert.equal(historyLabel(label, en), inEnglish, label);
  }
});

const key = (init: Partial<KeyboardEvent>) => ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, key: '', code: '', ...init }) as KeyboardEvent;

test('Ctrl+] turns clockwise and Ctrl+[ counter-clockwise; ⌘ too; the bracket keys alone or with Shift do nothing', () => {
  assert.equal(turnForKey(key({ ctrlKey: true, key: ']', code: 'BracketRight' })), 90);
  assert.equal(turnForKey(key({ ctrlKey: true, key: '[', code: 'BracketLeft' })), 270);
  assert.equal(turnForKey(key({ metaKey: true, key: ']', code: 'BracketRight' })), 90);
  // A Hungarian keyboard has ú and ő where ] and [ are.
  assert.equal(turnForKey(key({ ctrlKey: true, key: 'ú', code: 'BracketRight' })), 90);
  assert.equal(turnForKey(key({ ctrlKey: true, key: 'ő', code: 'BracketLeft' })), 270);
  assert.equal(turnForKey(key({ key: ']', code: 'BracketRight' })), null);
  assert.equal(turnForKey(key({ ctrlKey: true, shiftKey: true, key: '}', code: 'BracketRight' })), null);
  assert.equal(turnForKey(key({ ctrlKey: true, key: 'z', code: 'KeyZ' })), null);
});
