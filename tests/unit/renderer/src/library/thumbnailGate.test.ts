// The grid's thumbnails wait while the view flies (thumbnailGate.ts): a card that appears while
// Page Down is held or the scrollbar dragged asks for its picture once the view rests; one Page
// Down, the wheel and arrow keys ask at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REST_MS, ThumbnailGate, type GateClock } from '../../../../../renderer/src/library/thumbnailGate.ts';

/** A clock the test moves by hand, with the timers due by then run in order. */
function manualClock() {
  let now = 1_000;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const clock: GateClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { clock, advance };
}

const VIEW = 900;

test('one jump (a single Page Down) does not hold: its cards ask at once', () => {
  const { clock } = manualClock();
  const gate = new ThumbnailGate(clock);
  // Cards are drawn before the grid notes the move they came with.
  assert.equal(gate.holding(), false);
  gate.moved(VIEW, VIEW);
  assert.equal(gate.holding(), true, 'right after a jump, cards that appear wait');
});

test('while Page Down is held the cards wait, and all of them ask once the view has rested', () => {
  const { clock, advance } = manualClock();
  const gate = new ThumbnailGate(clock);
  const shown: number[] = [];
  gate.moved(VIEW, VIEW);
  // Key repeats every 33 ms: each brings cards that wait.
  for (let press = 1; press <= 10; press++) {
    advance(33);
    assert.equal(gate.holding(), true, `press ${press}`);
    gate.whenRested(() => shown.push(press));
    gate.moved(VIEW, VIEW);
  }
  advance(REST_MS - 1);
  assert.deepEqual(shown, [], 'not before the view rested REST_MS');
  advance(1);
  assert.deepEqual(shown, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(gate.holding(), false);
});

test('small moves (the wheel, an arrow key) never hold', () => {
  const { clock, advance } = manualClock();
  const gate = new ThumbnailGate(clock);
  for (let tick = 0; tick < 30; tick++) {
    gate.moved(120, VIEW);
    advance(16);
    assert.equal(gate.holding(), false);
  }
  gate.moved(-VIEW / 2 + 1, VIEW);
  assert.equal(gate.holding(), false);
  gate.moved(-VIEW / 2, VIEW);
  assert.equal(gate.holding(), true, 'half a view back is a jump');
});

test('a card that went away before the rest asks for nothing', () => {
  const { clock, advance } = manualClock();
  const gate = new ThumbnailGate(clock);
  const shown: string[] = [];
  gate.moved(VIEW, VIEW);
  const cancel = gate.whenRested(() => shown.push('gone'));
  gate.whenRested(() => shown.push('kept'));
  cancel();
  advance(REST_MS);
  assert.deepEqual(shown, ['kept']);
});
