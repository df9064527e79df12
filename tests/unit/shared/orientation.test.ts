// The composition of orientations (shared/orientation.ts), checked against pixels: a small
// labelled grid is turned step by step and compared with what the composed turn does in one go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeTurns, applyRequest, displayedOrientation, exifOfTurn, turnOfExif, type Turn, UPRIGHT } from '../../../shared/orientation.ts';

type Grid = string[][];

/** Turn clockwise by 90 degrees. */
const rotate90 = (g: Grid): Grid => g[0]!.map((_, x) => g.map((row) => row[x]!).reverse());
/** Mirror left to right. */
const mirror = (g: Grid): Grid => g.map((row) => [...row].reverse());

function apply(g: Grid, turn: Turn): Grid {
  let out = g;
  for (let i = 0; i < turn.rotation / 90; i++) out = rotate90(out);
  return turn.flipped ? mirror(out) : out;
}

const SAMPLE: Grid = [
  ['a', 'b', 'c'],
  ['d', 'e', 'f'],
];

const ALL: Turn[] = [0, 90, 180, 270].flatMap((rotation) => [false, true].map((flipped) => ({ rotation, flipped }) as Turn));

test('EXIF orientations mean what the EXIF standard says, as pixels', () => {
  // The standard's eight: the stored rows and columns, and what shows upright.
  assert.deepEqual(apply(SAMPLE, turnOfExif(1)), SAMPLE);
  assert.deepEqual(apply(SAMPLE, turnOfExif(2)), [['c', 'b', 'a'], ['f', 'e', 'd']]);
  assert.deepEqual(apply(SAMPLE, turnOfExif(3)), [['f', 'e', 'd'], ['c', 'b', 'a']]);
  assert.deepEqual(apply(SAMPLE, turnOfExif(4)), [['d', 'e', 'f'], ['a', 'b', 'c']]);
  assert.deepEqual(apply(SAMPLE, turnOfExif(5)), [['a', 'd'], ['b', 'e'], ['c', 'f']]); // transpose
  assert.deepEqual(apply(SAMPLE, turnOfExif(6)), [['d', 'a'], ['e', 'b'], ['f', 'c']]); // 90° clockwise
  assert.deepEqual(apply(SAMPLE, turnOfExif(7)), [['f', 'c'], ['e', 'b'], ['d', 'a']]); // transverse
  assert.deepEqual(apply(SAMPLE, turnOfExif(8)), [['c', 'f'], ['b', 'e'], ['a', 'd']]); // 90° counter-clockwise
  for (let n = 1; n <= 8; n++) assert.equal(exifOfTurn(turnOfExif(n)), n);
  assert.deepEqual(turnOfExif(null), UPRIGHT);
  assert.deepEqual(turnOfExif(9), UPRIGHT);
});

test('composeTurns(a, b) does to pixels what a and then b do, for all 64 pairs', () => {
  for (const a of ALL) for (const b of ALL) assert.deepEqual(apply(SAMPLE, composeTurns(a, b)), apply(apply(SAMPLE, a), b), `${JSON.stringify(a)} then ${JSON.stringify(b)}`);
});

test('Ctrl+] turns the picture on screen clockwise, flipped or not; four presses come back', () => {
  for (const current of ALL) {
    const shown = apply(SAMPLE, current);
    assert.deepEqual(apply(SAMPLE, applyRequest(current, { rotate: 90 })), rotate90(shown));
    assert.deepEqual(apply(SAMPLE, applyRequest(current, { flip: true })), mirror(shown));
    let turn = current;
    for (let i = 0; i < 4; i++) turn = applyRequest(turn, { rotate: 90 });
    assert.deepEqual(turn, current);
    assert.deepEqual(applyRequest(applyRequest(current, { rotate: 90 }), { rotate: 270 }), current);
  }
  // A flipped photo turned clockwise on screen is stored as turned the other way, then flipped.
  assert.deepEqual(applyRequest({ rotation: 0, flipped: true }, { rotate: 90 }), { rotation: 270, flipped: true });
});

test('the displayed orientation is the file\'s own, then the person\'s', () => {
  assert.equal(displayedOrientation(1, { rotation: 90, flipped: false }), 6);
  assert.equal(displayedOrientation(6, { rotation: 90, flipped: false }), 3);
  assert.equal(displayedOrientation(6, { rotation: 270, flipped: false }), 1);
  assert.equal(displayedOrientation(8, { rotation: 0, flipped: true }), 7);
  assert.equal(displayedOrientation(2, { rotation: 90, flipped: false }), 7);
  assert.equal(displayedOrientation(null, UPRIGHT), 1);
});
