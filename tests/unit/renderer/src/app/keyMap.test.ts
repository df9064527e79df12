import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandFor, SHORTCUT_SHEET, type KeyContext } from '../../../../../renderer/src/app/keyMap.ts';

const onGrid: KeyContext = { editable: false, dialog: false, large: false, help: false };
const key = (k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent;

test('+ and - on the grid change the thumbnail size; with Ctrl they stay the window zoom; in a field they are typed', () => {
  assert.equal(commandFor(key('+'), onGrid), 'thumbBigger');
  assert.equal(commandFor(key('='), onGrid), 'thumbBigger');
  assert.equal(commandFor(key('-'), onGrid), 'thumbSmaller');
  assert.equal(commandFor(key('+', { ctrlKey: true }), onGrid), null);
  assert.equal(commandFor(key('-', { metaKey: true }), onGrid), null);
  assert.equal(commandFor(key('+'), { ...onGrid, editable: true }), null);
  assert.equal(commandFor(key('-'), { ...onGrid, large: true }), null);
});

test('the shortcuts sheet lists the thumbnail keys', () => {
  assert.ok(SHORTCUT_SHEET.some((row) => row.what === 'thumbSize' && row.keys.includes('+') && row.keys.includes('-')));
});

test('Z in the large view toggles the loupe; on the grid or in a field it does nothing of the kind', () => {
  const large: KeyContext = { ...onGrid, large: true };
  assert.equal(commandFor(key('z'), large), 'largeZoom');
  assert.equal(commandFor(key('Z', { shiftKey: true }), large), 'largeZoom');
  assert.equal(commandFor(key('z', { ctrlKey: true }), large), 'undo');
  assert.equal(commandFor(key('z'), onGrid), null);
  assert.equal(commandFor(key('z'), { ...large, editable: true }), null);
});
