// Fault injection for the kill -9 tests (tests/unit/electron/catalogue/store/killNine.test.ts): with
// FOTOTAR_FAULT_PAUSE_AT=<step> (or <step>:<n>, the n-th time this thread gets there) the process
// says `fault-pause <step> <n>` on stderr and then stops dead at that point of the real code, so
// the test's SIGKILL lands exactly there instead of wherever a timer happens to fall. Without the
// variable a fault point is one comparison and does nothing.
import fs from 'node:fs';

const setting = process.env.FOTOTAR_FAULT_PAUSE_AT ?? '';
const [wantedStep, wantedCount] = setting.includes(':') ? [setting.slice(0, setting.lastIndexOf(':')), Number(setting.slice(setting.lastIndexOf(':') + 1))] : [setting, 1];
let reached = 0;

/** A named point in a write path where a crash must leave the catalogue or the output whole. */
export function faultPoint(step: string): void {
  if (step !== wantedStep) return;
  reached++;
  if (reached !== wantedCount) return;
  fs.writeSync(2, `fault-pause ${step} ${reached}\n`);
  // Blocks this thread for good (inside a transaction too): only the kill ends it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
