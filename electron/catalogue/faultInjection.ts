// Fault injection for the kill -9 tests (tests/unit/electron/catalogue/store/killNine.test.ts,
// catalogueBackupKill.test.ts): they kill the real `fototar` at named points of its write paths
// and check that nothing is lost or left half-done. One variable, unset in normal use (then a
// fault point is one comparison and does nothing):
//   FOTOTAR_FAULT=pause:<step>      stop dead the first time this thread reaches <step>
//   FOTOTAR_FAULT=pause:<step>:<n>  ... the n-th time (steps may have colons of their own,
//                                   "restore:renamed"; a last part of digits is the count)
//   FOTOTAR_FAULT=slow:<ms>         wait that long at every step, so kills land in between
// Before pausing the process says `fault-point <step>` and `fault-pause <step> <n>` on stderr,
// so the test's SIGKILL lands exactly there; in slow mode every step says `fault-point <step>`.
import fs from 'node:fs';

interface Setting {
  mode: 'pause' | 'slow' | null;
  step: string;
  count: number;
  ms: number;
}

function readSetting(text: string): Setting {
  const colon = text.indexOf(':');
  const mode = text.slice(0, colon);
  const value = text.slice(colon + 1);
  if (mode === 'slow') return { mode, step: '', count: 0, ms: Number(value) || 0 };
  if (mode !== 'pause') return { mode: null, step: '', count: 0, ms: 0 };
  const last = value.lastIndexOf(':');
  const counted = last > 0 && /^\d+$/.test(value.slice(last + 1));
  return { mode, step: counted ? value.slice(0, last) : value, count: counted ? Number(value.slice(last + 1)) : 1, ms: 0 };
}

const setting = readSetting(process.env.FOTOTAR_FAULT ?? '');
let reached = 0;

const sleeper = () => new Int32Array(new SharedArrayBuffer(4));

/** A named point in a write path where a crash must leave the catalogue or the output whole. */
export function faultPoint(step: string): void {
  if (setting.mode === null) return;
  if (setting.mode === 'slow') {
    fs.writeSync(2, `fault-point ${step}\n`);
    Atomics.wait(sleeper(), 0, 0, setting.ms);
    return;
  }
  if (step !== setting.step || ++reached !== setting.count) return;
  fs.writeSync(2, `fault-point ${step}\nfault-pause ${step} ${reached}\n`);
  // Blocks this thread for good (inside a transaction too): only the kill ends it.
  for (;;) Atomics.wait(sleeper(), 0, 0, 60_000);
}
